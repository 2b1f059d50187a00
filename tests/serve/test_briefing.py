"""The briefing on entity pages (cowkg/serve/briefing.py) over tests/serve/briefing.trig."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_helpers import HERE, fixture_settings

from cowkg.serve.app import create_app
from cowkg.serve.quotes import readable

MEETING = "/id/meeting/2030-01-15-summit.html"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(fixture_settings(dataset=HERE / "briefing.trig"))) as c:
        yield c


def briefing(page: str) -> str:
    """The part of a page above the full table of statements."""
    return page[: page.index('id="all-statements"')]


def section(page: str, name: str) -> str:
    match = re.search(rf'<section class="briefing briefing-{name}".*?</section>', page, re.S)
    assert match, f"no {name} section"
    return match.group(0)


def rows(html: str) -> list[str]:
    return re.findall(r"<tr>.*?</tr>", html, re.S)


def test_meeting_key_facts_come_first_with_their_quotes(client: TestClient) -> None:
    page = client.get(MEETING).text
    facts = section(page, "overview")
    assert page.index("briefing-overview") < page.index('id="all-statements"')
    for field, value in [
        ("Date", "15 January 2030"),
        ("Place", "Villa Verde"),
        ("Format", "hybrid"),
        ("Host", "Italy"),
        ("Chair", "Giulia Rossi"),
    ]:
        assert re.search(rf"<dt>{field}</dt>\s*<dd>.*?{value}", facts, re.S), field
    assert "Rossi welcomed her guests and ran the talks." in facts
    assert "xsd:date" not in facts and "@en" not in facts


def test_attendees_by_kind_with_posts_and_representation(client: TestClient) -> None:
    attended = section(client.get(MEETING).text, "attended")
    states, people, orgs = (
        attended[attended.index(h) :] for h in ("States (2)", "People (3)", "Organisations (1)")
    )
    spain = next(r for r in rows(states) if ">Spain<" in r)
    assert ">Pablo Ruiz<" in spain  # Spain was there through one of its people
    rossi = next(r for r in rows(people) if ">Giulia Rossi<" in r)
    assert "prime minister" in rossi and ">Italy<" in rossi
    ruiz = next(r for r in rows(people) if ">Pablo Ruiz<" in r)
    # a post the participation does not name is shown with its own quote, in its cell
    post_cell = next(c for c in re.findall(r"<td>.*?</td>", ruiz, re.S) if "defence minister" in c)
    assert "Ruiz, who runs the defence ministry, listened." in post_cell
    assert "Ruiz, who runs" not in ruiz.rsplit("<td>", 1)[1]  # not among the row's sources
    assert rossi.count("prime minister") == 1  # her post is the capacity she attended in
    berg = next(r for r in rows(people) if ">Anna Berg<" in r)
    assert "online" in berg
    assert ">NATO<" in orgs and ">Anna Berg<" in orgs.split("</table>")[0]
    # a column no row fills is left out: all states attended in person, one person online
    assert "<th>Mode</th>" not in states.split("</table>")[0]
    assert "<th>Mode</th>" in people.split("</table>")[0]


def test_absences_pledges_and_statements(client: TestClient) -> None:
    page = client.get(MEETING).text
    assert ">Iceland<" in section(page, "absent")
    pledge = section(page, "pledges")
    assert (
        "pledge by Italy, drones" in pledge and "10–20 drones" in pledge and "equipment" in pledge
    )
    said = section(page, "statements")
    assert "We will keep the lights on in Kyiv." in said and ">Giulia Rossi<" in said


def test_count_claims_side_by_side_each_value_once(client: TestClient) -> None:
    counts = section(client.get(MEETING).text, "counts")
    assert "The sources disagree" in counts and "countries: 12 / about 15" in counts
    body = rows(counts.split("<tbody>")[1])
    assert len(body) == 2  # two claims of 12 merged, their two sources kept
    twelve = next(r for r in body if ">12</span>" in r)
    assert "2 quotes" in twelve
    assert "Test source one" in twelve and "Test source two" in twelve


def test_a_shared_passage_is_quoted_once_per_row(client: TestClient) -> None:
    people = section(client.get(MEETING).text, "attended")
    rossi = next(r for r in rows(people) if ">Giulia Rossi<" in r and "prime minister" in r)
    assert rossi.count("Rossi welcomed her guests") == 1


def test_table_debris_is_shown_cleanly_and_verbatim_on_demand(client: TestClient) -> None:
    facts = section(client.get(MEETING).text, "overview")
    assert "“2 · 15 January 2030 · Italy Giulia Rossi · Villa Verde, Lakeside”" in facts
    assert "verbatim: “215 January 2030Flag of Italy.svg" in facts


def test_full_table_follows_without_quotes_on_types_labels_or_twin_attendees(
    client: TestClient,
) -> None:
    page = client.get(MEETING).text
    table = page[page.index('id="all-statements"') :]
    for prop in ("rdf:type", "rdfs:label"):
        for row in rows(table):
            if f'class="prop">{prop}<' in row:
                assert "evidence" not in row, prop
    attendee_rows = [r for r in rows(table) if "attendee</a>" in r and ">Italy<" in r]
    assert len(attendee_rows) == 1  # cow:attendee and schema:attendee: one row, both named
    assert "cow:attendee" in attendee_rows[0] and "schema:attendee" in attendee_rows[0]


def test_state_page_meetings_posts_pledges_membership(client: TestClient) -> None:
    page = briefing(client.get("/id/state/ITA.html").text)
    meetings = section(page, "meetings")
    assert "Test summit, 15 January 2030" in meetings and ">Giulia Rossi<" in meetings
    assert len(rows(meetings.split("<tbody>")[1])) == 1  # its own and its PM's participation
    assert ">host<" in section(page, "hosted")
    posts = section(page, "posts")
    assert ">Giulia Rossi<" in posts and "prime minister" in posts
    assert "pledge by Italy, drones" in section(page, "pledges")
    membership = section(page, "membership")
    assert "Coalition of the Willing" in membership and "attendance" in membership
    assert "15 January 2030" in membership


def test_leadership_is_quoted_from_either_side(client: TestClient) -> None:
    italy = section(client.get("/id/state/ITA.html").text, "overview")
    assert re.search(r"<dt>Leads</dt>\s*<dd>.*?Coalition of the Willing.*?1 quote", italy, re.S)
    coalition = section(client.get("/id/coalition/coalition-of-the-willing.html").text, "overview")
    assert re.search(r"<dt>Led by</dt>\s*<dd>.*?>Italy<", coalition, re.S)


def test_person_page_posts_meetings_statements(client: TestClient) -> None:
    page = briefing(client.get("/id/person/giulia-rossi.html").text)
    posts = section(page, "posts")
    assert "prime minister" in posts and ">Italy<" in posts
    meetings = section(page, "meetings")
    assert "Test summit, 15 January 2030" in meetings and "prime minister" in meetings
    assert ">chair<" in section(page, "hosted")
    assert "We will keep the lights on in Kyiv." in section(page, "statements")


def test_sections_without_facts_are_left_out(client: TestClient) -> None:
    page = briefing(client.get("/id/person/anna-berg.html").text)
    assert "briefing-meetings" in page
    for absent in ("briefing-posts", "briefing-statements", "briefing-pledges"):
        assert absent not in page


@pytest.mark.parametrize(
    ("captured", "shown"),
    [
        ("98 June 2031Flag of Chile.svg Chile Ana Soto [4]", "9 · 8 June 2031 · Chile Ana Soto"),
        ("1 7 June 2031Flag of Peru.svg Peru", "1 · 7 June 2031 · Peru"),
        (
            "Flag of Chile.svg 33°27′00″S70°40′00″W / 33.45°S 70.6667°W / -33.45; -70.6667",
            "33.45°S 70.6667°W",
        ),
        (
            "Flag of Peru.svg 12°02′00″S77°01′00″W / 12.0333°S 77.0167°W / 12.0333; 77.0167",
            "12.0333°S 77.0167°W",
        ),
        ("The envoys met on 8 June 2031 in Lima.", "The envoys met on 8 June 2031 in Lima."),
        ("Leaders gathered on 1 7 June 2031.", "Leaders gathered on 1 7 June 2031."),
        ("AnnaSoto wrote\nPresident of the Senate", "AnnaSoto wrote · President of the Senate"),
        ("Hybrid talks\n(by video link)", "Hybrid talks (by video link)"),
    ],
)
def test_readable_quotes(captured: str, shown: str) -> None:
    assert readable(captured, {"8 June 2031", "7 June 2031"}) == shown


def test_a_fused_row_number_is_split_only_where_the_graph_knows_the_date() -> None:
    row = "114 May 2031Flag of Peru.svg Peru"
    assert readable(row, {"4 May 2031"}).startswith("11 · 4 May 2031")
    assert readable(row, {"14 May 2031"}).startswith("1 · 14 May 2031")
    assert readable(row, {"4 May 2031", "14 May 2031"}).startswith("114 May 2031")
    assert readable(row, set()).startswith("114 May 2031")


def test_quotes_are_one_click_away_or_all_open_for_print(client: TestClient) -> None:
    assert '<details class="quotes"><summary>' in client.get(MEETING).text
    opened = client.get(MEETING, params={"quotes": "open"}).text
    assert '<details class="quotes"><summary>' not in opened
    assert '<details class="quotes" open><summary>' in opened


def test_a_rendered_page_is_kept_and_served_again(client: TestClient) -> None:
    first = client.get("/id/person/anna-berg.html").text
    state = client.app.state.cowkg  # type: ignore[attr-defined]
    assert state.page("https://w3id.org/cowkg/id/person/anna-berg False") == first
    assert client.get("/id/person/anna-berg.html").text == first
