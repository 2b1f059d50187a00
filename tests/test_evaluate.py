"""The evaluation harness (``cowkg eval``): its arithmetic, its name rules, reading a graph back
and scoring an article — on small fixtures written here (a fictional article and a hand-made
graph), never on the development corpus, which `make eval` reads from ../shared."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from cowkg.cli import main
from cowkg.evaluate.articles import (
    ArticleScorer,
    gold_agent,
    gold_passage,
    gold_spans,
    overlaps,
    same_amount,
)
from cowkg.evaluate.corpus import CorpusMissing, GoldArticle, load_corpus, prepare_scratch
from cowkg.evaluate.names import (
    agent_of,
    name_parts,
    place_matches,
    place_names,
    same_agent,
    same_person,
)
from cowkg.evaluate.readback import Evidence, GraphArticle, GraphMeeting, read_article
from cowkg.evaluate.readback import _agent as readback_agent
from cowkg.evaluate.report import format_table
from cowkg.evaluate.scores import Item, Outcome, Tally, match
from cowkg.settings import Settings
from cowkg.sources import load_sources
from cowkg.store import with_merge

BASE = "https://w3id.org/cowkg/"

# --------------------------------------------------------------------------------------------
# Scores
# --------------------------------------------------------------------------------------------


def test_precision_recall_f1_from_the_counts() -> None:
    t = Tally(tp=3, fp=1, fn=2)
    assert (t.precision, t.recall) == (0.75, 0.6)
    assert t.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_scores_are_undefined_when_there_is_nothing_to_divide() -> None:
    assert (Tally().precision, Tally().recall, Tally().f1) == (None, None, None)
    only_false = Tally(fp=2)
    assert (only_false.precision, only_false.recall, only_false.f1) == (0.0, None, 0.0)
    missed = Tally(fn=4)
    assert (missed.precision, missed.recall, missed.f1) == (None, 0.0, 0.0)


def test_tallies_add_up() -> None:
    total = Tally(1, 2, 3)
    total.add(Tally(4, 0, 1))
    assert (total.tp, total.fp, total.fn) == (5, 2, 4)


def test_matching_is_one_to_one_and_maximal() -> None:
    # "a" could take either; taking "x" greedily would leave "b" unmatched.
    pairs = match(
        ["a", "b"], ["x", "y"], lambda g, p: (g, p) in {("a", "x"), ("a", "y"), ("b", "x")}
    )
    assert sorted(pairs.items()) == [(0, 1), (1, 0)]
    assert match(["a", "a"], ["a"], str.__eq__) in ({0: 0}, {1: 0})


def test_outcome_keeps_each_miss_with_its_passage() -> None:
    outcome = Outcome()
    gold = [Item("one", 1, "gold passage one"), Item("two", 2, "gold passage two")]
    graph = [Item("two", 2, "graph quote two"), Item("three", 3, "graph quote three")]
    outcome.score("counts", "x.txt", gold, graph, int.__eq__)
    t = outcome.tallies["counts"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 1)
    assert [(m.kind, m.what, m.passage) for m in outcome.misses] == [
        ("FN", "one", "gold passage one"),
        ("FP", "three", "graph quote three"),
    ]


# --------------------------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Keir Starmer", "Sir Keir Starmer"),
        ("Micheál Martin", "Micheal Martin"),
        ("Lars Løkke Rasmussen", "lars lokke rasmussen"),
        ("King Charles III", "Charles III"),
        ("Lindsay Graham", "Lindsey Graham"),
        ("E. Macron", "Emmanuel Macron"),
        ("von der Leyen", "Ursula von der Leyen"),
    ],
)
def test_spellings_of_one_person_match(a: str, b: str) -> None:
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Olena Zelenska", "Volodymyr Zelensky"),
        ("Zelensky", "Olena Zelenska"),
        ("Mette Frederiksen", "Mark Frederiksen"),
        ("Keir Starmer", "Emmanuel Macron"),
        ("Friedrich Merz", "Friedrich Metz"),
        ("", "Keir Starmer"),
    ],
)
def test_different_people_do_not_match(a: str, b: str) -> None:
    assert not same_person(a, b)


def test_name_parts_drop_titles_and_fold() -> None:
    assert name_parts("Prime Minister Ulla Émile-Exampleton") == ("ulla", "exampleton")
    assert name_parts("Starmer") == ("", "starmer")


@pytest.mark.parametrize(
    ("name", "agent"),
    [
        ("UK", ("state", "GBR")),
        ("Britain", ("state", "GBR")),
        ("United Kingdom", ("state", "GBR")),
        ("Turkey", ("state", "TUR")),
        ("Türkiye", ("state", "TUR")),
        ("NATO", ("organization", "nato")),
        ("North Atlantic Treaty Organization", ("organization", "nato")),
        ("EU", ("organization", "european-union")),
        ("Coalition of the Willing", ("organization", "coalition-of-the-willing")),
        ("Ana Example", ("person", "Ana Example")),
    ],
)
def test_gold_names_become_agents(name: str, agent: tuple[str, str]) -> None:
    assert agent_of(name) == agent


@pytest.mark.parametrize(
    ("name", "agent"),
    [
        ("Spain", ("state", "ESP")),
        ("Coalition of the Willing (co-chairs A, B)", ("organization", "coalition-of-the-willing")),
        ("Ana Example (via her office)", ("person", "Ana Example")),
        ("12 of the partners (not named)", ("group", "12 of the partners (not named)")),
        ("European leaders", ("group", "European leaders")),
        ("Spain, Malta", ("group", "Spain, Malta")),
    ],
)
def test_gold_speakers_and_pledgers_drop_asides_and_keep_groups_apart(
    name: str, agent: tuple[str, str]
) -> None:
    assert gold_agent(name) == agent


@pytest.mark.parametrize(
    ("gold", "graph", "same"),
    [
        ("12 of the partners (not named)", "12 of Example’s partners", True),
        ("12 of the partners (not named)", "13 of Example’s partners", False),
        ("European leaders", "European leaders", False),
        ("Spain, Malta", "12 countries", False),
    ],
)
def test_a_gold_group_matches_a_graph_group_of_the_same_number(
    gold: str, graph: str, same: bool
) -> None:
    group = readback_agent(
        "https://w3id.org/cowkg/ontology#UnnamedStateGroup", f"{BASE}id/state-group/g", graph
    )
    assert same_agent(gold_agent(gold), group) is same
    assert not same_agent(gold_agent(gold), ("state", "ESP"))


def test_a_venue_within_the_city_matches_the_city() -> None:
    venue = place_names(["Palazzo Example, Rome", "Rome"])
    assert place_matches("Rome", None, venue)
    assert place_matches(None, "Palazzo Example", venue)
    assert not place_matches("Milan", None, venue)
    assert not place_matches(None, None, venue)
    assert place_matches("Ostia", None, place_names(["Example Fort, Ostia"]))


# --------------------------------------------------------------------------------------------
# Evidence, amounts, passages
# --------------------------------------------------------------------------------------------

TEXT = (
    "ROME — Leaders of the coalition met in Rome on Saturday. Prime Minister Ana Example of "
    "Italy chaired the talks, joined by Spain's Bo Sample. Spain offered 40 engineers.\n"
    "Separately, Italy and Malta held bilateral talks in Valletta on Sunday. "
    '"We are ready," Sample said. Some 12 countries took part in Rome.'
)


def test_gold_evidence_is_located_and_compared_by_offsets() -> None:
    spans = gold_spans(TEXT, ["Spain offered 40 engineers", "not in the text"])
    assert spans == [
        Evidence(
            "Spain offered 40 engineers", TEXT.index("Spain offered"), TEXT.index(" engineers") + 10
        )
    ]
    inside = Evidence("40 engineers", TEXT.index("40 eng"), TEXT.index("40 eng") + 12)
    after = Evidence("Separately", TEXT.index("Separately"), TEXT.index("Separately") + 10)
    assert overlaps(spans, [inside]) and not overlaps(spans, [after])


def test_pledge_amounts_compare_money_or_quantity_bounds() -> None:
    spain = ("state", "ESP")
    assert same_amount({"value": 40}, (spain, "troops", None, None, Decimal(40), Decimal(40)))
    assert not same_amount({"value": 40}, (spain, "troops", None, None, Decimal(4), Decimal(4)))
    assert same_amount(
        {"value": 2e9, "currency": "EUR"},
        (spain, "money", Decimal("2000000000"), "EUR", None, None),
    )
    assert not same_amount(
        {"value": 2e9, "currency": "EUR"},
        (spain, "money", Decimal("2000000000"), "GBP", None, None),
    )
    assert same_amount({"value": None}, (spain, "other", None, None, None, None))
    assert not same_amount({"value": "forty"}, (spain, "troops", None, None, Decimal(40), None))
    assert not same_amount({"value": None}, (spain, "troops", None, None, Decimal(40), None))


def test_a_missed_name_is_shown_in_its_sentence() -> None:
    assert gold_passage(TEXT, "Bo Sample", ["no name here"]) == (
        "Prime Minister Ana Example of Italy chaired the talks, joined by Spain's Bo Sample."
    )
    assert gold_passage(TEXT, "Ana Example", ["the talks chaired by Ana Example"]) == (
        "the talks chaired by Ana Example"
    )
    assert gold_passage(TEXT, "Nobody Here", ["a", "b"]) == "a … b"


# --------------------------------------------------------------------------------------------
# Reading a graph back and scoring an article (a hand-made graph of the fictional article)
# --------------------------------------------------------------------------------------------

PREFIXES = f"""\
@prefix cow: <https://w3id.org/cowkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <{BASE}id/> .
"""
TYPES = """
id:state\\/ITA a cow:State ; rdfs:label "Italy"@en .
id:state\\/ESP a cow:State ; rdfs:label "Spain"@en .
id:state\\/MLT a cow:State ; rdfs:label "Malta"@en .
id:person\\/ana-example a cow:Person ; rdfs:label "Ana Example"@en .
id:person\\/bo-sample a cow:Person ; rdfs:label "Bo Sample"@en .
id:coalition\\/coalition-of-the-willing a cow:Coalition ; rdfs:label "Coalition of the Willing"@en .
id:place\\/palazzo-example-rome a cow:Place ; rdfs:label "Palazzo Example, Rome"@en .
"""


def fact(name: str, body: str, quote: str, source: str = "x1", text: str = TEXT) -> str:
    """A fact graph holding ``body``, with provenance citing ``quote`` in ``source``."""
    graph, src = f"<{BASE}graph/fact/{name}>", f"<{BASE}source/{source}>"
    start = text.index(quote)
    ev = f"<{BASE}graph/fact/{name}#ev>"
    return f"""{graph} {{ {body} }}
<{BASE}graph/provenance> {{
  {graph} a cow:Fact, prov:Entity ; prov:wasDerivedFrom {src} ; cow:evidence {ev} .
  {ev} a oa:Annotation ; oa:hasTarget <{BASE}graph/fact/{name}#t> .
  <{BASE}graph/fact/{name}#t> oa:hasSource {src} ;
      oa:hasSelector <{BASE}graph/fact/{name}#q>, <{BASE}graph/fact/{name}#p> .
  <{BASE}graph/fact/{name}#q> a oa:TextQuoteSelector ; oa:exact {quote!r} .
  <{BASE}graph/fact/{name}#p> a oa:TextPositionSelector ;
      oa:start {start} ; oa:end {start + len(quote)} .
}}
"""


def took_part(meeting: str, key: str, agent: str, extra: str = "") -> str:
    """A participation of ``agent`` (a prefixed name) at ``meeting``."""
    node = f"id:participation\\/{key}"
    return (
        f"{meeting} cow:hasParticipation {node} . {node} a cow:Participation ; "
        f"cow:participant {agent} {extra}."
    )


ROME = "id:meeting\\/2026-01-10-summit"
VALLETTA = "id:meeting\\/2026-01-11-summit"
DATASET = "\n".join(
    [
        PREFIXES,
        "<https://w3id.org/cowkg/graph/types> {" + TYPES + "}",
        fact(
            "m1",
            f'{ROME} a cow:Summit ; schema:startDate "2026-01-10"^^xsd:date ; '
            "cow:meetingOf id:coalition\\/coalition-of-the-willing .",
            "Leaders of the coalition met in Rome on Saturday.",
        ),
        fact(
            "m1-place", f"{ROME} schema:location id:place\\/palazzo-example-rome .", "met in Rome"
        ),
        fact(
            "m1-format",
            f"{ROME} schema:eventAttendanceMode schema:OnlineEventAttendanceMode .",
            "Leaders of the coalition met",
        ),
        fact(
            "m1-chair",
            f"{ROME} cow:chairedBy id:person\\/ana-example .",
            "Ana Example of Italy chaired",
        ),
        fact(
            "m1-p1",
            took_part(ROME, "a", "id:person\\/ana-example", "; cow:onBehalfOf id:state\\/ITA "),
            "Prime Minister Ana Example of Italy",
        ),
        fact(
            "m1-p2",
            took_part(ROME, "b", "id:state\\/MLT"),
            "Italy and Malta",
        ),
        # another article's fact about the same meeting: not this article's yield
        fact(
            "other",
            took_part(ROME, "c", "id:state\\/ESP"),
            "Spain",
            source="x2",
        ),
        # the bilateral talks, wrongly made a coalition meeting with participants
        fact(
            "m2",
            f'{VALLETTA} a cow:Summit ; schema:startDate "2026-01-11"^^xsd:date ; '
            "cow:meetingOf id:coalition\\/coalition-of-the-willing . "
            + took_part(VALLETTA, "d", "id:state\\/MLT"),
            "Italy and Malta held bilateral talks in Valletta on Sunday.",
        ),
        fact(
            "pl",
            "id:pledge\\/esp a cow:Pledge ; cow:pledgedBy id:state\\/ESP ; "
            "cow:pledgeKind id:pledge-kind\\/troops ; cow:pledgeQuantity id:quantity\\/esp . "
            'id:pledge-kind\\/troops rdfs:label "troops"@en . '
            "id:quantity\\/esp schema:minValue 40 ; schema:maxValue 40 .",
            "Spain offered 40 engineers.",
        ),
        fact(
            "count",
            'id:claim\\/c a cow:CountClaim ; cow:countValue 12 ; cow:countedThing "countries" .',
            "Some 12 countries took part",
        ),
        fact(
            "said",
            "id:statement\\/s a cow:Statement ; cow:statedBy id:person\\/bo-sample ; "
            'cow:statementText "We are ready" .',
            '"We are ready," Sample said.',
        ),
    ]
)

GOLD = {
    "doc": "x1.txt",
    "title": "Coalition leaders meet in Rome",
    "publisher": "Example Wire",
    "published": dt.date(2026, 1, 12),
    "language": "en",
    "meetings": [
        {
            "date": "2026-01-10",
            "place": "Rome",
            "venue": None,
            "format": "in-person",
            "coalition_meeting": True,
            "host_country": [],
            "chairs": ["Ana Example"],
            "attending_countries": ["Italy", "Spain"],
            "attending_people": ["Ana Example", "Bo Sample"],
            "attending_organisations": [],
            "evidence": ["Leaders of the coalition met in Rome on Saturday."],
        },
        {
            "date": "2026-01-11",
            "place": "Valletta",
            "venue": None,
            "format": "in-person",
            "coalition_meeting": False,
            "attending_countries": ["Italy", "Malta"],
            "evidence": ["Italy and Malta held bilateral talks in Valletta on Sunday."],
        },
    ],
    "pledges": [
        {
            "pledger": "Spain",
            "kind": "troops",
            "value": 40,
            "evidence": ["Spain offered 40 engineers."],
        }
    ],
    "counts": [
        {"counted": "countries", "value": 12, "evidence": ["Some 12 countries took part in Rome."]}
    ],
    "statements": [
        {"who": "Bo Sample", "gist": "ready", "evidence": ['"We are ready," Sample said.']}
    ],
}


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()
    s.bulk_extend(with_merge(ox.parse(DATASET, format=ox.RdfFormat.TRIG)))
    return s


def test_the_graph_is_read_back_per_article(store: ox.Store) -> None:
    graph = read_article(store, f"{BASE}source/x1")
    rome = graph.meetings[f"{BASE}id/meeting/2026-01-10-summit"]
    assert (rome.date, rome.coalition) == ("2026-01-10", True)
    assert set(rome.formats) == {"virtual"}
    assert [i.value for i in rome.leaders] == [("person", "Ana Example")]
    # Spain's participation rests on another article only
    assert sorted(i.value for i in rome.attendees) == [
        ("person", "Ana Example"),
        ("state", "ITA"),
        ("state", "MLT"),
    ]
    assert any(place_matches("Rome", None, names) for names in rome.places)
    assert [p.value[:2] for p in graph.pledges] == [(("state", "ESP"), "troops")]
    assert [c.value[0] for c in graph.counts] == [{Decimal(12)}]
    assert [s.value[0] for s in graph.statements] == [("person", "Bo Sample")]
    assert len(graph.evidence) == 10
    assert read_article(store, f"{BASE}source/x2").meetings.keys() == {rome.iri}


def test_an_article_is_scored_per_category(store: ox.Store) -> None:
    scorer = ArticleScorer(
        GoldArticle("x1.txt", TEXT, GOLD), read_article(store, f"{BASE}source/x1"), Outcome()
    )
    scorer.run()
    counts = {c: (t.tp, t.fp, t.fn) for c, t in scorer.outcome.tallies.items()}
    assert counts == {
        "coalition meetings": (1, 1, 0),  # Valletta is no coalition meeting
        "format": (0, 1, 1),
        "hosts/chairs": (1, 0, 0),
        "attending states": (1, 1, 1),  # Italy; Malta is wrong; Spain (only in x2) missed
        "people": (1, 0, 1),
        "organisations": (0, 0, 0),
        "pledges (pledger+kind)": (1, 0, 0),
        "pledges (+amount)": (1, 0, 0),
        "counts": (1, 0, 0),
        "statements": (1, 0, 0),
    }
    assert [m.what.split(" at ")[0] for m in scorer.violations] == ["Malta"]
    assert scorer.evidence_verified() == (10, 10)
    fn = next(m for m in scorer.outcome.misses if m.category == "people")
    assert (fn.kind, fn.what, fn.passage) == (
        "FN",
        "Bo Sample at 2026-01-10 Rome",
        "Prime Minister Ana Example of Italy chaired the talks, joined by Spain's Bo Sample.",
    )


# --------------------------------------------------------------------------------------------
# The corpus and the scratch folder
# --------------------------------------------------------------------------------------------


def test_an_absent_corpus_is_named_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissing, match="COWKG_ARTICLES_DIR") as info:
        load_corpus(tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in str(info.value)


def test_cowkg_eval_without_a_corpus_exits_2_with_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cowkg", "eval", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "no development corpus" in done.stderr and "Traceback" not in done.stderr


def test_the_cli_reads_the_articles_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("COWKG_ARTICLES_DIR", str(tmp_path / "elsewhere"))
    assert main(["eval"]) == 2
    assert str(tmp_path / "elsewhere") in caplog.text


def test_a_gold_entry_naming_no_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "gold-x.yaml").write_text(
        yaml.safe_dump([{"doc": "missing.txt"}]), encoding="utf-8"
    )
    with pytest.raises(CorpusMissing, match=r"missing\.txt"):
        load_corpus(tmp_path)


def test_articles_are_added_to_a_scratch_copy_of_the_seeds(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x1.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "gold-x.yaml").write_text(yaml.safe_dump([GOLD]), encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "000_seed.txt").write_text("A seed of our own.", encoding="utf-8")
    record = {
        "file": "000_seed.txt",
        "title": "Seed",
        "date": None,
        "language": "en",
        "kind": "blog",
    }
    (seeds / "sources.yaml").write_text(yaml.safe_dump({"sources": [record]}), encoding="utf-8")

    settings = Settings(seeds_dir=seeds, dataset=tmp_path / "served.nq", store="remote")
    target = prepare_scratch(settings, load_corpus(corpus), tmp_path / "scratch")

    sources = {s.file: s for s in load_sources(target.seeds_dir)}
    assert sorted(sources) == ["000_seed.txt", "x1.txt"]
    assert sources["x1.txt"].text == TEXT
    assert (sources["x1.txt"].date, sources["x1.txt"].kind) == (dt.date(2026, 1, 12), "news")
    assert sources["x1.txt"].publisher == "Example Wire"
    assert target.graph_dir == tmp_path / "scratch" / "graph"
    assert target.cache_dir == tmp_path / "scratch" / "cache"
    assert (target.dataset, target.store) == (None, "embedded")
    assert sorted(p.name for p in seeds.iterdir()) == ["000_seed.txt", "sources.yaml"]


def test_the_table_shows_scores_counts_and_undefined_scores() -> None:
    table = format_table({"counts": Tally(1, 1, 0), "statements": Tally(fn=3)})
    assert table.splitlines()[1].split() == ["counts", "0.50", "1.00", "0.67", "1", "1", "0"]
    assert table.splitlines()[2].split() == ["statements", "–", "0.00", "0.00", "0", "0", "3"]


def test_a_missed_coalition_meeting_says_when_the_graph_has_it_unlinked() -> None:
    meeting = GraphMeeting(
        f"{BASE}id/meeting/2026-02-01-military",
        "2026-02-01",
        coalition=False,
        places={place_names(["Rome"]): "rome"},
    )
    gold = {
        "doc": "x.txt",
        "meetings": [{"date": "2026-02-01", "place": "Rome", "coalition_meeting": True}],
    }
    scorer = ArticleScorer(
        GoldArticle("x.txt", TEXT, gold),
        GraphArticle({meeting.iri: meeting}, [], [], [], {}),
        Outcome(),
    )
    scorer.run()
    [miss] = scorer.outcome.misses
    assert (miss.kind, miss.category) == ("FN", "coalition meetings")
    assert "2026-02-01-military, not as the coalition's" in miss.what


def test_facts_without_evidence_or_with_misplaced_quotes_are_unverified() -> None:
    graph = f"<{BASE}graph/fact/"
    dataset = PREFIXES + (
        fact("good", "id:claim\\/g a cow:CountClaim ; cow:countValue 12 .", "Some 12 countries")
        + fact(
            "moved", "id:claim\\/m a cow:CountClaim ; cow:countValue 40 .", "40 engineers"
        ).replace(f"oa:start {TEXT.index('40 engineers')}", "oa:start 0")
        + f"""{graph}bare> {{ id:claim\\/b a cow:CountClaim ; cow:countValue 7 . }}
<{BASE}graph/provenance> {{ {graph}bare> a cow:Fact ; prov:wasDerivedFrom <{BASE}source/x1> . }}
"""
    )
    s = ox.Store()
    s.bulk_extend(with_merge(ox.parse(dataset, format=ox.RdfFormat.TRIG)))
    scorer = ArticleScorer(
        GoldArticle("x1.txt", TEXT, {}), read_article(s, f"{BASE}source/x1"), Outcome()
    )
    assert scorer.evidence_verified() == (1, 3)
