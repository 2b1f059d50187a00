"""The images of a captured page: an image's file name and the caption line under it.

A capture keeps an image as its file name ending a line ("Leaders meet in Oslo (5312).jpg"),
the caption on the next line. Three shapes of that line, read by shape alone:

- the file name alone on its line;
- the caption glued before the file name, and the caption again on the next line
  ("Leaders at the Oslo summit Oslo summit 2026-05-12.jpg" / "Leaders at the Oslo summit");
- another line of the figure glued before it (a legend entry or credit written again a few
  lines away: "Credit: Agency Map of Oslo.svg" … "Credit: Agency"). A legend entry says what
  the image shows, as its caption does; a credit or publication line does not.

A text of three words or more written again within :data:`_NEAR` lines, that the line opens
with, is not part of the file name; the file name is what follows it. A flag ("Flag of
Norway.svg"), an icon in a table cell (a file name that does not end its line: "Emblem.svg
Army, HQ") is not an image of the page's figures: a line holding a flag file is left, and so
is a file name that does not end its line. A file name stacked right under another (a map and
the markers drawn on it) has no caption; the map takes the two text lines after its markers, when
exactly two stand there, as its marker's label (legend) and its caption.

A map's **legend**: the lines written both just before and just after its file name (legend
entries, a caption written above it as well), each copy, and the copy after it of a legend entry
glued before the file name, say what it shows; a credit or publication line does not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cowkg.read.citations import Part
from cowkg.read.nlp import text_body_end

_FILE_END = re.compile(
    r"\.(?:svg|png|jpe?g|gif|webp|tiff?)(?:[\s\u00a0]*\[[^\]\n]{1,16}\])*[\s\u00a0]*$",
    re.IGNORECASE,
)
"""A line ending with an image file name (footnote marks after it allowed)."""
_ANY_FILE = re.compile(r"\S\.(?:svg|png|jpe?g|gif|webp|tiff?)\b", re.IGNORECASE)
_FLAG = re.compile(r"\bFlag of\b[^\n]*?\.svg\b", re.IGNORECASE)
_NEAR = 4
"""How many lines before and after a file name a text written again may stand."""
_CREDIT_LINE = re.compile(
    r"^(?:(?:Photo|Image|Cover|Credit|Source|Video)s?\s*:|Courtesy\b|©"
    r"|(?:Originally\s+)?(?:published|produced|taken|photographed)\s+by\b)",
    re.IGNORECASE,
)
"""A figure's credit or publication line: whom it names made or published the image, it is no
part of what the image shows."""
_REPEAT_WORDS = 3
"""A text written again is a caption, legend entry or credit ("Credit: Agency"): three words
at least; a lone name ("Sweden", a map's label) may well begin a file name ("Sweden Map.svg")."""
_ISO_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-?(?P<m>[01]\d)-?(?P<d>[0-3]\d)(?!\d)")
"""A day a file name writes as a camera or an uploader does: "2025-03-02-15-13", "20251024"."""


@dataclass(frozen=True, slots=True)
class Image:
    """One image of a page: its file name, the caption under it, the whole line it ends."""

    name: Part
    line: Part
    caption: Part | None
    prefix_describes: bool
    """The text before the file name says what the image shows: the caption or a legend entry
    written again (not a credit or publication line: "Credit: Agency", "Published by X")."""
    legend: tuple[Part, ...] = ()
    """The figure's lines written on both sides of its file name — a map's legend entries and
    a caption written above as well as under it — every copy but the caption under it, and the
    copy after it of the legend entry glued before the file name (never a credit or
    publication line)."""


def _lines(text: str) -> list[Part]:
    """The body's lines, stripped, with their offsets (blank lines kept, empty)."""
    out, offset = [], 0
    for raw in text[: text_body_end(text)].split("\n"):
        stripped = raw.strip()
        start = offset + (raw.index(stripped) if stripped else 0)
        out.append(Part(start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return out


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _prefix_end(line: str, repeat: str) -> int | None:
    """Where ``repeat`` (a line written again) ends at the start of ``line``, whitespace
    ignored, when a space and more text follow it; else None."""
    want = _squeezed(repeat)
    if len(repeat.split()) < _REPEAT_WORDS or not _squeezed(line).startswith(want):
        return None
    seen = 0
    for position, char in enumerate(line):
        if not char.isspace():
            seen += 1
        if seen == len(want):
            rest = line[position + 1 :]
            return position + 1 if rest[:1].isspace() and rest.strip() else None
    return None


def _name_start(lines: list[Part], index: int) -> tuple[int, bool]:
    """Where the file name of ``lines[index]`` starts (an offset in the line) and whether the
    text before it says what the image shows (a caption or legend entry, not a credit)."""
    line = lines[index].text
    near = lines[max(0, index - _NEAR) : index] + lines[index + 1 : index + 1 + _NEAR]
    ends = [(end, other) for other in near if (end := _prefix_end(line, other.text)) is not None]
    if not ends:
        return 0, False
    end = max(e for e, _ in ends)
    rest = line[end:]
    return end + len(rest) - len(rest.lstrip()), not _CREDIT_LINE.match(line)


def _caption(lines: list[Part], index: int) -> Part | None:
    """The line right under a file name, when it is text and no other file name, and the file
    name is not stacked under another (a map and its markers: the line under them labels the
    map, it is no caption of a marker)."""
    if index + 1 >= len(lines) or (index and _ANY_FILE.search(lines[index - 1].text)):
        return None
    below = lines[index + 1]
    return below if below.text and not _ANY_FILE.search(below.text) else None


def _figure_side(lines: Iterable[Part]) -> list[Part]:
    """The text lines of one side of a file name, up to another file name (another figure's)."""
    out = []
    for line in lines:
        if _ANY_FILE.search(line.text):
            break
        out.append(line)
    return out


def _legend(lines: list[Part], index: int, prefix: str) -> tuple[Part, ...]:
    """The lines written both within :data:`_NEAR` lines before the file name of
    ``lines[index]`` and within as many after it (whitespace ignored, three words at least, no
    credit line), each copy; and the copies after it of a describing ``prefix``."""
    before = _figure_side(reversed(lines[max(0, index - _NEAR) : index]))
    after = _figure_side(lines[index + 1 : index + 1 + _NEAR])
    wanted = {
        _squeezed(line.text)
        for line in before
        if len(line.text.split()) >= _REPEAT_WORDS and not _CREDIT_LINE.match(line.text)
    }
    copies = {w for w in wanted if any(_squeezed(a.text) == w for a in after)}
    if prefix:
        copies.add(_squeezed(prefix))
    found = [line for line in (*reversed(before), *after) if _squeezed(line.text) in copies]
    return tuple(found)


def images(text: str) -> Iterator[Image]:
    """Every image of the body of ``text`` (see the module docstring), in order."""
    lines = _lines(text)
    for index, line in enumerate(lines):
        end = _FILE_END.search(line.text)
        if end is None or _FLAG.search(line.text):
            continue
        at, describes = _name_start(lines, index)
        written = line.text[at : end.start()] + line.text[end.start() :].split("[")[0].rstrip()
        name = Part(line.start + at, line.start + at + len(written), written)
        prefix = line.text[:at].strip() if describes else ""
        marked = _marked_map(lines, index)
        caption = marked[1] if marked else _caption(lines, index)
        legend = (*(marked[:1] if marked else ()), *_legend(lines, index, prefix))
        yield Image(name, line, caption, describes, tuple(p for p in legend if p != caption))


def _marked_map(lines: list[Part], index: int) -> tuple[Part, Part] | None:
    """A location map with markers stacked under it: (the marker's label, the map's caption)
    when exactly two text lines follow the markers, up to a blank line or the next file name
    ("Map.svg" / "Pin.svg" / "Oslo" / "Ports of the north"); one line says not which it is."""
    after = index + 1
    while after < len(lines) and _FILE_END.search(lines[after].text):
        after += 1
    if after == index + 1:
        return None
    texts = _figure_side(lines[after : after + 3])
    texts = texts[: next((i for i, part in enumerate(texts) if not part.text), len(texts))]
    return (texts[0], texts[1]) if len(texts) == 2 else None


def name_day(name: str) -> dt.date | None:
    """The first valid day a file name writes in digits ("2011-10-15 A.jpg", "20251024 A.jpg")."""
    for match in _ISO_DAY.finditer(name):
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
    return None
