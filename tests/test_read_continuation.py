"""Sentences that go on from the one before (`cowkg/read/continuation.py`): reported speech that
runs on, and a pledge referred back to. Phrasings written for these tests (Chile, Peru, Bolivia
and people of a fictional mission: nothing here comes from a seed or an article)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from fixtures.structure import reading_of

from cowkg.read.mappings import Reading, facts_of
from cowkg.read.mappings.statements import read_statements
from cowkg.types import Fact, FactKind, Money, Ref

PUBLISHED = dt.date(2026, 5, 14)


def _reading(text: str, kind: str = "news") -> Reading:
    return reading_of(text, kind, PUBLISHED)


def statements(text: str) -> list[Fact]:
    return list(read_statements(_reading(text)))


def keys(fact: Fact, arg: str) -> set[str]:
    value = fact.args.get(arg) or ()
    return {v.key for v in (value if isinstance(value, tuple) else (value,)) if isinstance(v, Ref)}


# -- reported speech that runs on ----------------------------------------------------------------


def test_a_demonstrative_in_the_past_and_a_modal_pointing_back_continue_the_statement() -> None:
    text = (
        "Gabriel Boric said that Chile was taking new steps to help Peru. These meant sending "
        "engineers to Bolivia. Chile would lead the work on it. The engineers left on Friday."
    )
    (fact,) = statements(text)
    assert fact.args["text"] == (
        "Chile was taking new steps to help Peru. These meant sending engineers to Bolivia. "
        "Chile would lead the work on it"
    )
    assert fact.args["speech_act"] == "said" and keys(fact, "speaker") == {"gabriel-boric"}
    assert keys(fact, "about") == {"CHL", "PER", "BOL"}
    assert [span.text for span in fact.evidence] == [
        "Gabriel Boric said that Chile was taking new steps to help Peru.",
        "These meant sending engineers to Bolivia.",
        "Chile would lead the work on it.",
    ]


def test_the_continued_statement_keeps_the_first_ones_day_and_capacity() -> None:
    text = (
        "Chilean President Gabriel Boric said on Monday that Chile would send engineers. They "
        "would reach Bolivia in June."
    )
    (fact,) = statements(text)
    assert fact.args["date"] == dt.date(2026, 5, 11)
    assert keys(fact, "capacity") == {"president"}
    assert str(fact.args["text"]).endswith("They would reach Bolivia in June")
    assert "BOL" in keys(fact, "about")


def test_the_reported_will_then_would_continues() -> None:
    (fact,) = statements(
        "Dina Boluarte announced that Peru will send engineers to Bolivia. They would arrive "
        "before the rains."
    )
    assert fact.args["speech_act"] == "announced"
    assert fact.args["text"] == (
        "Peru will send engineers to Bolivia. They would arrive before the rains"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a sentence with its own speaker
        "Gabriel Boric said that Chile was ready. Peru said that it was not.",
        "Gabriel Boric said that Chile was ready. It would help, Peru's minister added.",
        # the narrator's present, future, and the plain past of a named subject
        "Gabriel Boric said that Chile was ready to help. It is the largest donor in the region.",
        "Gabriel Boric said that Chile was ready. It will send engineers.",
        "Gabriel Boric said that Chile was ready. The summit was held in Lima.",
        # the plain past after words not reported in the past is the narrator's
        "Gabriel Boric said that Chile will send engineers. This was his first visit to Lima.",
        # a paragraph break, a heading
        "Gabriel Boric said that Chile was ready.\n\nThese meant sending engineers.",
        "Gabriel Boric said that Chile was ready.\nNext steps\nThese would mean engineers.",
        # words that do not close their sentence, a report in the present
        "Gabriel Boric said that Chile was ready, while Peru waited. It would send engineers.",
        "Gabriel Boric says that Chile is ready. It would send engineers.",
        # a question
        "Gabriel Boric said that Chile was ready. Would it send engineers?",
    ],
)
def test_what_does_not_continue_the_statement(text: str) -> None:
    first = text.split(". ")[0].split(".\n")[0]
    found = statements(text)
    boric = [f for f in found if keys(f, "speaker") == {"gabriel-boric"}]
    assert boric, [f.args for f in found]
    for fact in boric:
        assert len(fact.evidence) == 1 and fact.evidence[0].text.startswith(first), fact.args


# -- a pledge referred back to -------------------------------------------------------------------


def pledges(text: str) -> list[Fact]:
    return [f for f in facts_of(_reading(text)) if f.kind is FactKind.PLEDGE]


def amount(fact: Fact) -> Decimal | None:
    value = fact.args.get("amount")
    return value.value if isinstance(value, Money) else None


def test_this_complemented_an_earlier_loan_is_the_same_pledgers_pledge() -> None:
    found = pledges(
        "Chile pledged 300 engineers to Peru. This complemented a previously announced "
        "$40 million loan for Peru's reconstruction."
    )
    (earlier,) = [f for f in found if amount(f) == Decimal(40_000_000)]
    assert keys(earlier, "pledger") == {"CHL"}
    assert earlier.args["pledge_kind"] == "money" and earlier.args["modality"] == "pledged"
    assert keys(earlier, "beneficiary") == {"PER"}
    assert "date" not in earlier.args  # made before, on no day the text tells
    assert [s.text for s in earlier.evidence] == [
        "This complemented a previously announced $40 million loan for Peru's reconstruction."
    ]


@pytest.mark.parametrize(
    ("text", "modality", "kind"),
    [
        # a sentence between that names no party tells more of the same pledge
        (
            "Chile pledged $10 million to Peru. The engineers will arrive in June. It comes on "
            "top of $40 million already disbursed.",
            "asserted",
            "money",
        ),
        (
            "Chile pledged $10 million to Peru. It comes in addition to 200 drones offered "
            "earlier.",
            "offered",
            "equipment",
        ),
        (
            "Chile pledged $10 million to Peru. This adds to a $40 million grant.",
            "pledged",
            "money",
        ),
    ],
)
def test_other_ways_of_pointing_back_to_an_earlier_pledge(
    text: str, modality: str, kind: str
) -> None:
    found = pledges(text)
    assert len(found) == 2, [f.args for f in found]
    earlier = found[-1]
    assert keys(earlier, "pledger") == {"CHL"}
    assert (earlier.args["modality"], earlier.args["pledge_kind"]) == (modality, kind)


@pytest.mark.parametrize(
    "text",
    [
        # two pledgers before: whose loan it was is not told
        "Chile and Bolivia pledged $10 million to Peru. This complemented a previously "
        "announced $40 million loan.",
        # a paragraph break, no pledge before, a party named in between
        "Chile pledged $10 million to Peru.\n\nThis complemented a previously announced "
        "$40 million loan.",
        "The engineers arrived in Lima. This complemented a previously announced $40 million loan.",
        "Chile pledged $10 million to Peru. Peru also got a grant from Bolivia. This "
        "complemented a $40 million loan.",
        # a negation, a named subject
        "Chile pledged $10 million to Peru. This did not complement the $40 million loan.",
        "Chile pledged $10 million to Peru. Bolivia's grant complemented a $40 million loan.",
    ],
)
def test_what_is_no_pledge_referred_back_to(text: str) -> None:
    assert all(amount(f) != Decimal(40_000_000) for f in pledges(text))


def test_a_sentence_pointing_back_to_no_pledge_leaves_the_pledge_as_it_was() -> None:
    first = "Chile pledged $10 million to Peru."
    (fact,) = pledges(f"{first} This followed a meeting in Lima.")
    assert [s.text for s in fact.evidence] == [first]
    assert amount(fact) == Decimal(10_000_000)
