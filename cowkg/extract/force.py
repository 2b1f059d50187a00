"""Rules for the coalition's force and its organisation: mandate, components, status, command
posts, planning and working groups, principles (documents and plans are read by
:mod:`cowkg.read.mappings.documents`).

Each rule is a pattern over one sentence. The force a sentence speaks of is found by the names
the seed itself gives its forces (:func:`cowkg.extract.names.forces`): a force named in the
sentence, else the last one named earlier in the same paragraph ("Coalition’s expected mandate …"
in the paragraph that introduces "The Multinational Force Ukraine (MNF-U)"). A sentence with no
force in reach yields nothing, so general talk of "a force" is never pinned on one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from cowkg.extract.known import Args, Known, make_fact, span, state_ref, states_in
from cowkg.extract.layout import (
    DASHES,
    MONTHS,
    clean,
    lines,
    number,
    sentences,
)
from cowkg.extract.names import iter_force_mentions, language_code
from cowkg.extract.tables import command_post_ref, place_ref
from cowkg.mentions import COALITION, slug
from cowkg.read.destinations import areas, first_allowed
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Ref, Source

_H = f"[{DASHES}]"
_MANDATE = re.compile(r"\bmandate\b[^.,;]*?\bincludes\s+(?P<list>[^.]+)")
_PLANNING_GROUPS = re.compile(
    r"\b(?P<n>\w+)\s+(?:military\s+)?sub-planning\s+groups\s*\((?P<list>[^)]+)\)", re.I
)
_COMPONENT = re.compile(
    r"\b(?P<domain>land|sea|air|maritime|naval|cyber|space)\s+"
    r"(?:line\s+of\s+(?:\S+\s+)?operation|element|component)s?\b",
    re.I,
)
_PROPOSED = re.compile(r"\bis\s+an?\s+(?P<status>proposed|planned)\b")
_PHASE = re.compile(r"\b(?:was|is)\s+in\s+the\s+(?P<status>planning|operational)\s+phase\b")
_NOT_MANDATED = re.compile(r"\bnot\s+mandated\b", re.I)
_CONDITION = re.compile(
    r"\bdeploy\w*\s+(?:to\s+[A-Z]\w+\s+)?only\s+(?:following|after|upon|with)\s+(?:an?\s+|the\s+)?"
    r"(?P<cond>[^,.;]+?)(?=\s+in\s+the\s+|[,.;]|$)"
    r"|\bdeployment\s+to\s+follow\s+(?:the\s+)?(?P<cond2>[^,.;]+)"
)
_AS_OF_MONTH = re.compile(r"\b[Aa]s\s+of\s+(?P<month>[A-Z][a-z]+)\.?\s+(?P<year>\d{4})\b")
_WORKING_LANGUAGE = re.compile(r"\bwith\s+(?P<lang>[A-Z][a-z]+)\s+as\s+its\s+working\s+language")
_POLITICALLY_LED = re.compile(r"\bpolitically\s+led\s+by\s+(?P<list>[^,.;]+(?:,\s*and\s+[^,.;]+)?)")
_HQ_IN = re.compile(
    rf"\b(?:an?|its)\s+(?P<level>(?:[\w{DASHES}]+\s+){{0,4}}?)headquarters\s+in\s+"
    r"(?P<place>[A-Z][\w]*(?:\s+[A-Z][\w]*)*(?:,\s*[A-Z]\w+)?)"
)
_STARS = re.compile(rf"\b(?P<n>\d+|\w+){_H}star\b")
_COMMANDER = re.compile(
    rf"\b(?P<nat>[A-Z]\w+)\s+(?P<n>\d+|\w+){_H}star\s+(?:commander|deputy|general)\s+in\s+"
    r"(?P<city>[A-Z]\w+)"
)
_ROTATION = re.compile(r"\brotating\s+to\s+(?P<to>[A-Z]\w+)\s+after\s+(?P<n>\w+)\s+months?\b")
_CO_LED = re.compile(r"\bco-led\s+by\s+(?P<list>[^.;]+)")
_ESTABLISHED = re.compile(r"^In\s+(?P<when>[A-Z][a-z]+\s+\d{4}),.*\bestablished\b")
NAMED_GROUP = re.compile(
    r"(?:(?<![A-Za-z])[Ww]|(?<=[a-z])W)orking\s+group(?:\s+on\s+|\s*:\s*)"
    r"(?P<topic>[A-Za-z][\w \u00a0]*?[a-z])"
    r"(?=\s+(?:on|in|at|by|from|with|during|to)\s+[A-Z0-9]|\s*[(\[\n.,;]|\s*$)"
)
"""'Working group on <topic>' / 'working group: <topic>', also fused to the caption before it
('GroupWorking group: …', a flattened infobox row); the topic ends before a dated or placed
phrase ('a working group on demining on 2 May')."""
_GROUP_INTRO = re.compile(r"\bworking\s+group\b(?P<after>[^.;]*)")
_GROUP_ANAPHOR = re.compile(r"\b(?:this|the|that)\s+(?:working\s+)?group\b|^Its\s+mandate\b", re.I)
_GROUP_MANDATE = re.compile(
    r"\b(?:[Ii]ts\s+mandate\s+is\s+to|group\s+to)\s+(?P<m>.+?)"
    r"(?=,\s+(?:with\s+the\s+participation|joined\s+by)\b|\.$|$)"
)
_PARTICIPATION = re.compile(r"\bwith\s+the\s+participation\s+of\s+(?P<list>[^.;]+)")
_PRINCIPLES_INTRO = re.compile(r"\b(?P<n>\w+)\s+(?:main\s+|key\s+|core\s+)?principles\b")
_ORDINAL_OPENER = re.compile(
    r"^The\s+(?P<ord>first|second|third|fourth|fifth|sixth)(?:\s+one|\s+principle)?\s+"
    r"(?:involves|concerns|focuses\s+on|is|calls\s+for)\s+(?P<text>[^,.;]+)"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_CONFIRMED_PRINCIPLE = re.compile(r"\bconfirmed\s+(?:the\s+)?(?P<p>(?:\w+\s+){1,4}?)principle\b")
_POSSESSIVE_OPENER = re.compile(r"(?:Its|Their)\b")
_MEETING_WORD = re.compile(r"\b(summit|ministerial|meeting)\b", re.I)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a seed, with the offset of its paragraph (line) start."""

    start: int
    end: int
    text: str
    paragraph: int
    previous_paragraph: int


@dataclass
class Context:
    """One seed, read once: its sentences, force mentions and recognised mentions."""

    source: Source
    known: Known
    sentences: list[Sentence]
    force_at: list[tuple[int, int, Ref]]

    @classmethod
    def of(cls, source: Source, known: Known, force_names: Mapping[str, Ref]) -> Context:
        starts = [line.start for line in lines(source) if line.text.strip()]
        found = []
        for start, end in sentences(source):
            index = bisect.bisect_right(starts, start) - 1
            paragraph, previous = starts[index], starts[max(0, index - 1)]
            found.append(Sentence(start, end, source.text[start:end], paragraph, previous))
        mentions = sorted(set(iter_force_mentions(source, dict(force_names))))
        return cls(source, known, found, mentions)

    def force(self, sentence: Sentence) -> Ref | None:
        """The force named in the sentence, else the last one named earlier in its paragraph; a
        paragraph opening with 'Its …' continues the previous one, so reach back into that."""
        reach = sentence.paragraph
        if sentence.start == sentence.paragraph and _POSSESSIVE_OPENER.match(sentence.text):
            reach = sentence.previous_paragraph
        last = bisect.bisect_left(self.force_at, sentence.end, key=lambda f: f[0]) - 1
        return self.force_at[last][2] if last >= 0 and self.force_at[last][0] >= reach else None

    def fact(
        self, kind: FactKind, args: Mapping[str, FactValue | None], s: Sentence, rule: str
    ) -> Fact:
        """A fact resting on the whole sentence ``s``."""
        return make_fact(kind, args, [span(self.source, s.start, s.end)], rule)


Rule = Callable[[Context], list[Fact]]


def extract_force_facts(source: Source, known: Known, force_names: Mapping[str, Ref]) -> list[Fact]:
    """Every fact the force, command-post, group, plan and principle rules find in ``source``."""
    context = Context.of(source, known, force_names)
    return [fact for rule in RULES for fact in rule(context)]


def _split_list(text: str) -> list[str]:
    """'a, b, and c' / 'a, b and c' -> ['a', 'b', 'c'] (labels cleaned)."""
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", clean(text).rstrip(". "))
    return [p.strip() for p in parts if p.strip()]


# -- the force ----------------------------------------------------------------------------


def mandate_tasks(ctx: Context) -> list[Fact]:
    """FORCE_TASK for each task of 'the expected mandate … includes a, b, and c'."""
    facts = []
    for s in ctx.sentences:
        match = _MANDATE.search(s.text)
        force = ctx.force(s) if match else None
        if match is None or force is None:
            continue
        for task in _split_list(match["list"]):
            ref = Ref(EntityKind.TASK, slug(task), task)
            facts.append(
                ctx.fact(FactKind.FORCE_TASK, {"force": force, "task": ref}, s, "force-mandate")
            )
    return facts


def force_components(ctx: Context) -> list[Fact]:
    """FORCE_COMPONENT from 'a maritime line of MNF-U operation', 'includes land element'."""
    facts = []
    for s in ctx.sentences:
        force = ctx.force(s)
        for match in _COMPONENT.finditer(s.text) if force else ():
            domain = match["domain"].lower()
            ref = Ref(EntityKind.COMPONENT, slug(domain), domain)
            args: Args = {"force": force, "component": ref}
            facts.append(ctx.fact(FactKind.FORCE_COMPONENT, args, s, "force-component"))
    return facts


def force_status(ctx: Context) -> list[Fact]:
    """FORCE_STATUS: 'is a proposed … force', 'was in the planning phase', 'not mandated', with
    the deployment condition and working language the same sentence gives."""
    facts = []
    for s in ctx.sentences:
        force = ctx.force(s)
        if force is None:
            continue
        status = _status_of(s.text)
        condition = _CONDITION.search(s.text)
        language = _WORKING_LANGUAGE.search(s.text)
        args: Args = {
            "force": force,
            "status": status,
            "condition": clean(condition["cond"] or condition["cond2"]) if condition else None,
            "working_language": language_code(language["lang"]) if language else None,
            "coalition": COALITION if status and re.search(r"\bcoalition", s.text) else None,
            "deployment_area": _deployment_area(ctx, s),
        }
        if status is not None:
            args["as_of"] = ctx.known.date_in(s.start, s.end) or _month_as_of(s.text)
        if any(v is not None for k, v in args.items() if k not in ("force", "coalition")):
            facts.append(ctx.fact(FactKind.FORCE_STATUS, args, s, "force-status"))
    return facts


def _deployment_area(ctx: Context, s: Sentence) -> Ref | None:
    """Where the sentence says its force is to deploy or act ("designed to deploy to X", "a
    force in X", "post-war stabilisation in X"), unless a negation or refusal comes before it
    ("troops will not be sent to X"): FORCE_STATUS records no refusal, so the area of a
    ruled-out deployment is not carried at all."""
    text = ctx.source.text
    return first_allowed(text, areas(text, ctx.known.states, s.start, s.end), s.start)


def _month_as_of(text: str) -> str | None:
    """'as of November 2025' -> '2025-11' (the month a status is stated to hold at)."""
    match = _AS_OF_MONTH.search(text)
    month = MONTHS.get(match["month"].lower()) if match else None
    return f"{match['year']}-{month:02d}" if match and month else None


def _status_of(text: str) -> str | None:
    if _NOT_MANDATED.search(text):
        return "not-mandated"
    match = _PROPOSED.search(text) or _PHASE.search(text)
    return match["status"].lower() if match else None


def force_leaders(ctx: Context) -> list[Fact]:
    """LEADS from '<force> … politically led by France and the United Kingdom'."""
    facts = []
    for s in ctx.sentences:
        match = _POLITICALLY_LED.search(s.text)
        force = ctx.force(s) if match else None
        if match is None or force is None:
            continue
        for state in states_in(match["list"]):
            args: Args = {"coalition": force, "leader": state}
            facts.append(ctx.fact(FactKind.LEADS, args, s, "force-leaders"))
    return facts


def planning_groups(ctx: Context) -> list[Fact]:
    """GROUP (planning) per domain of 'Five military sub-planning groups (land, sea, …)'; the
    list must have as many items as the number announced."""
    facts = []
    for s in ctx.sentences:
        for match in _PLANNING_GROUPS.finditer(s.text):
            domains = _split_list(match["list"])
            if number(match["n"]) != len(domains):
                continue
            where = span(ctx.source, s.start + match.start(), s.start + match.end())
            for domain in domains:
                group = Ref(
                    EntityKind.GROUP,
                    f"{slug(domain)}-sub-planning-group",
                    f"{domain} sub-planning group",
                )
                args: Args = {
                    "group": group,
                    "group_kind": "planning",
                    "parent": COALITION,
                    "domain": domain,
                }
                facts.append(make_fact(FactKind.GROUP, args, [where], "planning-groups"))
    return facts


# -- command posts ------------------------------------------------------------------------


def command_posts(ctx: Context) -> list[Fact]:
    """COMMAND_POST from '<level> headquarters in <place>' with what the same sentence says of
    it: stars and nation of its commander, rotation, co-leading states, when it was established."""
    facts = []
    for s in ctx.sentences:
        force = ctx.force(s)
        for match in _HQ_IN.finditer(s.text) if force else ():
            facts.append(
                ctx.fact(FactKind.COMMAND_POST, _post_args(s.text, match, force), s, "command-post")
            )
    return facts


def _post_args(text: str, match: re.Match[str], force: Ref | None) -> Args:
    """What a sentence says of the HQ ``match`` names; the rotation and co-leading states are read
    only up to the next HQ the sentence names, the commander by the city it is posted in."""
    parts = [p.strip() for p in match["place"].split(",")]
    city = parts[-1]
    level = match["level"]
    stars = _STARS.search(level)
    clause = text[match.end() : _next_hq(text, match.end())]
    commander = next((c for c in _COMMANDER.finditer(text) if c["city"] == city), None)
    rotation = _ROTATION.search(clause)
    co_led = _CO_LED.search(clause)
    established = _ESTABLISHED.search(text)
    return {
        "post": command_post_ref(city),
        "force": force,
        "place": place_ref(parts[0]),
        "level": clean(_STARS.sub("", level)) or None,
        "stars": number(stars["n"]) if stars else (number(commander["n"]) if commander else None),
        "commander_nation": state_ref(commander["nat"]) if commander else None,
        "lead_nations": states_in(co_led["list"]) or None if co_led else None,
        "established": established["when"] if established else None,
        "rotates_to": place_ref(rotation["to"]) if rotation else None,
        "rotation_months": number(rotation["n"]) if rotation else None,
    }


def _next_hq(text: str, pos: int) -> int:
    """Where the next '… headquarters in' starts (a clause belongs to the HQ before it)."""
    following = _HQ_IN.search(text, pos)
    return following.start() if following else len(text)


# -- working groups -----------------------------------------------------------------------


def working_group_ref(topic: str) -> Ref:
    """A working group by its topic: 'Ukraine security guarantees' -> the same key wherever it
    is written 'Working group on …' or 'Working group: …'."""
    topic = clean(topic)
    return Ref(EntityKind.GROUP, f"working-group-{slug(topic)}", f"Working group on {topic}")


def _named_groups(ctx: Context) -> dict[str, Ref]:
    """Working groups the seed names ('Working group on Ukraine security guarantees'), by topic;
    a topic whose words all occur in a fuller topic ('security guarantees') is that group."""
    topics = {clean(m["topic"]) for m in NAMED_GROUP.finditer(ctx.source.text)}
    named = {}
    for topic in topics:
        words = set(topic.casefold().split())
        fullest = max(
            (t for t in topics if words <= set(t.casefold().split())), key=lambda t: (len(t), t)
        )
        named[topic.casefold()] = working_group_ref(fullest)
    return named


def _group_for(words: str, named: Mapping[str, Ref]) -> Ref | None:
    """The named group whose topic shares two or more words with the words after 'working group'."""
    said = set(re.findall(r"[a-z]{4,}", words.casefold()))
    best = [(len(said & set(topic.split())), ref) for topic, ref in named.items()]
    best = [b for b in best if b[0] >= 2]
    return max(best, key=lambda b: b[0])[1] if best else None


def working_groups(ctx: Context) -> list[Fact]:
    """GROUP (working) facts — mandate and members — from a paragraph that introduces a working
    group and goes on about it ('a group to <mandate>', 'Its mandate is to …, with the
    participation of A and B'); who announced, founded or inaugurated it, and when, is read by
    :mod:`cowkg.read.mappings.naming`."""
    named = _named_groups(ctx)
    facts = []
    current: tuple[int, Ref] | None = None
    for s in ctx.sentences:
        if current is not None and current[0] != s.paragraph:
            current = None
        intro = _GROUP_INTRO.search(s.text)
        group = _group_for(intro["after"], named) if intro else None
        if group is not None:
            current = (s.paragraph, group)
        elif current is None or not _GROUP_ANAPHOR.search(s.text):
            continue
        fact = _group_fact(ctx, s, current[1])
        facts += [fact] if fact else []
    return facts


def _group_fact(ctx: Context, s: Sentence, group: Ref) -> Fact | None:
    mandate = _GROUP_MANDATE.search(s.text)
    members = _PARTICIPATION.search(s.text)
    args: Args = {
        "mandate": clean(mandate["m"]) if mandate else None,
        "members": states_in(members["list"]) or None if members else None,
    }
    if all(v is None for v in args.values()):
        return None
    base: Args = {"group": group, "group_kind": "working", "parent": COALITION}
    return ctx.fact(FactKind.GROUP, {**base, **args}, s, "working-group")


# -- principles (documents and plans: cowkg.read.mappings.documents) ------------------------


def listed_principles(ctx: Context) -> list[Fact]:
    """PRINCIPLE for each of 'n main principles' spelled out by the following sentences ('The
    first involves …', 'The second one concerns …'), stated at the meeting the seed is about."""
    facts = []
    for index, s in enumerate(ctx.sentences):
        intro = _PRINCIPLES_INTRO.search(s.text)
        count = number(intro["n"]) if intro else None
        if count is None:
            continue
        meeting = _meeting_before(ctx, index)
        for later in ctx.sentences[index + 1 : index + 1 + 3 * count]:
            opener = _ORDINAL_OPENER.match(later.text)
            position = _ORDINALS[opener["ord"]] if opener else 0
            if opener is None or position > count:
                continue
            key = f"{meeting.key if meeting else slug(ctx.source.file)}-principle-{position}"
            ref = Ref(EntityKind.PRINCIPLE, key, clean(opener["text"]))
            args: Args = {"principle": ref, "text": clean(opener["text"]), "stated_at": meeting}
            facts.append(ctx.fact(FactKind.PRINCIPLE, args, later, "listed-principles"))
    return facts


def _meeting_before(ctx: Context, index: int) -> Ref | None:
    """The meeting a passage is about: the last dated sentence naming a summit or meeting."""
    for s in reversed(ctx.sentences[: index + 1]):
        kind = _MEETING_WORD.search(s.text)
        when = ctx.known.date_in(s.start, s.end)
        if kind and when:
            return Ref(EntityKind.MEETING, f"{when.isoformat()}-{_meeting_kind(kind.group(1))}")
    return None


def _meeting_kind(word: str) -> str:
    return {"summit": "summit", "ministerial": "ministerial"}.get(word.lower(), "meeting")


def confirmed_principles(ctx: Context) -> list[Fact]:
    """PRINCIPLE from '<meeting> statements confirmed inviolability of borders principle'."""
    facts = []
    for s in ctx.sentences:
        match = _CONFIRMED_PRINCIPLE.search(s.text)
        if match is None:
            continue
        text = clean(match["p"])
        kind = _MEETING_WORD.search(s.text)
        when = ctx.known.date_in(s.start, s.end)
        meeting = (
            Ref(EntityKind.MEETING, f"{when.isoformat()}-{_meeting_kind(kind.group(1))}")
            if kind and when
            else None
        )
        ref = Ref(EntityKind.PRINCIPLE, slug(text), text)
        args: Args = {"principle": ref, "text": text, "stated_at": meeting}
        facts.append(ctx.fact(FactKind.PRINCIPLE, args, s, "confirmed-principle"))
    return facts


RULES: tuple[Rule, ...] = (
    mandate_tasks,
    force_components,
    force_status,
    force_leaders,
    planning_groups,
    command_posts,
    working_groups,
    listed_principles,
    confirmed_principles,
)
"""The rules, in the order their facts are listed (the order does not change the graph)."""
