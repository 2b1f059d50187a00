"""Search by any name (cowkg/serve/search.py): labels, aliases, ISO codes, demonyms, any language,
case and diacritics folded; on the fixture, on hand-built indexes, and on the published graph."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from cowkg.serve.app import create_app
from cowkg.serve.search import SearchIndex, _name, fold
from cowkg.settings import load_settings

BASE = "https://w3id.org/cowkg/"


def paths(client: TestClient, q: str) -> list[str]:
    data = client.get("/search", params={"q": q, "format": "json"}).json()
    return [d["path"] for d in data["data"]]


@pytest.mark.parametrize(
    ("q", "via"),
    [
        ("fr", "ISO 3166 alpha-2"),  # from the alignment graph, any case
        ("FRANCE", "label"),
        ("French", "demonym"),  # cowkg/data/states.yaml
        ("French Republic", "name (ISO 3166)"),  # pycountry's official name
        ("франція", "alternative label"),  # the graph's Ukrainian label, case folded
        ("Royaume-Uni de Grande-Bretagne", None),  # a state the graph lacks: nothing
    ],
)
def test_states_by_code_demonym_and_name(client: TestClient, q: str, via: str | None) -> None:
    data = client.get("/search", params={"q": q, "format": "json"}).json()["data"]
    if via is None:
        assert data == []
    else:
        assert data[0]["path"] == "/id/state/FRA" and data[0]["via"] == via


def test_meeting_by_place_and_kind(client: TestClient) -> None:
    assert paths(client, "paris summit") == ["/id/meeting/2025-03-27-summit"]
    assert paths(client, "summit 2025-03") == ["/id/meeting/2025-03-27-summit"]
    assert paths(client, "rome summit") == []


def test_search_page_says_what_matched(client: TestClient) -> None:
    page = client.get("/search", params={"q": "fr"}).text
    assert 'href="/id/state/FRA">France</a>' in page
    assert "matched “FR” (ISO 3166 alpha-2)" in page


def index_of(*names: tuple[str, str, str]) -> SearchIndex:
    index = SearchIndex(BASE)
    for key, text, lang in names:
        index.add_name(f"{BASE}id/{key}", _name(text, lang, "label"))
    return index


def test_diacritics_case_and_dots_fold() -> None:
    assert fold("Élysée Palace") == fold("ELYSEE palace") == "elysee palace"
    assert fold("U.K.") == fold("uk")
    assert fold("Україна") == fold("УКРАЇНА")
    index = index_of(("place/e", "Élysée Palace, Paris", "en"), ("state/TUR", "Türkiye", "en"))
    assert [h.iri for h in index.search("elysee")] == [f"{BASE}id/place/e"]
    assert [h.iri for h in index.search("TURKIYE")] == [f"{BASE}id/state/TUR"]


def test_things_rank_before_relation_nodes_and_whole_words_first() -> None:
    index = index_of(
        ("participation/m/person-ann-lee", "Ann Lee at the summit", "en"),
        ("plan/lee-plan", "Leeward plan", "en"),
        ("person/ann-lee", "Ann Lee", "en"),
    )
    assert [h.iri.removeprefix(BASE) for h in index.search("lee")] == [
        "id/person/ann-lee",
        "id/participation/m/person-ann-lee",
        "id/plan/lee-plan",
    ]


def test_table_names_only_for_entities_the_graph_has() -> None:
    index = index_of(("state/GBR", "United Kingdom", "en"))
    index.add_name(f"{BASE}id/state/GBR", _name("Britain", "en", "alias"), create=False)
    index.add_name(f"{BASE}id/state/XXX", _name("Nowhere", "en", "alias"), create=False)
    assert [h.matched.text for h in index.search("britain")] == ["Britain"]
    assert index.search("nowhere") == []


@pytest.fixture(scope="module")
def published() -> Iterator[TestClient]:
    """The server over the published graph (graph/cowkg.nq)."""
    with TestClient(create_app(load_settings())) as c:
        yield c


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("UK", "/id/state/GBR"),
        ("Britain", "/id/state/GBR"),
        ("british", "/id/state/GBR"),
        ("GB", "/id/state/GBR"),
        ("Turkey", "/id/state/TUR"),
        ("elysee", "/id/place/elysee-palace-paris"),
        (
            "Велика Британія",
            "/id/state/GBR",
        ),  # pycountry's Ukrainian name (the graph has uk labels)
        ("сили", "/id/force/mnf-u"),  # a Ukrainian label of the graph
        ("starmer", "/id/person/keir-starmer"),
    ],
)
def test_published_graph_names(published: TestClient, q: str, first: str) -> None:
    assert paths(published, q)[0] == first


def test_published_graph_paris_summits(published: TestClient) -> None:
    found = paths(published, "Paris summit")
    assert found[:2] == ["/id/meeting/2025-03-27-summit", "/id/meeting/2025-09-04-summit"]
    # cited works titled "… Paris summit …" are found too, after the summits themselves
    assert found[2:] and all(p.startswith("/id/work/") for p in found[2:])
