"""Quoted passages made readable for a page, without changing what they say.

Quotes are stored verbatim (``oa:exact``), and some come from the Wikipedia tables captured as
text: a row reads "327 March 2025Flag of France.svg France Emmanuel MacronÉlysée Palace, Paris
[90] [91]" — row number fused to the date, the flag image's file name, cells run together, footnote
marks. :func:`readable` shows such a row as "3 · 27 March 2025 · France Emmanuel Macron · Élysée
Palace, Paris"; the page keeps the verbatim text one click away. A run of digits before a month is
split into row number and day only where exactly one split gives a date the graph holds (``dates``),
so "114 September 2025" becomes "11 · 4 September 2025" when a meeting was held on 4 September,
and stays as it is when the graph cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Collection

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
SEP = " · "

_FLAG = re.compile(r"\s*Flag of [^\n]*?\.svg\s*")
_FOOTNOTE = re.compile(r"\s*\[\d+\]")
_DMS = r"\d+°\d+′[\d.]+″"
_COORDINATES = re.compile(
    rf"{_DMS}[NS]\s*{_DMS}[EW]\s*/\s*([\d.]+°[NS]\s+[\d.]+°[EW])\s*/\s*-?[\d.]+;\s*-?[\d.]+"
)
_FUSED_DATE = re.compile(rf"\b(\d+)(?: (\d{{1,2}}))? ({'|'.join(MONTHS)}) (\d{{4}})")
_FUSED_CELLS = re.compile(r"(?<=[a-z)])(?=[A-ZÀ-ÖØ-Þ])")


def readable(text: str, dates: Collection[str] = ()) -> str:
    """``text`` with table debris cleaned; ``dates`` are the dates the graph knows, written
    "4 September 2025", used to split a row number fused to a day."""
    table_row = bool(_FLAG.search(text))
    out = _FLAG.sub(SEP, text)
    out = _FOOTNOTE.sub("", out)
    out = _COORDINATES.sub(r"\1", out)
    out = _FUSED_DATE.sub(lambda m: _split_row_number(m, dates, table_row), out)
    if table_row:
        out = _FUSED_CELLS.sub(SEP, out)
    out = re.sub(r"\s*\n\s*(?=\()", " ", out)
    out = re.sub(r"\s*\n\s*", SEP, out)
    out = re.sub(r"[ \t]+", " ", out)
    out = re.sub(r"(?:\s*·\s*){2,}", SEP, out)
    return out.strip(" ·")


def _split_row_number(match: re.Match[str], dates: Collection[str], table_row: bool) -> str:
    """ "327 March 2025" → "3 · 27 March 2025" when the graph knows 27 March 2025 (and no other
    split gives a known date); in a table row "1 2 March 2025" → "1 · 2 March 2025"; a day stays."""
    digits, day, month, year = match.groups()
    if day is not None:
        if table_row and _is_day(day):
            return f"{digits}{SEP}{day} {month} {year}"
        return match.group(0)
    if _is_day(digits):
        return match.group(0)
    splits = [
        (digits[:k], digits[k:])
        for k in range(1, len(digits))
        if _is_day(digits[k:]) and f"{digits[k:]} {month} {year}" in dates
    ]
    if len(splits) != 1:
        return match.group(0)
    row, found = splits[0]
    return f"{row}{SEP}{found} {month} {year}"


def _is_day(text: str) -> bool:
    return not text.startswith("0") and 1 <= int(text) <= 31


def spoken_date(iso: str) -> str:
    """ "2025-09-04" → "4 September 2025", as the captured tables write dates; '' if not a date."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso)
    if not match:
        return ""
    year, month, day = match.groups()
    return f"{int(day)} {MONTHS[int(month) - 1]} {year}"
