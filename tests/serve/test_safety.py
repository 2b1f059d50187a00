"""Safe by default: read-only, no outbound requests, time and size limits, escaped pages."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from serve_helpers import SLOW_QUERY, fixture_settings

from cowkg.errors import QueryTimeout, RequestError
from cowkg.serve.app import create_app
from cowkg.serve.backends import QueryRunner, RemoteBackend
from cowkg.serve.safety import QueryForm, check_query, inspect_query

COUNT = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"

UPDATES = [
    "INSERT DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "DELETE DATA { <http://e/s> <http://e/p> <http://e/o> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX x: <http://e/> WITH <http://e/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "LOAD <http://example.org/data.ttl>",
    "CLEAR ALL",
    "CLEAR SILENT GRAPH <http://e/g>",
    "CREATE GRAPH <http://e/g>",
    "DROP DEFAULT",
    "COPY DEFAULT TO <http://e/g>",
    "MOVE <http://e/a> TO <http://e/b>",
    "ADD <http://e/a> TO <http://e/b>",
    "# a comment first\nBASE <http://e/> insert data { <s> <p> <o> }",
]


def triple_count(client: TestClient) -> str:
    return str(client.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"])


@pytest.mark.parametrize("update", UPDATES)
def test_every_update_form_is_refused_and_data_is_unchanged(
    client: TestClient, update: str
) -> None:
    before = triple_count(client)
    attempts = [
        client.get("/sparql", params={"query": update}),
        client.get("/sparql", params={"update": update}),
        client.post("/sparql", data={"update": update}),
        client.post("/sparql", data={"query": update}),
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
        ),
        client.post(
            "/sparql", content=update, headers={"Content-Type": "application/sparql-query"}
        ),
    ]
    for response in attempts:
        assert response.status_code == 403, (update, response.text)
        assert "read-only" in response.json()["error"]
    assert triple_count(client) == before


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "select * { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * { ?s ?p true.SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
        "SELECT * { ?s ?p ?o .SERVICE ?endpoint { ?s ?p ?o } }",
        "PREFIX e: <http://127.0.0.1:9/> SELECT * { SERVICE e:sparql { ?s ?p ?o } }",
        "SELECT * { { SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } } }",
    ],
)
def test_service_is_refused(client: TestClient, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403
    assert "SERVICE" in response.json()["error"]


def test_service_words_inside_strings_iris_and_comments_are_fine(client: TestClient) -> None:
    query = (
        'SELECT ?x { BIND("SERVICE <http://evil/>" AS ?x) '
        "FILTER(?x != <http://e/SERVICE>) } # SERVICE <http://evil/>"
    )
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_service_allowlist_lets_a_named_endpoint_through() -> None:
    allowed = frozenset({"http://example.org/sparql"})
    info = check_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", allowed)
    assert info.services == ("http://example.org/sparql",)
    with pytest.raises(RequestError):
        check_query("SELECT * { SERVICE <http://example.org/other> { ?s ?p ?o } }", allowed)


def test_inspect_reads_the_form_after_the_prologue() -> None:
    info = inspect_query("PREFIX a: <http://e/> BASE <http://e/> CONSTRUCT WHERE { ?s ?p ?o }")
    assert info.form is QueryForm.CONSTRUCT and not info.is_update
    assert inspect_query("ASK FROM NAMED <http://e/g> { }").form is QueryForm.ASK


def test_malformed_query_gets_400_with_the_parser_position(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p "})
    assert response.status_code == 400
    body = response.json()
    assert "malformed query" in body["error"]
    assert "1:" in body["errors"][0]  # line:column from Oxigraph


def test_request_larger_than_max_request_bytes_is_413() -> None:
    with TestClient(create_app(fixture_settings(max_request_bytes=200))) as small:
        big = "ASK {} #" + "x" * 300
        assert (
            small.post(
                "/sparql", content=big, headers={"Content-Type": "application/sparql-query"}
            ).status_code
            == 413
        )
        assert small.get("/sparql", params={"query": big}).status_code == 413
        assert small.get("/sparql", params={"query": "ASK {}"}).status_code == 200


def test_streamed_body_over_the_limit_is_413() -> None:
    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"# " + b"x" * 100 + b"\n"

    with TestClient(create_app(fixture_settings(max_request_bytes=500))) as small:
        response = small.post(
            "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}
        )
        assert response.status_code == 413
        assert response.json()["status"] == 413


def test_runner_abandons_work_past_the_timeout() -> None:
    import asyncio

    runner = QueryRunner(slots=1, timeout=0.2)

    def slow() -> int:
        time.sleep(0.6)
        return 1

    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        asyncio.run(runner.run(slow))
    assert time.monotonic() - started < 0.5
    # the abandoned work still holds the only slot: the next query is told the server is busy
    with pytest.raises(RequestError) as busy:
        asyncio.run(runner.run(slow))
    assert busy.value.status == 503
    runner.shutdown()


def test_remote_reading_stops_at_the_deadline() -> None:
    import socket

    with socket.create_server(("127.0.0.1", 0)) as silent:  # accepts, never answers
        port = silent.getsockname()[1]
        remote = RemoteBackend(f"http://127.0.0.1:{port}/query", 0.3, "https://e/", slots=1)
        with pytest.raises(QueryTimeout):
            remote.select_now(COUNT)


def test_slow_query_over_http_gets_503_quickly() -> None:
    with TestClient(create_app(fixture_settings(query_timeout=0.1))) as quick:
        started = time.monotonic()
        response = quick.get("/sparql", params={"query": SLOW_QUERY})
        assert response.status_code == 503
        assert "cut off" in response.json()["error"]
        assert response.headers["retry-after"] == "5"
        assert time.monotonic() - started < 0.5


def test_pages_escape_seed_text(client: TestClient) -> None:
    page = client.get("/id/state/FRA").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    evidence = client.get("/id/meeting/2025-03-27-summit").text
    assert "<b>of leaders</b>" not in evidence and "&lt;b&gt;of leaders&lt;/b&gt;" in evidence
    search = client.get("/search", params={"q": "<script>"}).text
    assert "<script>alert" not in search and "“&lt;script&gt;”" in search


def test_cors_allows_read_only_browser_clients(client: TestClient) -> None:
    preflight = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] in ("*", "https://example.org")
    assert "PUT" not in preflight.headers["access-control-allow-methods"]
    response = client.get(
        "/sparql", params={"query": "ASK {}"}, headers={"Origin": "https://example.org"}
    )
    assert response.headers["access-control-allow-origin"] == "*"


# -- the query read on SPARQL's own terminals: the forms that fooled the token check -------------

ESCAPED_NAMES = [
    # an escaped # or ' in a local name made the rest of the line a comment or a string
    "PREFIX e: <http://e/> SELECT * { ?s e:a\\# SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "PREFIX e: <http://e/> SELECT * { ?s e:a\\' SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } } #'",
    "PREFIX e: <http://e/> SELECT * { ?s e:\\'x\\' . SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    # the same with names outside ASCII (the lexer's full character classes)
    "PREFIX é: <http://e/> SELECT * { ?s é:ü\\# SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    # a keyword spelt with a code-point escape
    "SELECT * { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    # a prefixed-name target
    "PREFIX e: <http://127.0.0.1:9/> SELECT * { ?s ?p ?o . SERVICE e:a\\#b { ?s ?p ?o } }",
]


@pytest.mark.parametrize("query", ESCAPED_NAMES)
def test_escapes_in_names_do_not_hide_a_service(client: TestClient, query: str) -> None:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 403, response.text
    assert "SERVICE" in response.json()["error"]


def test_a_quote_in_an_iri_shaped_run_is_refused(client: TestClient) -> None:
    """``<'>`` reads as an IRI or as ``<`` then a string: the two readings would disagree."""
    query = "SELECT * { ?s ?p ?a FILTER((?a<'>' )) SERVICE <http://127.0.0.1:9/> { } #'\n}"
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 400
    assert "%27" in response.json()["error"]


def test_a_prefixed_service_target_is_expanded_before_the_allowlist() -> None:
    allowed = frozenset({"http://example.org/sparql"})
    text = "PREFIX x: <http://example.org/> SELECT * { SERVICE x:sparql { ?s ?p ?o } }"
    assert check_query(text, allowed).services == ("http://example.org/sparql",)


HUGE = {
    "plus": "SELECT * { FILTER(" + "+".join(["1"] * 100_000) + ") }",
    "or": "SELECT * { ?s ?p ?o FILTER(" + "||".join(["?o=1"] * 100_000) + ") }",
    "union": "SELECT * { " + " UNION ".join(["{}"] * 50_000) + " }",
    "triples": "SELECT * { " + " . ".join(f"?s ?p ?o{i}" for i in range(20_000)) + " }",
    "optional": "SELECT * { ?s ?p ?o " + "OPTIONAL { ?s ?p ?o } " * 10_000 + "}",
    "path": "SELECT * { ?s " + "/".join(["<http://e/p>"] * 20_000) + " ?o }",
    "nesting": "SELECT * { " + "{" * 5000 + "}" * 5000 + " }",
}


@pytest.mark.parametrize("form", sorted(HUGE))
def test_huge_structures_are_refused_before_they_crash_a_worker(
    client: TestClient, form: str
) -> None:
    pool = client.app.state.cowkg.backend.pool  # type: ignore[attr-defined]
    assert client.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    before = pool.pids
    response = client.post(
        "/sparql", content=HUGE[form], headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 400, response.text[:300]
    assert "at most" in response.json()["error"]
    assert pool.pids == before, "the worker died"


def test_the_limits_leave_room_for_every_real_query() -> None:
    from pathlib import Path

    from cowkg.serve.safety import LIMITS

    folder = Path(__file__).resolve().parent.parent.parent / "queries"
    for path in sorted(folder.glob("*.rq")):
        shape = inspect_query(path.read_text(encoding="utf-8")).shape
        for name, limit in LIMITS.items():
            assert getattr(shape, name) * 8 <= limit, (path.name, name)
