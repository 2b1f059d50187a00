"""Briefings and letters: statements told to someone on something, on sentences written for these
tests (Chile, Peru and people of a fictional mission: nothing here comes from a seed or an
article)."""

from __future__ import annotations

import pytest

from tests.test_read_statements import key, one, statements


@pytest.mark.parametrize(
    ("text", "speaker", "told", "about"),
    [
        (
            "On Monday the defence minister Ana Rojas briefed the European Parliament on the "
            "border mission in Chile.",
            "ana-rojas",
            ("european-parliament",),
            ("CHL",),
        ),
        (
            "Peru provided an update to the European Council on the talks with Chile.",
            "PER",
            ("european-council",),
            ("CHL",),
        ),
        (
            "Gabriel Boric gave the European Parliament a briefing about the war in Peru.",
            "gabriel-boric",
            ("european-parliament",),
            ("PER",),
        ),
        (
            "Defence minister Ana Rojas updated the European Parliament on the war in Chile.",
            "ana-rojas",
            ("european-parliament",),
            ("CHL",),
        ),
        ("Peru informed NATO about the border mission in Chile.", "PER", ("nato",), ("CHL",)),
        (
            "Chile delivered a statement to NATO on the security of Peru.",
            "CHL",
            ("nato",),
            ("PER",),
        ),
    ],
)
def test_a_briefing_is_said_to_its_hearers_on_its_topic(
    text: str, speaker: str, told: tuple[str, ...], about: tuple[str, ...]
) -> None:
    fact = one(text)
    assert key(fact, "speaker") == speaker and fact.args["speech_act"] == "said"
    assert tuple(r.key for r in fact.args["addressee"]) == told  # type: ignore[union-attr]
    assert tuple(r.key for r in fact.args["about"]) == about  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Peru provided an update on the talks with Chile.",  # told to no one named
        "Peru briefed the European Council.",  # on nothing
        "Peru did not brief the European Council on the talks with Chile.",
        "Peru will brief the European Council on the talks with Chile.",
        "Peru was briefed by Chile on the border mission.",  # the passive: left alone
        "Peru provided weapons to Chile on credit.",  # a giving, not a telling
        "Peru was asked to brief the European Council on the talks with Chile.",
    ],
)
def test_no_briefing_without_hearer_topic_or_an_act_done(text: str) -> None:
    assert statements(text) == []


def test_words_in_a_letter_to_someone_are_addressed_to_them() -> None:
    fronted = one(
        "In a letter to the European Council on Monday, Peru said the border mission would "
        "start in June."
    )
    assert [r.key for r in fronted.args["addressee"]] == ["european-council"]  # type: ignore[union-attr]
    after = one("Peru said in a letter to NATO that the border mission would start in June.")
    assert [r.key for r in after.args["addressee"]] == ["nato"]  # type: ignore[union-attr]
    report = one("Peru said in a report to NATO that the border mission would start in June.")
    assert [r.key for r in report.args["addressee"]] == ["nato"]  # type: ignore[union-attr]
    # a letter about someone, or a letter of no hearer, addresses no one
    about = one("Peru said in a letter about NATO that the border mission would start in June.")
    assert "addressee" not in about.args
    sent = one("Peru said that it had sent a letter to NATO.")
    assert "addressee" not in sent.args
