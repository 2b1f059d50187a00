"""What a query asks for, read off SPARQL's own grammar before anything evaluates it.

The endpoint is read-only and makes no outbound requests, but Oxigraph would happily send a
``SERVICE`` call out, and its recursive-descent parser and evaluator overflow the stack (killing
the worker with a segfault) on a few thousand nested brackets, ``+`` terms, ``||`` operands,
``UNION`` branches, ``OPTIONAL`` s or triple patterns. pyoxigraph exposes no parsed algebra, so
this module reads the query with a lexer built from the terminals of the SPARQL 1.1 grammar
(https://www.w3.org/TR/sparql11-query/#sparqlGrammar, section 19.8), applied exactly as a parser
applies them:

* ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes are replaced first, as section 19.2 says (Oxigraph does the
  same), so ``\\u0053ERVICE`` is the keyword SERVICE;
* strings (with their escapes), IRIs, variables, blank nodes, numbers, language tags and prefixed
  names — whose local part may hold ``\\#``, ``\\'`` and the other ``PN_LOCAL_ESC`` escapes and
  ``%hh`` — are whole tokens, and a ``#`` starts a comment only outside all of them, so a keyword
  inside ``"…SERVICE…"``, ``<http://x/SERVICE>`` or ``ex:a\\#SERVICE`` does not count and a
  ``SERVICE`` after ``ex:a\\#`` or ``ex:a\\'`` does;
* ``<`` is the one ambiguous character (an IRI or "less than"): an IRI-shaped run holding a quote
  is refused (400), since the two readings would then disagree on where a string starts — write
  ``%27`` in such an IRI.

On the tokens it decides:

* the form: the first keyword after the prologue (SELECT/ASK/CONSTRUCT/DESCRIBE), or an update
  (INSERT, DELETE, LOAD, CLEAR, CREATE, DROP, COPY, MOVE, ADD, WITH) — 403;
* every ``SERVICE [SILENT] target``, a prefixed-name target expanded by the query's own PREFIX
  declarations: only IRIs in the allow-list may stay — 403;
* the size of its structure, against :data:`LIMITS` — 400: bracket nesting, expression and path
  operators, UNION branches, OPTIONAL / MINUS / FILTER / BIND / GRAPH / SERVICE groups, and triple
  patterns (the ``.``, ``;`` and ``,`` that separate them). Each limit is far above what a real
  question needs (the competency queries stay under a tenth of each) and far below what crashes
  Oxigraph (a few thousand).

``FROM`` / ``FROM NAMED`` are left to Oxigraph, which maps them onto the store's own named graphs
and never fetches them. Refusing is cheap (one linear pass) and happens before Oxigraph parses:
it then reports syntax errors with their position. Whatever this reading misses, the worker
process that evaluates the query cannot open a network connection (:mod:`cowkg.serve.sandbox`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from cowkg.errors import RequestError

_UNICODE_BASE = (
    "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_UNICODE_MORE = "\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"


def _token_regex(unicode: bool) -> re.Pattern[str]:
    """The lexer: SPARQL's terminals, the name characters limited to ASCII unless ``unicode``
    (compiling the full classes takes ~90 ms, paid only when a query holds non-ASCII text)."""
    base = "A-Za-z" + (_UNICODE_BASE if unicode else "")
    u = base + "_"
    more = _UNICODE_MORE if unicode else ""
    chars = u + r"\-0-9" + more
    prefix = f"[{base}](?:[{chars}.]*[{chars}])?"
    local = f"(?:[{u}:0-9]|{_PLX})(?:(?:[{chars}.:]|{_PLX})*(?:[{chars}:]|{_PLX}))?"
    return re.compile(
        rf"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][{u}0-9][{u}0-9{more}]*)
  | (?P<bnode>_:[{u}0-9](?:[{chars}.]*[{chars}])?)
  | (?P<pname>(?:{prefix})?:(?:{local})?)
  | (?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*)
  | (?P<number>[0-9]+\.[0-9]*[eE][+-]?[0-9]+|[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?
               |[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<operator>\|\||&&|!=|<=|>=|\^\^|[-+*/|^!=<>?])
  | (?P<other>.)
    """,
        re.VERBOSE | re.DOTALL,
    )


_ASCII_TOKEN = _token_regex(unicode=False)
_unicode_token = functools.cache(functools.partial(_token_regex, unicode=True))

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")

LIMITS = {
    "nesting": 64,
    "operators": 1000,
    "union": 256,
    "groups": 256,
    "patterns": 1000,
}
"""The largest structure accepted, by measure (each explained in :class:`Shape`)."""

MAX_NESTING = LIMITS["nesting"]

_GROUP_KEYWORDS = frozenset({"OPTIONAL", "MINUS", "FILTER", "BIND", "GRAPH", "SERVICE"})
_SEPARATORS = frozenset(".;,")
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
class Shape:
    """How big a query's structure is: what Oxigraph's recursion grows with."""

    nesting: int  # deepest ( { [ nesting
    operators: int  # expression and property-path operators: || && = + - * / ! ^ | …, IN
    union: int  # UNION keywords
    groups: int  # OPTIONAL, MINUS, FILTER, BIND, GRAPH and SERVICE keywords
    patterns: int  # the separators of triple patterns and lists: . ; ,


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """What the tokens of a query say: its form, its SERVICE targets, the size of its shape."""

    form: QueryForm | None
    is_update: bool
    services: tuple[str, ...]
    shape: Shape

    @property
    def nesting(self) -> int:
        return self.shape.nesting


Token = tuple[str, str]


def unescape(text: str) -> str:
    """``\\uXXXX`` and ``\\UXXXXXXXX`` replaced by their characters (SPARQL 1.1, 19.2)."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match.group()

    return _ESCAPE.sub(char, text) if "\\" in text else text


def tokens(text: str) -> Iterator[Token]:
    """(kind, text) of every token of ``text`` (escapes replaced), spaces and comments dropped.

    Raises :class:`RequestError` (400) for an IRI-shaped run holding a quote (see the module's
    docstring).
    """
    text = unescape(text)
    lexer = _ASCII_TOKEN if text.isascii() else _unicode_token()
    for match in lexer.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "iri" and ("'" in match.group() or "\\" in match.group()):
            raise RequestError(
                f"the IRI {match.group()[:80]} holds a quote or a backslash. Hint: "
                "percent-encode it (%27 for ', %5C for \\).",
                status=400,
            )
        yield kind, match.group()


def _prologue(toks: list[Token]) -> tuple[int, dict[str, str]]:
    """Index of the first token after the PREFIX / BASE declarations, and the prefixes."""
    prefixes: dict[str, str] = {}
    i = 0
    while i < len(toks) and toks[i][0] == "word" and toks[i][1].upper() in ("PREFIX", "BASE"):
        if toks[i][1].upper() == "PREFIX":
            if i + 2 < len(toks) and toks[i + 2][0] == "iri":
                prefixes[toks[i + 1][1]] = toks[i + 2][1][1:-1]
            i += 3
        else:
            i += 2
    return i, prefixes


def _target(token: Token, prefixes: dict[str, str]) -> str:
    """A SERVICE target as an IRI when it can be known (an IRI, a declared prefixed name)."""
    kind, text = token
    if kind == "iri":
        return text[1:-1]
    if kind == "pname":
        prefix, _, local = text.partition(":")
        if f"{prefix}:" in prefixes:
            return prefixes[f"{prefix}:"] + re.sub(r"\\(.)", r"\1", local)
    return text


def _services(toks: list[Token], prefixes: dict[str, str]) -> Iterator[str]:
    """The target of every SERVICE keyword."""
    for i, (kind, word) in enumerate(toks):
        if kind != "word" or word.upper() != "SERVICE":
            continue
        j = i + 1
        if j < len(toks) and toks[j][1].upper() == "SILENT":
            j += 1
        yield _target(toks[j], prefixes) if j < len(toks) else ""


def _shape(toks: list[Token]) -> Shape:
    depth = nesting = operators = union = groups = patterns = 0
    for kind, text in toks:
        if kind == "other":
            if text in _OPENING:
                depth += 1
                nesting = max(nesting, depth)
            elif text in _CLOSING:
                depth -= 1
            elif text in _SEPARATORS:
                patterns += 1
        elif kind == "operator":
            operators += 1
        elif kind == "word":
            word = text.upper()
            union += word == "UNION"
            groups += word in _GROUP_KEYWORDS
            operators += word == "IN"
    return Shape(nesting, operators, union, groups, patterns)


def inspect_query(text: str) -> QueryInfo:
    """Read the form, the SERVICE targets and the shape off ``text`` (no evaluation)."""
    toks = list(tokens(text))
    first, prefixes = _prologue(toks)
    keyword = toks[first][1].upper() if first < len(toks) and toks[first][0] == "word" else ""
    return QueryInfo(
        form=QueryForm(keyword) if keyword in QueryForm.__members__ else None,
        is_update=keyword in UPDATE_KEYWORDS,
        services=tuple(_services(toks, prefixes)),
        shape=_shape(toks),
    )


LIGHT_CHARS = 2000
"""Longest query text :func:`is_light` reads (reading is cheap, but it runs in the server)."""


def is_light(text: str) -> bool:
    """Whether a client query is short and small enough for a light slot: at most
    :data:`LIGHT_CHARS` characters, no UNION, few groups and triple patterns. A light query that
    turns out slow (a cartesian product of two patterns) is still cut off quickly there."""
    if len(text) > LIGHT_CHARS:
        return False
    try:
        shape = inspect_query(text).shape
    except RequestError:
        return False
    return shape.union == 0 and shape.groups <= 3 and shape.patterns <= 6


def parse_allowlist(setting: str) -> frozenset[str]:
    """The SERVICE endpoints ``service_allowlist`` names (comma-separated IRIs)."""
    return frozenset(s.strip() for s in setting.split(",") if s.strip())


_WHAT = {
    "nesting": ("nests brackets {n} deep", "flatten nested groups or sub-expressions"),
    "operators": ("has {n} operators", "use IN (…) or VALUES instead of long || chains"),
    "union": ("has {n} UNION branches", "use VALUES to list alternatives"),
    "groups": ("has {n} OPTIONAL/MINUS/FILTER/BIND/GRAPH groups", "split the query"),
    "patterns": ("has {n} triple patterns or list items", "split the query"),
}


def check_shape(shape: Shape) -> None:
    """Refuse (400) a query whose structure passes one of :data:`LIMITS`."""
    for name, limit in LIMITS.items():
        value: int = getattr(shape, name)
        if value > limit:
            what, hint = _WHAT[name]
            raise RequestError(
                f"query {what.format(n=value)}; at most {limit} are accepted. Hint: {hint}.",
                status=400,
            )


def check_query(text: str, service_allowlist: frozenset[str]) -> QueryInfo:
    """Refuse updates, SERVICE calls outside the allow-list and oversized structures.

    Raises :class:`RequestError` (403, or 400 for the shape) naming what was refused.
    """
    info = inspect_query(text)
    check_shape(info.shape)
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
