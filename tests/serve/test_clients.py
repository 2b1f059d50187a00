"""Real clients with their default settings against a live server: SPARQLWrapper (every query
form, every return format it offers, GET and POST), rdflib's ``SPARQLStore`` and
``SPARQLUpdateStore``, and the Accept headers Jena and browsers send. A cap the answer passes is an
error each client raises, never a silent cut."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from urllib.error import HTTPError

import httpx
import pytest
from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from serve_helpers import FRA, SUMMIT, LiveServer, fixture_settings
from SPARQLWrapper import (
    CSV,
    GET,
    JSON,
    JSONLD,
    N3,
    POST,
    RDFXML,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from cowkg.serve.app import create_app

pytestmark = pytest.mark.slow

CHAIR = "PREFIX cow: <https://w3id.org/cowkg/ontology#> SELECT ?c WHERE { ?m cow:chairedBy ?c }"
QUERIES = {
    "SELECT": CHAIR,
    "ASK": f"ASK {{ <{SUMMIT}> ?p ?o }}",
    "CONSTRUCT": f"CONSTRUCT {{ <{FRA}> ?p ?o }} WHERE {{ <{FRA}> ?p ?o }}",
    "DESCRIBE": f"DESCRIBE <{FRA}>",
}
RESULT_FORMATS = [None, XML, JSON, CSV, TSV]
"""What SPARQLWrapper offers for SELECT (None: its default, XML); ASK has no CSV/TSV form."""
GRAPH_FORMATS = [None, XML, RDFXML, TURTLE, N3, JSONLD, JSON]
"""SPARQLWrapper's formats for CONSTRUCT/DESCRIBE: it sends ``format=xml`` or ``format=json``
beside an RDF Accept header, which must not turn into a 406."""

CASES = [
    (method, form, fmt)
    for method in (GET, POST)
    for form in QUERIES
    for fmt in (GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULT_FORMATS)
    if not (form == "ASK" and fmt in (CSV, TSV))
]


def _sparqlwrapper(url: str, method: str, query: str, fmt: str | None) -> SPARQLWrapper:
    client = SPARQLWrapper(url)
    client.setMethod(method)
    client.setQuery(query)
    if fmt is not None:
        client.setReturnFormat(fmt)
    return client


def _check(form: str, converted: object) -> None:
    """The converted answer holds what the fixture says, whatever its format."""
    if form in ("CONSTRUCT", "DESCRIBE"):
        graph = converted if isinstance(converted, Graph) else Graph()
        if isinstance(converted, bytes):
            graph.parse(data=converted, format="turtle")
        assert (URIRef(FRA), None, None) in graph
    elif form == "ASK":
        text = converted.toxml() if hasattr(converted, "toxml") else str(converted)
        assert "true" in text.lower()
    else:
        text = converted.toxml() if hasattr(converted, "toxml") else str(converted)
        assert FRA in text


@pytest.mark.parametrize(
    ("method", "form", "fmt"), CASES, ids=[f"{m}-{f}-{t}" for m, f, t in CASES]
)
def test_sparqlwrapper_with_its_defaults(
    live: LiveServer, method: str, form: str, fmt: str | None
) -> None:
    client = _sparqlwrapper(f"{live.url}/sparql", method, QUERIES[form], fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SPARQLWrapper warns on JSON for a CONSTRUCT
        result = client.query()
        _check(form, result.convert())
    assert result.response.status == 200


def test_rdflib_sparqlstore_reads(live: LiveServer) -> None:
    graph = Graph(store=SPARQLStore(f"{live.url}/sparql"))  # default: XML results, GET
    assert [str(r[0]) for r in graph.query(CHAIR)] == [FRA]  # type: ignore[index]
    assert (URIRef(SUMMIT), None, None) in graph
    assert len(list(graph.triples((URIRef(FRA), None, None)))) == 8
    constructed = graph.query(QUERIES["CONSTRUCT"]).graph
    assert constructed is not None and len(constructed) == 8


def test_rdflib_sparqlupdatestore_reads_and_cannot_write(live: LiveServer) -> None:
    store = SPARQLUpdateStore(f"{live.url}/sparql", f"{live.url}/sparql")
    graph = Graph(store=store)
    assert (URIRef(SUMMIT), None, None) in graph
    assert [str(r[0]) for r in graph.query(CHAIR)] == [FRA]  # type: ignore[index]
    with pytest.raises(HTTPError) as refused:
        store.update("INSERT DATA { <urn:x> <urn:y> <urn:z> }")
    assert refused.value.code == 403
    assert (URIRef("urn:x"), None, None) not in graph


@pytest.fixture(scope="module")
def capped() -> Iterator[LiveServer]:
    """A live server whose row cap (5) is below the fixture's size."""
    with LiveServer(create_app(fixture_settings(max_rows=5))) as server:
        yield server


def test_a_whole_graph_read_past_the_cap_raises_in_every_client(capped: LiveServer) -> None:
    graph = Graph(store=SPARQLStore(f"{capped.url}/sparql"))
    with pytest.raises(ValueError):  # rdflib turns any HTTP error of a GET into ValueError
        list(graph.triples((None, None, None)))
    assert len(list(graph.triples((URIRef(FRA), URIRef(f"{FRA}#none"), None)))) == 0
    client = _sparqlwrapper(f"{capped.url}/sparql", GET, "SELECT * { ?s ?p ?o }", JSON)
    with pytest.raises(QueryBadFormed, match="more than 5 rows"):
        client.query()
    answer = httpx.get(f"{capped.url}/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert answer.status_code == 400 and "/data/cowkg.nq" in answer.json()["error"]
    assert "</data/cowkg.nq>" in answer.headers["link"]
    dump = httpx.get(f"{capped.url}/data/cowkg.nq")
    assert dump.status_code == 200 and len(dump.text.splitlines()) > 5


JENA_SELECT = (
    "application/sparql-results+json, application/sparql-results+xml;q=0.9, "
    "text/tab-separated-values;q=0.7, text/csv;q=0.5, application/json;q=0.2, "
    "application/xml;q=0.2, */*;q=0.1"
)
JENA_GRAPH = (
    "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.7, "
    "application/ld+json;q=0.5, */*;q=0.1"
)
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(
    ("accept", "form", "media_type"),
    [
        (JENA_SELECT, "SELECT", "application/sparql-results+json"),
        (JENA_SELECT, "ASK", "application/sparql-results+json"),
        (JENA_GRAPH, "CONSTRUCT", "text/turtle"),
        (JENA_GRAPH, "DESCRIBE", "text/turtle"),
        (BROWSER, "SELECT", "application/sparql-results+xml"),
        (BROWSER, "CONSTRUCT", "text/turtle"),
    ],
)
def test_jena_and_browser_accept_headers(
    live: LiveServer, accept: str, form: str, media_type: str
) -> None:
    for answer in (
        httpx.get(
            f"{live.url}/sparql", params={"query": QUERIES[form]}, headers={"Accept": accept}
        ),
        httpx.post(f"{live.url}/sparql", data={"query": QUERIES[form]}, headers={"Accept": accept}),
    ):
        assert answer.status_code == 200, answer.text[:200]
        assert answer.headers["content-type"].startswith(media_type)


@pytest.mark.parametrize(
    ("path", "media_type"), [("/id/state/FRA", "text/html"), ("/ontology", "text/html")]
)
def test_a_browser_gets_html(live: LiveServer, path: str, media_type: str) -> None:
    answer = httpx.get(f"{live.url}{path}", headers={"Accept": BROWSER}, follow_redirects=True)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith(media_type)
