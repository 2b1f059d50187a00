"""An attack set against our endpoint (in-process, FastAPI TestClient; the expensive and the
deeply nested queries against a live server process, as they are run in production).

Each attack is refused or cut off, the data is unchanged afterwards, and no outbound connection
is made.

The dataset is a small synthetic graph (one meeting, ~1,000 quads) so that a full fingerprint of
the store (quads per named graph) fits in one answer. SERVICE, FROM, LOAD and remote-context
targets point at a listening socket on 127.0.0.1 that must receive nothing.
"""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from httpx import Response

from cowkg.bench.generate import generate
from cowkg.bench.load import probe
from cowkg.bench.peers import Peer, ask
from cowkg.settings import load_settings

from .listener import Listener

QUERY_TIMEOUT = 2.0
MAX_ROWS = 1000
MAX_BYTES = 30_000  # low, so an oversized GET still fits in the HTTP client's URL limit
SLACK = 5.0  # seconds beyond the query timeout that a cut-off answer may take
MARKER = "TOP-SECRET-7f3a"
SPARQL = "/sparql"
JSON = "application/sparql-results+json"
FINGERPRINT = (
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("attacks") / "small.nq"
    generate(path, 500, seed=1)
    return path


@pytest.fixture(scope="module")
def client(dataset: Path) -> Iterator[TestClient]:
    from cowkg.serve.app import create_app

    settings = load_settings(
        dataset=dataset, query_timeout=QUERY_TIMEOUT, max_rows=MAX_ROWS, max_request_bytes=MAX_BYTES
    )
    with TestClient(create_app(settings), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def live(dataset: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    """``python -m cowkg serve`` on the dataset, with the same limits as ``client``."""
    from cowkg.bench.peers import serve

    limits = {
        "query_timeout": str(QUERY_TIMEOUT),
        "max_rows": str(MAX_ROWS),
        "max_request_bytes": str(MAX_BYTES),
    }
    with serve("cowkg", dataset, tmp_path_factory.mktemp("live"), settings=limits) as peer:
        yield peer


@pytest.fixture(scope="module")
def one_graph(client: TestClient) -> str:
    """The IRI of one fact graph of the dataset (a target for graph-level updates)."""
    answer = client.get(SPARQL, params={"query": FINGERPRINT[0]}, headers={"Accept": JSON})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["results"]["bindings"][0]["g"]["value"])


def _fingerprint(client: TestClient | httpx.Client) -> list[str]:
    out = []
    for query in FINGERPRINT:
        answer = client.get(SPARQL, params={"query": query}, headers={"Accept": JSON})
        assert answer.status_code == 200, answer.text
        out.append(answer.text)
    return out


@pytest.fixture
def live_client(live: Peer) -> Iterator[httpx.Client]:
    base = live.url.removesuffix(SPARQL)
    with httpx.Client(base_url=base, timeout=QUERY_TIMEOUT + SLACK) as http:
        yield http


@pytest.fixture
def live_guard(live_client: httpx.Client, listener: Listener) -> Iterator[Listener]:
    """The guard below, for the live server."""
    before = _fingerprint(live_client)
    yield listener
    time.sleep(0.05)
    assert listener.connections == [], "the endpoint connected out to the listener"
    assert _fingerprint(live_client) == before, "the data changed"


@pytest.fixture
def guard(client: TestClient, listener: Listener) -> Iterator[Listener]:
    """Around each attack: the data must be unchanged and the listener must have no visitor."""
    before = _fingerprint(client)
    yield listener
    time.sleep(0.05)  # let a late outbound connection reach the listener before we look
    assert listener.connections == [], "the endpoint connected out to the listener"
    assert _fingerprint(client) == before, "the data changed"


def test_fingerprint_sees_every_quad(client: TestClient, dataset: Path) -> None:
    """The guard is meaningful: the fingerprint counts all quads of the dataset."""
    lines = sum(1 for _ in dataset.open(encoding="utf-8"))
    rows = json.loads(_fingerprint(client)[0])["results"]["bindings"]
    assert sum(int(row["n"]["value"]) for row in rows) == lines


def test_listener_records_connections(listener: Listener) -> None:
    """The listener is meaningful: a connection to it is recorded."""
    import socket

    with socket.create_connection(("127.0.0.1", listener.port), timeout=2):
        pass
    time.sleep(0.2)
    assert len(listener.connections) == 1


# -- SPARQL Update, every form, every transport -------------------------------------------------

UPDATES = {
    "insert-data": 'INSERT DATA { GRAPH <urn:x:g> { <urn:x:s> <urn:x:p> "pwned" } }',
    "insert-data-default": 'INSERT DATA { <urn:x:s> <urn:x:p> "pwned" }',
    "delete-data": "DELETE DATA { GRAPH <{g}> { <urn:x:s> <urn:x:p> <urn:x:o> } }",
    "delete-insert-where": (
        'DELETE { GRAPH ?g { ?s ?p ?o } } INSERT { GRAPH ?g { ?s ?p "pwned" } } '
        "WHERE { GRAPH ?g { ?s ?p ?o } }"
    ),
    "delete-where": "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    "with-delete": "WITH <{g}> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "load": "LOAD <{listener}>",
    "load-silent-into": "LOAD SILENT <{listener}> INTO GRAPH <urn:x:g>",
    "clear-all": "CLEAR ALL",
    "clear-graph": "CLEAR GRAPH <{g}>",
    "drop-all": "DROP ALL",
    "drop-graph": "DROP SILENT GRAPH <{g}>",
    "create": "CREATE GRAPH <urn:x:new>",
    "add": "ADD <{g}> TO <urn:x:copy>",
    "move": "MOVE <{g}> TO <urn:x:copy>",
    "copy": "COPY <{g}> TO DEFAULT",
}
TRANSPORTS = (
    "get-query",
    "get-update",
    "post-form-query",
    "post-form-update",
    "post-sparql-query",
    "post-sparql-update",
)


def _send(client: TestClient, transport: str, text: str) -> Response:
    if transport == "get-query":
        return client.get(SPARQL, params={"query": text})
    if transport == "get-update":
        return client.get(SPARQL, params={"update": text})
    if transport.startswith("post-form-"):
        field = transport.removeprefix("post-form-")
        return client.post(SPARQL, data={field: text})
    kind = transport.removeprefix("post-")
    return client.post(
        SPARQL, content=text.encode(), headers={"Content-Type": f"application/{kind}"}
    )


@pytest.mark.parametrize("transport", TRANSPORTS)
@pytest.mark.parametrize("form", sorted(UPDATES))
def test_updates_are_refused(
    client: TestClient, guard: Listener, one_graph: str, form: str, transport: str
) -> None:
    text = UPDATES[form].replace("{g}", one_graph).replace("{listener}", guard.url)
    answer = _send(client, transport, text)
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:300])


@pytest.mark.parametrize("path", ["/update", "/sparql/update", "/store", "/rdf-graph-store"])
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_no_other_route_writes(client: TestClient, guard: Listener, path: str, method: str) -> None:
    answer = client.request(
        method,
        path,
        params={"graph": "urn:x:g"},
        content=b'<urn:x:s> <urn:x:p> "pwned" .',
        headers={"Content-Type": "application/n-triples"},
    )
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:300])


# -- outbound requests: SERVICE, FROM / FROM NAMED, protocol dataset parameters -------------------

PRIVATE = (
    "http://10.0.0.1/sparql",
    "http://192.168.1.1/sparql",
    "http://169.254.169.254/latest/meta-data/",
    "http://localhost:{port}/sparql",
    "http://[::1]:{port}/sparql",
    "http://127.0.0.1:{port}/sparql",
)


def _quick_and_safe(answer: Response, elapsed: float) -> None:
    """Refused (4xx) or answered without the remote data; never a 5xx, never waiting on a socket."""
    assert answer.status_code < 500, (answer.status_code, answer.text[:300])
    assert elapsed < QUERY_TIMEOUT + SLACK
    assert MARKER not in answer.text


@pytest.mark.parametrize("target", PRIVATE)
@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE { SERVICE <{t}> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE SILENT <{t}> { ?s ?p ?o } }",
        "SELECT * WHERE { ?x ?y ?z . SERVICE <{t}> { ?x ?p ?o } } LIMIT 1",
        "ASK { SERVICE <{t}> { ?s ?p ?o } }",
        "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <{t}> { ?s ?p ?o } }",
    ],
)
def test_service_makes_no_outbound_call(
    client: TestClient, guard: Listener, template: str, target: str
) -> None:
    query = template.replace("{t}", target.replace("{port}", str(guard.port)))
    began = time.perf_counter()
    answer = client.post(SPARQL, data={"query": query})
    _quick_and_safe(answer, time.perf_counter() - began)
    if answer.status_code == 200 and "SELECT" in query:
        assert answer.json()["results"]["bindings"] in ([], [{}]), answer.text[:300]


@pytest.fixture(scope="module")
def secret_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("secret") / "secret.ttl"
    path.write_text(f'<urn:x:s> <urn:x:p> "{MARKER}" .\n', encoding="utf-8")
    return path


@pytest.mark.parametrize("scheme", ["http", "file", "file-etc"])
@pytest.mark.parametrize(
    "template",
    [
        "SELECT * FROM <{t}> WHERE { ?s ?p ?o } LIMIT 5",
        "SELECT * FROM NAMED <{t}> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 5",
        "SELECT * WHERE { GRAPH <{t}> { ?s ?p ?o } } LIMIT 5",
    ],
)
def test_from_and_from_named_never_fetch(
    client: TestClient, guard: Listener, secret_file: Path, template: str, scheme: str
) -> None:
    target = {
        "http": guard.url,
        "file": secret_file.as_uri(),
        "file-etc": "file:///etc/passwd",
    }[scheme]
    began = time.perf_counter()
    answer = client.post(SPARQL, data={"query": template.replace("{t}", target)})
    _quick_and_safe(answer, time.perf_counter() - began)
    assert "root:" not in answer.text


@pytest.mark.parametrize("param", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("scheme", ["http", "file"])
def test_protocol_dataset_parameters_never_fetch(
    client: TestClient, guard: Listener, secret_file: Path, param: str, scheme: str
) -> None:
    target = guard.url if scheme == "http" else secret_file.as_uri()
    query = "SELECT * WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } LIMIT 5"
    began = time.perf_counter()
    answer = client.get(SPARQL, params={"query": query, param: target})
    _quick_and_safe(answer, time.perf_counter() - began)


# -- expensive queries: cut off by the row cap or the timeout ------------------------------------

CARTESIAN = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i"
HEAVY = {
    "cartesian-select": f"SELECT * WHERE {{ {CARTESIAN} }}",
    "cartesian-count": f"SELECT (COUNT(*) AS ?n) WHERE {{ {CARTESIAN} . ?j ?k ?l }}",
    "cartesian-order": f"SELECT * WHERE {{ {CARTESIAN} }} ORDER BY DESC(?c) ?f ?i",
    "cartesian-construct": f"CONSTRUCT {{ ?a ?b ?f }} WHERE {{ {CARTESIAN} }}",
    "closure-all-pairs": "SELECT * WHERE { ?s (<urn:x:p>|!<urn:x:p>)* ?o }",
    "closure-count": (
        "SELECT (COUNT(*) AS ?n) WHERE { ?s (!<urn:x:p>|^!<urn:x:p>)* ?o . "
        "?o (!<urn:x:p>|^!<urn:x:p>)* ?z }"
    ),
    "regex-backtracking": (
        'SELECT * WHERE { ?s ?p ?o FILTER(REGEX(CONCAT(STR(?o), "' + "a" * 5000 + '!"), '
        '"^(a+)+$")) }'
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(HEAVY))
def test_heavy_queries_are_cut_off(
    live_client: httpx.Client, live_guard: Listener, name: str
) -> None:
    """Live server: a query cut off at the deadline has its worker process killed (see
    test_kill.py), which an in-process client would not show."""
    began = time.perf_counter()
    answer = live_client.post(SPARQL, data={"query": HEAVY[name]}, headers={"Accept": JSON})
    elapsed = time.perf_counter() - began
    assert elapsed < QUERY_TIMEOUT + SLACK, f"{name} ran {elapsed:.1f} s"
    assert answer.status_code < 500 or answer.status_code in (503, 504), answer.text[:300]
    if answer.status_code == 200 and "results" in answer.text[:200]:
        assert len(answer.json()["results"]["bindings"]) <= MAX_ROWS
    began = time.perf_counter()
    assert _alive(live_client)
    assert time.perf_counter() - began < 1.0, "the next query waited"


def _alive(client: TestClient | httpx.Client) -> bool:
    return client.get(SPARQL, params={"query": "ASK { ?s ?p ?o }"}).status_code == 200


NESTED = {
    "path-parentheses": "SELECT * WHERE { ?s " + "(" * 3000 + "<urn:x:p>" + ")*" * 3000 + " ?o }",
    "group-braces": "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,
    "expression": "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "subqueries": "SELECT * WHERE { " + "{ SELECT * WHERE " * 3000 + "{ ?s ?p ?o }" + " }" * 6000,
    "union-chain": "SELECT * WHERE { " + " UNION ".join(["{ ?s ?p ?o }"] * 3000) + " } LIMIT 1",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NESTED))
def test_deeply_nested_queries_do_not_crash_the_server(
    dataset: Path, tmp_path: Path, listener: Listener, name: str
) -> None:
    """Live server (a crash must fail this test, not kill the test run): refused or answered,
    and still serving afterwards. Oxigraph's recursive-descent parser overflows its stack on
    deep nesting, which kills the process unless the endpoint refuses such queries first."""
    from cowkg.bench.peers import serve

    limits = {"query_timeout": str(QUERY_TIMEOUT), "max_rows": str(MAX_ROWS)}
    with serve("cowkg", dataset, tmp_path, settings=limits) as peer:
        began = time.perf_counter()
        answer = probe(peer.url, NESTED[name], timeout=QUERY_TIMEOUT + SLACK)
        assert time.perf_counter() - began < QUERY_TIMEOUT + SLACK
        assert answer.status != 0, f"no answer: the server died ({answer.error})"
        assert answer.status < 500 or answer.status in (503, 504), answer.error
        assert ask(peer.url) == 200, "the server stopped answering"


# -- giant inputs -------------------------------------------------------------------------------


def test_giant_literal_under_the_size_limit_is_answered(
    client: TestClient, guard: Listener
) -> None:
    literal = "x" * (MAX_BYTES - 1000)
    answer = client.post(
        SPARQL,
        content=f'ASK {{ ?s ?p "{literal}" }}'.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": JSON},
    )
    assert answer.status_code in (200, 400, 413), answer.text[:300]


@pytest.mark.parametrize("transport", ["post-sparql-query", "post-form-query", "get-query"])
def test_requests_over_the_size_limit_are_refused(
    client: TestClient, guard: Listener, transport: str
) -> None:
    text = 'ASK { ?s ?p "' + "x" * (MAX_BYTES + 10_000) + '" }'
    answer = _send(client, transport, text)
    assert answer.status_code in (400, 413, 414, 431), answer.status_code


def test_many_small_form_fields_are_refused_or_answered(
    client: TestClient, guard: Listener
) -> None:
    body = "&".join(f"named-graph-uri=urn:x:{i}" for i in range(2_000)) + "&query=ASK{}"
    answer = client.post(
        SPARQL, content=body.encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert answer.status_code < 500, answer.text[:300]


# -- RDF payloads: billion laughs (RDF/XML), remote @context (JSON-LD) ---------------------------

LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
  <!ENTITY a "ha">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
  <!ENTITY ext SYSTEM "{listener}">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:x="urn:x:">
  <rdf:Description rdf:about="urn:x:s"><x:p>&i;&ext;</x:p></rdf:Description>
</rdf:RDF>
"""
JSONLD = '{"@context": "{listener}", "@id": "urn:x:s", "p": "pwned"}'
PAYLOADS = {"rdf-xml": ("application/rdf+xml", LAUGHS), "json-ld": ("application/ld+json", JSONLD)}


@pytest.mark.parametrize("path", [SPARQL, "/", "/store", "/rdf-graph-store"])
@pytest.mark.parametrize("method", ["POST", "PUT"])
@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_rdf_payloads_are_not_parsed(
    client: TestClient, guard: Listener, payload: str, method: str, path: str
) -> None:
    content_type, body = PAYLOADS[payload]
    began = time.perf_counter()
    answer = client.request(
        method,
        path,
        params={"graph": "urn:x:g", "default": ""},
        content=body.replace("{listener}", guard.url).encode(),
        headers={"Content-Type": content_type},
    )
    assert time.perf_counter() - began < SLACK
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:300])


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_rdf_payloads_as_dataset_file_are_refused_at_start(
    tmp_path: Path, listener: Listener, payload: str
) -> None:
    """The only RDF the server parses is its dataset file: laughs / remote contexts are refused."""
    from cowkg.errors import CowkgError
    from cowkg.store import load_store

    suffix = {"rdf-xml": ".rdf", "json-ld": ".jsonld"}[payload]
    path = tmp_path / f"evil{suffix}"
    path.write_text(PAYLOADS[payload][1].replace("{listener}", listener.url), encoding="utf-8")
    began = time.perf_counter()
    with pytest.raises(CowkgError, match=f"evil\\{suffix}"):
        load_store(load_settings(dataset=path))
    assert time.perf_counter() - began < SLACK
    assert listener.connections == []


def test_query_strings_are_urlencoded_safely(client: TestClient, guard: Listener) -> None:
    """A raw CRLF / header-injection attempt in the query string is refused or answered, not 5xx."""
    raw = urllib.parse.quote("ASK {}\r\nX-Injected: 1\r\n\r\nGET / HTTP/1.1", safe="")
    answer = client.get(f"{SPARQL}?query={raw}")
    assert answer.status_code < 500
    assert "X-Injected" not in answer.headers
