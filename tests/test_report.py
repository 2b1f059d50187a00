"""The build report: counts, conflicts and coverage gaps, and stable files without timings."""

from __future__ import annotations

from decimal import Decimal

from fixtures.graph_facts import sample_facts, sources

from cowkg.report import BuildReport, Conflict, Gap, coverage_gaps, quantity_text
from cowkg.resolve import resolve
from cowkg.types import Quantity


def _report() -> BuildReport:
    return BuildReport(
        version="0",
        inputs={"seeds/a.txt": "ab"},
        inputs_sha256="cd",
        triples={"facts": 3, "total": 3},
        fact_graphs=2,
        facts=4,
        entities_by_class={"cow:State": 1},
        facts_by_source={"a.txt": 4},
        facts_by_method={"rule:x": 3, "curation:C1": 1},
        conflicts=[Conflict("x", "countries", [{"value": "31", "seeds": ["a.txt"]}])],
        gaps=[Gap("a.txt", 0, 10, ["France"], "France did")],
        conforms=True,
        validation_results=0,
        timings={"extract": 1.5},
    )


def test_quantity_text_keeps_the_hedge() -> None:
    assert quantity_text(Quantity(Decimal(30), Decimal(30), "countries", "nearly")) == "nearly 30"
    assert quantity_text(Quantity(Decimal(31), Decimal(31), "countries")) == "31"
    assert quantity_text(Quantity(Decimal(50), Decimal(250), "soldiers")) == "50–250"
    assert quantity_text(Quantity(Decimal(24), None, "countries", "more than")) == "more than 24"


def test_json_round_trips_and_leaves_out_timings() -> None:
    report = _report()
    text = report.to_json()
    assert "extract" not in text and "skipped" not in text
    again = BuildReport.from_json(text)
    assert again.conflicts == report.conflicts and again.gaps == report.gaps
    assert again.to_json() == text


def test_rule_share_and_terminal_format() -> None:
    report = _report()
    assert report.rule_share == 0.75
    assert "Build time: 1.50 s (extract 1.50 s)" in report.format()
    assert "Made by rules: 75%" in report.to_markdown()
    report.skipped = True
    assert report.format().startswith("Graph is up to date")


def test_gaps_skip_covered_and_short_sentences() -> None:
    srcs = sources()
    facts = sample_facts(srcs)
    gaps = coverage_gaps(srcs.values(), facts, resolve(facts, "https://w3id.org/cowkg/"))
    assert gaps and all(len(g.text.split()) >= 6 for g in gaps)
    assert all(g.text == " ".join(srcs[g.seed].text[g.start : g.end].split()) for g in gaps)
    japan = [g for g in gaps if "publicly announced Japan" in g.text]
    assert japan and japan[0].entities == ["Keir Starmer"]
