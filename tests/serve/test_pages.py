"""Pages for people: home, search, timeline, query page with examples, downloads."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from serve_helpers import HERE

from cowkg.serve.routes.pages import example_queries, leading_comment, title_of


def test_home_greets_a_newcomer(client: TestClient) -> None:
    page = client.get("/").text
    assert "Coalition of the Willing" in page
    assert "<b>34</b> triples" in page and "<b>5</b> named graphs" in page
    for link in ("/query", "/timeline", "/search", "/data", "/ontology", "/sparql"):
        assert f'href="{link}"' in page
    assert 'href="/ontology#State"' in page  # class counts link to the ontology


def test_search_by_label_in_any_language(client: TestClient) -> None:
    page = client.get("/search", params={"q": "франц"}).text
    assert 'href="/id/state/FRA">France</a>' in page and "matched “Франція”" in page
    data = client.get("/search", params={"q": "paris", "format": "json"}).json()
    # the place by its label, then the meeting held there (found by its place)
    assert [d["path"] for d in data["data"]] == ["/id/place/paris", "/id/meeting/2025-03-27-summit"]


def test_search_text_cannot_inject_sparql(client: TestClient) -> None:
    response = client.get("/search", params={"q": '") } DELETE WHERE { ?s ?p ?o } #'})
    assert response.status_code == 200
    assert "0 results" in response.text


def test_timeline_lists_meetings_in_date_order(client: TestClient) -> None:
    page = client.get("/timeline").text
    assert "1 meetings" in page
    assert '<time datetime="2025-03-27">' in page and 'href="/id/place/paris">Paris</a>' in page


def test_query_page_uses_local_assets_and_lists_examples(client: TestClient) -> None:
    page = client.get("/query").text
    assert not re.search(r'(src|href)="https?://', page), "no asset may come from elsewhere"
    assert "/static/yasgui/yasgui.min.js" in page
    assert "CQ99 (fixture): Which meetings took place, and when?" in page
    examples = json.loads(re.search(r'id="example-queries">(.*?)</script>', page, re.S)[1])
    assert examples["cq99-meetings"] == (HERE / "queries" / "cq99-meetings.rq").read_text()
    assert client.get("/static/yasgui/yasgui.min.js").status_code == 200
    assert client.get("/static/query.js").status_code == 200


def test_example_query_text_is_served(client: TestClient) -> None:
    response = client.get("/queries/cq99-meetings.rq")
    assert response.headers["content-type"].startswith("application/sparql-query")
    assert "schema:startDate" in response.text
    assert client.get("/queries/nope.rq").status_code == 404


def test_prefixes_for_autocompletion_are_local(client: TestClient) -> None:
    assert client.get("/prefixes.json").json()["cow"] == "https://w3id.org/cowkg/ontology#"


def test_downloads_page_lists_formats_and_graphs(client: TestClient) -> None:
    page = client.get("/data").text
    assert 'href="/data/cowkg.trig"' in page and 'href="/graph/provenance"' in page
    assert "2 fact graphs" in page


def test_openapi_docs_use_local_assets(client: TestClient) -> None:
    page = client.get("/docs").text
    assert not re.search(r'(src|href)="https?://', page), "no asset may come from a CDN"
    assert "/static/swagger-ui/swagger-ui-bundle.js" in page
    assert client.get("/static/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/redoc").status_code == 404
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/sparql", "/rdf-graphs/service", "/id/{path}", "/health"} <= set(paths)


def test_example_titles_are_whole_sentences() -> None:
    text = (
        "# QX (test): Which ministers met in the\n# spring, and where? Rows come\n"
        "# per meeting.\nSELECT * {}"
    )
    assert (
        leading_comment(text)
        == "QX (test): Which ministers met in the spring, and where? Rows come per meeting."
    )
    assert title_of(leading_comment(text)) == (
        "QX (test): Which ministers met in the spring, and where?",
        "Rows come per meeting.",
    )
    assert title_of("A note without an end") == ("A note without an end", "")


def test_every_shipped_example_title_ends_a_sentence() -> None:
    for example in example_queries(HERE.parent.parent / "queries"):
        assert example.question.endswith(("?", ".")), example.name


def test_query_page_knows_the_base_for_local_links(client: TestClient) -> None:
    assert 'data-base="https://w3id.org/cowkg/"' in client.get("/query").text
