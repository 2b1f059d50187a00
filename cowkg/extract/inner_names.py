"""A state's name inside a longer known name is no mention of the state.

"Multinational Force–Ukraine", "Force multinationale en Ukraine", "Working group on Ukraine
security guarantees" name a force and a group: the state written inside them is part of the
name, not an agent the sentence speaks of (no argument any fact should take, so no mention the
reading ledger should count). The tables' own longer names ("Ukraine Defense Contact Group")
already win over the state inside them (:func:`cowkg.mentions._drop_nested`); this module does
the same for the names the build learns from the sources — the forces' names (NAME facts of
:mod:`cowkg.extract.names`, shared across sources) and working groups named by topic — which
are known only after the mentions stage. So do the names a credit line gives an outlet or
office ("Photo: Office of the President of Ukraine", "Source: X with reference to the Office
of the Ukrainian President"): the name is the credited party's (:mod:`cowkg.read.bylines`);
a credit of three words or more is taken as one name, so "Photo: Reuters / Ukraine" still
names the state.

A name is taken only where it is written as a name: capitalised ("Working group on …",
"Multinational Force in …") or in its very words ("multinational force Ukraine"); "a
multinational force in Ukraine" and "Ukraine's working group" still mention the state.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence

from cowkg.extract.force import NAMED_GROUP
from cowkg.extract.layout import normalise_name
from cowkg.extract.names import iter_force_mentions
from cowkg.read.bylines import credit_lines
from cowkg.types import Mention, MentionKind, Ref, Source


def _force_names(source: Source, force_names: Mapping[str, Ref]) -> Iterator[tuple[int, int]]:
    """The spans where ``source`` writes a force's name as a name (see the module doc)."""
    for start, end, _ in iter_force_mentions(source, dict(force_names)):
        text = source.text[start:end]
        if text[:1].isupper() or normalise_name(text) in force_names:
            yield start, end


def _group_names(source: Source) -> Iterator[tuple[int, int]]:
    """The spans of the capitalised 'Working group on <topic>' / 'Working group: <topic>' (also
    fused to the caption before it: 'GroupWorking group: …', a flattened infobox row)."""
    for named in NAMED_GROUP.finditer(source.text):
        if named.group(0).startswith("W"):
            yield named.start(), named.end("topic")


def _credited_names(source: Source) -> Iterator[tuple[int, int]]:
    """The spans of the names of three words or more that credit lines credit."""
    for line in credit_lines(source.text):
        for part in (*line.credited, *line.based_on):
            if len(part.text.split()) >= _CREDITED_NAME_WORDS:
                yield part.start, part.end


_CREDITED_NAME_WORDS = 3


def name_spans(source: Source, force_names: Mapping[str, Ref]) -> list[tuple[int, int]]:
    """The spans of the forces', working groups' and credited offices' names ``source`` writes,
    in order."""
    return sorted(
        {*_force_names(source, force_names), *_group_names(source), *_credited_names(source)}
    )


def _inside(start: int, end: int, starts: Sequence[int], reach: Sequence[int]) -> bool:
    """Whether ``[start, end)`` lies inside one of the spans starting at ``starts`` (sorted;
    ``reach[i]``: the furthest end among the first ``i + 1``), in logarithmic time."""
    before = bisect.bisect_right(starts, start)  # the spans starting at or before it
    return before > 0 and reach[before - 1] >= end


def without_inner_states(
    source: Source, mentions: Sequence[Mention], force_names: Mapping[str, Ref]
) -> list[Mention]:
    """``mentions`` but the state mentions written inside a force's, working group's or credited
    office's name."""
    spans = name_spans(source, force_names)
    starts = [start for start, _ in spans]
    reach: list[int] = []
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    return [
        m
        for m in mentions
        if m.kind is not MentionKind.STATE or not _inside(m.span.start, m.span.end, starts, reach)
    ]
