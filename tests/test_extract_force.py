"""Force, command-post, group and principle rules: real seeds and a synthetic article (documents
and plans: tests/test_read_documents.py)."""

from __future__ import annotations

import pytest
from fixtures.structure import PARIS_NEWS, WIKI, assert_evidence_verbatim, of_kind, real, synthetic

from cowkg.extract import force, names
from cowkg.extract.known import Known
from cowkg.types import Fact, FactKind, Source


def _run(source: Source, known: Known) -> list[Fact]:
    facts = force.extract_force_facts(source, known, names.forces(names.read_names(source)))
    assert_evidence_verbatim(facts, source)
    return facts


@pytest.fixture(scope="module")
def wiki() -> list[Fact]:
    return _run(*real(WIKI))


def test_cq35_mandate_tasks(wiki: list[Fact]) -> None:
    tasks = [t["task"] for t in of_kind(wiki, FactKind.FORCE_TASK, force="mnf-u")]
    assert tasks == [
        "military-logistics",
        "training",
        "force-generation",
        "naval-mine-clearing",
        "air-policing",
    ]
    labels = {f.args["task"].label for f in wiki if f.kind is FactKind.FORCE_TASK}  # type: ignore[union-attr]
    assert "naval mine-clearing" in labels  # U+2011 in the seed, '-' in the label


def test_cq38_paris_hq_rotates_to_london_after_12_months(wiki: list[Fact]) -> None:
    rotating = of_kind(wiki, FactKind.COMMAND_POST, post="paris-hq", rotates_to="london")
    assert [(r["rotation_months"], r["stars"], r["force"]) for r in rotating] == [(12, 3, "mnf-u")]


def test_command_structure_paris_and_kyiv(wiki: list[Fact]) -> None:
    posts = of_kind(wiki, FactKind.COMMAND_POST, level="joint command")
    assert [(p["post"], p["stars"], p["commander_nation"]) for p in posts] == [
        ("paris-hq", 3, "FRA")
    ]
    kyiv = of_kind(wiki, FactKind.COMMAND_POST, post="kyiv-hq", level="coordination")
    assert [(p["stars"], p["commander_nation"], p["place"]) for p in kyiv] == [(2, "GBR", "kyiv")]
    established = of_kind(wiki, FactKind.COMMAND_POST, established="September 2025")
    assert [(e["place"], e["lead_nations"]) for e in established] == [
        ("mont-valerien", ("FRA", "GBR"))
    ]


def test_force_status_condition_language_and_leaders(wiki: list[Fact]) -> None:
    statuses = {
        s["status"] for s in of_kind(wiki, FactKind.FORCE_STATUS, force="mnf-u") if "status" in s
    }
    assert statuses == {"proposed", "planning", "not-mandated"}
    conditions = {s.get("condition") for s in of_kind(wiki, FactKind.FORCE_STATUS)} - {None}
    assert conditions == {"comprehensive ceasefire agreement", "cessation of hostilities"}
    assert of_kind(wiki, FactKind.FORCE_STATUS, working_language="en")
    assert {r["leader"] for r in of_kind(wiki, FactKind.LEADS, coalition="mnf-u")} == {"FRA", "GBR"}
    assert of_kind(wiki, FactKind.FORCE_COMPONENT) == [{"force": "mnf-u", "component": "maritime"}]


def test_cq44_five_sub_planning_groups_from_two_passages(wiki: list[Fact]) -> None:
    groups = of_kind(wiki, FactKind.GROUP, group_kind="planning")
    assert sorted({g["domain"] for g in groups}) == [
        "air",
        "land",
        "reconstruction",
        "regeneration",
        "sea",
    ]
    assert len(groups) == 10  # body text and the notes both list them; merging makes 5


def test_cq45_working_group_on_security_guarantees(wiki: list[Fact]) -> None:
    key = "working-group-ukraine-security-guarantees"
    facts = of_kind(wiki, FactKind.GROUP, group=key)
    assert {f["group_kind"] for f in facts} == {"working"}
    merged: dict[str, object] = {}
    for f in facts:
        merged.update({k: v for k, v in f.items() if k != "mandate"})
    # announced on 25 November 2025: the infobox timeline (tests/test_read_infobox.py)
    assert merged["members"] == ("USA", "TUR")  # who announced and founded it: read.mappings
    mandates = {f["mandate"] for f in facts if "mandate" in f}
    assert any(
        m.startswith("determine the specific security")
        and "national contributions" in m
        and m.endswith("for proposed MNF-U")
        for m in mandates
    )


def test_inviolability_of_borders_principle(wiki: list[Fact]) -> None:
    assert of_kind(wiki, FactKind.PRINCIPLE) == [
        {
            "principle": "inviolability-of-borders",
            "text": "inviolability of borders",
            "stated_at": "2025-12-11-summit",
        }
    ]


def test_three_principles_of_the_paris_summit() -> None:
    facts = _run(*real(PARIS_NEWS))
    principles = of_kind(facts, FactKind.PRINCIPLE, stated_at="2025-03-27-summit")
    texts = [p["text"] for p in principles]
    assert texts[:2] == ["a strong Ukrainian military", "so-called reassurance forces"]
    assert texts[2].startswith("stronger efforts to rearm Europe")
    assert texts[2].endswith("the European position")
    assert len(texts) == 3


SYNTHETIC = (
    "Northern Shield\n\n"
    "The Northern Shield Force (NSF) is a proposed multinational force, politically led by Norway "
    "and Denmark, designed to deploy only after a signed armistice. Its expected mandate includes "
    "air policing, demining and border monitoring.\n\n"
    "Its planned command structure is divided between a joint headquarters in Oslo and a forward "
    "headquarters in Tallinn, with a Norwegian three-star commander in Oslo and a Danish two-star "
    "deputy in Tallinn.\n\n"
    "Planners discussed the force at length. The mandate includes nothing for other forces.\n\n"
    "On 2 May 2030, ministers met to formalize a dedicated working group to align northern "
    "security guarantees. Its mandate is to draft the rules of engagement, with the participation "
    "of Finland and Sweden.\n\n"
    "Working group on northern security guarantees (NSF)\n"
)


def test_synthetic_article_goes_through_the_same_rules() -> None:
    facts = _run(*synthetic(SYNTHETIC))
    assert [t["task"] for t in of_kind(facts, FactKind.FORCE_TASK)] == [
        "air-policing",
        "demining",
        "border-monitoring",
    ]
    assert {r["leader"] for r in of_kind(facts, FactKind.LEADS, coalition="nsf")} == {"NOR", "DNK"}
    status = of_kind(facts, FactKind.FORCE_STATUS, force="nsf", status="proposed")
    assert status[0]["condition"] == "signed armistice"
    posts = {
        (p["post"], p["stars"], p["commander_nation"])
        for p in of_kind(facts, FactKind.COMMAND_POST)
    }
    assert posts == {("oslo-hq", 3, "NOR"), ("tallinn-hq", 2, "DNK")}
    group = of_kind(facts, FactKind.GROUP, group="working-group-northern-security-guarantees")
    assert [(g.get("mandate"), g.get("members")) for g in group if "members" in g] == [
        ("draft the rules of engagement", ("FIN", "SWE"))
    ]


def test_sentences_without_a_force_in_reach_yield_no_force_facts() -> None:
    text = "Its expected mandate includes air policing and training.\n\nA force is proposed.\n"
    facts = _run(*synthetic(text))
    assert not of_kind(facts, FactKind.FORCE_TASK) and not of_kind(facts, FactKind.FORCE_STATUS)
