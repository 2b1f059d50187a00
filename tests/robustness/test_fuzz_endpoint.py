"""Property-based fuzzing of the endpoint, in-process (ASGI): schemathesis over our OpenAPI schema,
and hypothesis over query texts built from SPARQL tokens. No answer may be a 5xx.

Runs are bounded (``max_examples``) so the suite stays fast; the endpoint's own query timeout is
set low so that an expensive generated query is cut off rather than waited for.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error

from cowkg.bench.generate import generate
from cowkg.settings import load_settings


def _app() -> Any:
    """Our app, its lifespan answered here: schemathesis runs a lifespan per call, and the app's
    shutdown stops its query pool for good (uvicorn runs one lifespan per process)."""
    from cowkg.serve.app import create_app

    folder = Path(tempfile.mkdtemp(prefix="cowkg-fuzz-"))
    generate(folder / "fuzz.nq", 300, seed=2)
    app = create_app(load_settings(dataset=folder / "fuzz.nq", query_timeout=2.0, max_rows=200))

    async def once(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await app(scope, receive, send)
            return
        while True:
            message = await receive()
            kind = message["type"].removeprefix("lifespan.")
            await send({"type": f"lifespan.{kind}.complete"})
            if kind == "shutdown":
                return

    return once


APP = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


@pytest.mark.slow
@schema.parametrize()
@FUZZ
def test_openapi_operations_never_answer_5xx(case: schemathesis.Case) -> None:
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])


TOKENS = st.sampled_from(
    [
        "SELECT",
        "ASK",
        "CONSTRUCT",
        "DESCRIBE",
        "WHERE",
        "{",
        "}",
        "(",
        ")",
        ".",
        ";",
        ",",
        "*",
        "?s",
        "?p",
        "?o",
        "?x",
        "<urn:x:a>",
        "<https://w3id.org/cowkg/ontology#Summit>",
        "a",
        '"x"',
        '"x"@en',
        "1",
        "1.5",
        "-1e9",
        "FILTER",
        "OPTIONAL",
        "UNION",
        "MINUS",
        "GRAPH",
        "SERVICE",
        "BIND",
        "AS",
        "VALUES",
        "LIMIT",
        "OFFSET",
        "ORDER BY",
        "GROUP BY",
        "HAVING",
        "COUNT(*)",
        "DISTINCT",
        'REGEX(?o, "(a|a)*")',
        "STR(?o)",
        "|",
        "/",
        "^",
        "+",
        "?",
        "!",
        "PREFIX x: <urn:x:>",
        "x:p",
        "BASE <urn:x:>",
        "#",
        "\n",
        "\\",
        "\u00a0",
        "\u0000",
        "INSERT DATA",
        "DELETE",
        "LOAD",
        "CLEAR ALL",
        "FROM",
        "FROM NAMED",
    ]
)


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(APP, raise_server_exceptions=False)


@pytest.mark.slow
@FUZZ
@given(st.lists(TOKENS, max_size=40).map(" ".join))
def test_token_soup_queries_never_answer_5xx(client: TestClient, query: str) -> None:
    answer = client.post("/sparql", data={"query": query})
    assert answer.status_code < 500 or answer.status_code in (503, 504), (query, answer.text[:300])


@FUZZ
@given(st.text(max_size=300))
def test_any_text_as_query_never_answers_5xx(client: TestClient, query: str) -> None:
    answer = client.get("/sparql", params={"query": query})
    assert answer.status_code < 500, (query, answer.text[:300])
