"""Clear messages for what Oxigraph's parser reports in its own terms.

Oxigraph's syntax errors name a position and every character class the grammar allowed there; for
an undeclared prefix that is a list of Unicode ranges about 1,000 characters long. The endpoint
answers with the position and what to do instead.
"""

from __future__ import annotations

import re

from cowkg.errors import RequestError

POSITION = re.compile(r"error at (\d+):(\d+)")
PREFIXED_NAME_END = re.compile(r"([A-Za-z][\w.\-]*)?:[\w.\-%\\]*$")
LONGEST = 300
"""Characters of a parser message shown as is; longer ones are cut (the position comes first)."""


def _unknown_prefix(message: str, text: str) -> str | None:
    """``foo:`` when the parser stopped at the end of a prefixed name with an undeclared prefix."""
    found = POSITION.search(message)
    if "Prefix not found" not in message or found is None:
        return None
    line, column = int(found.group(1)), int(found.group(2))
    lines = text.splitlines()
    before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
    name = PREFIXED_NAME_END.search(before)
    return f"{name.group(1) or ''}:" if name else None


def malformed_query(exc: SyntaxError, text: str) -> RequestError:
    """The 400 for a query Oxigraph cannot parse: its position, and a short reason."""
    message = str(exc)
    prefix = _unknown_prefix(message, text)
    where = POSITION.search(message)
    at = f" at {where.group(1)}:{where.group(2)}" if where else ""
    if prefix is not None:
        short = (
            f"malformed query: unknown prefix {prefix!r}{at}. Hint: declare it, e.g. "
            f"PREFIX {prefix} <…>; the usual ones are listed at /prefixes.json."
        )
    else:
        cut = message if len(message) <= LONGEST else message[:LONGEST] + " …"
        short = f"malformed query: {cut}"
    return RequestError(short, errors=[short])
