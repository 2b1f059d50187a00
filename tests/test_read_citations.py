"""Reference entries read as cited works, on reference lists written for these tests (several
citation styles: authors inverted or not, dated in parentheses or after the publisher, a
translated title, a press release without a quoted title, a quoted passage after the retrieval
note) and entries that are no citation."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.citations import citations
from cowkg.read.mappings import read
from cowkg.read.mappings.citations import author_name, cited_works
from cowkg.types import EntityKind, Fact, Lang, Ref, Source

BODY = "Chile and Peru met in Lima on 3 May 2026.\n\nReferences\n\n"
ENTRIES = (
    '  1. 1 2 Okafor, Amara; Lindqvist, Per (4 May 2026). "Chile and Peru agree on a border '
    'patrol plan". The Andes Courier. Retrieved 6 May 2026.\n'
    '  2. "Lima talks end without a deal, Boric says". Pacific Wire. 5 May 2026. Archived from '
    "the original on 7 May 2026. Retrieved 8 May 2026. President Gabriel Boric told reporters "
    "that NATO observers would return on 12 May 2026.\n"
    '  3. "Perú y Chile firman un acuerdo" [Peru and Chile sign an agreement]. Diario Sur (in '
    "Spanish). 4 May 2026. Retrieved 9 May 2026.\n"
    "  4. Ministry of Foreign Affairs; The Rt Hon Dame Helen Marsh KC MP (2 May 2026). Joint "
    "statement on the Lima talks (Press release). Retrieved 3 May 2026 via example.org.\n"
    "  5. 1 2\n"
    '    1. HALVORSEN, INGRID (1 May 2026). "Peru to host Chile for talks". Nordic Ledger. '
    "Retrieved 2 May 2026.\n"
    '    2. not named (1 May 2026). "What the Lima talks are about". Harbour Post.\n'
    '  6. "Chile to host Peru for talks on Tuesday, minister says". 30 April 2026.\n'
)
NOTES = "Notes\n\n  1. The talks were held in Spanish, with interpreters for the observers.\n"


def _source(text: str) -> Source:
    return Source("t.txt", text, "t", "en", "encyclopedia", dt.date(2026, 5, 20))


def _facts(text: str) -> list[Fact]:
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(cited_works(read(source, mentions)))


def _by_title(facts: list[Fact]) -> dict[str, Fact]:
    out = {}
    for fact in facts:
        title = fact.args["title"]
        assert isinstance(title, Lang)
        out[title.text] = fact
    return out


def test_each_entry_style_is_cut_into_its_parts() -> None:
    found = {c.number: c for c in citations(BODY + ENTRIES)}
    assert sorted(found) == ["1", "2", "3", "4", "5.1", "5.2", "6"]
    assert found["6"].date is not None and found["6"].publisher is None
    first = found["1"]
    assert [a.text for a in first.authors] == ["Okafor, Amara", "Lindqvist, Per"]
    assert first.title.text == "Chile and Peru agree on a border patrol plan"
    assert first.publisher is not None and first.publisher.text == "The Andes Courier"
    assert first.date is not None and first.date.text == "4 May 2026"
    assert first.quote is None
    second = found["2"]
    assert second.archived is not None and second.archived.text == "7 May 2026"
    assert second.retrieved is not None and second.retrieved.text == "8 May 2026"
    assert second.quote is not None and second.quote.text.startswith("President Gabriel Boric")
    third = found["3"]
    assert third.translation is not None
    assert third.translation.text == "Peru and Chile sign an agreement"
    assert third.language == "es" and third.publisher and third.publisher.text == "Diario Sur"
    fourth = found["4"]
    assert not fourth.quoted and fourth.title.text == "Joint statement on the Lima talks"
    assert fourth.genre == "Press release" and fourth.publisher is None


def test_a_note_is_no_citation() -> None:
    assert citations(BODY.replace("References", "Notes") + NOTES[7:]) == []
    assert citations("Chile and Peru met in Lima.\n\n" + NOTES) == []


def test_authors_are_people_in_first_last_order() -> None:
    assert author_name("Okafor, Amara") == "Amara Okafor"
    assert author_name("The Rt Hon Dame Helen Marsh KC MP") == "Helen Marsh"
    assert author_name("HALVORSEN, INGRID") == "Ingrid Halvorsen"
    assert author_name("Ministry of Foreign Affairs") is None
    assert author_name("not named") is None
    assert author_name("Pacific Wire with AFP") is None


def test_cited_work_facts() -> None:
    facts = _by_title(_facts(BODY + ENTRIES))
    plan = facts["Chile and Peru agree on a border patrol plan"]
    assert plan.args["date"] == dt.date(2026, 5, 4)
    assert plan.args["retrieved"] == dt.date(2026, 5, 6)
    assert plan.args["cited_by"] == "t.txt"
    assert [r.key for r in plan.args["authors"]] == ["amara-okafor", "per-lindqvist"]  # type: ignore[union-attr]
    publisher = plan.args["publisher"]
    assert isinstance(publisher, Ref) and publisher.kind is EntityKind.PUBLISHER
    assert {r.key for r in plan.args["mentions"]} == {"CHL", "PER"}  # type: ignore[union-attr]
    talks = facts["Lima talks end without a deal, Boric says"]
    mentioned = {r.key for r in talks.args["mentions"]}  # type: ignore[union-attr]
    assert {"nato", "gabriel-boric"} <= mentioned  # the quoted passage names them too
    assert talks.args["covers"] == (dt.date(2026, 5, 12),)
    assert talks.args["archived"] == dt.date(2026, 5, 7)
    spanish = facts["Perú y Chile firman un acuerdo"]
    assert spanish.args["title"] == Lang("Perú y Chile firman un acuerdo", "es")
    assert spanish.args["translation"] == Lang("Peru and Chile sign an agreement", "en")
    statement = facts["Joint statement on the Lima talks"]
    assert [r.key for r in statement.args["authors"]] == ["helen-marsh"]  # type: ignore[union-attr]
    assert statement.args["genre"] == "Press release"
    assert "publisher" not in statement.args
    unnamed = facts["What the Lima talks are about"]
    assert "authors" not in unnamed.args and "retrieved" not in unnamed.args


def test_the_evidence_is_the_whole_entry() -> None:
    text = BODY + ENTRIES
    for fact in _facts(text):
        (span,) = fact.evidence
        assert text[span.start : span.end] == span.text
        title = fact.args["title"]
        assert isinstance(title, Lang) and title.text in span.text


def test_prose_without_a_reference_list_cites_nothing() -> None:
    text = 'Chile said "Peru to host the talks". Retrieved documents show the plan (Report).\n'
    assert _facts(text) == []
