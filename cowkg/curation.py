"""The curation file: reviewed facts for what the rules cannot reach, and retractions of wrong ones.

Each entry of ``curation/curation.yaml`` quotes the seed passage it rests on; the quote must occur
verbatim in that seed (``occurrence: n`` or ``near: "…"`` picks one of several occurrences), and it
becomes the fact's evidence span. ``kind`` is a :class:`~cowkg.types.FactKind` value and ``args``
its arguments, with entities written ``kind:key`` (``state:GBR``, ``person:keir-starmer``,
``meeting:2025-03-27-summit``). ``retract: true`` removes the rule facts of that kind whose
arguments include all those given, and must remove at least one.

Anything malformed stops the build with a :class:`~cowkg.errors.CurationError` that names the file,
the line, the entry and what to fix; nothing is half-applied. An entry for a seed that does not
exist is an error (its reviewed fact would silently disappear); entries for seeds that exist but
are not loaded (``cowkg extract SEED`` loads a subset) are skipped. Dates are read as text
(:func:`~cowkg.sources.load_yaml`) and checked with the entry named.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pycountry
import yaml

from cowkg.errors import CurationError
from cowkg.sources import load_yaml, span_at
from cowkg.types import EntityKind, Fact, FactKind, FactValue, Money, Quantity, Ref, Source, Span

log = logging.getLogger(__name__)

_ENTRY_KEYS = frozenset(
    {"id", "seed", "quote", "kind", "args", "retract", "why", "occurrence", "near"}
)
_REQUIRED_KEYS = ("id", "seed", "quote", "kind", "args", "why")
_ID = re.compile(r"^C\d{3,}$")
_KEY = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Argument types: ref, refs (list of refs), date, int, str, bool, decimal, money, quantity.
# A trailing "!" marks a required argument. Mirrors the FactKind documentation in cowkg.types.
SCHEMA: dict[FactKind, dict[str, str]] = {
    FactKind.MEETING: {
        "meeting": "ref!",
        "date": "date!",
        "meeting_kind": "str!",
        "end_date": "date",
        "name": "str",
        "ordinal": "int",
        "body": "ref",
    },
    FactKind.MEETING_PLACE: {"meeting": "ref!", "place": "ref!"},
    FactKind.MEETING_FORMAT: {"meeting": "ref!", "format": "str!"},
    FactKind.HOST: {"meeting": "ref!", "host": "ref!"},
    FactKind.CHAIR: {"meeting": "ref!", "chair": "ref!"},
    FactKind.MEDIATION: {"meeting": "ref!", "mediator": "ref!"},
    FactKind.PARTICIPATION: {
        "meeting": "ref!",
        "participant": "ref!",
        "capacity": "ref",
        "on_behalf_of": "ref",
        "mode": "str",
    },
    FactKind.NON_ATTENDANCE: {"meeting": "ref!", "party": "ref!"},
    FactKind.COUNT_CLAIM: {
        "claim": "ref!",
        "about": "ref",
        "counted": "str!",
        "quantity": "quantity!",
        "text": "str!",
        "as_of": "date",
        "deployment_area": "ref",
    },
    FactKind.POST_HOLDING: {
        "person": "ref!",
        "role": "ref!",
        "organization": "ref",
        "as_of": "date",
    },
    FactKind.PLEDGE: {
        "pledge": "ref!",
        "pledger": "ref!",
        "pledge_kind": "str!",
        "modality": "str",
        "amount": "money",
        "equivalent": "money",
        "quantity": "quantity",
        "purpose": "str",
        "condition": "str",
        "date": "date",
        "meeting": "ref",
        "beneficiary": "ref",
        "deployment_area": "ref",
        "pledger_count": "quantity",
    },
    FactKind.MEMBERSHIP: {"member": "ref!", "coalition": "ref!", "basis": "str!", "date": "date"},
    FactKind.LEADS: {"coalition": "ref!", "leader": "ref!"},
    FactKind.NAME: {"entity": "ref!", "label": "str!", "lang": "str!", "alternative": "bool!"},
    FactKind.FORCE_TASK: {"force": "ref!", "task": "ref!"},
    FactKind.FORCE_COMPONENT: {"force": "ref!", "component": "ref!"},
    FactKind.FORCE_STATUS: {
        "force": "ref!",
        "status": "str",
        "condition": "str",
        "working_language": "str",
        "coalition": "ref",
        "deployment_area": "ref",
    },
    FactKind.COMMAND_POST: {
        "post": "ref!",
        "force": "ref",
        "place": "ref",
        "level": "str",
        "stars": "int",
        "commander_nation": "ref",
        "lead_nations": "refs",
        "inaugurated": "date",
        "established": "str",
        "rotates_to": "ref",
        "rotation_months": "int",
        "coalition": "ref",
        "status": "str",
    },
    FactKind.PLACE: {"place": "ref!", "lat": "decimal!", "long": "decimal!", "within": "ref"},
    FactKind.GROUP: {
        "group": "ref!",
        "group_kind": "str!",
        "parent": "ref!",
        "domain": "str",
        "mandate": "str",
        "announced_by": "ref",
        "announced_on": "date",
        "inaugurated_by": "refs",
        "members": "refs",
    },
    FactKind.PLAN: {
        "plan": "ref!",
        "plan_kind": "str!",
        "points": "int",
        "outlined_by": "ref",
        "drafted_by": "ref",
        "party": "refs",
        "discussed_at": "ref",
        "replaced_by": "ref",
        "date": "date",
        "deployment_area": "ref",
        "beneficiary": "ref",
    },
    FactKind.PLAN_POINT: {
        "plan": "ref!",
        "position": "int!",
        "text": "str!",
        "beneficiary": "ref",
        "about": "refs",
    },
    FactKind.PRINCIPLE: {
        "principle": "ref!",
        "text": "str!",
        "stated_at": "ref",
        "stated_by": "ref",
    },
}


@dataclass(frozen=True)
class CurationEntry:
    """One reviewed entry: a fact to add (or rule facts to retract) and the passage it rests on."""

    id: str
    kind: FactKind
    args: Mapping[str, FactValue]
    span: Span
    retract: bool
    why: str
    line: int

    def fact(self) -> Fact:
        return Fact(self.kind, dict(self.args), (self.span,), f"curation:{self.id}")

    def matches(self, fact: Fact) -> bool:
        """Whether a rule fact is one this retraction removes (kind, given args, same seed)."""
        return (
            fact.kind is self.kind
            and all(fact.args.get(k) == v for k, v in self.args.items())
            and any(span.seed == self.span.seed for span in fact.evidence)
        )


@dataclass(frozen=True)
class Curation:
    """The loaded curation file (an empty one when there is no file)."""

    path: Path | None
    entries: tuple[CurationEntry, ...] = ()

    def apply(self, facts: Sequence[Fact]) -> list[Fact]:
        """The rule facts minus the retracted ones, plus the curated ones."""
        kept = list(facts)
        for entry in (e for e in self.entries if e.retract):
            remaining = [f for f in kept if not entry.matches(f)]
            if len(remaining) == len(kept):
                raise CurationError(
                    f"{self.path}:{entry.line}: entry {entry.id} retracts nothing: no rule fact of "
                    f"kind {entry.kind.value} from {entry.span.seed} has these args. Hint: fix its "
                    "args, or delete the entry if the rule no longer makes that fact."
                )
            log.info("curation %s retracts %d fact(s)", entry.id, len(kept) - len(remaining))
            kept = remaining
        added = [e.fact() for e in self.entries if not e.retract]
        return kept + added


def load_curation(
    path: Path, sources: Sequence[Source], existing: Iterable[str] | None = None
) -> Curation:
    """Read and check the curation file against the loaded seeds; a missing file is empty.

    ``existing`` names every seed there is (default: those of ``sources``): an entry for a seed
    outside it is refused, an entry for an existing seed that is not loaded is skipped."""
    if not path.is_file():
        log.info("no curation file at %s", path)
        return Curation(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = load_yaml(text)
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise CurationError(f"{path}: not valid YAML: {exc}") from exc
    entries, nodes = _entry_list(path, data, root)
    by_file = {source.file: source for source in sources}
    known = set(by_file) if existing is None else set(existing)
    loaded: list[CurationEntry] = []
    seen: dict[str, int] = {}
    for raw, node in zip(entries, nodes, strict=True):
        line = node.start_mark.line + 1
        where = f"{path}:{line}: entry {raw.get('id', '?') if isinstance(raw, dict) else '?'}"
        entry = _entry(where, raw, line, by_file, known)
        if entry is None:
            continue
        if entry.id in seen:
            raise CurationError(
                f"{where}: duplicate id {entry.id} (first at line {seen[entry.id]})."
            )
        seen[entry.id] = line
        loaded.append(entry)
    log.info("curation: %d entr%s from %s", len(loaded), "y" if len(loaded) == 1 else "ies", path)
    return Curation(path, tuple(loaded))


def _entry_list(path: Path, data: Any, root: yaml.Node | None) -> tuple[list[Any], list[yaml.Node]]:
    """The 'entries' list and the YAML nodes of its items (for line numbers)."""
    if data is None:
        return [], []
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise CurationError(f"{path}: expected a mapping with an 'entries' list.")
    assert isinstance(root, yaml.MappingNode)
    node = next(v for k, v in root.value if k.value == "entries")
    assert isinstance(node, yaml.SequenceNode)
    return data["entries"], list(node.value)


def _entry(
    where: str, raw: Any, line: int, by_file: Mapping[str, Source], known: set[str]
) -> CurationEntry | None:
    """One checked entry, or None when its seed exists but is not loaded."""
    if not isinstance(raw, dict):
        raise CurationError(
            f"{where}: an entry must be a mapping with {', '.join(_REQUIRED_KEYS)}."
        )
    missing = [k for k in _REQUIRED_KEYS if k not in raw]
    unknown = sorted(set(raw) - _ENTRY_KEYS)
    if missing or unknown:
        raise CurationError(
            f"{where}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}. "
            f"Hint: an entry has {', '.join(sorted(_ENTRY_KEYS))}."
        )
    if not isinstance(raw["id"], str) or not _ID.match(raw["id"]):
        raise CurationError(f"{where}: bad id {raw['id']!r}; use C followed by digits (C001).")
    kind = _kind(where, raw["kind"])
    args = _args(where, kind, raw["args"], partial=bool(raw.get("retract", False)))
    source = by_file.get(str(raw["seed"]))
    if str(raw["seed"]) not in known:
        raise CurationError(
            f"{where}: seed {raw['seed']!r} does not exist. Hint: name one of the seeds in "
            "seeds/sources.yaml, or remove the entry."
        )
    if source is None:
        log.info("%s: seed %s not loaded; entry skipped", where, raw["seed"])
        return None
    span = _quote_span(where, source, raw)
    return CurationEntry(
        raw["id"], kind, args, span, bool(raw.get("retract", False)), str(raw["why"]), line
    )


def _kind(where: str, value: Any) -> FactKind:
    try:
        return FactKind(value)
    except ValueError:
        known = ", ".join(k.value for k in FactKind)
        raise CurationError(f"{where}: unknown kind {value!r}; use one of: {known}.") from None


def _args(where: str, kind: FactKind, raw: Any, *, partial: bool) -> dict[str, FactValue]:
    """Arguments checked against :data:`SCHEMA` (a retraction may give only some of them)."""
    if not isinstance(raw, dict):
        raise CurationError(f"{where}: args must be a mapping of argument name to value.")
    schema = SCHEMA[kind]
    unknown = sorted(set(raw) - set(schema))
    if unknown:
        raise CurationError(
            f"{where}: unknown argument(s) {unknown} for kind {kind.value}; "
            f"its arguments are {', '.join(schema)}."
        )
    required = [name for name, t in schema.items() if t.endswith("!")]
    missing = [name for name in required if name not in raw]
    if missing and not partial:
        raise CurationError(f"{where}: kind {kind.value} needs argument(s) {missing}.")
    return {
        name: _value(f"{where}: argument {name}", schema[name].rstrip("!"), raw[name])
        for name in raw
    }


def _value(where: str, kind: str, raw: Any) -> FactValue:
    parse = _PARSERS[kind]
    try:
        return parse(raw)
    except (ValueError, TypeError, KeyError, InvalidOperation) as exc:
        raise CurationError(f"{where}: {exc}") from None


def parse_ref(text: Any) -> Ref:
    """'state:GBR' / 'person:keir-starmer' -> Ref; refuses unknown kinds, bad keys and codes."""
    if not isinstance(text, str) or ":" not in text:
        raise ValueError(f"bad ref {text!r}; write kind:key, e.g. state:GBR or person:keir-starmer")
    kind_name, key = text.split(":", 1)
    try:
        kind = EntityKind(kind_name)
    except ValueError:
        kinds = ", ".join(k.value for k in EntityKind)
        raise ValueError(
            f"bad ref {text!r}: unknown entity kind {kind_name!r} (use {kinds})"
        ) from None
    if kind is EntityKind.STATE:
        if pycountry.countries.get(alpha_3=key) is None or key != key.upper():
            raise ValueError(f"bad ref {text!r}: {key!r} is not an ISO 3166-1 alpha-3 code")
    elif not _KEY.match(key):
        raise ValueError(f"bad ref {text!r}: a key is a slug of [a-z0-9-]")
    return Ref(kind, key)


def _date(raw: Any) -> dt.date:
    if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
        return raw
    try:
        return dt.date.fromisoformat(str(raw))
    except ValueError:
        raise ValueError(f"bad date {raw!r}; write YYYY-MM-DD") from None


def _int(raw: Any) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"expected a whole number, got {raw!r}")
    return raw


def _str(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"expected non-empty text, got {raw!r}")
    return raw


def _bool(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {raw!r}")
    return raw


def _refs(raw: Any) -> tuple[Ref, ...]:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"expected a list of refs, got {raw!r}")
    return tuple(parse_ref(item) for item in raw)


def _money(raw: Any) -> Money:
    if not isinstance(raw, dict) or set(raw) != {"value", "currency"}:
        raise ValueError(f"expected {{value, currency}}, got {raw!r}")
    if pycountry.currencies.get(alpha_3=str(raw["currency"])) is None:
        raise ValueError(f"unknown currency {raw['currency']!r}; use an ISO 4217 code")
    return Money(Decimal(str(raw["value"])), str(raw["currency"]))


def _quantity(raw: Any) -> Quantity:
    if not isinstance(raw, dict) or not {"min", "max", "unit"} <= set(raw):
        raise ValueError(f"expected {{min, max, unit, qualifier?}}, got {raw!r}")
    return Quantity(
        Decimal(str(raw["min"])),
        Decimal(str(raw["max"])),
        str(raw["unit"]),
        str(raw.get("qualifier", "")),
    )


_PARSERS: dict[str, Callable[[Any], FactValue]] = {
    "ref": parse_ref,
    "refs": _refs,
    "date": _date,
    "int": _int,
    "str": _str,
    "bool": _bool,
    "decimal": lambda raw: Decimal(str(raw)),
    "money": _money,
    "quantity": _quantity,
}


def _quote_span(where: str, source: Source, raw: Mapping[str, Any]) -> Span:
    """The span of the entry's quote in its seed; several occurrences need 'occurrence'/'near'."""
    quote = raw["quote"]
    if not isinstance(quote, str) or not quote:
        raise CurationError(f"{where}: quote must be non-empty text copied from the seed.")
    starts = [m.start() for m in re.finditer(re.escape(quote), source.text)]
    if not starts:
        raise CurationError(
            f"{where}: quote {quote[:60]!r} not found in {source.file}. Hint: copy it verbatim "
            "(no-break spaces, curly quotes and dashes as in the seed)."
        )
    if "near" in raw:
        anchor = source.text.find(str(raw["near"]))
        after = [s for s in starts if anchor >= 0 and s >= anchor]
        if not after:
            raise CurationError(f"{where}: no occurrence of the quote after near={raw['near']!r}.")
        starts = after[:1]
    elif "occurrence" in raw:
        n = raw["occurrence"]
        if not isinstance(n, int) or not 1 <= n <= len(starts):
            raise CurationError(f"{where}: occurrence must be 1..{len(starts)}, got {n!r}.")
        starts = [starts[n - 1]]
    if len(starts) > 1:
        raise CurationError(
            f"{where}: quote occurs {len(starts)} times in {source.file}; add 'occurrence: n' or "
            "'near: \"text before it\"' to pick one."
        )
    return span_at(source, starts[0], starts[0] + len(quote))
