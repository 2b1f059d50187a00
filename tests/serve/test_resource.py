"""Entity IRIs dereference: HTML with labels, facts and evidence; RDF by Accept or suffix."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDFS
from serve_helpers import FRA, SUMMIT, fixture_settings

from cowkg.namespaces import COW, OA
from cowkg.serve.app import create_app

BASE = "https://w3id.org/cowkg/"
FACT_AAA1 = f"{BASE}graph/fact/aaa1"
CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_browser_gets_html_with_labels_in_every_language(client: TestClient) -> None:
    thing = client.get("/id/state/FRA", headers={"Accept": BROWSER}, follow_redirects=False)
    assert thing.status_code == 303 and thing.headers["location"] == "/id/state/FRA.html"
    assert "Accept" in thing.headers["vary"]
    response = client.get("/id/state/FRA", headers={"Accept": BROWSER})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-location"] == "/id/state/FRA.html"
    page = response.text
    for name in ("France (rdfs:label)", "Франція (skos:altLabel)"):
        assert name in page
    assert "<td>fr</td>" in page and "<td>uk</td>" in page


def test_related_entities_are_linked_by_path(client: TestClient) -> None:
    page = client.get("/id/meeting/2025-03-27-summit").text
    assert 'href="/id/place/paris">Paris</a>' in page
    assert 'href="/id/state/FRA">France</a>' in page
    # and the page of France lists the meeting it chaired, under "Referenced by"
    france = client.get("/id/state/FRA").text
    assert "Referenced by" in france and 'href="/id/meeting/2025-03-27-summit"' in france


def test_each_fact_shows_its_seed_passage_with_offsets(client: TestClient) -> None:
    page = client.get("/id/meeting/2025-03-27-summit").text
    assert "On March 27, Paris hosted a summit &lt;b&gt;of leaders&lt;/b&gt;." in page
    assert "characters 206–258" in page
    assert 'href="/source/001_x">Coalition meets in Paris</a>' in page
    assert "seeds/001_x.txt" in page and "rule:meeting-sentence" in page


def test_graph_kinds_are_shown(client: TestClient) -> None:
    page = client.get("/id/state/FRA").text
    assert 'class="graph graph-alignment"' in page and 'class="graph graph-inferred"' in page


@pytest.mark.parametrize(
    ("accept", "parser"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_machines_are_sent_to_rdf(client: TestClient, accept: str, parser: str) -> None:
    thing = client.get("/id/state/FRA", headers={"Accept": accept}, follow_redirects=False)
    assert thing.status_code == 303  # the thing → its description (routes/resource.py)
    response = client.get(thing.headers["location"], headers={"Accept": accept})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format=parser)
    fra = URIRef(FRA)
    assert (fra, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q142")) in graph
    assert (fra, RDFS.label, Literal("France", lang="fr")) in graph
    assert (URIRef(SUMMIT), URIRef("https://w3id.org/cowkg/ontology#chairedBy"), fra) in graph


def test_suffix_urls_name_one_representation(client: TestClient) -> None:
    ttl = client.get("/id/state/FRA.ttl", headers={"Accept": "text/html"})
    assert ttl.headers["content-type"].startswith("text/turtle")
    assert client.get("/id/state/FRA.html").headers["content-type"].startswith("text/html")


def test_source_documents_dereference(client: TestClient) -> None:
    response = client.get("/source/001_x", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert "Coalition meets in Paris" in response.text


def test_unknown_entity_is_404(client: TestClient) -> None:
    response = client.get("/id/state/XYZ")
    assert response.status_code == 404
    assert "https://w3id.org/cowkg/id/state/XYZ" in response.json()["error"]


def test_base_iri_setting_moves_the_iri_space() -> None:
    # same data under another base: nothing is found under /id/, because IRIs are base + path
    with TestClient(create_app(fixture_settings(base_iri="http://localhost:8000/"))) as other:
        assert other.get("/id/state/FRA").status_code == 404


def test_an_entity_document_links_to_its_graphs_and_their_evidence(client: TestClient) -> None:
    response = client.get("/id/meeting/2025-03-27-summit.ttl")
    assert response.headers["link"] == f'<{CC_BY_SA}>; rel="license"'
    graph = Graph().parse(data=response.text, format="turtle")
    doc = URIRef(SUMMIT + ".ttl")
    assert graph.value(doc, FOAF.primaryTopic) == URIRef(SUMMIT)
    assert graph.value(doc, DCTERMS.license) == URIRef(CC_BY_SA)
    derived = set(graph.objects(doc, PROV.wasDerivedFrom))
    assert {
        URIRef(FACT_AAA1),
        URIRef(f"{BASE}graph/fact/bbb2"),
        URIRef(f"{BASE}graph/inferred"),
    } <= derived
    # the fact graph's provenance, down to the quoted passage and its offsets
    evidence = graph.value(URIRef(FACT_AAA1), COW.evidence)
    assert graph.value(URIRef(FACT_AAA1), PROV.wasDerivedFrom) == URIRef(f"{BASE}source/001_x")
    target = graph.value(evidence, OA.hasTarget)
    selectors = set(graph.objects(target, OA.hasSelector))
    assert Literal(206) in {graph.value(s, OA.start) for s in selectors}
    exact = {str(graph.value(s, OA.exact)) for s in selectors}
    assert "On March 27, Paris hosted a summit <b>of leaders</b>." in exact


def test_jsonld_has_an_inline_context_and_compact_iris(client: TestClient) -> None:
    response = client.get("/id/state/FRA.jsonld")
    document = response.json()
    assert document["@context"]["cow"] == "https://w3id.org/cowkg/ontology#"
    assert all(isinstance(v, str) and v.startswith("http") for v in document["@context"].values())
    france = next(n for n in document["@graph"] if n["@id"] == FRA)
    assert "cow:State" in france["@type"]
    assert {"@language": "fr", "@value": "France"} in france["rdfs:label"]
    # the same triples as the N-Triples document
    as_jsonld = Graph().parse(data=response.text, format="json-ld")
    as_nt = Graph().parse(data=client.get("/id/state/FRA.nt").text, format="nt")
    assert {t for t in as_jsonld if "FRA." not in t[0]} == {t for t in as_nt if "FRA." not in t[0]}


def test_a_browser_gets_an_html_404_for_an_unknown_entity(client: TestClient) -> None:
    for path in ("/id/state/XYZ", "/id/person/nobody-known.html"):
        page = client.get(path, headers={"Accept": BROWSER}, follow_redirects=False)
        assert page.status_code == 404
        assert page.headers["content-type"].startswith("text/html")
        assert "nothing is known about" in page.text and "/search?q=" in page.text
    machine = client.get("/id/state/XYZ", headers={"Accept": "text/turtle"})
    assert machine.status_code == 404 and machine.json()["ok"] is False
