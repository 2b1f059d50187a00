"""Bylines, datelines, source lines and image credits, on lines written for these tests, and
lines of the same words that are none."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.bylines import as_written, byline_names, credit_lines
from cowkg.read.mappings import read
from cowkg.read.mappings.credits import credits
from cowkg.types import EntityKind, Fact, MentionKind, Source

TEXT = (
    "Chile and Peru open border talks in Lima\n\n"
    "Marta Quispe, Tomas LindgrenFriday, 8 May 2026, 09:40\n"
    "The two delegations in Lima. Photo: Andes Images / CARLA RUIZ\n\n"
    "Chile and Peru opened talks on a border patrol in Lima on Friday.\n\n"
    "Source: Pacific Wire with reference to the Peruvian Ministry of Defence\n"
)


def _source(text: str) -> Source:
    return Source("t.txt", text, "t", "en", "news", dt.date(2026, 5, 8))


def _facts(text: str) -> list[Fact]:
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(credits(read(source, mentions)))


def _keys(fact: Fact, arg: str) -> list[tuple[EntityKind, str]]:
    value = fact.args[arg]
    refs = value if isinstance(value, tuple) else (value,)
    return [(r.kind, r.key) for r in refs]  # type: ignore[union-attr]


def _by_role(text: str) -> dict[str, Fact]:
    return {str(f.args["role"]): f for f in _facts(text)}


def test_a_dateline_names_the_authors_and_the_day() -> None:
    author = _by_role(TEXT)["author"]
    assert _keys(author, "credited") == [
        (EntityKind.PERSON, "marta-quispe"),
        (EntityKind.PERSON, "tomas-lindgren"),
    ]
    assert author.args["date"] == dt.date(2026, 5, 8)
    assert author.evidence[0].text.startswith("Marta Quispe, Tomas Lindgren")


def test_byline_people_are_people_not_organisations() -> None:
    source = _source(TEXT)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    dateline = TEXT.index("Marta")
    kinds = {m.kind for m in mentions if dateline <= m.span.start < dateline + 30}
    assert kinds == {MentionKind.PERSON}
    assert byline_names("By Ana Rojas and Luis Ortega\n\nThe talks began.\n") == [
        "Ana Rojas",
        "Luis Ortega",
    ]


def test_a_byline_of_people() -> None:
    author = _by_role("Peru hosts talks\n\nBy Ana Rojas and Luis Ortega\n\nThe talks began.\n")
    assert _keys(author["author"], "credited") == [
        (EntityKind.PERSON, "ana-rojas"),
        (EntityKind.PERSON, "luis-ortega"),
    ]
    assert "date" not in author["author"].args


def test_an_image_credit_names_an_agency_and_a_photographer() -> None:
    image = _by_role(TEXT)["image"]
    assert _keys(image, "credited") == [
        (EntityKind.PUBLISHER, "andes-images"),
        (EntityKind.PERSON, "carla-ruiz"),
    ]
    assert image.args["credit_text"] == "Andes Images, CARLA RUIZ"
    assert image.evidence[0].text.endswith("Lima. Photo: Andes Images / CARLA RUIZ")
    assert image.args["caption"] == "The two delegations in Lima."


def test_a_source_line_names_the_outlet_and_whom_it_cites() -> None:
    source = _by_role(TEXT)["source"]
    assert _keys(source, "credited") == [(EntityKind.PUBLISHER, "pacific-wire")]
    assert [key for _, key in _keys(source, "based_on")] == ["peruvian-ministry-of-defence"]


def test_lines_that_are_no_credit() -> None:
    text = (
        "Talks end\n\n"
        "By the end of the week, Chile had sent aid to Peru.\n"
        "By Thursday the talks had ended\n"
        "Officials said the source of the leak was unknown.\n"
        "Source: a reporter in Lima\n"
    )
    assert [c.role for c in credit_lines(text)] == ["source"]  # a line, but no one named
    assert _facts(text) == []


def test_a_date_stamp_dates_the_source() -> None:
    text = "Peru hosts talks\ndate 2026-05-08 World News\n\nThe talks began in Lima.\n"
    published = _by_role(text)["published"]
    assert published.args["date"] == dt.date(2026, 5, 8)
    assert "credited" not in published.args
    stamp = _by_role("Peru hosts talks\n9:05 am today\n\nThe talks began.\n")["published"]
    assert stamp.args["date"] == dt.date(2026, 5, 8)  # the source's day
    assert "published" not in _by_role("Peru hosts talks\n\nThe date 2026-05-08 was set.\n")


def test_a_bracketed_caption_credit() -> None:
    text = (
        "Peru hosts talks\n\nThe delegations arrive in Lima. (Carla Ruiz / Andes Images via "
        "Harbour Photo Agency)\n\nThe talks began.\n"
    )
    image = _by_role(text)["image"]
    assert _keys(image, "credited")[:2] == [
        (EntityKind.PERSON, "carla-ruiz"),
        (EntityKind.PUBLISHER, "andes-images"),
    ]
    assert "harbour-photo-agency" in {key for _, key in _keys(image, "credited")}
    assert _facts("Peru hosts talks\n\nThe talks (in Lima / Quito) began.\n") == []


def test_capitals_and_acronyms() -> None:
    assert as_written("CARLA RUIZ") == "Carla Ruiz"
    assert as_written("UN OCHA") == "UN OCHA"
    assert as_written("EPA") == "EPA"


def test_a_news_dateline_gives_the_day_the_place_and_the_wire() -> None:
    wired = _by_role("Peru hosts talks\n\nLIMA, PE, May 8, 2026 /Andes Wire/ - Peru met Chile.\n")
    published = wired["published"]
    assert published.args["date"] == dt.date(2026, 5, 8)
    assert _keys(published, "place") == [(EntityKind.PLACE, "lima")]
    assert _keys(published, "credited") == [(EntityKind.PUBLISHER, "andes-wire")]
    assert published.evidence[0].text == "LIMA, PE, May 8, 2026 /Andes Wire/"


def test_dateline_variants_agency_in_brackets_or_slashes_and_no_year() -> None:
    bracketed = "Quito, Mar. 3 (Andes Wire)--Ecuador joined the call.\n"
    [line] = credit_lines(bracketed)
    assert (line.role, line.date and line.date.text, line.place and line.place.text) == (
        "published",
        "Mar. 3",
        "Quito",
    )
    slashed = credit_lines("SANTIAGO, June 12. /PW/. Chile said it would send aid.\n")
    assert [(c.line.text, [p.text for p in c.credited]) for c in slashed] == [
        ("SANTIAGO, June 12. /PW/.", ["PW"])
    ]
    assert [c.place and c.place.text for c in credit_lines("LIMA, May 8 - Peru met.\n")] == ["LIMA"]


def test_sentences_opening_with_a_place_and_a_day_are_no_dateline() -> None:
    for line in (
        "Lima, May 8 was the day the talks began.\n",  # no capitals, agency or dash
        "In Lima, May 8 - the talks began.\n",
        "Chile, Peru and Ecuador met on May 8.\n",
        "The ministers met in Lima, May 8, 2026 - and again in June.\n",
    ):
        assert credit_lines(line) == [], line


def test_the_caption_before_a_photo_credit_says_what_the_image_shows() -> None:
    text = (
        "Peru hosts talks\n\n"
        "President Ana Rojas greets the delegation of Chile in Lima on 7 May. Photo: Andes Images"
        "\n\n"
        "The talks began.\n"
    )
    image = _by_role(text)["image"]
    assert image.args["caption"].startswith("President Ana Rojas greets")  # type: ignore[union-attr]
    assert {key for _, key in _keys(image, "about")} == {"ana-rojas", "CHL", "lima"}
    assert image.args["covers"] == (dt.date(2026, 5, 7),)
    assert image.evidence[0].text.startswith("President Ana Rojas greets")
    bare = _by_role("Peru hosts talks\n\nPhoto: Andes Images\n\nThe talks began.\n")["image"]
    assert "caption" not in bare.args and "about" not in bare.args


def test_a_caption_names_who_is_not_pictured() -> None:
    text = (
        "Peru hosts talks\n\nPresident Ana Rojas (pictured) with Minister Luis Ortega "
        "(not pictured) in Lima "
        "(Carla Ruiz / Andes Images)\n\nThe talks began.\n"
    )
    image = _by_role(text)["image"]
    assert {k for _, k in _keys(image, "about")} == {"ana-rojas", "lima"}
    assert _keys(image, "mentions") == [(EntityKind.PERSON, "luis-ortega")]


def test_a_date_alone_in_the_head_or_under_a_signature_dates_the_source() -> None:
    head = "Peru hosts talks\n\n#Diplomacy\nMay 8,2026 1204\n\nThe talks began in Lima.\n"
    assert _by_role(head)["published"].args["date"] == dt.date(2026, 5, 8)
    signed = (
        "Peru hosts talks\n\n" + "The talks went on in Lima all week.\n\n" * 9 + "Ana Rojas\n"
        "8 May 2026\n"
    )
    author = _by_role(signed)["author"]
    assert _keys(author, "credited") == [(EntityKind.PERSON, "ana-rojas")]
    assert author.args["date"] == dt.date(2026, 5, 8)
    timeline = (
        "Peru hosts talks\n\n" + "The talks went on in Lima all week.\n\n" * 9 + "Timeline\n"
        "May 8, 2026\nThe talks began in Lima on May 8, 2026.\n"
    )
    assert _facts(timeline) == []  # a date alone deep in the page, under no name: no stamp
