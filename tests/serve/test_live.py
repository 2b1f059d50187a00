"""Real clients against a running server: SPARQLWrapper, rdflib's SPARQLStore, raw httpx; and
the remote mode against a real Oxigraph server, compared with the embedded mode."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from serve_helpers import (
    FIXTURE,
    FRA,
    SLOW_QUERY,
    SUMMIT,
    LiveServer,
    fixture_settings,
    free_port,
)
from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper

from cowkg.serve.app import create_app
from cowkg.store import push_remote

pytestmark = pytest.mark.slow

CHAIR = "PREFIX cow: <https://w3id.org/cowkg/ontology#> SELECT ?c WHERE { ?m cow:chairedBy ?c }"


def test_sparqlwrapper_select_ask_construct(live: LiveServer) -> None:
    client = SPARQLWrapper(f"{live.url}/sparql")
    client.setQuery(CHAIR)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    assert [b["c"]["value"] for b in result["results"]["bindings"]] == [FRA]  # type: ignore[index]
    client.setQuery(f"ASK {{ <{SUMMIT}> ?p ?o }}")
    assert client.query().convert()["boolean"] is True  # type: ignore[index]
    client.setQuery(f"CONSTRUCT {{ <{FRA}> ?p ?o }} WHERE {{ <{FRA}> ?p ?o }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")  # type: ignore[arg-type]
    assert len(graph) == 8


def test_sparqlwrapper_post(live: LiveServer) -> None:
    client = SPARQLWrapper(f"{live.url}/sparql")
    client.setMethod("POST")
    client.setQuery(CHAIR)
    client.setReturnFormat(JSON)
    assert client.query().convert()["results"]["bindings"][0]["c"]["value"] == FRA  # type: ignore[index]


def test_rdflib_sparqlstore(live: LiveServer) -> None:
    graph = Graph(store=SPARQLStore(f"{live.url}/sparql", returnFormat="json"))
    rows = list(graph.query(CHAIR))
    assert [str(r[0]) for r in rows] == [FRA]  # type: ignore[index]
    assert (URIRef(SUMMIT), None, None) in graph


def test_raw_http_conneg_and_errors(live: LiveServer) -> None:
    r = httpx.get(f"{live.url}/id/state/FRA", headers={"Accept": "text/turtle"})
    assert r.status_code == 303 and r.headers["location"] == "/id/state/FRA.ttl"
    r = httpx.get(
        f"{live.url}/id/state/FRA", headers={"Accept": "text/turtle"}, follow_redirects=True
    )
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    r = httpx.get(f"{live.url}/sparql", params={"query": "ASK {"})
    assert r.status_code == 400 and r.json()["ok"] is False
    r = httpx.head(f"{live.url}/rdf-graphs/service", params={"graph": FRA})
    assert r.status_code == 404


def test_a_slow_query_does_not_block_other_requests() -> None:
    app = create_app(fixture_settings(query_timeout=5.0))
    with LiveServer(app) as server:
        slow = threading.Thread(
            target=lambda: httpx.get(
                f"{server.url}/sparql", params={"query": SLOW_QUERY}, timeout=10
            )
        )
        slow.start()
        time.sleep(0.1)
        assert httpx.get(f"{server.url}/health").status_code == 200
        assert httpx.get(f"{server.url}/sparql", params={"query": "ASK {}"}).status_code == 200
        # Both answered while the slow query was still being evaluated: ordering, not a stopwatch
        # (an absolute limit failed on a loaded machine).
        assert slow.is_alive()
        slow.join()


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Oxigraph server (no union-default-graph option), loaded as ``cowkg build`` loads a
    remote store: :func:`cowkg.store.push_remote` PUTs each named graph, then their merge as the
    default graph, over the Graph Store Protocol."""
    location: Path = tmp_path_factory.mktemp("oxigraph")
    binary = Path(sys.executable).parent / "oxigraph"
    port = free_port()
    process = subprocess.Popen(
        [str(binary), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.05)
        quads = ox.parse(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
        nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
        assert push_remote(nquads, f"{url}/store") > 0
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


COMPARED = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 3",
    f"ASK {{ <{SUMMIT}> ?p ?o }}",
    f"CONSTRUCT {{ <{FRA}> ?p ?o }} WHERE {{ <{FRA}> ?p ?o }}",
]


def test_remote_mode_answers_like_embedded_mode(oxigraph_server: str) -> None:
    remote = create_app(
        fixture_settings(store="remote", sparql_endpoint=f"{oxigraph_server}/query")
    )
    embedded = create_app(fixture_settings())
    with TestClient(remote) as r, TestClient(embedded) as e:
        assert r.get("/health").json()["store"] == "remote"
        assert r.get("/health").json()["triples"] == e.get("/health").json()["triples"]
        for query in COMPARED:
            accept = {"Accept": "application/n-triples"} if "CONSTRUCT" in query else {}
            a = r.get("/sparql", params={"query": query}, headers=accept)
            b = e.get("/sparql", params={"query": query}, headers=accept)
            assert a.status_code == b.status_code == 200, (query, a.text)
            if "CONSTRUCT" in query:
                assert sorted(a.text.splitlines()) == sorted(b.text.splitlines())
            else:
                assert a.json() == b.json(), query
        for path in ("/id/state/FRA", "/timeline", "/search?q=paris", "/graph/alignment.nt"):
            assert r.get(path).text == e.get(path).text, path


def test_remote_mode_keeps_the_safety_filters(oxigraph_server: str) -> None:
    remote = create_app(
        fixture_settings(store="remote", sparql_endpoint=f"{oxigraph_server}/query")
    )
    with TestClient(remote) as r:
        before = r.get("/health").json()["triples"]
        assert (
            r.post(
                "/sparql",
                content="CLEAR ALL",
                headers={"Content-Type": "application/sparql-update"},
            ).status_code
            == 403
        )
        assert r.get("/sparql", params={"query": "DROP ALL"}).status_code == 403
        service = "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
        assert r.get("/sparql", params={"query": service}).status_code == 403
        bad = r.get("/sparql", params={"query": "SELECT * {"})
        assert bad.status_code == 400 and "malformed" in bad.json()["error"]
        count = httpx.get(
            f"{oxigraph_server}/query",
            params={"query": "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }"},
            headers={"Accept": "application/sparql-results+json"},
        ).json()
        assert int(count["results"]["bindings"][0]["n"]["value"]) == before


def test_remote_mode_without_endpoint_is_a_clear_error() -> None:
    from cowkg.errors import StoreError

    with pytest.raises(StoreError, match="COWKG_SPARQL_ENDPOINT"):
        create_app(fixture_settings(store="remote"))
