"""Every error of every route has the one JSON shape {ok: false, error, errors, status}."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_helpers import SLOW_QUERY, fixture_settings

from cowkg.serve.app import create_app

CASES: list[tuple[str, str, dict[str, object], int]] = [
    ("GET", "/sparql", {"params": {"query": "SELECT * {"}}, 400),
    ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", {}, 400),
    ("GET", "/sparql", {"params": {"update": "CLEAR ALL"}}, 403),
    (
        "POST",
        "/sparql",
        {"content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}},
        403,
    ),
    ("GET", "/sparql", {"params": {"query": "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"}}, 403),
    ("PUT", "/sparql", {}, 405),
    ("GET", "/sparql", {"params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}}, 406),
    ("POST", "/sparql", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    (
        "POST",
        "/sparql",
        {"content": "x" * 3000, "headers": {"Content-Type": "application/sparql-query"}},
        413,
    ),
    ("GET", "/sparql", {"params": {"query": SLOW_QUERY}}, 503),
    ("GET", "/no/such/page", {}, 404),
    ("GET", "/id/state/XYZ", {}, 404),
    ("GET", "/source/none", {}, 404),
    ("GET", "/graph/none", {}, 404),
    ("GET", "/data/cowkg.doc", {}, 404),
    ("GET", "/queries/none.rq", {}, 404),
    ("GET", "/ontology.exe", {}, 404),
    ("GET", "/rdf-graphs/service", {}, 400),
    ("GET", "/rdf-graphs/service", {"params": {"graph": "http://x/"}}, 404),
    ("DELETE", "/rdf-graphs/service", {"params": {"graph": "http://x/"}}, 405),
    ("PUT", "/graph/alignment", {}, 405),
    ("GET", "/search", {"params": {"q": "x" * 201}}, 400),
    ("GET", "/.well-known/void", {"headers": {"Accept": "text/csv"}}, 406),
    ("DELETE", "/health", {}, 405),
]


def test_every_error_route_has_the_one_shape() -> None:
    settings = fixture_settings(max_request_bytes=2000, query_timeout=0.1)
    with TestClient(create_app(settings)) as client:
        for method, path, kwargs, status in CASES:
            response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
            assert response.status_code == status, (method, path, response.text)
            assert response.headers["content-type"] == "application/json", (method, path)
            body = response.json()
            assert set(body) == {"ok", "error", "errors", "status"}, (method, path, body)
            assert body["ok"] is False and body["status"] == status
            assert isinstance(body["error"], str) and body["error"], (method, path)
            assert isinstance(body["errors"], list) and all(
                isinstance(e, str) for e in body["errors"]
            )


@pytest.mark.parametrize(
    ("query", "prefix", "where"),
    [
        ("SELECT * { ?s foo:bar ?o }", "foo:", "1:22"),
        (
            "PREFIX a: <http://x/>\nSELECT * {\n  ?s a:b ?o . ?s un-known:y ?z }",
            "un-known:",
            "3:28",
        ),
    ],
)
def test_an_unknown_prefix_is_named_in_a_short_message(
    client: TestClient, query: str, prefix: str, where: str
) -> None:
    body = client.get("/sparql", params={"query": query}).json()
    assert body["status"] == 400
    assert f"unknown prefix {prefix!r} at {where}" in body["error"]
    assert f"PREFIX {prefix} <" in body["error"] and len(body["error"]) < 200
    assert body["errors"] == [body["error"]]  # not the parser's list of Unicode ranges either


def test_a_long_parser_message_is_cut(client: TestClient) -> None:
    error = client.get("/sparql", params={"query": "SELECT * {"}).json()["error"]
    assert error.startswith("malformed query: error at 1:11: expected one of")
    assert len(error) < 340 and error.endswith(" …")
