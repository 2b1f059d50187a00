"""The SPARQL 1.1 Protocol route: methods, dataset parameters, formats, refusals."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from serve_helpers import FRA, SUMMIT

SELECT_CHAIR = "PREFIX cow: <https://w3id.org/cowkg/ontology#> SELECT ?c { ?m cow:chairedBy ?c }"
DIRECT = {"Content-Type": "application/sparql-query"}


def bindings(response: object) -> list[dict[str, str]]:
    data = json.loads(response.content)  # type: ignore[attr-defined]
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_get_post_form_and_post_direct_give_the_same_answer(client: TestClient) -> None:
    by_get = client.get("/sparql", params={"query": SELECT_CHAIR})
    by_form = client.post("/sparql", data={"query": SELECT_CHAIR})
    by_direct = client.post("/sparql", content=SELECT_CHAIR, headers=DIRECT)
    assert by_get.status_code == by_form.status_code == by_direct.status_code == 200
    assert bindings(by_get) == bindings(by_form) == bindings(by_direct) == [{"c": FRA}]


def test_default_graph_is_the_union_of_the_named_graphs(client: TestClient) -> None:
    # the label is in one fact graph, the chair in another: one pattern joins them
    query = (
        "PREFIX cow: <https://w3id.org/cowkg/ontology#> PREFIX rdfs: "
        "<http://www.w3.org/2000/01/rdf-schema#> SELECT ?l { ?m cow:chairedBy ?c . "
        "?m rdfs:label ?l }"
    )
    assert [b["l"] for b in bindings(client.get("/sparql", params={"query": query}))] == [
        "Coalition of the Willing summit, 27 March 2025"
    ]


def test_default_graph_uri_restricts_the_dataset(client: TestClient) -> None:
    query = "SELECT ?s { ?s a ?t } ORDER BY ?s"
    only = "https://w3id.org/cowkg/graph/alignment"
    response = client.get("/sparql", params={"query": query, "default-graph-uri": only})
    assert bindings(response) == []
    inferred = "https://w3id.org/cowkg/graph/inferred"
    response = client.get("/sparql", params={"query": query, "default-graph-uri": inferred})
    assert [b["s"] for b in bindings(response)] == [SUMMIT, FRA]


def test_named_graph_uri_limits_graph_patterns(client: TestClient) -> None:
    query = "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"
    named = "https://w3id.org/cowkg/graph/fact/aaa1"
    response = client.post(
        "/sparql", params={"named-graph-uri": named}, content=query, headers=DIRECT
    )
    assert bindings(response) == [{"g": named}]


def test_from_clause_maps_to_a_local_named_graph(client: TestClient) -> None:
    query = "SELECT ?s FROM <https://w3id.org/cowkg/graph/alignment> { ?s ?p ?o } LIMIT 1"
    assert bindings(client.get("/sparql", params={"query": query})) == [{"s": FRA}]
    missing = "SELECT ?s FROM <http://example.org/not-here> { ?s ?p ?o }"
    assert bindings(client.get("/sparql", params={"query": missing})) == []


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_select_formats_follow_accept(client: TestClient, accept: str, expected: str) -> None:
    response = client.get("/sparql", params={"query": SELECT_CHAIR}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert FRA in response.text


def test_csv_is_parseable(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": SELECT_CHAIR, "format": "csv"})
    assert list(csv.reader(io.StringIO(response.text))) == [["c"], [FRA]]


def test_format_parameter_wins_over_accept(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": SELECT_CHAIR, "format": "tsv"}, headers={"Accept": "text/csv"}
    )
    assert response.headers["content-type"].startswith("text/tab-separated-values")


def test_ask_as_json_and_xml(client: TestClient) -> None:
    ask = f"ASK {{ <{SUMMIT}> ?p ?o }}"
    assert client.get("/sparql", params={"query": ask}).json() == {"head": {}, "boolean": True}
    xml = client.get("/sparql", params={"query": ask}, headers={"Accept": "application/xml"})
    assert "<boolean>true</boolean>" in xml.text


def test_ask_as_csv_is_not_acceptable(client: TestClient) -> None:
    response = client.get("/sparql", params={"query": "ASK {}"}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    assert response.json()["ok"] is False


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [
        ("ttl", "turtle"),
        ("nt", "nt"),
        ("jsonld", "json-ld"),
        ("rdf", "xml"),
        ("trig", "trig"),
        ("nq", "nquads"),
    ],
)
def test_construct_in_every_rdf_format(client: TestClient, fmt: str, rdflib_format: str) -> None:
    query = f"CONSTRUCT {{ <{FRA}> ?p ?o }} WHERE {{ <{FRA}> ?p ?o }}"
    response = client.get("/sparql", params={"query": query, "format": fmt})
    assert response.status_code == 200, response.text
    graph = Graph()
    if fmt in ("trig", "nq"):
        from rdflib import Dataset

        ds = Dataset()
        ds.parse(data=response.text, format=rdflib_format)
        graph = Graph()
        for s, p, o, _ in ds.quads():
            graph.add((s, p, o))
    else:
        graph.parse(data=response.text, format=rdflib_format)
    assert (
        URIRef(FRA),
        URIRef("http://www.w3.org/2002/07/owl#sameAs"),
        URIRef("http://www.wikidata.org/entity/Q142"),
    ) in graph
    assert len(graph) == 8


def test_describe_gives_rdf(client: TestClient) -> None:
    response = client.get(
        "/sparql",
        params={"query": f"DESCRIBE <{FRA}>"},
        headers={"Accept": "application/n-triples"},
    )
    assert response.status_code == 200
    assert f"<{FRA}>" in response.text


def test_unacceptable_accept_is_406(client: TestClient) -> None:
    response = client.get(
        "/sparql", params={"query": SELECT_CHAIR}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406
    assert "srj" in response.json()["error"]


def test_service_description_without_query(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoint = URIRef("http://testserver/sparql")
    assert (None, URIRef(sd + "endpoint"), endpoint) in graph
    assert (None, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    assert (None, URIRef(sd + "name"), URIRef("https://w3id.org/cowkg/graph/provenance")) in graph


def test_browser_without_query_goes_to_the_query_page(client: TestClient) -> None:
    response = client.get("/sparql", headers={"Accept": "text/html"}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/query"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DESCRIBE ?s { ?s ?p ?o }",
    ],
)
def test_answers_longer_than_max_rows_are_refused_whole(query: str) -> None:
    """Never a silent cut: 400 with what to do, and a Link to the dumps."""
    from serve_helpers import fixture_settings

    from cowkg.serve.app import create_app

    with TestClient(create_app(fixture_settings(max_rows=3))) as small:
        response = small.get("/sparql", params={"query": query})
        assert response.status_code == 400
        assert "more than 3 rows" in response.json()["error"]
        assert "/data/cowkg.nq" in response.json()["error"]
        assert '</data/cowkg.nq>; rel="alternate"' in response.headers["link"]
        whole = small.get("/sparql", params={"query": "SELECT * { ?s ?p ?o } LIMIT 3"})
        assert whole.status_code == 200 and len(bindings(whole)) == 3


def test_blank_query_field_in_form_is_refused(client: TestClient) -> None:
    response = client.post("/sparql", data={"other": "x"})
    assert response.status_code == 400
    assert "query" in response.json()["error"]


def test_two_queries_are_refused(client: TestClient) -> None:
    response = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert response.status_code == 400
    assert "exactly one" in response.json()["error"]


def test_form_charset_other_than_utf8_is_refused(client: TestClient) -> None:
    response = client.post(
        "/sparql",
        content="ASK {}".encode("utf-16"),
        headers={"Content-Type": "application/sparql-query; charset=UTF-16"},
    )
    assert response.status_code == 415


def test_invalid_utf8_body_is_400(client: TestClient) -> None:
    response = client.post("/sparql", content=b"ASK { \xff }", headers=DIRECT)
    assert response.status_code == 400
    assert "UTF-8" in response.json()["error"]
