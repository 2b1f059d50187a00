"""The meeting frame and the meetings mapping, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from cowkg.extract import _mentions_stage
from cowkg.mentions import people_index, titled_names
from cowkg.read.agents import person_names
from cowkg.read.frame import format_of
from cowkg.read.mappings import read
from cowkg.read.mappings.meetings import read_meetings
from cowkg.resolve import meeting_kind, meeting_label
from cowkg.types import Fact, FactKind, Ref, Source

MONDAY = dt.date(2026, 5, 11)


def facts_of(text: str, published: dt.date | None = MONDAY) -> list[Fact]:
    source = Source("t.txt", text, "t", "en", "news", published)
    people = people_index(titled_names(source) + person_names(source))
    return list(read_meetings(read(source, _mentions_stage(source, None, people))))


def keyed(facts: list[Fact], kind: FactKind, arg: str) -> set[tuple[str, str]]:
    out = set()
    for fact in facts:
        if fact.kind is kind:
            meeting, value = fact.args["meeting"], fact.args[arg]
            assert isinstance(meeting, Ref) and isinstance(value, Ref)
            out.add((meeting.key, value.key))
    return out


def meetings(facts: list[Fact]) -> dict[str, Fact]:
    return {
        fact.args["meeting"].key: fact  # type: ignore[union-attr]
        for fact in facts
        if fact.kind is FactKind.MEETING
    }


def test_main_meeting_collects_attendees_from_the_whole_article() -> None:
    facts = facts_of(
        "Coalition of the Willing leaders meet in Lisbon\n"
        "The Coalition of the Willing gathered in Lisbon today to discuss a ceasefire.\n"
        "Chile and Peru attended, while Norway was absent.\n"
        "The event also featured the leaders of Ghana and Kenya, along with NATO officials."
    )
    found = meetings(facts)
    assert set(found) == {"2026-05-11-summit"}
    assert found["2026-05-11-summit"].args["body"].key == "coalition-of-the-willing"  # type: ignore[union-attr]
    participants = {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    assert participants == {"CHL", "PER", "GHA", "KEN", "nato"}
    assert keyed(facts, FactKind.NON_ATTENDANCE, "party") == {("2026-05-11-summit", "NOR")}
    assert keyed(facts, FactKind.MEETING_PLACE, "place") == {("2026-05-11-summit", "lisbon")}


def test_passive_attendance_and_hosting_with_a_date_the_host_attends_too() -> None:
    facts = facts_of(
        "On 3 June 2026 a meeting of the Coalition of the Willing in Lisbon was hosted by "
        "Portugal and attended by Chile, Peru and the Danish prime minister."
    )
    assert keyed(facts, FactKind.HOST, "host") == {("2026-06-03-meeting", "PRT")}
    attended = keyed(facts, FactKind.PARTICIPATION, "participant")
    assert attended == {("2026-06-03-meeting", k) for k in ("CHL", "PER", "DNK", "PRT")}


def test_a_future_weekday_is_the_coming_one_and_a_past_one_the_last() -> None:
    future = meetings(
        facts_of("Chile will on Tuesday host a meeting of the coalition of the willing.")
    )
    assert [f.args.get("date") for f in future.values()] == [dt.date(2026, 5, 12)]
    past = meetings(facts_of("Chile on Tuesday hosted a meeting of the coalition of the willing."))
    assert [f.args.get("date") for f in past.values()] == [dt.date(2026, 5, 5)]


def test_ahead_of_a_weekday_is_after_the_articles_date() -> None:
    facts = facts_of("Ministers spoke ahead of Thursday's summit of the coalition of the willing.")
    assert [f.args.get("date") for f in meetings(facts).values()] == [dt.date(2026, 5, 14)]


def test_no_date_is_guessed_without_a_source_date() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon on Tuesday. Chile attended.",
        published=None,
    )
    found = meetings(facts)
    assert list(found) == ["undated-summit-lisbon"]
    assert found["undated-summit-lisbon"].args["undated"] is True
    assert "date" not in found["undated-summit-lisbon"].args
    assert keyed(facts, FactKind.PARTICIPATION, "participant") == {("undated-summit-lisbon", "CHL")}


def test_talks_with_an_outside_power_are_another_meeting() -> None:
    facts = facts_of(
        "Coalition of the Willing leaders gather in Lisbon\n"
        "Chile and Peru joined the coalition of the willing summit in Lisbon today.\n"
        "On Thursday, Chile held talks with the US president at the White House."
    )
    found = meetings(facts)
    others = [k for k in found if "-other-" in k]
    assert len(others) == 1 and "body" not in found[others[0]].args
    coalition = [k for k, f in found.items() if "body" in f.args]
    assert coalition == ["2026-05-11-summit"]
    on_coalition = {
        p for m, p in keyed(facts, FactKind.PARTICIPATION, "participant") if m in coalition
    }
    assert on_coalition == {"CHL", "PER"}


def test_negated_attendance_is_an_absence() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today. Peru did not attend the "
        "meeting, and Chile was not represented."
    )
    absent = {p for _, p in keyed(facts, FactKind.NON_ATTENDANCE, "party")}
    assert absent == {"PER", "CHL"}
    assert not keyed(facts, FactKind.PARTICIPATION, "participant")


def test_inverted_presence_lists_attendees() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing gathered in Lisbon today.\n"
        "Present were Chile, Peru and the Prime Minister of Ghana."
    )
    participants = {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    assert participants == {"CHL", "PER", "GHA"}


def test_a_bullet_list_after_a_colon_lists_attendees() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today.\n"
        "Taking part in the meeting were:\n"
        "- Chile\n"
        "- the Prime Minister of Norway\n"
        "- NATO"
    )
    participants = {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    assert participants == {"CHL", "NOR", "nato"}


def test_format_of_the_meeting_and_mode_of_one_participant() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing held a virtual summit today. "
        "Chile joined the summit by video."
    )
    formats = [f.args["format"] for f in facts if f.kind is FactKind.MEETING_FORMAT]
    assert formats == ["virtual"]
    modes = {f.args.get("mode") for f in facts if f.kind is FactKind.PARTICIPATION}
    assert modes == {"virtual"}


def test_an_in_person_meeting_is_not_made_virtual_by_one_video_participant() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today. "
        "Peru attended, and Chile took part by video."
    )
    assert not [f for f in facts if f.kind is FactKind.MEETING_FORMAT]
    modes = {
        f.args["participant"].key: f.args.get("mode")  # type: ignore[union-attr]
        for f in facts
        if f.kind is FactKind.PARTICIPATION
    }
    assert modes == {"PER": None, "CHL": "virtual"}


def test_meeting_keys_and_labels() -> None:
    assert meeting_kind("2026-05-14-summit-other-white-house-washington") == "summit"
    assert meeting_label("undated-summit-lisbon") == "summit (lisbon), undated"
    assert meeting_label("2026-05-14-summit") == "Coalition of the Willing summit, 14 May 2026"
    assert "other forum" in meeting_label("2026-05-14-summit-other-white-house-washington")


def test_talks_a_clause_is_about_do_not_date_the_articles_meeting() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met by video.\n"
        "During the meeting, Chile briefed the leaders about the 2 June 2026 talks in Quito."
    )
    found = meetings(facts)
    coalition = [f for f in found.values() if "body" in f.args]
    # the lead's past tense dates it by the report (not by the talks it was about)
    assert len(coalition) == 1 and coalition[0].args["date"] == MONDAY


def test_welcoming_someones_efforts_is_no_hosting() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today. "
        "The leaders welcomed Peru's efforts and hosted Chile."
    )
    participants = {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    assert "PER" not in participants


def test_a_chair_is_the_person_a_host_also_their_state() -> None:
    facts = facts_of(
        "The coalition of the willing summit in Lisbon today was hosted by Portuguese Prime "
        "Minister Luis Montenegro and chaired by French President Emmanuel Macron."
    )
    assert {c for _, c in keyed(facts, FactKind.CHAIR, "chair")} == {"emmanuel-macron"}
    assert {h for _, h in keyed(facts, FactKind.HOST, "host")} == {"luis-montenegro", "PRT"}


def test_meeting_the_us_president_is_another_meeting() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today.\n"
        "Later, Chile will meet US President Donald Trump in Washington."
    )
    found = meetings(facts)
    assert [k for k, f in found.items() if "body" in f.args] == ["2026-05-11-summit"]
    trump = {
        m for m, p in keyed(facts, FactKind.PARTICIPATION, "participant") if p == "donald-trump"
    }
    assert trump and all("-other-" in m for m in trump)


def test_a_coalition_co_chaired_by_two_states_is_no_meeting() -> None:
    facts = facts_of(
        "The force is a project of the coalition of the willing, which is co-chaired by Chile "
        "and Peru."
    )
    assert not keyed(facts, FactKind.CHAIR, "chair")
    assert not meetings(facts)


def test_some_in_person_and_others_by_video_is_a_hybrid_meeting() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today. "
        "Chile attended in person, and Ghana took part by video."
    )
    formats = {f.args["format"] for f in facts if f.kind is FactKind.MEETING_FORMAT}
    assert formats == {"hybrid"}
    assert format_of("an in-person and virtual gathering of leaders") == "hybrid"
    assert format_of("a video call") == "virtual"


def test_the_kind_cue_nearest_the_meeting_noun_wins() -> None:
    """A clause that spoke of military planning before naming "the leaders' meeting" is about a
    summit; one that names the planners right beside the meeting is a military one."""
    from cowkg.read.frame import kind_near
    from cowkg.read.nlp import pipeline

    doc = pipeline()("She spoke of military planning and told the leaders at the meeting so.")
    noun = next(t for t in doc if t.text == "meeting")
    assert kind_near(list(doc), noun) == "summit"
    doc = pipeline()("Leaders agreed, and the planners met at the meeting of military planners.")
    noun = next(t for t in doc if t.text == "meeting")
    assert kind_near(list(doc), noun) == "military"


def test_a_cue_naming_another_meeting_does_not_give_this_one_its_kind() -> None:
    from cowkg.read.frame import kind_near
    from cowkg.read.nlp import pipeline

    doc = pipeline()("At the meeting, she summed up the planning meetings held in Oslo.")
    noun = next(t for t in doc if t.text == "meeting")
    assert kind_near(list(doc), noun) == "meeting"


def test_a_lead_in_the_past_is_dated_by_the_report() -> None:
    facts = facts_of(
        "Allies pledge air defence\n"
        "Coalition of the willing leaders gathered in Valletta to plan air defence for Ukraine.\n"
        "They agreed to meet again."
    )
    assert set(meetings(facts)) == {"2026-05-11-summit"}
    assert keyed(facts, FactKind.MEETING_PLACE, "place") == {("2026-05-11-summit", "valletta")}
    undated = facts_of(
        "Allies pledge air defence\n"
        "Coalition of the willing leaders gathered in Valletta to plan air defence for Ukraine.",
        published=None,
    )
    assert set(meetings(undated)) == {"undated-summit-valletta"}


def test_a_past_before_another_or_a_plan_in_progress_gives_no_day() -> None:
    earlier = facts_of(
        "Allies pledge air defence\n"
        "Coalition of the willing leaders had gathered in Valletta to plan air defence."
    )
    assert set(meetings(earlier)) == {"undated-summit-valletta"}
    planned = facts_of(
        "Allies to pledge air defence\n"
        "A coalition of the willing call is being arranged by the Maltese prime minister.\n"
        "The call is set to include Chile."
    )
    assert all("date" not in f.args for f in meetings(planned).values())


def test_a_recent_meeting_is_not_the_reported_one_nor_takes_its_day() -> None:
    facts = facts_of(
        "Estonia weighs its part in the coalition\n"
        "Estonian ministers met on Tuesday to review the outcome of the recent coalition of the "
        "willing summit in Vilnius.\n"
        "The ministers discussed troops.\n"
        "The president, who represented Estonia there, said after the Vilnius talks that Estonia "
        "would help."
    )
    found = meetings(facts)
    assert "undated-summit-vilnius" in found
    assert keyed(facts, FactKind.MEETING_PLACE, "place") == {("undated-summit-vilnius", "vilnius")}
    # the ministers' meeting: "summit" is the reviewed meeting's word, not its kind
    assert {m for m, f in found.items() if "date" in f.args} == {"2026-05-05-meeting"}


def test_a_place_that_is_the_subject_took_part_it_is_not_the_venue() -> None:
    facts = facts_of(
        "Coalition of the willing meets\nBrussels took part in the coalition meeting in Oslo today."
    )
    assert {p for _, p in keyed(facts, FactKind.MEETING_PLACE, "place")} == {"oslo"}
    hosted = facts_of("Coalition of the willing meets\nOslo hosts the coalition meeting today.")
    assert {p for _, p in keyed(hosted, FactKind.MEETING_PLACE, "place")} == {"oslo"}


def test_an_undated_meeting_merges_into_the_same_dated_one() -> None:
    facts = facts_of(
        "Norway pledges demining aid\n"
        "Norway will send demining teams to Ukraine.\n"
        "The teams will leave in June.\n"
        "The cost is not known.\n"
        "Officials said Norway took part in a meeting of the coalition of the willing.\n"
        "After Wednesday's coalition meeting, the minister said more aid would follow."
    )
    assert set(meetings(facts)) == {"2026-05-06-meeting"}
    assert keyed(facts, FactKind.PARTICIPATION, "participant") == {("2026-05-06-meeting", "NOR")}
    apart = facts_of(
        "Norway pledges demining aid\n"
        "Norway will send demining teams to Ukraine.\n"
        "The teams will leave in June.\n"
        "The cost is not known.\n"
        "Officials said Norway took part in a meeting of the coalition of the willing in Bergen.\n"
        "After Wednesday's coalition meeting in Helsinki, the minister said more aid would follow."
    )
    assert {"undated-meeting-bergen", "2026-05-06-meeting"} <= set(meetings(apart))
    assert ("2026-05-06-meeting", "bergen") not in keyed(apart, FactKind.MEETING_PLACE, "place")


def test_a_second_or_another_meeting_goes_on_with_the_coalitions_series() -> None:
    facts = facts_of(
        "Ministers review aid\n"
        "Farmers protested in Lima.\n"
        "Prices rose.\n"
        "Rain fell.\n"
        "The coalition of the willing met first on 4 February in Quito. "
        "On 20 February, leaders held a second meeting in Lima. "
        "There was another meeting in Bogota on 3 March."
    )
    coalition = {m for m, f in meetings(facts).items() if "body" in f.args}
    assert {"2026-02-04-meeting", "2026-02-20-summit", "2026-03-03-meeting"} <= coalition
    alone = facts_of(
        "Ministers review aid\n"
        "Farmers protested in Lima.\n"
        "Prices rose.\n"
        "Rain fell.\n"
        "On 20 February, leaders held a second meeting in Lima."
    )
    assert not any("body" in f.args for f in meetings(alone).values())


def test_one_agent_holding_a_meeting_hosts_it_a_group_holding_one_attends() -> None:
    held = facts_of(
        "Coalition of the willing meets\n"
        "Prime Minister Ana Ruiz held a meeting of the coalition of the willing in Lima today."
    )
    assert keyed(held, FactKind.HOST, "host") == {("2026-05-11-meeting", "ana-ruiz")}
    pair = facts_of(
        "Coalition of the willing meets\n"
        "Chile and Peru held a meeting of the coalition of the willing in Lima today."
    )
    assert not keyed(pair, FactKind.HOST, "host")
    assert {p for _, p in keyed(pair, FactKind.PARTICIPATION, "participant")} == {"CHL", "PER"}


def test_an_organisation_qualifying_a_group_is_no_participant() -> None:
    facts = facts_of(
        "Coalition of the willing meets\n"
        "Officers of 20 EU and NATO countries attended the coalition meeting in Oslo today."
    )
    assert not {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")} & {"eu", "nato"}
    named = facts_of(
        "Coalition of the willing meets\n"
        "NATO and the EU attended the coalition meeting in Oslo today."
    )
    assert {p for _, p in keyed(named, FactKind.PARTICIPATION, "participant")} >= {"nato"}


def test_who_is_to_host_or_plans_to_host_a_meeting_hosts_it() -> None:
    for verb in ("is to host", "plans to host"):
        facts = facts_of(
            "Coalition of the willing to meet\n"
            f"Prime Minister Ana Ruiz {verb} a meeting of the coalition of the willing in Lima."
        )
        assert {h for _, h in keyed(facts, FactKind.HOST, "host")} == {"ana-ruiz"}, verb


def test_a_state_fronted_with_for_before_its_attendee_took_part() -> None:
    facts = facts_of(
        "Coalition of the willing meets\n"
        "Coalition defence chiefs met in Oslo today. For Chile, its army chief was present."
    )
    assert "CHL" in {p for _, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    topic = facts_of(
        "Coalition of the willing meets\n"
        "Coalition defence chiefs met in Oslo today. Peru attended for the aid to Chile."
    )
    assert "CHL" not in {p for _, p in keyed(topic, FactKind.PARTICIPATION, "participant")}
