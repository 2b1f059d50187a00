"""The extraction orchestrator: all rules per seed, curation, evidence checks, merging."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from fixtures.structure import ROOT, WIKI, of_kind, real_sources
from hypothesis import given, settings
from hypothesis import strategies as st

from cowkg.curation import Curation, load_curation
from cowkg.errors import EvidenceError
from cowkg.extract import extract, extract_all, merge_facts, verify_evidence
from cowkg.extract.text import extract_text_facts
from cowkg.mentions import find_mentions
from cowkg.sources import find_span, load_sources
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source, Span


@pytest.fixture(scope="module")
def all_facts() -> list[Fact]:
    sources = list(real_sources())
    return extract_all(sources, load_curation(ROOT / "curation" / "curation.yaml", sources))


def test_every_fact_has_verbatim_evidence(all_facts: list[Fact]) -> None:
    by_file = {s.file: s for s in real_sources()}
    for fact in all_facts:
        assert fact.evidence and list(fact.evidence) == sorted(set(fact.evidence))
        for span in fact.evidence:
            assert by_file[span.seed].text[span.start : span.end] == span.text


def test_identical_facts_are_merged_with_all_their_evidence(all_facts: list[Fact]) -> None:
    keys = [(f.kind, tuple(sorted((k, repr(v)) for k, v in f.args.items()))) for f in all_facts]
    assert len(keys) == len(set(keys))
    groups = of_kind(all_facts, FactKind.GROUP, group_kind="planning")
    assert len(groups) == 5
    spans = [
        f.evidence
        for f in all_facts
        if f.kind is FactKind.GROUP and f.args["group_kind"] == "planning"
    ]
    assert all(len(s) == 2 for s in spans)  # body text and notes


def test_output_does_not_depend_on_seed_order(all_facts: list[Fact]) -> None:
    sources = list(reversed(real_sources()))
    again = extract_all(sources, load_curation(ROOT / "curation" / "curation.yaml", sources))
    assert again == all_facts


def test_most_facts_come_from_rules(all_facts: list[Fact]) -> None:
    rules = sum(f.method.startswith("rule:") for f in all_facts)
    curated = [f for f in all_facts if f.method.startswith("curation:")]
    assert curated, "the curation entries must reach the output"
    assert rules / len(all_facts) >= 0.9


def test_extract_runs_text_and_structure_rules_on_one_seed() -> None:
    source = next(s for s in real_sources() if s.file == WIKI)
    methods = {f.method for f in extract(source)}
    text_rules = {f.method for f in extract_text_facts(source, find_mentions(source))}
    assert text_rules and text_rules <= methods
    for rule in ("rule:meetings-table", "rule:names", "rule:force-mandate", "rule:command-post"):
        assert rule in methods


FRAGMENTS = [
    "DateHostChairLocation\n",
    "Date of meetingOfficial AttendanceCount\n",
    "OrganisationRepresented byTitle\n",
    "1 2 March 2025Flag of France.svg France Emmanuel Macron Élysée Palace, Paris [1]\n",
    "215 March 2025Virtual meeting (Video conference)\n",
    "(Video conference)\n",
    "May 5, 20302 [5]\n",
    "Flag of the OSCE.svg OSCE Helga Schmid Secretary General of the OSCE\n",
    "Starmer outlined four key components:\n",
    "  1. First point.\n",
    "50.45°N 30.5236°E\n",
    "The Multinational Force–Ukraine (MNF–U) is a proposed force.\n",
    "Its expected mandate includes air policing.\n",
    "Five sub-planning groups (land, sea)\n",
    "a joint headquarters in Paris\u00a0and\n",
    "Working group on peace (CoW)\n25 Nov 2025\n(announced)\n",
    "\n",
    "Summits\u00a0\u00a0Ministerials\n12 • 2\n",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12))
def test_any_mix_of_debris_extracts_without_error_and_with_verbatim_evidence(
    parts: list[str],
) -> None:
    text = "".join(parts)
    source = Source(file="901_fuzz.txt", text=text, title="t", language="en", kind="news")
    facts = extract(source)
    verify_evidence(facts, [source])


def test_a_wrong_span_is_an_evidence_error_naming_seed_and_offsets() -> None:
    source = next(s for s in real_sources() if s.file == WIKI)
    good = find_span(source, "Last updated")
    bad = Span(good.seed, good.start + 1, good.end + 1, good.text)
    fact = Fact(
        FactKind.NAME, {"entity": Ref(EntityKind.COALITION, "x"), "label": "x"}, (bad,), "rule:t"
    )
    with pytest.raises(EvidenceError, match=rf"{WIKI}\[{bad.start}:{bad.end}\]"):
        verify_evidence([fact], [source])


def test_a_span_of_a_seed_not_loaded_is_an_evidence_error() -> None:
    span = Span("999_missing.txt", 0, 1, "x")
    fact = Fact(FactKind.NAME, {"label": "x"}, (span,), "rule:t")
    with pytest.raises(EvidenceError, match=r"999_missing\.txt"):
        verify_evidence([fact], list(real_sources()))


def test_merge_prefers_a_rule_over_curation_and_sorts_evidence() -> None:
    a, b = Span("b.txt", 5, 6, "x"), Span("a.txt", 9, 10, "y")
    args = {
        "meeting": Ref(EntityKind.MEETING, "2030-01-01-summit", "label one"),
        "format": "virtual",
    }
    same = {
        "meeting": Ref(EntityKind.MEETING, "2030-01-01-summit", "other label"),
        "format": "virtual",
    }
    facts = [
        Fact(FactKind.MEETING_FORMAT, args, (a,), "curation:C001"),
        Fact(FactKind.MEETING_FORMAT, same, (b, a), "rule:z"),
        Fact(FactKind.MEETING_FORMAT, {**args, "format": "hybrid"}, (a,), "rule:y"),
    ]
    merged = merge_facts(facts)
    assert len(merged) == 2
    virtual = next(f for f in merged if f.args["format"] == "virtual")
    assert virtual.evidence == (b, a) and virtual.method == "rule:z"


NEW_ARTICLE = """Coalition meets again

The coalition held these meetings:

DateHostChairLocation
1 5 May 2030Flag of Italy.svg Italy Giorgia Meloni Palazzo Chigi, Rome [1]
29 May 2030Virtual meeting (Video conference) [2]

On 5 May 2030, Italian Prime Minister Giorgia Meloni hosted a summit of the coalition in Rome.
"""


def test_a_new_article_in_seeds_goes_through_the_same_path(tmp_path: Path) -> None:
    (tmp_path / "100_new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - file: 100_new_article.txt\n    title: New\n    language: en\n"
        "    kind: news\n    date: 2030-05-06\n",
        encoding="utf-8",
    )
    facts = extract_all(load_sources(tmp_path), Curation(None))
    meetings = of_kind(facts, FactKind.MEETING, meeting_kind="summit")
    assert {m["date"] for m in meetings} >= {dt.date(2030, 5, 5), dt.date(2030, 5, 9)}
    assert of_kind(facts, FactKind.CHAIR, meeting="2030-05-05-summit", chair="giorgia-meloni")
    assert of_kind(facts, FactKind.HOST, meeting="2030-05-05-summit", host="ITA")
    assert {f.method.split(":")[0] for f in facts} == {"rule"}
