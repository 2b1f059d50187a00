"""The images of a captured page (file name + caption under it), on lines written for these
tests, and lines of the same shapes that are no image of the page (flags, icons, markers)."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index
from cowkg.read.agents import person_names
from cowkg.read.images import images, name_day
from cowkg.read.mappings import read
from cowkg.read.mappings.credits import pictures
from cowkg.types import Fact, Ref, Source

PAGE = (
    "Nordic talks\n\n"
    "Prime Minister Jonas Gahr Store welcomes leaders to Oslo (6612345).jpg\n"
    "Keir Starmer and Emmanuel Macron (pictured), Mette Frederiksen (not pictured) in Oslo, "
    "12 May 2026\n\n"
    "The talks went on into the night.\n\n"
    "Leaders at the Bergen summit Bergen harbour 20260514 (2).jpg\n"
    "Leaders at the Bergen summit\n\n"
    "Credit: Nordic Press Service Map of Norway (02 June 2026).svg\n"
    "Norway and its fjords\n"
    "Credit: Nordic Press Service\n\n"
    "Flag of Norway.svg Norway\n"
    "Emblem of the Army.svg Norwegian Army, HQ\n"
    "Sweden Map.svg\n"
    "Blue pin.svg\n"
    "Sweden\n\n"
    "2026-05-20 Harbour at dawn.jpg\n\n"
    "Coast held by Denmark map of the coast (3).svg\n"
    "The coast in 2026\n"
    "  Coast held by Denmark\n"
)


def _source(text: str) -> Source:
    return Source("t.txt", text, "t", "en", "encyclopedia", dt.date(2026, 6, 1))


def _facts(text: str) -> list[Fact]:
    source = _source(text)
    mentions = _mentions_stage(source, None, people_index(person_names(source)))
    return list(pictures(read(source, mentions)))


def _keys(fact: Fact, arg: str) -> set[str]:
    value = fact.args.get(arg, ())
    return {r.key for r in value if isinstance(r, Ref)} if isinstance(value, tuple) else set()


def _by_name() -> dict[str, Fact]:
    return {str(f.args["name"]): f for f in _facts(PAGE)}


def test_file_names_are_cut_from_captions_written_before_them() -> None:
    names = [i.name.text for i in images(PAGE)]
    assert names == [
        "Prime Minister Jonas Gahr Store welcomes leaders to Oslo (6612345).jpg",
        "Bergen harbour 20260514 (2).jpg",
        "Map of Norway (02 June 2026).svg",
        "Sweden Map.svg",
        "Blue pin.svg",
        "2026-05-20 Harbour at dawn.jpg",
        "map of the coast (3).svg",
    ]


def test_flags_and_icons_in_table_cells_are_no_images_of_the_page() -> None:
    names = {i.name.text for i in images(PAGE)}
    assert not any("Flag" in n or "Emblem" in n for n in names)


def test_an_image_is_about_what_its_name_and_caption_name() -> None:
    image = _by_name()["Prime Minister Jonas Gahr Store welcomes leaders to Oslo (6612345).jpg"]
    assert image.args["role"] == "image"
    assert str(image.args["caption"]).startswith("Keir Starmer and Emmanuel Macron")
    assert {"keir-starmer", "emmanuel-macron", "oslo"} <= _keys(image, "about")
    assert image.args["covers"] == (dt.date(2026, 5, 12),)
    assert "created" not in image.args  # a photo's number is no day


def test_people_a_caption_says_are_not_pictured_are_only_mentioned() -> None:
    image = _by_name()["Prime Minister Jonas Gahr Store welcomes leaders to Oslo (6612345).jpg"]
    assert _keys(image, "mentions") == {"mette-frederiksen"}
    assert "mette-frederiksen" not in _keys(image, "about")


def test_the_day_a_file_name_writes_is_when_it_was_made() -> None:
    by_name = _by_name()
    assert by_name["Bergen harbour 20260514 (2).jpg"].args["created"] == dt.date(2026, 5, 14)
    assert by_name["2026-05-20 Harbour at dawn.jpg"].args["created"] == dt.date(2026, 5, 20)
    assert by_name["Map of Norway (02 June 2026).svg"].args["created"] == dt.date(2026, 6, 2)
    assert name_day("Summit (54509645968).jpg") is None
    assert name_day("Summit 2026-13-40.jpg") is None


def test_a_caption_written_again_before_the_name_is_part_of_the_evidence() -> None:
    bergen = _by_name()["Bergen harbour 20260514 (2).jpg"]
    assert bergen.evidence[0].text.startswith("Leaders at the Bergen summit Bergen harbour")
    assert bergen.args["caption"] == "Leaders at the Bergen summit"
    norway = _by_name()["Map of Norway (02 June 2026).svg"]
    assert norway.args["caption"] == "Norway and its fjords"  # not the credit glued before it


def test_a_marker_stacked_under_a_map_has_no_caption_and_names_nothing() -> None:
    by_name = _by_name()
    assert "Blue pin.svg" not in by_name
    assert _keys(by_name["Sweden Map.svg"], "about") == {"SWE"}
    assert "caption" not in by_name["Sweden Map.svg"].args


def test_an_image_naming_nothing_gives_nothing() -> None:
    assert _facts("Notes\n\nA quiet harbour.jpg\nBoats at rest\n") == []


def test_a_legend_entry_written_before_the_name_says_what_the_image_shows() -> None:
    coast = _by_name()["map of the coast (3).svg"]
    assert _keys(coast, "about") == {"DNK"}
    assert coast.evidence[0].text.startswith("Coast held by Denmark")
    norway = _by_name()["Map of Norway (02 June 2026).svg"]
    assert _keys(norway, "about") == {"NOR"}  # the credit's agency is no subject of the map


MAPS = (
    "Atlas\n\n"
    "The BALTIC in 2026 (shaded, late 2026)\n\n"
    "Coast patrolled by Finland\n"
    "Islands held by Sweden Baltic control map (4).svg\n"
    "The BALTIC in 2026(shaded, late 2026)\n"
    "   Coast patrolled by Finland\n"
    "   Islands held by Sweden\n"
    "Ports of LATVIA (ferry lines to Estonia)\n"
    "Published by Harbour Office, May 2026 Latvia ports map 7.svg\n"
    "Ports of LATVIA(ferry lines to Estonia)\n"
    "Published by Harbour Office, May 2026\n"
    "Norway\n"
)


def test_map_legend_entries_written_on_both_sides_of_the_name_say_what_it_shows() -> None:
    by_name = {str(f.args["name"]): f for f in _facts(MAPS)}
    baltic = by_name["Baltic control map (4).svg"]
    assert _keys(baltic, "about") == {"FIN", "SWE"}
    quoted = [span.text.strip() for span in baltic.evidence]
    assert quoted.count("Coast patrolled by Finland") == 2  # both copies of the entry
    assert "Islands held by Sweden" in quoted  # the copy of the entry glued to the name
    assert not any("LATVIA" in text for text in quoted)  # the next figure's caption


def test_a_caption_written_above_the_name_too_is_the_figures_and_a_credit_is_not() -> None:
    latvia = {str(f.args["name"]): f for f in _facts(MAPS)}["Latvia ports map 7.svg"]
    assert _keys(latvia, "about") == {"LVA", "EST"}
    quoted = [span.text for span in latvia.evidence]
    assert "Ports of LATVIA (ferry lines to Estonia)" in quoted
    assert not any(text.startswith("Published by") for text in quoted)


def test_a_line_written_once_near_a_map_is_no_legend() -> None:
    (image,) = images("Atlas\n\nSea lanes of the north\nNorth sea map.svg\nShips at sea\n")
    assert image.legend == ()


def test_a_location_maps_marker_label_and_caption_after_its_markers() -> None:
    page = (
        "Atlas\n\nNorth Sea Map.svg\nGreen pin.svg\nDenmark\nNATO members | Patrol out of HQ, DK\n"
        "Baltic location map.svg\nAnchor.svg\n"
    )
    by_name = {str(f.args["name"]): f for f in _facts(page)}
    north_sea = by_name["North Sea Map.svg"]
    assert north_sea.args["caption"] == "NATO members | Patrol out of HQ, DK"
    assert _keys(north_sea, "about") == {"DNK", "nato"}
    assert "Green pin.svg" not in by_name


def test_three_lines_after_a_maps_markers_say_not_which_is_its_caption() -> None:
    page = "Atlas\n\nNorth Sea Map.svg\nGreen pin.svg\nDenmark\nNATO members\nOutline\n"
    (north_sea, _pin) = images(page)
    assert north_sea.caption is None and north_sea.legend == ()


def test_a_credit_glued_before_the_file_name_credits_that_image() -> None:
    found = _by_name()["Map of Norway (02 June 2026).svg"]
    assert _keys(found, "credited") == {"nordic-press-service"}
    assert found.args["credit_text"] == "Nordic Press Service"
    assert found.evidence[0].text.startswith("Credit: Nordic Press Service")
    caption = _by_name()["Bergen harbour 20260514 (2).jpg"]
    assert "credited" not in caption.args  # a caption written before its name credits no one
