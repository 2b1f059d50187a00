"""Authorship and attribution of a source and its images: one SOURCE_CREDIT fact per byline,
dateline or credit line (:mod:`cowkg.read.bylines` finds them by their shape).

- a byline or dateline: the source's authors (people), and the day a dateline gives (the day
  the source was published);
- "Source: X with reference to Y": the outlet X the report comes from and Y, whose information
  it rests on;
- "Photo: X / Y", "Cover: X", "Credit: X", "(X / Y via Z)": an image of the source and whom it
  credits; the caption written before the credit on its line ("Leaders in Oslo. Photo: X") is
  the image's caption, read as a captured image's is (below);
- a date stamp ("date 2025-03-02", "10:29 am today"): the day the source was published;
- a news dateline ("LIMA, May 8 /Andes Wire/ - …"): the day the source was published, the
  place it was filed from and the agency that wires it (its source organisation).

Who is credited: the person or organisation a mention names when it is the whole credit
("European Pravda"); a person's name in a byline or a photo credit is that person; any other
capitalised name is a publisher of its own ("Getty Images", "Office of the President"; a source
line's "Pacific Wire" too: there, two capitalised words are no person's name). A credit that
names nobody ("a reporter in Paris",
"its sources") credits nobody; a state named in a credit ("Office of the President of Ukraine")
is part of the credited name, not credited itself.

:func:`pictures` reads the page's own images (:mod:`cowkg.read.images`): each image file name
with the caption under it is one SOURCE_CREDIT of role "image" — the same image node a photo
credit makes — with its file name, its caption, the day the file name writes (when it was
made) and the days the caption names (what time it shows), and the agents and places the file
name and caption name (what it shows, ``schema:about``: media metadata, like a "depicts"
statement; read from image names and captions only, never from prose) — those a caption says
are not in the picture ("A and B (not pictured)") are only mentioned (``schema:mentions``); a
credit line the capture glues before the file name ("Credit: Agency Map of Oslo.svg") credits
that image, read as the same line alone is. An image whose name and caption name no agent,
place or day, and that no glued credit credits, gives nothing (a map marker, "Emblem.svg").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cowkg.extract.known import make_fact
from cowkg.extract.tables import place_ref
from cowkg.mentions import person_ref, slug
from cowkg.read.agents import is_person_name
from cowkg.read.bylines import CreditLine, as_written, credit_lines, line_credits
from cowkg.read.citations import Part
from cowkg.read.images import Image, images, name_day
from cowkg.read.mappings.citations import written_date
from cowkg.sources import span_at
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Mention, MentionKind, Ref, Span

if TYPE_CHECKING:
    from cowkg.read.mappings import Reading

_CREDITED = frozenset({MentionKind.PERSON, MentionKind.ORGANIZATION})
_DEPICTED = frozenset(
    {MentionKind.STATE, MentionKind.PERSON, MentionKind.ORGANIZATION, MentionKind.PLACE}
)
_NAME = re.compile(r"^[A-Z][\w'’.&-]*(?:\s+(?:of|for|and|the|de|du|la|[A-Z][\w'’.&-]*)){0,7}$")


def credits(reading: Reading) -> Iterator[Fact]:
    """A SOURCE_CREDIT fact for every byline, dateline and credit that names someone."""
    for line in credit_lines(reading.source.text):
        credited = _agents(reading, line.credited, line.role)
        based_on = _agents(reading, line.based_on)
        date = written_date(reading, line.date, day=line.role != "published")
        if not credited and not based_on and date is None:
            continue
        source = reading.source
        args: dict[str, FactValue | None] = {
            "source": source.file,
            "role": line.role,
            "credited": credited or None,
            "based_on": based_on or None,
            "date": date,
            "place": _place(reading, line.place) if line.place else None,
        }
        start = line.line.start
        if line.role == "image":
            args["image"] = f"{Path(source.file).stem}-{line.line.start}"
            args["credit_text"] = ", ".join(p.text for p in line.credited)
            if line.caption is not None:
                start = line.caption.start
                args |= {"caption": line.caption.text, **_depicted(reading, [], line.caption)}
        evidence = span_at(source, start, line.line.end)
        yield make_fact(FactKind.SOURCE_CREDIT, args, [evidence], "credit")


_PEOPLE_FROM = {"author": 0, "image": 0}
"""From which piece on a person's name is a person: every name of a byline or photo credit
("Agency / Photographer", "Photographer / Agency"); none of a source line, whose capitalised
words name an outlet ("Pacific Wire")."""


def _agents(reading: Reading, pieces: tuple[Part, ...], role: str = "") -> tuple[Ref, ...]:
    """Whom the pieces of a credit name."""
    first_person = _PEOPLE_FROM.get(role, len(pieces))
    found = (_agent(reading, p, i >= first_person) for i, p in enumerate(pieces))
    return tuple(dict.fromkeys(r for r in found if r is not None))


def _place(reading: Reading, piece: Part) -> Ref:
    """The place of a dateline: the place a mention of the same words is, else one by its name
    (as a name is written when in capitals: "LIMA" is Lima)."""
    for mention in reading.mentions_in(piece.start, piece.end):
        same = (mention.span.start, mention.span.end) == (piece.start, piece.end)
        if same and isinstance(mention.value, Ref) and mention.value.kind is EntityKind.PLACE:
            return mention.value
    return place_ref(piece.text.title() if piece.text.isupper() else piece.text)


def _agent(reading: Reading, piece: Part, person: bool) -> Ref | None:
    text = re.sub(r"^the\s+", "", piece.text)
    start = piece.end - len(text)
    for mention in reading.mentions_in(start, piece.end):
        whole = (mention.span.start, mention.span.end) == (start, piece.end)
        if whole and mention.kind in _CREDITED and isinstance(mention.value, Ref):
            return mention.value  # one entity with the organisation the prose names
    written = as_written(text)
    if person and is_person_name(written):
        return person_ref(written)
    if _NAME.match(text) and slug(text):
        return Ref(EntityKind.PUBLISHER, slug(re.sub(r"^The\s+", "", text)), text)
    return None


def pictures(reading: Reading) -> Iterator[Fact]:
    """A SOURCE_CREDIT of role "image" for every image of the page that shows or names
    something (see the module docstring)."""
    source = reading.source
    for image in images(source.text):
        named = _within(reading, _described_from(image), image.name.end)
        depicted = _depicted(reading, named, image.caption, image.legend)
        made = name_day(image.name.text) or _first_day(named)
        credit = _glued_credit(source.text, image)
        pieces = credit.credited if credit is not None else ()
        credited = _agents(reading, pieces, "image")
        if not any(depicted.values()) and made is None and not credited:
            continue
        args: dict[str, FactValue | None] = {
            "source": source.file,
            "role": "image",
            "image": f"{Path(source.file).stem}-{image.name.start}",
            "name": image.name.text,
            "caption": image.caption.text if image.caption else None,
            "created": made,
            "credited": credited or None,
            "credit_text": ", ".join(p.text for p in pieces) if credited else None,
            **depicted,
        }
        evidence = _evidence(reading, image, bool(credited))
        yield make_fact(FactKind.SOURCE_CREDIT, args, evidence, "image")


def _glued_credit(text: str, image: Image) -> CreditLine | None:
    """The credit line a capture glues before the file name it credits ("Credit: Agency Map of
    Oslo.svg"), read as the same line alone is (:func:`~cowkg.read.bylines.line_credits`)."""
    if image.prefix_describes or image.name.start <= image.line.start:
        return None
    prefix = text[image.line.start : image.name.start].rstrip()
    found = line_credits(text, image.line.start, prefix)
    return found[0] if len(found) == 1 and found[0].role == "image" else None


def _depicted(
    reading: Reading,
    named: Sequence[Mention],
    caption: Part | None,
    legend: Sequence[Part] = (),
) -> dict[str, FactValue | None]:
    """What an image shows (``about``), names but does not show (``mentions``) and the days
    its caption names (``covers``), read from the mentions of its file name (``named``), of its
    legend entries and of its caption."""
    captioned = [
        m
        for part in (*legend, *([caption] if caption else []))
        for m in _within(reading, part.start, part.end)
    ]
    unseen = _not_pictured(reading, caption) if caption else set()
    agents = [m for m in (*named, *captioned) if m.kind in _DEPICTED]
    shown = _refs(m for m in agents if m.span.start not in unseen)
    mentioned = _refs(m for m in agents if m.span.start in unseen)
    covers = tuple(dict.fromkeys(_days(captioned)))
    return {"about": shown or None, "mentions": mentioned or None, "covers": covers or None}


_NOT_PICTURED = re.compile(
    r"\((?:[^()\n]*\b)?(?:not\s+(?:pictured|shown|in\s+picture)|absent)\)", re.I
)
"""A caption's bracket after names that the picture does not show: "A and B (not pictured)"."""


def _not_pictured(reading: Reading, caption: Part) -> set[int]:
    """Where the names a caption says are not in the picture start: the names between the
    bracket before ("(pictured L-R)", a stop) or the caption's start and "(not pictured)"."""
    out: set[int] = set()
    text = reading.source.text[caption.start : caption.end]
    for bracket in _NOT_PICTURED.finditer(text):
        before = text[: bracket.start()]
        first = max(before.rfind(")"), before.rfind(". ")) + 1
        start, end = caption.start + first, caption.start + bracket.start()
        out.update(m.span.start for m in _within(reading, start, end))
    return out


def _refs(mentions: Iterable[Mention]) -> tuple[Ref, ...]:
    return tuple(dict.fromkeys(m.value for m in mentions if isinstance(m.value, Ref)))


def _within(reading: Reading, start: int, end: int) -> list[Mention]:
    return [m for m in reading.mentions_in(start, end) if m.span.end <= end]


def _days(mentions: Sequence[Mention]) -> Iterator[dt.date]:
    for mention in mentions:
        if mention.kind is MentionKind.DATE and isinstance(mention.value, dt.date):
            yield mention.value


def _first_day(mentions: Sequence[Mention]) -> dt.date | None:
    return next(_days(mentions), None)


def _described_from(image: Image) -> int:
    """Where the words about the image start on its line: the caption or legend entry written
    before the file name, else the file name (a credit before it says who made it, not what it
    shows)."""
    return image.line.start if image.prefix_describes else image.name.start


def _evidence(reading: Reading, image: Image, credited: bool = False) -> list[Span]:
    """The file name (with the caption, legend entry or credit written before it), the caption
    and the legend lines written around it."""
    start = image.line.start if credited else _described_from(image)
    spans = [span_at(reading.source, start, image.line.end)]
    for part in (*([image.caption] if image.caption else []), *image.legend):
        spans.append(span_at(reading.source, part.start, part.end))
    return spans
