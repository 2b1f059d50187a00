"""The meeting frame and the meetings mapping, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

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


def test_passive_attendance_and_hosting_with_a_date() -> None:
    facts = facts_of(
        "On 3 June 2026 a meeting of the Coalition of the Willing in Lisbon was hosted by "
        "Portugal and attended by Chile, Peru and the Danish prime minister."
    )
    assert keyed(facts, FactKind.HOST, "host") == {("2026-06-03-meeting", "PRT")}
    attended = keyed(facts, FactKind.PARTICIPATION, "participant")
    # the host's own attendance is derived from its HOST fact (tests/test_derive.py)
    assert attended == {("2026-06-03-meeting", k) for k in ("CHL", "PER", "DNK")}


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


def test_an_absence_names_only_who_stayed_away() -> None:
    """The subject (or agent) of an absence predicate is absent; parties named under it — in a
    clause the parse hangs on it, as an owner — are not."""
    facts = facts_of(
        "The Coalition of the Willing met in Lisbon on Friday. Peru was absent at the talks as "
        "Chile and Norway re-entered the debate as the mission's main donors."
    )
    assert {p for _, p in keyed(facts, FactKind.NON_ATTENDANCE, "party")} == {"PER"}
    facts = facts_of(
        "Leaders of the coalition met in Lisbon today. Peru stayed away from the summit hosted "
        "by Chile, and the meeting was boycotted by Bolivia."
    )
    assert {p for _, p in keyed(facts, FactKind.NON_ATTENDANCE, "party")} == {"PER", "BOL"}


def test_staying_or_remaining_absent_is_an_absence() -> None:
    facts = facts_of(
        "Leaders of the coalition met in Lisbon today. Peru remained absent, and Chile stayed "
        "absent from the talks."
    )
    assert {p for _, p in keyed(facts, FactKind.NON_ATTENDANCE, "party")} == {"PER", "CHL"}
    facts = facts_of("Leaders of the coalition met in Lisbon today. Peru did not remain absent.")
    assert not keyed(facts, FactKind.NON_ATTENDANCE, "party")


def test_not_joining_until_a_date_is_no_absence() -> None:
    """'did not join until 13 May' says when the party began to take part."""
    for text in (
        "Chile did not join a coalition meeting until 13 May, when its president joined by video.",
        "Leaders of the coalition of the willing met in Lisbon today. Chile did not attend the "
        "meeting until it was invited by Peru.",
    ):
        assert not keyed(facts_of(text), FactKind.NON_ATTENDANCE, "party"), text
    facts = facts_of("Leaders of the coalition met in Lisbon today. Chile did not attend.")
    assert keyed(facts, FactKind.NON_ATTENDANCE, "party") == {("2026-05-11-summit", "CHL")}


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


def test_a_meeting_is_not_made_virtual_by_one_video_participant() -> None:
    """Nothing said of the meeting itself: one participant by video gives no meeting format,
    only that participant's mode."""
    facts = facts_of(
        "Leaders of the coalition of the willing met today. "
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


def test_one_agent_holding_a_meeting_chairs_it_a_group_holding_one_attends() -> None:
    held = facts_of(
        "Coalition of the willing meets\n"
        "Prime Minister Ana Ruiz held a meeting of the coalition of the willing in Lima today."
    )
    assert keyed(held, FactKind.CHAIR, "chair") == {("2026-05-11-meeting", "ana-ruiz")}
    # the date a relative clause hangs from is its date
    convened = facts_of(
        "The coalition of the willing was launched on 17 April, when French President Jean "
        "Dupont convened a small meeting of leaders."
    )
    assert keyed(convened, FactKind.CHAIR, "chair") == {("2026-04-17-summit", "jean-dupont")}
    assert keyed(convened, FactKind.HOST, "host") == {("2026-04-17-summit", "FRA")}
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


def values(facts: list[Fact], kind: FactKind, arg: str) -> set[str]:
    """The keys of ``arg`` of every ``kind`` fact, whatever the meeting."""
    return {value for _, value in keyed(facts, kind, arg)}


def test_a_title_in_apposition_is_the_persons_not_a_second_chair() -> None:
    chaired = facts_of(
        "The coalition of the willing summit on 3 June was co-chaired by the Prime Minister of "
        "Portugal, Luis Montenegro, and the President of Chile, Gabriel Boric."
    )
    chairs = values(chaired, FactKind.CHAIR, "chair")
    assert chairs == {"luis-montenegro", "gabriel-boric"}
    attended = facts_of(
        "Luis Montenegro, the Portuguese prime minister, and Gabriel Boric, the president of "
        "Chile, attended the coalition of the willing summit on 3 June."
    )
    assert _attendees(attended) == {("luis-montenegro", "PRT"), ("gabriel-boric", "CHL")}


def test_who_did_not_host_is_no_host() -> None:
    facts = facts_of(
        "Chile did not host the coalition of the willing summit on 3 June; Peru hosted it."
    )
    assert values(facts, FactKind.HOST, "host") == {"PER"}


def _attendees(facts: list[Fact]) -> set[tuple[str, str | None]]:
    """(participant, on whose behalf) of every participation."""
    out = set()
    for fact in facts:
        if fact.kind is FactKind.PARTICIPATION:
            who, for_ = fact.args["participant"], fact.args.get("on_behalf_of")
            assert isinstance(who, Ref)
            out.add((who.key, for_.key if isinstance(for_, Ref) else None))
    return out


def test_an_envoy_a_national_title_and_a_first_lady_attend() -> None:
    facts = facts_of(
        "The coalition of the willing summit on 3 June was attended by French President Jean "
        "Dupont's special envoy, Luis Vega, and by the Taoiseach. First Lady Maria Lopez was "
        "also present."
    )
    assert _attendees(facts) == {("luis-vega", "FRA"), ("IRL", None), ("maria-lopez", None)}


def test_representatives_listed_after_the_attendance_verb_attend() -> None:
    facts = facts_of(
        "The coalition of the willing summit on 3 June was attended by Chile, and "
        "representatives of Peru – senators Rosa Diaz and Jorge Salas."
    )
    assert {p for p, _ in _attendees(facts)} == {"CHL", "PER", "rosa-diaz", "jorge-salas"}
    said = facts_of(
        "The coalition of the willing summit on 3 June was attended by Chile, and officials "
        "from Peru said it went well."
    )
    assert {p for p, _ in _attendees(said)} == {"CHL"}


def test_who_tells_the_meeting_or_speaks_of_todays_meeting_takes_part() -> None:
    told = facts_of(
        "French President Jean Dupont told the coalition of the willing meeting on 3 June that "
        "France was ready."
    )
    assert _attendees(told) == {("jean-dupont", "FRA")}
    for phrase in ("today's coalition of the willing meeting", "this meeting"):
        spoke = facts_of(f"French President Jean Dupont said that {phrase} was useful.")
        assert _attendees(spoke) == {("jean-dupont", "FRA")}, phrase
    for other in (
        "Russian President Ivan Petrov said that today's coalition of the willing meeting "
        "was a provocation.",  # an outside power comments on it
        "French President Jean Dupont said that the meeting on Friday was useful.",
        "French President Jean Dupont did not say that today's meeting was useful.",
    ):
        assert not _attendees(facts_of(other)), other


def test_who_speaks_in_the_opening_remarks_takes_part_in_the_main_meeting() -> None:
    facts = facts_of(
        "Coalition of the willing defence ministers meet in Rome\n"
        "The coalition of the willing met today in Rome.\n"
        "French President Jean Dupont said in his opening remarks that the plan was real.\n"
        "German Chancellor Karl Weber said in an interview that the plan was vague."
    )
    assert _attendees(facts) == {("jean-dupont", "FRA")}


def test_the_chairs_are_those_on_whose_behalf_their_statement_is_issued() -> None:
    text = (
        "Members of the coalition of the willing agreed to speed up their work, the meeting's "
        "co-chairs said in a joint statement. {second}"
    )
    named = facts_of(
        text.format(
            second="The document on behalf of French President Jean Dupont and German "
            "Chancellor Karl Weber says that the work will go on."
        )
    )
    assert values(named, FactKind.CHAIR, "chair") == {"jean-dupont", "karl-weber"}
    same_unit = facts_of(
        "The co-chairs of the coalition of the willing meeting issued a statement on behalf of "
        "French President Jean Dupont and German Chancellor Karl Weber."
    )
    assert values(same_unit, FactKind.CHAIR, "chair") == {
        "jean-dupont",
        "karl-weber",
    }
    # a statement on behalf of people who are not said to chair anything names no chair
    unsaid = facts_of(
        "Members of the coalition of the willing met on Friday. A statement on behalf of French "
        "President Jean Dupont and German Chancellor Karl Weber says that the work will go on."
    )
    assert not keyed(unsaid, FactKind.CHAIR, "chair")


def test_a_counterpart_who_hosts_with_the_host_gives_a_co_host_state() -> None:
    for text in (
        "General John Smith, the head of the navy, will on Friday host with his Polish "
        "counterpart a planning meeting of the coalition of the willing in Lima.",
        "German Chancellor Karl Weber and his Polish counterpart hosted the coalition of the "
        "willing meeting in Berlin on 3 June.",
    ):
        hosts = values(facts_of(text), FactKind.HOST, "host")
        assert "POL" in hosts, text
    talks = facts_of(
        "German Chancellor Karl Weber hosted the coalition of the willing meeting in Berlin on "
        "3 June after talks with his Polish counterpart."
    )
    assert values(talks, FactKind.HOST, "host") == {"karl-weber", "DEU"}


def test_one_person_meeting_a_group_in_their_own_state_receives_it() -> None:
    received = facts_of(
        "On the sidelines of a forum, French President Jean Dupont met 34 army chiefs of the "
        "coalition of the willing in Paris on 3 June."
    )
    assert values(received, FactKind.CHAIR, "chair") == {"jean-dupont"}
    assert values(received, FactKind.HOST, "host") == {"FRA"}
    abroad = facts_of(
        "French President Jean Dupont met 30 leaders of the coalition of the willing in Rome on "
        "3 June."
    )
    assert not keyed(abroad, FactKind.CHAIR, "chair") and not keyed(abroad, FactKind.HOST, "host")
    assert values(abroad, FactKind.PARTICIPATION, "participant") == {"jean-dupont"}


def test_a_misspelt_state_in_a_list_of_attendees_is_the_state() -> None:
    listed = facts_of(
        "The coalition of the willing summit on 3 June was attended by Chile, New Zeeland "
        "and Portugall."
    )
    assert values(listed, FactKind.PARTICIPATION, "participant") == {
        "CHL",
        "NZL",
        "PRT",
    }
    # alone, a misspelling is not read as a state; near misses stay what they are
    alone = facts_of("Delegates of the coalition of the willing flew to New Zeeland on 3 June.")
    assert not keyed(alone, FactKind.PARTICIPATION, "participant")


def test_an_organisation_modifying_a_group_in_the_meetings_phrase_is_no_other_forum() -> None:
    facts = facts_of(
        "The coalition of the willing met in Oslo today. The assembly of 30 countries, mainly "
        "NATO allies, but also Chile and Peru, was low profile."
    )
    assert set(meetings(facts)) == {"2026-05-11-meeting"}
    nato = facts_of("A NATO summit took place in Rome today with Chile.")
    assert all("other" in key for key in meetings(nato))


def test_a_list_of_points_agreed_after_a_colon_is_no_list_of_attendees() -> None:
    facts = facts_of(
        "Leaders of the coalition of the willing met in Lisbon today.\n"
        "Speaking after the meeting, the Chilean president said three points were agreed:\n"
        "- sanctions on Russia\n"
        "- aid to Ukraine\n"
        "- talks with Peru"
    )
    assert not keyed(facts, FactKind.PARTICIPATION, "participant")


def test_who_urges_or_tells_a_gathered_group_speaks_at_the_gathering() -> None:
    for text in (
        "Gabriel Boric said a plan was needed, as the Portuguese prime minister urged European "
        "leaders gathered in Lisbon to spend more.",
        "The Portuguese prime minister told ministers meeting in Lisbon that the plan works.",
    ):
        attended = values(facts_of(text), FactKind.PARTICIPATION, "participant")
        assert attended == {"PRT"}, text
    for text in (
        "The Portuguese prime minister said leaders gathered in Lisbon to spend more.",
        "The Portuguese prime minister did not urge leaders gathered in Lisbon to spend more.",
        "Russian President Ivan Petrov urged European leaders gathered in Lisbon to give up.",
    ):
        assert not keyed(facts_of(text), FactKind.PARTICIPATION, "participant"), text


def test_whom_a_speaker_tells_something_during_a_meeting_took_part_too() -> None:
    text = (
        "Chilean President Gabriel Boric told Peru's President Dina Boluarte during a meeting in "
        "Lima on 12 May that the engineers would stay."
    )
    found = keyed(facts_of(text), FactKind.PARTICIPATION, "participant")
    assert {p for _, p in found} == {"gabriel-boric", "dina-boluarte"}
    reporters = "Gabriel Boric told reporters during a meeting in Lima on 12 May that it went well."
    found = keyed(facts_of(reporters), FactKind.PARTICIPATION, "participant")
    assert {p for _, p in found} == {"gabriel-boric"}


def test_who_addresses_the_meeting_takes_part_in_it() -> None:
    """Addressing the meeting itself (active, in a caption's present, or passive) is speaking at
    it; addressing a question is not, nor is a negated address."""
    for text in (
        "Chilean President Gabriel Boric addressed the coalition summit on 12 May by video link.",
        "In Santiago, Gabriel Boric addresses the 12 May 2026 coalition summit via a video link.",
        "The coalition summit in Lima on 12 May was addressed by Chilean President Gabriel Boric.",
    ):
        found = keyed(facts_of(text), FactKind.PARTICIPATION, "participant")
        assert found == {("2026-05-12-summit", "gabriel-boric")}, text
    shared = (
        "The coalition summit in Lima on 12 May drew leaders of 20 countries and was addressed "
        "by Chilean President Gabriel Boric."
    )
    found = keyed(facts_of(shared), FactKind.PARTICIPATION, "participant")
    assert found == {("2026-05-12-summit", "gabriel-boric")}  # the subject a conjunct shares
    for text in (
        "The coalition summit in Lima on 12 May opened and was praised by Gabriel Boric.",
        "Chilean President Gabriel Boric did not address the coalition summit on 12 May.",
        "The coalition met in Lima on 12 May. Chile addressed the question of sanctions.",
    ):
        assert not keyed(facts_of(text), FactKind.PARTICIPATION, "participant"), text


RECALLING = (
    "Dina Boluarte and Jonas Berg convene another meeting of the coalition of the willing\n"
    "Leaders of the coalition of the willing at yesterday's meeting in Oslo.\n"
    "On 14 April, Norway hosted a summit of the coalition in Bergen. The meeting was attended "
    "by Chile and Peru.\n"
    "The leaders agreed to prepare a mission.\n"
    "Following the meeting, Jonas Berg said that the mission would start in June. The meeting "
    "was co-hosted by Dina Boluarte.\n"
)


def test_a_lead_recalling_an_earlier_dated_meeting_keeps_the_reported_one_main() -> None:
    facts = facts_of(RECALLING)
    assert {k: f.args.get("date") for k, f in meetings(facts).items()} == {
        "2026-05-10-summit": dt.date(2026, 5, 10),  # the caption's "yesterday" dates the headline's
        "2026-04-14-summit": dt.date(2026, 4, 14),
    }
    # "The meeting" right after the recalled one is the recalled one …
    assert keyed(facts, FactKind.PARTICIPATION, "participant") == {
        ("2026-04-14-summit", "CHL"),
        ("2026-04-14-summit", "PER"),
    }
    # … and "the meeting" of a later paragraph the reported one (as the headline's conveners)
    assert keyed(facts, FactKind.CHAIR, "chair") == {
        ("2026-05-10-summit", "dina-boluarte"),
        ("2026-05-10-summit", "jonas-berg"),
    }
    assert keyed(facts, FactKind.MEETING_PLACE, "place") == {
        ("2026-05-10-summit", "oslo"),
        ("2026-04-14-summit", "bergen"),
    }


def test_a_lead_date_far_from_the_report_does_not_date_its_headline_meeting() -> None:
    # a past-tense headline dates its meeting to the report's day; a day the lead writes three
    # weeks before is a meeting recalled, within a few days the one reported
    far = meetings(
        facts_of(
            "Coalition of the willing leaders met to discuss a ceasefire mission\n"
            "On 20 April the leaders gathered in Bergen for a first round."
        )
    )
    assert {k[:10] for k in far} == {"2026-05-11", "2026-04-20"}
    near = meetings(
        facts_of(
            "Coalition of the willing leaders met in Oslo\n"
            "On Saturday the leaders gathered in Oslo to discuss a ceasefire mission."
        )
    )
    assert set(near) == {"2026-05-09-summit"}


def test_another_forums_meeting_is_of_the_organisation_its_phrase_names() -> None:
    """ "a NATO summit", "the next Contact Group meeting", "a meeting of the European Council":
    the meeting is of that organisation (``cow:meetingOf``); an organisation that only takes
    part, or a coalition meeting, is not what the meeting is of."""
    cases = {
        "A NATO summit took place in Rome today with Chile.": "nato",
        "Peru will chair the next Ukraine Defence Contact Group meeting on 3 June.": (
            "ukraine-defense-contact-group"
        ),
        "Ministers gathered in Rome on Monday for a meeting of the European Council.": (
            "european-council"
        ),
    }
    for text, body in cases.items():
        (fact,) = meetings(facts_of(text)).values()
        assert fact.args["body"].key == body  # type: ignore[union-attr]
    (fact,) = meetings(
        facts_of("The coalition of the willing met in Oslo today with NATO.")
    ).values()
    assert fact.args["body"].key == "coalition-of-the-willing"  # type: ignore[union-attr]
    (fact,) = meetings(facts_of("Chile and Peru held talks in Oslo on 3 June with NATO.")).values()
    assert "body" not in fact.args


def test_a_plural_meeting_noun_with_two_dates_is_two_meetings() -> None:
    """ "absent from the 3 July and 9 August meetings": both meetings, and the absence from
    each; a singular noun, or dates of something else, make no second meeting."""
    for text in (
        "Peru took part in the coalition of the willing meeting on 2 June but was absent from "
        "the 3 July and 9 August meetings.",
        "Peru skipped the meetings of 3 July and 9 August.",
        "Peru was not represented in the later 3 July and 9 August meetings.",  # parsed as a conj
    ):
        absent = keyed(facts_of(text), FactKind.NON_ATTENDANCE, "party")
        assert absent == {("2026-07-03-meeting-t", "PER"), ("2026-08-09-meeting-t", "PER")}
    one = facts_of("Peru skipped the meeting of 3 July and left on 9 August.")
    assert set(meetings(one)) == {"2026-07-03-meeting-t"}
    other = facts_of(
        "Peru skipped the planning meetings on 3 July and 4 July, before talks on 9 August."
    )
    assert keyed(other, FactKind.NON_ATTENDANCE, "party") == {("2026-08-09-meeting-t", "PER")}


def test_hosting_or_chairing_the_next_sitting_of_an_organisation_is_its_meeting() -> None:
    """ "will chair the next Contact Group on 9 June": a meeting of that organisation on that
    day, with its chair, though no meeting noun is written; the organisation does not take part
    in its own meeting; chairing the organisation itself is no meeting."""
    facts = facts_of(
        "The coalition of the willing met in Oslo on 3 June. "
        "Peru will chair the next Ukraine Defence Contact Group on 9 June."
    )
    found = meetings(facts)
    assert found["2026-06-09-meeting-other-t"].args["body"].key == (  # type: ignore[union-attr]
        "ukraine-defense-contact-group"
    )
    assert keyed(facts, FactKind.CHAIR, "chair") == {("2026-06-09-meeting-other-t", "PER")}
    assert not keyed(facts, FactKind.PARTICIPATION, "participant")
    hosted = facts_of("Chile hosts the upcoming European Council in Lima on 3 June.")
    assert {f.args["body"].key for f in meetings(hosted).values()} == {"european-council"}  # type: ignore[union-attr]
    assert not meetings(facts_of("Peru chairs the Ukraine Defence Contact Group."))
    assert not meetings(
        facts_of("Peru has chaired the Ukraine Defence Contact Group since 9 June.")
    )


def test_who_presents_something_at_a_meeting_took_part_in_it() -> None:
    """ "At the summit, X presented the outcomes": X was there; what a meeting "presented" (its
    object) still took part when the meeting is the subject."""
    for text, who in (
        ("At yesterday's meeting of the coalition of the willing, President Ana Ruiz presented "
         "the outcomes of the planning talks.", {"ana-ruiz"}),
        ("At Monday's meeting of the coalition of the willing, Chile presented its plan.", {"CHL"}),
        ("The coalition of the willing summit presented leaders of Chile and Peru.",
         {"CHL", "PER"}),
    ):  # fmt: skip
        assert {p for _, p in keyed(facts_of(text), FactKind.PARTICIPATION, "participant")} == who
    assert not keyed(
        facts_of("Chile presented its plan to the press on Monday."),
        FactKind.PARTICIPATION,
        "participant",
    )


def test_conjoined_meetings_each_get_what_the_clause_says() -> None:
    text = (
        "Chile was represented at the coalition's virtual meeting on 15 March and at the 10 May "
        "meeting. Peru took part in the coalition's summit on 16 March, and in the 11 May summit. "
        "Ecuador did not attend the coalition's summit on 17 March or the 12 May meeting."
    )
    facts = facts_of(text)
    attended = {(m[:10], p) for m, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    assert attended == {
        ("2026-03-15", "CHL"),
        ("2026-05-10", "CHL"),
        ("2026-03-16", "PER"),
        ("2026-05-11", "PER"),
    }
    absent = {(m[:10], p) for m, p in keyed(facts, FactKind.NON_ATTENDANCE, "party")}
    assert absent == {("2026-03-17", "ECU"), ("2026-05-12", "ECU")}


def test_a_second_meeting_the_parser_hangs_on_the_first_ones_date_or_verb_is_conjoined() -> None:
    text = (
        "Chile attended the coalition's summit on 15 March and the 10 May meeting. "
        "Peru attended the coalition's meeting on 16 March and the 11 May meeting."
    )
    attended = keyed(facts_of(text), FactKind.PARTICIPATION, "participant")
    assert {(m[:10], p) for m, p in attended} == {
        ("2026-03-15", "CHL"),
        ("2026-05-10", "CHL"),
        ("2026-03-16", "PER"),
        ("2026-05-11", "PER"),
    }


def test_a_meeting_before_or_after_the_attended_one_is_not_attended() -> None:
    text = "Chile attended the coalition's summit on 15 March after the 10 May meeting."
    attended = keyed(facts_of(text), FactKind.PARTICIPATION, "participant")
    assert {(m[:10], p) for m, p in attended} == {("2026-03-15", "CHL")}


def test_who_attended_one_meeting_despite_missing_another() -> None:
    text = (
        "Despite being represented at the coalition's virtual meeting on 15 March, Chile was not "
        "represented at the 27 March meeting."
    )
    facts = facts_of(text)
    attended = {(m[:10], p) for m, p in keyed(facts, FactKind.PARTICIPATION, "participant")}
    absent = {(m[:10], p) for m, p in keyed(facts, FactKind.NON_ATTENDANCE, "party")}
    assert attended == {("2026-03-15", "CHL")} and absent == {("2026-03-27", "CHL")}
    invited = facts_of(
        "Despite being invited to the coalition's summit on 15 March, Peru stayed away."
    )
    assert keyed(invited, FactKind.PARTICIPATION, "participant") == set()  # invited, not present


def test_the_meeting_cites_every_later_unit_that_writes_its_day() -> None:
    lines = ["The coalition summit in Lima on 12 May 2026 opened with Chile and Peru."]
    lines += [f"At the summit, Peru spoke about item {n}." for n in range(1, 6)]
    lines += ["The summit of 12 May 2026 ended late.", "After the summit, Peru went home."]
    facts = facts_of("Title\n\n" + " ".join(lines) + "\n")
    (summit,) = [f for k, f in meetings(facts).items() if k.startswith("2026-05-12")]
    cited = {span.text for span in summit.evidence}
    assert "The summit of 12 May 2026 ended late." in cited  # its day written, six units on
    assert "After the summit, Peru went home." not in cited  # named only, past the first units


@pytest.mark.parametrize(
    "text",
    [
        "Chile did not hold a meeting of the coalition on 18 May.",
        "The coalition leaders will not meet on 18 May.",
        "No coalition meeting was held on 18 May.",
        "The coalition summit on 18 May was cancelled.",
        "The coalition summit on 18 May was postponed to June.",
        "Chile called off the coalition talks on 18 May.",
    ],
)
def test_a_meeting_that_did_not_or_will_not_take_place_is_no_meeting(text: str) -> None:
    assert meetings(facts_of(text)) == {}


def test_a_meeting_one_party_did_not_attend_or_host_took_place() -> None:
    for text in (
        "Peru did not attend the coalition summit on 18 May.",
        "Chile did not host the coalition summit on 18 May.",
        "Chile hosted the coalition summit on 18 May with no talks on sanctions.",
    ):
        assert list(meetings(facts_of(text))) == ["2026-05-18-summit"], text


def test_a_coalition_summit_over_a_range_between_two_days_stays_the_coalitions() -> None:
    facts = facts_of("The coalition summit in Lima between 12 and 14 May ended with a pledge.")
    (summit,) = meetings(facts).values()
    assert summit.args.get("body") is not None and summit.args["end_date"] == dt.date(2026, 5, 14)


@pytest.mark.parametrize(
    "text",
    [
        "Title\n\nChile said on 4 May that the leaders would meet in Quito.\n",
        "Title\n\nOn 4 May Chile proposed a summit in Quito.\n",
        "Title\n\nChile called on 4 May for a summit in Quito.\n",
        "Title\n\nThe ministers will, Chile announced on 4 May, convene in Quito.\n",
        "Title\n\nChile said on 4 May that it had hosted a summit in Quito.\n",
    ],
)
def test_the_day_a_meeting_is_said_proposed_or_called_for_is_not_its_day(text: str) -> None:
    assert not any(f.args.get("date") == dt.date(2026, 5, 4) for f in facts_of(text))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Title\n\nChile said the leaders would meet in Quito on 14 May.\n", dt.date(2026, 5, 14)),
        ("Title\n\nOn 4 May Chile hosted a summit in Quito.\n", dt.date(2026, 5, 4)),
        ("Title\n\nOn 4 May the leaders will meet in Quito.\n", dt.date(2026, 5, 4)),
    ],
)  # fmt: skip
def test_a_meeting_keeps_the_day_its_own_clause_writes(text: str, day: dt.date) -> None:
    assert {f.args.get("date") for f in meetings(facts_of(text)).values()} == {day}
