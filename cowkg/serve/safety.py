"""What a query asks for, read off its tokens before anything evaluates it.

The endpoint is read-only and makes no outbound requests, but Oxigraph would happily run an update
or send a ``SERVICE`` call out. Neither Oxigraph nor rdflib exposes the parsed algebra cheaply, so
this module tokenises the query text (IRIs, strings and comments removed first, so a keyword inside
``"…SERVICE…"`` or ``<http://x/SERVICE>`` does not count; a dot always ends a word, so
``?o .SERVICE`` and ``true.SERVICE`` are caught) and looks at the keywords:

* the first keyword after the prologue tells the form (SELECT/ASK/CONSTRUCT/DESCRIBE) or marks an
  update (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH);
* every ``SERVICE [SILENT] <iri>`` is collected; only IRIs in the allow-list may stay;
* ``FROM`` / ``FROM NAMED`` are left to Oxigraph, which maps them onto the store's own named
  graphs and never fetches them;
* brackets are counted: Oxigraph's recursive-descent parser overflows the stack (and aborts the
  whole process) on a few thousand nested ``(`` or ``{``, so nesting deeper than
  :data:`MAX_NESTING` is refused with a 400 before it reaches the parser.

Refusing is cheap and happens before parsing: Oxigraph then parses the query and reports syntax
errors with their position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from cowkg.errors import RequestError

_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<word>[\w\-:%\u00b7]+)
  | (?P<other>\S)
    """,
    re.VERBOSE,
)

MAX_NESTING = 64
"""Deepest bracket nesting accepted; the competency queries nest at most 6 deep."""

_OPENING = frozenset("({[")
_CLOSING = frozenset(")}]")

UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)


class QueryForm(StrEnum):
    """The four SPARQL query forms; SELECT and ASK give results, the others RDF."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"

    @property
    def gives_rdf(self) -> bool:
        return self in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE)


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """What the tokens of a query say: its form, its SERVICE targets, its own dataset clause."""

    form: QueryForm | None
    is_update: bool
    services: tuple[str, ...]
    nesting: int


def _tokens(text: str) -> list[tuple[str, str]]:
    """(kind, text) pairs with comments dropped; an unterminated string swallows nothing."""
    return [
        (m.lastgroup or "other", m.group())
        for m in _TOKEN.finditer(text)
        if m.lastgroup != "comment"
    ]


def _skip_prologue(tokens: list[tuple[str, str]]) -> int:
    """Index of the first token after the PREFIX/BASE declarations."""
    i = 0
    while i < len(tokens) and tokens[i][0] == "word" and tokens[i][1].upper() in ("PREFIX", "BASE"):
        i += 3 if tokens[i][1].upper() == "PREFIX" else 2
    return i


def _services(tokens: list[tuple[str, str]]) -> Iterable[str]:
    """The target of every SERVICE: an IRI's text, or the raw token (variable, prefixed name)."""
    for i, (kind, word) in enumerate(tokens):
        if kind != "word" or word.upper() != "SERVICE":
            continue
        j = i + 1
        if j < len(tokens) and tokens[j][1].upper() == "SILENT":
            j += 1
        target = tokens[j] if j < len(tokens) else ("other", "")
        yield target[1][1:-1] if target[0] == "iri" else target[1]


def _nesting(tokens: list[tuple[str, str]]) -> int:
    """The deepest bracket nesting among the tokens (strings, IRIs and comments excluded)."""
    depth = deepest = 0
    for kind, text in tokens:
        if kind != "other":
            continue
        if text in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif text in _CLOSING:
            depth -= 1
    return deepest


def inspect_query(text: str) -> QueryInfo:
    """Read the form, the SERVICE targets and the FROM clauses off ``text`` (no evaluation)."""
    tokens = _tokens(text)
    first = _skip_prologue(tokens)
    keyword = tokens[first][1].upper() if first < len(tokens) else ""
    return QueryInfo(
        form=QueryForm(keyword) if keyword in QueryForm.__members__ else None,
        is_update=keyword in UPDATE_KEYWORDS,
        services=tuple(_services(tokens)),
        nesting=_nesting(tokens),
    )


def parse_allowlist(setting: str) -> frozenset[str]:
    """The SERVICE endpoints ``service_allowlist`` names (comma-separated IRIs)."""
    return frozenset(s.strip() for s in setting.split(",") if s.strip())


def check_query(text: str, service_allowlist: frozenset[str]) -> QueryInfo:
    """Refuse updates, SERVICE calls outside the allow-list and absurd nesting.

    Raises :class:`RequestError` (403, or 400 for nesting) naming what was refused.
    """
    info = inspect_query(text)
    if info.nesting > MAX_NESTING:
        raise RequestError(
            f"query nests brackets {info.nesting} deep; at most {MAX_NESTING} levels are "
            "accepted. Hint: flatten nested groups or sub-expressions.",
            status=400,
        )
    if info.is_update:
        raise RequestError(
            "SPARQL Update is not allowed: this endpoint is read-only. Hint: the data is rebuilt "
            "from the seeds with `cowkg build`; send only SELECT, ASK, CONSTRUCT or DESCRIBE.",
            status=403,
        )
    refused = [s for s in info.services if s not in service_allowlist]
    if refused:
        raise RequestError(
            f"SERVICE {', '.join(refused)} refused: this endpoint makes no outbound requests. "
            "Hint: federation is limited to COWKG_SERVICE_ALLOWLIST (empty by default), which "
            "must name each endpoint by its full IRI.",
            status=403,
        )
    return info
