"""The reading ledger: each unit → its facts or the reason for none, and the two figures, on a
source written for these tests."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage
from cowkg.ledger import ledger, overall, unit_records
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.mappings import read
from cowkg.report import BuildReport
from cowkg.resolve import resolve
from cowkg.sources import span_at
from cowkg.types import EntityKind, Fact, FactKind, Ref, Source

TEXT = (
    "Chile and Peru met in Lima on 3 June 2026.\n"
    "The weather was fine.\n"
    "Chile did not attend the talks on 4 June 2026.\n"
    "Chile praised Peru warmly.\n"
)
SOURCE = Source("t.txt", TEXT, "t", "en", "news", dt.date(2026, 6, 10))
MEETING = Ref(EntityKind.MEETING, "2026-06-03-meeting")


def _records() -> dict[str, list]:  # type: ignore[type-arg]
    mentions = _mentions_stage(SOURCE, None, people_index(person_names(SOURCE)))
    return {SOURCE.file: unit_records(read(SOURCE, mentions))}


def _facts() -> list[Fact]:
    first = span_at(SOURCE, 0, TEXT.index("\n"))
    return [
        Fact(
            FactKind.MEETING,
            {"meeting": MEETING, "date": dt.date(2026, 6, 3), "meeting_kind": "meeting"},
            (first,),
            "rule:test",
        ),
        Fact(
            FactKind.PARTICIPATION,
            {"meeting": MEETING, "participant": Ref(EntityKind.STATE, "CHL", "Chile")},
            (first,),
            "rule:test",
        ),
    ]


def test_unit_records_say_what_is_informative_and_why_a_unit_may_yield_nothing() -> None:
    records = _records()[SOURCE.file]
    assert [(r.informative, r.reason) for r in records] == [
        (True, "bare clause: meet"),
        (False, "no agent"),
        (True, "negated"),
        (True, "no action"),
    ]
    first = records[0]
    assert sorted(m.span.text for m in first.counted) == ["3 June 2026", "Chile", "Peru"]


def test_ledger_lists_facts_per_unit_and_both_figures() -> None:
    facts = _facts()
    entry = ledger(_records(), resolve(facts, "https://w3id.org/cowkg/"))[SOURCE.file]
    assert [u.facts for u in entry.units] == [["meeting", "participation"], [], [], []]
    assert [u.reason for u in entry.units] == ["", "no agent", "negated", "no action"]
    assert (entry.informative, entry.informative_read) == (3, 1)
    # counted: Chile, Peru, 3 June (unit 1), Chile, 4 June (unit 3), Chile, Peru (unit 4);
    # used: Chile and the date of the first unit (Peru is no argument of its facts)
    assert (entry.arguments, entry.arguments_used) == (7, 2)
    assert overall({SOURCE.file: entry}) == {
        "informative_units_read": round(1 / 3, 4),
        "arguments_used": round(2 / 7, 4),
    }


def test_the_report_shows_the_ledger_and_round_trips_it() -> None:
    entries = ledger(_records(), resolve(_facts(), "https://w3id.org/cowkg/"))
    report = BuildReport(
        version="0",
        inputs={},
        inputs_sha256="",
        triples={"total": 0},
        fact_graphs=0,
        facts=0,
        entities_by_class={},
        facts_by_source={},
        facts_by_method={},
        conflicts=[],
        gaps=[],
        conforms=True,
        validation_results=0,
        ledger=entries,
    )
    text = report.to_markdown()
    assert "## Reading ledger" in text and "| t.txt | 1/3 (33.3%) | 2/7 (28.6%) |" in text
    assert "t.txt [65:111] sentence: negated" in text
    again = BuildReport.from_json(report.to_json())
    assert again.ledger == entries and again.to_json() == report.to_json()
