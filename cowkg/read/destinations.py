"""Where a force, mission or plan is to go, and whom support is for.

A state is often named only as the **area** a force, contingent, mission or plan is to be
deployed in or act in ("send troops to X", "deploy to X", "a force in X", "troops on the ground
in X", "post-war stabilisation in X"), or as the **beneficiary** of support, aid, guarantees, a
plan or a pledge ("support for X", "aid to X", "a reconstruction plan for X", "X's security",
"X's defensive capabilities", "to defend / secure / guarantee X"). Every reading that yields the
fact such a passage is about (a force's status, an intention or plan, a pledge, a plan's point, an
infobox row) asks the same two questions here, of the state mentions inside the stretch of text
that fact rests on, by the words right around each mention (never by which state it is).

A demonym ("Ukrainian troops", "French forces") says whose, not where or for whom: it is never a
beneficiary, and an area only as the land a thing is placed on ("a buffer zone on <demonym> soil",
"troops on <State>'s territory": the soil is the state's, so the state is where), which only a
document's content is read for (``areas(…, on_soil=True)``). Neither is a state after a negation
or a refusal in the same stretch ("troops will not be sent to X", "ruled out sending troops to
X"): :func:`ruled_out` lets the caller drop it, since the area of a ruled-out deployment belongs
only on a fact that records the refusal, and no reading records one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from cowkg.types import Mention, MentionKind, Ref

_Cue = Callable[[str, str], bool]
"""Whether the text before and after a state mention names it as an area or beneficiary."""

_WINDOW = 80
"""How many characters before or after a mention the cue words are looked for in."""

_AREA_BEFORE = re.compile(
    r"(?:\b(?:deploy(?:s|ed|ing|ment|ments)?|station(?:s|ed|ing)?|sent|dispatched|forces?"
    r"|troops?|soldiers|contingents?|missions?|peacekeepers|peacekeeping|presence|personnel"
    r"|engineers|instructors|trainers|units|brigades?|battalions?|marines|warships|jets"
    r"|ground|stabili[sz]ation|boots)\s+(?:to|in|into|inside)"
    r"|\b(?:deploy(?:s|ed|ing)?|station(?:s|ed|ing)?|dispatch(?:es|ed|ing)?)\s+"
    r"(?:[^\s.;:]+\s+){1,4}?(?:to|in|into)"
    r"|\bsen(?:d|ds|ding|t)\s+(?:[^\s.;:]+\s+){0,3}?(?:\d[\d,.]*|thousands|hundreds|dozens)"
    r"\s+(?:[^\s.;:]+\s+){0,3}?(?:to|into))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A deployment word right before "to / in / into <State>" ("deploy to", "a force in", "troops
on the ground in", "a contingent to", "stabilisation in", "sent to"), or a number of things
sent there ("send 200 engineers to"), or what a verb of deployment deploys ("deploy a field
hospital in")."""

_PLACED_ON = re.compile(
    r"\b(?:zones?|bases?|presence|troops|forces|soldiers|peacekeepers|personnel|contingents?"
    r"|missions?|boots|deploy\w*|station\w*|establish\w*)"
    r"\s+(?:[^\s.;:]+\s+){0,3}?(?:on|in|onto|into)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Something placed or deployed, then "on / in" the land a state or demonym names ("a
demilitarised zone on", "troops stationed in", "establish bases on")."""
_SOIL_AFTER = re.compile(r"^(?:['’]s)?\s+(?:own\s+)?(?:soil|territory)\b", re.IGNORECASE)
"""The land itself right after the state or demonym ("<demonym> soil", "<State>'s territory")."""

_SUPPORT_FOR = re.compile(
    r"(?:\b(?:support|aid|assistance|help|guarantees?|funding|loans?|grants?|packages?"
    r"|reconstruction|recovery|commitments?|contributions?|backing|assurances?|weapons"
    r"|equipment|financing)\s+(?:for|to)"
    r"|\b(?:plans?|proposals?|roadmaps?|strateg(?:y|ies)|framework)\s+for"
    r"|\b(?:security|defen[cs]es?|reconstruction|recovery)\s+of)"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Support "for / to <State>" ("aid to", "security guarantees for"), a plan "for <State>" (a
plan "to" a state is presented to it, not for it), what is secured "of <State>" ("the security
of")."""

_DEFENDING = re.compile(
    r"\b(?:secur(?:e|es|ed|ing)|defend(?:s|ed|ing)?|guarantee(?:s|d|ing)?|protect(?:s|ed|ing)?"
    r"|arm(?:s|ed|ing)?|reassur(?:e|es|ed|ing))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A verb of defending with the state, or what it owns, as its object ("to defend <State>",
"securing <State>'s ports")."""
_BACKING = re.compile(r"\b(?:support(?:s|ed|ing)?|back(?:s|ed|ing)?)\s+(?:the\s+)?$", re.I)
"""A verb of supporting with the state itself as its object ("to support <State>"); what it
backs of the state's ("to back <State>'s proposal") is endorsed, not helped."""

_STRENGTHEN_BEFORE = re.compile(
    r"\b(?:strengthen|bolster|enhance|boost|reinforce|rebuild)(?:s|ed|ing)?\s+$", re.IGNORECASE
)
"""A verb of strengthening right before the state or what it owns ("to bolster <State>'s
position", "enhance <State>'s capabilities"): the owner is helped, whatever is strengthened."""
_POSSESSIVE_AFTER = re.compile(r"^['’]s?\s")
"""A possessive right after the state ("<State>'s", "<States>' ")."""

_BENEFIT_AFTER = re.compile(
    r"^(?:['’]s?\s+(?:[\w-]+\s+){0,3}?[\"“'‘]?"
    r"(?:security|defen[cs]es?|defensive|capabilities|reconstruction|recovery|armed\s+forces"
    r"|army|skies|airspace)"
    r"|\s+(?:security|defen[cs]es?|reconstruction|recovery|funding|aid|support))\b",
    re.IGNORECASE,
)
"""The state owns what is secured or rebuilt: "<State>'s security", "<State>'s defensive
military capabilities", "<State>'s post-war reconstruction", "<State>'s 'skies and seas'", or
names it as a noun before it ("<State> aid", "<State> funding"); "<State>'s support" is the
state's own support, for someone else."""

_REFUSAL = re.compile(
    r"\b(?:not|never|no|rule[sd]?\s+out|ruling\s+out|refus\w*|reject\w*|oppos\w*|scrap\w*"
    r"|abandon\w*|cancel\w*|shelv\w*)\b|n['’]t\b",
    re.IGNORECASE,
)


def areas(
    text: str, states: Iterable[Mention], start: int, end: int, *, on_soil: bool = False
) -> tuple[Mention, ...]:
    """The mentions of states named as where a force, mission or plan in ``text[start:end]`` is
    to go or act (see the module docstring), in text order, one per state; with ``on_soil``,
    also the land something is placed on (:func:`_on_soil`), for a caller whose stretch is
    only what its fact says is to be done (a document's content), not a whole sentence that
    may place someone else's thing there."""
    if on_soil:
        return _named(text, states, start, end, _is_area_or_soil, _on_soil)
    return _named(text, states, start, end, _is_area)


def _is_area(before: str, _after: str) -> bool:
    return bool(_AREA_BEFORE.search(before))


def _is_area_or_soil(before: str, after: str) -> bool:
    return _is_area(before, after) or _on_soil(before, after)


def _on_soil(before: str, after: str) -> bool:
    """Something placed "on <demonym> soil" / "in <State>'s territory" (see
    :data:`_PLACED_ON`): the one reading where a demonym names a place."""
    return bool(_PLACED_ON.search(before) and _SOIL_AFTER.match(after))


def beneficiaries(
    text: str, states: Iterable[Mention], start: int, end: int
) -> tuple[Mention, ...]:
    """The mentions of states named in ``text[start:end]`` as whom support, aid, guarantees or a
    plan is for (see the module docstring), in text order, one per state."""
    return _named(text, states, start, end, _benefits)


def _benefits(before: str, after: str) -> bool:
    """Whether the words around a state name it as helped (see :data:`_SUPPORT_FOR`,
    :data:`_DEFENDING`, :data:`_BACKING`, :data:`_BENEFIT_AFTER`,
    :data:`_STRENGTHEN_BEFORE`)."""
    if _SUPPORT_FOR.search(before) or _BENEFIT_AFTER.match(after):
        return True
    if _DEFENDING.search(before) or _STRENGTHEN_BEFORE.search(before):
        return True
    return bool(_BACKING.search(before)) and not _POSSESSIVE_AFTER.match(after)


def ruled_out(text: str, start: int, at: int) -> bool:
    """A negation, refusal or cancellation shortly before the state at ``at`` (and after
    ``start``): "will not be sent to", "ruled out sending troops to", "opposed deploying to",
    "could scrap plans to send troops to"."""
    return bool(_REFUSAL.search(text[max(start, at - _WINDOW) : at]))


def _named(
    text: str,
    states: Iterable[Mention],
    start: int,
    end: int,
    cue: _Cue,
    demonym_cue: _Cue | None = None,
) -> tuple[Mention, ...]:
    """The state mentions inside ``text[start:end]`` whose words around, within the stretch and
    :data:`_WINDOW` characters, satisfy ``cue`` (a demonym: ``demonym_cue``, none without it);
    the first mention per state."""
    found: dict[Ref, Mention] = {}
    for mention in states:
        span, value = mention.span, mention.value
        if not (start <= span.start and span.end <= end) or not isinstance(value, Ref):
            continue
        demonym = mention.form == "demonym"
        test = demonym_cue if demonym else cue
        if mention.kind is not MentionKind.STATE or test is None:
            continue
        before = text[max(start, span.start - _WINDOW) : span.start]
        after = text[span.end : min(end, span.end + _WINDOW)]
        if test(before, after) and value not in found:
            found[value] = mention
    return tuple(found.values())


def first_allowed(text: str, found: Iterable[Mention], start: int) -> Ref | None:
    """The state of the first of ``found`` that no negation or refusal since ``start`` rules
    out (see :func:`ruled_out`), if any."""
    for mention in found:
        if not ruled_out(text, start, mention.span.start) and isinstance(mention.value, Ref):
            return mention.value
    return None
