"""The structure readers on the real Wikipedia seed and on synthetic flattened tables."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from fixtures.structure import WIKI, assert_evidence_verbatim, of_kind, real, synthetic

from cowkg.extract import tables
from cowkg.types import Fact, FactKind

CQ16_DATES = [
    "2025-03-02", "2025-03-15", "2025-03-27", "2025-04-10", "2025-05-10", "2025-07-10",
    "2025-08-13", "2025-08-17", "2025-08-19", "2025-09-03", "2025-09-04", "2025-10-24",
    "2025-11-25", "2025-12-11",
]  # fmt: skip


@pytest.fixture(scope="module")
def wiki_facts() -> list[Fact]:
    source, known = real(WIKI)
    facts = tables.read_tables(source, known)
    assert_evidence_verbatim(facts, source)
    return facts


@pytest.fixture(scope="module")
def table_facts(wiki_facts: list[Fact]) -> list[Fact]:
    """The meetings table's own facts (participation tables name some of its meetings too)."""
    return [f for f in wiki_facts if f.method == "rule:meetings-table"]


def test_meetings_table_yields_the_14_dates_of_cq16_in_row_order(table_facts: list[Fact]) -> None:
    meetings = of_kind(table_facts, FactKind.MEETING)
    assert [m["date"].isoformat() for m in meetings] == CQ16_DATES  # type: ignore[attr-defined]
    assert [m["ordinal"] for m in meetings] == list(range(1, 15))


def test_meetings_table_reads_two_ministerials_and_twelve_summits(table_facts: list[Fact]) -> None:
    kinds = [m["meeting_kind"] for m in of_kind(table_facts, FactKind.MEETING)]
    assert kinds.count("ministerial") == 2 and kinds.count("summit") == 12
    assert {
        m["meeting"] for m in of_kind(table_facts, FactKind.MEETING, meeting_kind="ministerial")
    } == {
        "2025-04-10-ministerial",
        "2025-09-03-ministerial",
    }


def test_cq17_host_chair_and_venue_of_2_march(wiki_facts: list[Fact]) -> None:
    m = "2025-03-02-summit"
    assert of_kind(wiki_facts, FactKind.HOST, meeting=m) == [{"meeting": m, "host": "GBR"}]
    assert of_kind(wiki_facts, FactKind.CHAIR, meeting=m) == [
        {"meeting": m, "chair": "keir-starmer"}
    ]
    places = of_kind(wiki_facts, FactKind.MEETING_PLACE, meeting=m)
    assert [p["place"] for p in places] == ["lancaster-house-london"]
    assert of_kind(wiki_facts, FactKind.MEETING_FORMAT, meeting=m)[0]["format"] == "in-person"


@pytest.mark.parametrize(
    ("meeting", "host", "chairs", "place", "fmt"),
    [
        ("2025-03-15-summit", None, [], None, "virtual"),
        ("2025-03-27-summit", "FRA", ["emmanuel-macron"], "elysee-palace-paris", "in-person"),
        (
            "2025-04-10-ministerial",
            "BEL",
            ["john-healey", "sebastien-lecornu"],
            "nato-headquarters-brussels",
            "in-person",
        ),
        (
            "2025-05-10-summit",
            "UKR",
            ["volodymyr-zelenskyy"],
            "kyiv-mariinskyi-palace",
            "in-person",
        ),
        ("2025-08-13-summit", "DEU", ["friedrich-merz"], None, "hybrid"),
        ("2025-08-19-summit", None, [], None, None),
        (
            "2025-09-03-ministerial",
            "BEL",
            ["john-healey", "sebastien-lecornu"],
            "nato-headquarters-brussels",
            "in-person",
        ),
        ("2025-11-25-summit", "FRA", ["emmanuel-macron"], None, "virtual"),
    ],
)
def test_meeting_rows_fused_cells(
    table_facts: list[Fact],
    meeting: str,
    host: str | None,
    chairs: list[str],
    place: str | None,
    fmt: str | None,
) -> None:
    hosts = [h["host"] for h in of_kind(table_facts, FactKind.HOST, meeting=meeting)]
    assert hosts == ([host] if host else [])
    assert [c["chair"] for c in of_kind(table_facts, FactKind.CHAIR, meeting=meeting)] == chairs
    places = [p["place"] for p in of_kind(table_facts, FactKind.MEETING_PLACE, meeting=meeting)]
    assert places == ([place] if place else [])
    formats = [f["format"] for f in of_kind(table_facts, FactKind.MEETING_FORMAT, meeting=meeting)]
    assert formats == ([fmt] if fmt else [])


def test_synthetic_meetings_table_splits_fused_row_numbers() -> None:
    """Rows 10 and 11 fuse two-digit row numbers with one- and two-digit days."""
    rows = [f"{n}{n} May 2030 [{n}]" for n in range(1, 10)]
    rows[0] = "1 1 May 2030Flag of Italy.svg Italy Giorgia Meloni Palazzo Chigi, Rome [1]"
    rows[1] = "22 May 2030Online meeting (Video conference) [2]"
    rows += [
        "103 June 2030Flag of Norway.svg Norway (ministerial)Anna Berg, Carl DahlOslo City Hall",
        "1114 June 2030Flag of Spain.svg Spain Pedro Sánchez Hybrid meeting",
        "(some leaders in the room, the others joining by video link)",
        "Caption of a picture below the table",
        "1215 June 2030 this line is after the table",
    ]
    text = "Meetings\n\nDateHostChairLocation\nRef.\n" + "\n".join(rows) + "\n"
    source, known = synthetic(text)
    facts = tables.read_meetings_table(source, known)
    assert_evidence_verbatim(facts, source)
    meetings = of_kind(facts, FactKind.MEETING)
    assert [m["ordinal"] for m in meetings] == list(range(1, 12))
    assert meetings[9]["date"] == dt.date(2030, 6, 3) and meetings[10]["date"] == dt.date(
        2030, 6, 14
    )
    assert of_kind(facts, FactKind.HOST, meeting="2030-05-01-summit") == [
        {"meeting": "2030-05-01-summit", "host": "ITA"}
    ]
    assert [
        c["chair"] for c in of_kind(facts, FactKind.CHAIR, meeting="2030-06-03-ministerial")
    ] == [
        "anna-berg",
        "carl-dahl",
    ]
    assert (
        of_kind(facts, FactKind.MEETING_PLACE, meeting="2030-06-03-ministerial")[0]["place"]
        == "oslo-city-hall"
    )
    assert (
        of_kind(facts, FactKind.MEETING_FORMAT, meeting="2030-05-02-summit")[0]["format"]
        == "virtual"
    )
    assert (
        of_kind(facts, FactKind.MEETING_FORMAT, meeting="2030-06-14-summit")[0]["format"]
        == "hybrid"
    )


def test_text_without_the_header_has_no_meetings_table() -> None:
    source, known = synthetic("1 2 March 2025Flag of France.svg France Emmanuel Macron\n")
    assert tables.read_meetings_table(source, known) == []


def test_cq08_montenegro_attendance_with_name_carried_down(wiki_facts: list[Fact]) -> None:
    rows = of_kind(wiki_facts, FactKind.PARTICIPATION, on_behalf_of="MNE")
    assert [r["meeting"] for r in rows] == [
        "2025-09-04-summit",
        "2025-11-25-summit",
        "2025-12-11-summit",
    ]
    assert {(r["participant"], r["capacity"]) for r in rows} == {
        ("milojko-spajic", "prime-minister")
    }


def test_albania_attendance_table(wiki_facts: list[Fact]) -> None:
    rows = of_kind(wiki_facts, FactKind.PARTICIPATION, on_behalf_of="ALB")
    assert [(r["meeting"], r["participant"], r["capacity"]) for r in rows] == [
        ("2025-04-10-ministerial", "blerina-abrazhda", "deputy-minister"),
        ("2025-09-04-summit", "edi-rama", "prime-minister"),
        ("2025-10-24-summit", "edi-rama", "prime-minister"),
        ("2025-11-25-summit", "edi-rama", "prime-minister"),
    ]
    # membership follows from these participations (cowkg/derive.py, tests/test_derive.py)


def test_synthetic_attendance_table_fused_year_and_count() -> None:
    text = (
        "Spain's Participation in Coalition Meetings, 2030\n"
        "Date of meetingOfficial AttendanceCount\n"
        "May 5, 2030Prime Minister Pedro Sánchez1 [4]\n"
        "June 16, 20302 [5] [6]\n"
        "July 7, 2030Foreign Minister José Albares3\n"
        "\n"
        "Next section\n"
    )
    source, known = synthetic(text)
    facts = tables.read_attendance_tables(source, known, [])
    assert_evidence_verbatim(facts, source)
    rows = of_kind(facts, FactKind.PARTICIPATION, on_behalf_of="ESP")
    assert [(r["meeting"], r["participant"], r["capacity"]) for r in rows] == [
        ("2030-05-05-meeting", "pedro-sanchez", "prime-minister"),
        ("2030-06-16-meeting", "pedro-sanchez", "prime-minister"),
        ("2030-07-07-meeting", "jose-albares", "foreign-minister"),
    ]


def test_representatives_table_gives_posts_but_no_participation(wiki_facts: list[Fact]) -> None:
    posts = {
        (p["person"], p["role"], p["organization"])
        for p in of_kind(wiki_facts, FactKind.POST_HOLDING)
    }
    assert posts == {
        ("antonio-costa", "president", "european-council"),
        ("ursula-von-der-leyen", "president", "european-commission"),
        ("mark-rutte", "secretary-general", "nato"),
    }
    assert not [
        f
        for f in wiki_facts
        if f.method == "rule:representatives-table" and f.kind is FactKind.PARTICIPATION
    ]


def test_cq65_four_point_plan(wiki_facts: list[Fact]) -> None:
    plan = of_kind(wiki_facts, FactKind.PLAN)
    assert plan == [
        {
            "plan": "starmer-4-point-plan",
            "plan_kind": "plan",
            "points": 4,
            "outlined_by": "keir-starmer",
        }
    ]
    points = of_kind(wiki_facts, FactKind.PLAN_POINT, plan="starmer-4-point-plan")
    assert [p["position"] for p in points] == [1, 2, 3, 4]
    source, _ = real(WIKI)
    first = source.text.index("1. Commitment") + len("1. ")  # a short anchor: item 1 of the list
    assert points[0]["text"] == " ".join(
        source.text[first : source.text.index("\n", first)].split()
    )
    assert "coalition of the willing" in str(points[3]["text"])


@pytest.mark.parametrize(("announced", "listed", "expected"), [("three", 3, 3), ("four", 3, 0)])
def test_synthetic_numbered_list_must_match_the_announced_count(
    announced: str, listed: int, expected: int
) -> None:
    items = "\n".join(f"  {i}. Point number {i}." for i in range(1, listed + 1))
    text = f"After the talks, Macron outlined {announced} main priorities:\n\n{items}\n\nNext.\n"
    source, known = synthetic(text)
    facts = tables.read_numbered_plans(source, known)
    assert len(of_kind(facts, FactKind.PLAN_POINT)) == expected
    assert len(of_kind(facts, FactKind.PLAN)) == (1 if expected else 0)


def test_a_plan_point_is_about_the_other_parties_it_names() -> None:
    text = (
        "After the talks, Macron outlined three main priorities:\n\n"
        "  1. Tighter sanctions and more pressure on Bolivia.\n"
        "  2. Military aid to Chile, with support from NATO.\n"
        "  3. A lasting peace.\n\nNext.\n"
    )
    source, known = synthetic(text)
    points = of_kind(tables.read_numbered_plans(source, known), FactKind.PLAN_POINT)
    assert [p.get("about") for p in points] == [("BOL",), ("nato",), None]
    assert points[1]["beneficiary"] == "CHL"  # whom it is for is no other party it names


def test_infobox_coordinates_and_hq_places(wiki_facts: list[Fact]) -> None:
    places = {p["place"]: p for p in of_kind(wiki_facts, FactKind.PLACE)}
    assert places["mont-valerien"]["lat"] == Decimal("48.872828")
    assert places["mont-valerien"]["long"] == Decimal("2.213313")
    assert places["mont-valerien"]["within"] == "paris"
    assert (places["kyiv"]["lat"], places["kyiv"]["long"]) == (Decimal("50.45"), Decimal("30.5236"))
    posts = {(p["post"], p["place"]) for p in of_kind(wiki_facts, FactKind.COMMAND_POST)}
    assert posts == {("paris-hq", "mont-valerien"), ("kyiv-hq", "kyiv")}


def test_synthetic_southern_hemisphere_coordinates_are_negative() -> None:
    text = "Locations\nBase camp, Hobart HQ\n\n42°52′S147°19′E / 42.8821°S 147.3272°E / -42.88\n"
    source, _ = synthetic(text)
    place = of_kind(tables.read_coordinates(source), FactKind.PLACE)
    assert place == [
        {
            "place": "base-camp",
            "lat": Decimal("-42.8821"),
            "long": Decimal("147.3272"),
            "within": "hobart",
        }
    ]


def test_infobox_tally_counts(wiki_facts: list[Fact]) -> None:
    claims = {c["counted"]: c["quantity"] for c in of_kind(wiki_facts, FactKind.COUNT_CLAIM)}
    assert {k: v.minimum for k, v in claims.items()} == {"summits": 12, "ministerials": 2}  # type: ignore[attr-defined]


def test_cq17_venue_lies_in_the_city_its_cell_names(wiki_facts: list[Fact]) -> None:
    """'Lancaster House, London': the venue is in London (so London is not a second location of
    the 2 March summit); 'Kyiv, Mariinskyi Palace' writes the city first."""
    within = {(p["place"], p.get("within")) for p in of_kind(wiki_facts, FactKind.PLACE)}
    assert ("lancaster-house-london", "london") in within
    assert ("elysee-palace-paris", "paris") in within
    assert ("kyiv-mariinskyi-palace", "kyiv") in within
    assert ("nato-headquarters-brussels", "brussels") in within


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("Palazzo Chigi House, Rome", [("palazzo-chigi-house-rome", "rome")]),
        ("Rome, Quirinal Palace", [("rome-quirinal-palace", "rome")]),
        (
            "Foreign Office, Westminster, Greater London",
            [
                ("foreign-office-westminster-greater-london", "westminster"),
                ("westminster", "greater-london"),
            ],
        ),
        ("Oslo", []),
        ("Brussels, Belgium", []),  # no venue word: nothing said of what lies in what
    ],
)
def test_venue_within(venue: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.key, b.key) for a, b in tables.venue_within(venue)] == expected


def test_headers_are_read_by_their_column_names_in_any_order() -> None:
    header = tables.table_header(tables.Line(0, 40, "VenueDateChairHost (state)Ref."), 0)
    assert header is not None
    assert header.columns == ("Venue", "Date", "Chair", "Host (state)", "Ref.")
    assert [header.position(r) for r in ("location", "date", "chair", "host")] == [0, 1, 2, 3]
    fused = tables.table_header(tables.Line(0, 60, "Date of talksPlace (Format)Delegate"), 0)
    assert fused is not None and fused.roles[1] == {"location", "format"}
    for prose in ("The Date Host Chair were named.", "OrganisationRepresented byTitle"):
        assert tables.table_header(tables.Line(0, len(prose), prose), 0) is None


def test_synthetic_meetings_table_with_its_columns_in_another_order() -> None:
    """Venue before host and chair; a state host without a flag file, its cells glued."""
    text = (
        "Talks held\n\n"
        "No.DateVenueHostChair\n"
        "1 4 May 2030Palazzo Chigi, RomeFlag of Italy.svg Italy Giorgia Meloni\n"
        "29 May 2030Oslo City Hall, OsloNorwayAnna Berg\n"
        "312 May 2030Virtual meeting (by video link)\n"
        "\n"
        "After the table\n"
    )
    source, known = synthetic(text)
    facts = tables.read_meetings_table(source, known)
    assert_evidence_verbatim(facts, source)
    assert [m["date"] for m in of_kind(facts, FactKind.MEETING)] == [
        dt.date(2030, 5, 4),
        dt.date(2030, 5, 9),
        dt.date(2030, 5, 12),
    ]
    rome = "2030-05-04-summit"
    assert [h["host"] for h in of_kind(facts, FactKind.HOST, meeting=rome)] == ["ITA"]
    assert [c["chair"] for c in of_kind(facts, FactKind.CHAIR, meeting=rome)] == ["giorgia-meloni"]
    assert of_kind(facts, FactKind.MEETING_PLACE, meeting=rome)[0]["place"] == "palazzo-chigi-rome"
    assert [h["host"] for h in of_kind(facts, FactKind.HOST, meeting="2030-05-09-summit")] == [
        "NOR"
    ]
    online = of_kind(facts, FactKind.MEETING_FORMAT, meeting="2030-05-12-summit")
    assert [f["format"] for f in online] == ["virtual"]
    assert of_kind(facts, FactKind.HOST, meeting="2030-05-12-summit") == []


def test_synthetic_participation_table_gives_each_rows_meeting() -> None:
    """Day-first dates, the location after the attendee, no count column; a row naming no
    one carries the attendee down, a row that is no date ends the table."""
    text = (
        "Spain in the Coalition's meetings\n"
        "DateDelegateVenue (Format)\n"
        "5 May 2030Prime Minister Pedro SánchezRome Summit [4]\n"
        "16 June 2030Virtual summit\n"
        "7 July 2030Foreign Minister José AlbaresBrussels Ministerial\n"
        "Spain did not attend the next one.\n"
    )
    source, known = synthetic(text)
    facts = tables.read_attendance_tables(source, known, [])
    assert_evidence_verbatim(facts, source)
    rows = of_kind(facts, FactKind.PARTICIPATION, on_behalf_of="ESP")
    assert [(r["meeting"], r["participant"], r["capacity"]) for r in rows] == [
        ("2030-05-05-summit", "pedro-sanchez", "prime-minister"),
        ("2030-06-16-summit", "pedro-sanchez", "prime-minister"),
        ("2030-07-07-ministerial", "jose-albares", "foreign-minister"),
    ]
    meetings = of_kind(facts, FactKind.MEETING)
    assert [(m["date"], m["body"]) for m in meetings] == [
        (dt.date(2030, 5, 5), "coalition-of-the-willing"),
        (dt.date(2030, 6, 16), "coalition-of-the-willing"),
        (dt.date(2030, 7, 7), "coalition-of-the-willing"),
    ]
    assert of_kind(facts, FactKind.MEETING_PLACE, meeting="2030-05-05-summit")[0]["place"] == "rome"
    assert of_kind(facts, FactKind.MEETING_PLACE, meeting="2030-06-16-summit") == []
    online = of_kind(facts, FactKind.MEETING_FORMAT, meeting="2030-06-16-summit")
    assert [f["format"] for f in online] == ["virtual"]


def test_a_participation_table_whose_caption_names_no_coalition_gives_no_coalition_meeting() -> (
    None
):
    text = (
        "Peru at regional talks\n"
        "Date of meetingOfficial AttendanceCount\n"
        "March 3, 2030Foreign Minister Ana Ruiz1\n"
    )
    source, known = synthetic(text)
    facts = tables.read_attendance_tables(source, known, [])
    meetings = of_kind(facts, FactKind.MEETING)
    assert [m["meeting"] for m in meetings] == ["2030-03-03-meeting"]
    assert "body" not in meetings[0]


def test_a_slashed_bracket_of_forums_is_a_joint_meeting_of_each() -> None:
    """'(Coalition/G7)' in a location cell: the meeting is the coalition's and the G7's (two
    ``body`` values); a bracket naming no known forum, or no coalition, names no other body."""
    text = (
        "Spain's Participation in CoW Meetings, 2030\n"
        "Date of meetingLocation (Format)Official AttendanceCount\n"
        "May 5, 2030Rome Ministerial (CoW/G7)Foreign Minister José Albares1\n"
        "June 16, 2030Lisbon Summit (video/phone)Prime Minister Pedro Sánchez2\n"
        "July 7, 2030Oslo Ministerial (NATO/G7)3\n"
        "\n"
        "The G7 and NATO are named here so that the recogniser knows them.\n"
    )
    source, known = synthetic(text)
    facts = tables.read_attendance_tables(source, known, [])
    assert_evidence_verbatim(facts, source)
    bodies = {(m["meeting"], m["body"]) for m in of_kind(facts, FactKind.MEETING)}
    assert bodies == {
        ("2030-05-05-ministerial", "coalition-of-the-willing"),
        ("2030-05-05-ministerial", "g7"),  # held jointly
        ("2030-06-16-summit", "coalition-of-the-willing"),  # "(video/phone)": no forum
        ("2030-07-07-ministerial", "coalition-of-the-willing"),  # no coalition in the bracket
    }
