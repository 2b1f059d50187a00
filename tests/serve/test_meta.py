"""VoID, the ontology and shapes at their IRI paths (content negotiation), health."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF
from serve_helpers import fixture_settings

from cowkg.serve.app import create_app

VOID = "http://rdfs.org/ns/void#"
ONTOLOGY_TTL = """@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/cowkg/ontology> a owl:Ontology ; rdfs:label "test ontology"@en .
<https://w3id.org/cowkg/ontology#Meeting> a owl:Class .
"""
SHAPES_TTL = """@prefix sh: <http://www.w3.org/ns/shacl#> .
<https://w3id.org/cowkg/shapes#S01> a sh:NodeShape ; sh:message "a <b>bold</b> rule" .
"""


@pytest.fixture(scope="module")
def onto_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("ontology")
    (folder / "cowkg.ttl").write_text(ONTOLOGY_TTL)
    (folder / "shapes.ttl").write_text(SHAPES_TTL)
    (folder / "release").mkdir()
    (folder / "release" / "cowkg.html").write_text("<html><h1>cowkg ontology docs</h1></html>")
    with TestClient(create_app(fixture_settings(ontology_dir=folder))) as c:
        yield c


def test_void_has_statistics_and_links(client: TestClient) -> None:
    response = client.get("/.well-known/void")
    assert response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    dataset = URIRef("http://testserver/.well-known/void#cowkg")
    assert graph.value(dataset, URIRef(VOID + "triples")) == Literal(34)
    assert graph.value(dataset, URIRef(VOID + "sparqlEndpoint")) == URIRef(
        "http://testserver/sparql"
    )
    assert (
        dataset,
        URIRef(VOID + "dataDump"),
        URIRef("http://testserver/data/cowkg.trig"),
    ) in graph
    classes = {
        str(graph.value(p, URIRef(VOID + "class"))): graph.value(p, URIRef(VOID + "entities"))
        for p in graph.objects(dataset, URIRef(VOID + "classPartition"))
    }
    assert classes["https://w3id.org/cowkg/ontology#State"] == Literal(1)
    assert graph.value(dataset, DCTERMS.license) == URIRef(CC_BY_SA)
    assert "not relicensed" in str(graph.value(dataset, DCTERMS.rights))
    as_jsonld = client.get("/.well-known/void", headers={"Accept": "application/ld+json"})
    assert len(Graph().parse(data=as_jsonld.text, format="json-ld")) == len(graph)


def test_service_description_states_the_data_licence(client: TestClient) -> None:
    graph = Graph().parse(data=client.get("/sparql", headers={"Accept": "text/turtle"}).text)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    dataset = graph.value(URIRef("http://testserver/sparql"), URIRef(sd + "defaultDataset"))
    assert graph.value(dataset, DCTERMS.license) == URIRef(CC_BY_SA)


CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"


@pytest.mark.parametrize(
    ("accept", "media", "parser"),
    [
        ("text/turtle", "text/turtle", "turtle"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
    ],
)
def test_ontology_for_tools(onto_client: TestClient, accept: str, media: str, parser: str) -> None:
    response = onto_client.get("/ontology", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    graph = Graph().parse(data=response.text, format=parser)
    assert (URIRef("https://w3id.org/cowkg/ontology"), RDF.type, OWL.Ontology) in graph


def test_ontology_for_browsers_is_html(onto_client: TestClient) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = onto_client.get("/ontology", headers={"Accept": browser})
    assert response.headers["content-type"].startswith("text/html")
    assert "cowkg ontology docs" in response.text


def test_protege_accept_header_gets_rdf_xml(onto_client: TestClient) -> None:
    # what Protégé (OWL API) sends when opening an ontology by IRI
    accept = (
        "application/rdf+xml, application/xml; q=0.7, text/xml; q=0.6, text/plain; q=0.1, "
        "*/*; q=0.09"
    )
    response = onto_client.get("/ontology", headers={"Accept": accept})
    assert response.headers["content-type"].startswith("application/rdf+xml")


def test_ontology_suffixes(onto_client: TestClient) -> None:
    assert (
        onto_client.get("/ontology.owl").headers["content-type"].startswith("application/rdf+xml")
    )
    assert onto_client.get("/ontology.ttl").text.startswith("@prefix")
    assert onto_client.get("/ontology.exe").status_code == 404


def test_shapes_html_escapes_and_turtle_parses(onto_client: TestClient) -> None:
    html = onto_client.get("/shapes", headers={"Accept": "text/html"}).text
    assert "&lt;b&gt;bold&lt;/b&gt;" in html and "<b>bold</b>" not in html
    turtle = onto_client.get("/shapes", headers={"Accept": "text/turtle"})
    assert len(Graph().parse(data=turtle.text, format="turtle")) == 2


def test_health_reports_counts_store_and_version(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["ok"] is True
    assert body["triples"] == 34 and body["graphs"] == 5
    assert body["store"] == "embedded"
    from cowkg import __version__

    assert body["version"] == __version__
