"""The SPARQL fast path (plain protocol requests answered without the framework's layers) gives
the same answers as the full app, which still answers everything else (a request with ``Origin``
takes the full path, so each case is sent both ways and compared)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from serve_helpers import FRA

JSON = "application/sparql-results+json"
CASES: list[tuple[str, dict[str, object]]] = [
    ("GET", {"params": {"query": "SELECT * { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 5"}}),
    ("GET", {"params": {"query": "ASK { ?s ?p ?o }", "format": "xml"}}),
    (
        "GET",
        {"params": {"query": "SELECT * { ?s ?p ?o } LIMIT 2"}, "headers": {"Accept": "text/csv"}},
    ),
    ("GET", {"params": {"query": f"CONSTRUCT {{ <{FRA}> ?p ?o }} WHERE {{ <{FRA}> ?p ?o }}"}}),
    ("GET", {"params": {"query": "SELECT * {"}}),
    ("GET", {"params": {"query": "ASK {}"}, "headers": {"Accept": "image/png"}}),
    ("GET", {"params": {"query": "CLEAR ALL"}}),
    ("GET", {"params": {"query": "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}}),
    ("GET", {"params": {"update": "CLEAR ALL"}}),
    ("GET", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}),
    ("GET", {"params": {"query": "SELECT * { ?s ?p ?o } LIMIT 1", "default-graph-uri": "bad iri"}}),
    (
        "POST",
        {
            "content": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
            "headers": {"Content-Type": "application/sparql-query", "Accept": JSON},
        },
    ),
    ("POST", {"data": {"query": "SELECT ?s { ?s a ?c } ORDER BY ?s LIMIT 3"}}),
    ("POST", {"data": {"update": "CLEAR ALL"}}),
    ("POST", {"content": b"ASK {\xff}", "headers": {"Content-Type": "application/sparql-query"}}),
    ("POST", {"content": "ASK {}", "headers": {"Content-Type": "text/plain"}}),
]


@pytest.mark.parametrize(("method", "kwargs"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_fast_path_answers_like_the_full_app(
    client: TestClient, method: str, kwargs: dict[str, object]
) -> None:
    fast = client.request(method, "/sparql", **kwargs)  # type: ignore[arg-type]
    headers = {**dict(kwargs.get("headers", {})), "Origin": "https://example.org"}  # type: ignore[call-overload]
    full = client.request(method, "/sparql", **{**kwargs, "headers": headers})  # type: ignore[arg-type]
    assert fast.status_code == full.status_code, (fast.text[:300], full.text[:300])
    assert fast.content == full.content
    for name in ("content-type", "retry-after", "link", "vary"):
        assert fast.headers.get(name) == full.headers.get(name), name
    assert "access-control-allow-origin" in full.headers


def test_an_answer_past_max_rows_is_refused_alike_on_the_fast_path(client: TestClient) -> None:
    from serve_helpers import fixture_settings

    from cowkg.serve.app import create_app

    with TestClient(create_app(fixture_settings(max_rows=2))) as small:
        fast = small.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
        full = small.get(
            "/sparql",
            params={"query": "SELECT * { ?s ?p ?o }"},
            headers={"Origin": "https://example.org"},
        )
        assert fast.status_code == full.status_code == 400
        assert fast.content == full.content
        assert fast.headers["link"] == full.headers["link"]
        assert "link" in full.headers["access-control-expose-headers"].lower()  # CORS readers too
