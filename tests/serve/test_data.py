"""Downloads, named graphs at their own paths, and the read-only Graph Store Protocol."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, URIRef

ALIGNMENT = "https://w3id.org/cowkg/graph/alignment"
FACT = "https://w3id.org/cowkg/graph/fact/aaa1"
LICENSE = '<https://creativecommons.org/licenses/by-sa/4.0/>; rel="license"'


@pytest.mark.parametrize(
    ("fmt", "parser"), [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")]
)
def test_dataset_download_keeps_the_named_graphs(client: TestClient, fmt: str, parser: str) -> None:
    response = client.get(f"/data/cowkg.{fmt}")
    assert response.status_code == 200
    assert (
        response.headers["link"]
        == '<https://creativecommons.org/licenses/by-sa/4.0/>; rel="license"'
    )
    ds = Dataset()
    ds.parse(data=response.text, format=parser)
    names = {str(g.identifier) for g in ds.graphs()}
    assert {ALIGNMENT, FACT, "https://w3id.org/cowkg/graph/provenance"} <= names
    assert len(list(ds.quads())) == 34


@pytest.mark.parametrize(("fmt", "parser"), [("ttl", "turtle"), ("nt", "nt"), ("rdf", "xml")])
def test_dataset_download_as_a_graph_is_the_union(
    client: TestClient, fmt: str, parser: str
) -> None:
    response = client.get(f"/data/cowkg.{fmt}")
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format=parser)
    # 34 quads; the rdf:type/label triples repeated across graphs collapse in the union
    assert len(graph) == 34
    assert response.headers["content-type"].startswith(
        {
            "ttl": "text/turtle",
            "nt": "application/n-triples",
            "rdf": "application/rdf+xml",
        }[fmt]
    )


def test_unknown_download_format_is_404(client: TestClient) -> None:
    response = client.get("/data/cowkg.xlsx")
    assert response.status_code == 404
    assert "cowkg.trig" in response.json()["error"]


def test_named_graph_at_its_path_by_accept_and_by_suffix(client: TestClient) -> None:
    by_accept = client.get("/graph/alignment", headers={"Accept": "application/n-triples"})
    assert by_accept.headers["content-type"].startswith("application/n-triples")
    by_suffix = client.get("/graph/alignment.ttl")
    assert by_suffix.headers["content-type"].startswith("text/turtle")
    assert by_suffix.headers["link"] == by_accept.headers["link"] == LICENSE
    a = Graph().parse(data=by_accept.text, format="nt")
    b = Graph().parse(data=by_suffix.text, format="turtle")
    assert len(a) == len(b) == 2
    assert (URIRef("https://w3id.org/cowkg/id/state/FRA"), None, None) in a


def test_gsp_get_named_graph_and_default(client: TestClient) -> None:
    named = client.get(
        "/rdf-graphs/service", params={"graph": FACT}, headers={"Accept": "text/turtle"}
    )
    assert named.status_code == 200
    assert len(Graph().parse(data=named.text, format="turtle")) == 6
    default = client.get("/rdf-graphs/service?default", headers={"Accept": "application/n-triples"})
    assert len(Graph().parse(data=default.text, format="nt")) == 34


def test_gsp_head_answers_like_get_without_a_body(client: TestClient) -> None:
    response = client.head("/rdf-graphs/service", params={"graph": FACT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert response.content == b""
    assert client.head("/rdf-graphs/service", params={"graph": FACT + "-x"}).status_code == 404


def test_gsp_missing_graph_is_404(client: TestClient) -> None:
    response = client.get("/rdf-graphs/service", params={"graph": "http://example.org/none"})
    assert response.status_code == 404
    assert "http://example.org/none" in response.json()["error"]


def test_gsp_needs_exactly_one_graph_selector(client: TestClient) -> None:
    assert client.get("/rdf-graphs/service").status_code == 400
    both = client.get("/rdf-graphs/service", params={"graph": FACT, "default": ""})
    assert both.status_code == 400


@pytest.mark.parametrize("method", ["PUT", "POST", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/rdf-graphs/service?graph=" + FACT, "/graph/alignment"])
def test_gsp_writes_are_405_and_change_nothing(client: TestClient, method: str, path: str) -> None:
    before = client.get("/data/cowkg.nq").text
    response = client.request(
        method,
        path,
        content="<http://e/s> <http://e/p> <http://e/o> .",
        headers={"Content-Type": "application/n-triples"},
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
    assert "read-only" in response.json()["error"]
    assert client.get("/data/cowkg.nq").text == before


@pytest.mark.parametrize(
    "path", ["/id/state/FRA", "/data/cowkg.ttl", "/sparql?query=ASK%7B%7D", "/health", "/"]
)
def test_head_works_on_every_get_route(client: TestClient, path: str) -> None:
    head = client.head(path)
    get = client.get(path)
    assert head.status_code == get.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == str(len(get.content))
