"""Sentences that go on from the one before: what their pronoun or demonstrative points back to
is said there, so what they say belongs to the fact read there.

Two readings use this: a statement's words run on into the next sentence when it speaks in the
reporter's backshifted or modal form of that statement's content ("X said (that) Britain was
taking steps." / "These included …", "It would …") — :mod:`cowkg.read.mappings.statements`; a
pledge names an earlier pledge of the same pledger ("This complemented a previously announced
£N loan …") — :mod:`cowkg.read.mappings.pledges`. Here only the shape of the sentence is read:
whether its subject points back, whether it is in the reported form; who said or pledged is the
mappings' business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from cowkg.read.clauses import Clause
from cowkg.read.units import Unit, UnitKind

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

POINTING_BACK = frozenset({"it", "this", "these", "that", "those", "they"})
"""Pronouns and demonstratives that stand for something the sentence before said ("These
included …", "It would …", "They were …"). Not "he"/"she": a sentence about the speaker is the
narrator's as often as the speaker's."""
_OBJECT_PRONOUNS = frozenset({"it", "this", "these", "them", "those"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})
_BACKSHIFT_MODALS = frozenset({"would", "could", "might", "should"})
"""The reported forms of "will", "can", "may", "shall" after a verb of saying in the past."""
_PRESENT = frozenset({"VBZ", "VBP"})
_NOW = frozenset({"will", "can", "may", "must", "shall", "is", "are", "has", "have", "am", "'s"})


def subject_of(root: Token) -> Token | None:
    """The subject of a predicate (its first ``nsubj``/``nsubjpass``)."""
    return next((c for c in root.children if c.dep_ in _SUBJECTS), None)


def points_back(subject: Token | None) -> bool:
    """Whether ``subject`` is a pronoun or demonstrative that stands for what was said before:
    "it", "they", "this", "these"… alone, or a demonstrative determiner ("this package", "these
    steps"); not a named subject, not "this week" (a time)."""
    if subject is None:
        return False
    if subject.lower_ in POINTING_BACK and subject.pos_ in {"PRON", "DET"}:
        return True
    determiners = [c for c in subject.children if c.dep_ == "det"]
    return (
        subject.ent_type_ not in {"DATE", "TIME"}
        and len(determiners) == 1
        and determiners[0].lower_ in POINTING_BACK - {"it", "they"}
    )


def reported_form(root: Token) -> str | None:
    """ "modal" for a backshifted modal ("would play"), "past" for the past ("included", "was
    taking", "had agreed"), None for the present or future ("is", "will", "has agreed")."""
    auxes = [c for c in root.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes} | ({root.lower_} if root.tag_ == "MD" else set())
    if words & _BACKSHIFT_MODALS:
        return "modal"
    if words & _NOW or root.tag_ in _PRESENT or any(a.tag_ in _PRESENT for a in auxes):
        return None
    if root.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return None


def continues_report(unit: Unit, backshifted: bool) -> bool:
    """Whether ``unit`` reads as the next sentence of reported speech: its main clause is in
    the reported form and points back — a subject that points back ("These included …", "It
    would …", "They were …"), or, in the backshifted modal, a pronoun that does anywhere in the
    clause ("The United Kingdom would play a leading role in it", the reported "will"). The
    plain past goes on only from words reported ``backshifted`` themselves ("said that Britain
    was taking steps. These included …"; after "said that Japan will act", "This was the first
    visit" is the narrator's). The present ("It is …"), the future ("It will …") and the plain
    past of a named subject ("The summit was held in Lima") are the narrator's."""
    from cowkg.read.mappings.about import is_question  # the mappings package imports this one

    root = unit.sentence.root
    if unit.kind is not UnitKind.SENTENCE or root.pos_ not in {"VERB", "AUX"}:
        return False
    form = reported_form(root)
    if form is None or (form == "past" and not backshifted):
        return False
    if is_question(unit):
        return False
    if points_back(subject_of(root)):
        return True
    return form == "modal" and any(
        t.lower_ in _OBJECT_PRONOUNS and t.pos_ == "PRON" and t.dep_ in {"pobj", "dobj"}
        for t in root.subtree
    )


def next_units(reading: Reading, unit: Unit) -> list[tuple[Unit, tuple[Clause, ...]]]:
    """The units after ``unit`` in its paragraph, in order, with their clauses (a paragraph
    break or a heading ends what a sentence can go on into)."""
    index = next(i for i, (u, _) in enumerate(reading.units) if u is unit)
    after = []
    for later in reading.units[index + 1 :]:
        if later[0].paragraph.index != unit.paragraph.index:
            break
        after.append(later)
    return after


def previous_units(reading: Reading, unit: Unit) -> list[tuple[Unit, tuple[Clause, ...]]]:
    """The units before ``unit`` in its paragraph, nearest first, with their clauses."""
    index = next(i for i, (u, _) in enumerate(reading.units) if u is unit)
    before = []
    for earlier in reversed(reading.units[:index]):
        if earlier[0].paragraph.index != unit.paragraph.index:
            break
        before.append(earlier)
    return before
