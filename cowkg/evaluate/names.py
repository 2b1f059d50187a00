"""Names in the evaluation: states, organisations, people, agents and places, each normalised
as the rules of :mod:`cowkg.evaluate` say."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable

import yaml

from cowkg.mentions import DATA_DIR, slug, state_key

SURNAME_SIMILARITY = 0.85

FIRST_NAME_SIMILARITY = 0.8

_DROPPED_NAME_TOKENS = frozenset(
    re.split(
        r"\s+",
        "king queen prince princess president prime minister chancellor mr mrs ms dr sir dame "
        "lord lady general gen admiral adm ii iii iv von van der den de du da di del la le",
    )
)
"""Titles, honorifics, regnal numbers and surname particles: not compared ("von der Leyen" is
Ursula von der Leyen; "King Charles III" is Charles)."""


Agent = tuple[str, str]
"""(kind, key): ``("state", "GBR")``, ``("organization", "nato")``, ``("person", "Keir
Starmer")`` (people by name: they are compared by :func:`same_person`)."""


@functools.cache
def _organisation_names() -> dict[str, str]:
    """Folded label or alias → key, from ``cowkg/data/organizations.yaml``."""
    specs = yaml.safe_load((DATA_DIR / "organizations.yaml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for spec in specs:
        for name in [spec["label"], *spec["aliases"]]:
            names.setdefault(name.strip("“”‘’\"' ").casefold(), spec["key"])
    return names


def organisation_key(name: str) -> str | None:
    """The key of a listed organisation named ``name`` (label or alias), or None."""
    return _organisation_names().get(name.strip().casefold())


def agent_of(name: str) -> Agent:
    """A gold name as an agent: a state, else a listed organisation, else a person."""
    code = state_key(name)
    if code:
        return ("state", code)
    org = organisation_key(name)
    return ("organization", org) if org else ("person", name)


def name_parts(name: str) -> tuple[str, str]:
    """(first name, surname) of a person's name, folded; first name '' for a surname alone."""
    tokens = [t for t in slug(name).split("-") if t and t not in _DROPPED_NAME_TOKENS]
    if not tokens:
        return ("", "")
    return (tokens[0] if len(tokens) > 1 else "", tokens[-1])


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def same_surname(a: str, b: str) -> bool:
    """Equal, or spelling variants: similar enough, with the same first and last letter."""
    if a == b:
        return True
    return bool(a and b) and (
        a[0] == b[0] and a[-1] == b[-1] and _similar(a, b) >= SURNAME_SIMILARITY
    )


def _compatible_first(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _similar(a, b) >= FIRST_NAME_SIMILARITY


def same_person(a: str, b: str) -> bool:
    """Whether two names are one person (module docstring: surname, then first name)."""
    (first_a, sur_a), (first_b, sur_b) = name_parts(a), name_parts(b)
    return bool(sur_a) and same_surname(sur_a, sur_b) and _compatible_first(first_a, first_b)


def same_agent(a: Agent, b: Agent) -> bool:
    """Same kind and key; people by :func:`same_person`; groups by :func:`same_group`."""
    if a[0] != b[0]:
        return False
    if a[0] == "group":
        return same_group(a[1], b[1])
    return same_person(a[1], b[1]) if a[0] == "person" else a[1] == b[1]


_COUNT = re.compile(r"^\D*?(\d+)")


def same_group(a: str, b: str) -> bool:
    """Two unnamed groups are one when they count the same number of members, the first
    number their words give ("26 of Ukraine's allies (not named)" is the graph's "26 of
    Ukraine’s allies"); a group without a number ("European leaders", a list of names) equals
    none."""
    first, second = _COUNT.match(a), _COUNT.match(b)
    return first is not None and second is not None and first[1] == second[1]


def place_names(labels: Iterable[str]) -> frozenset[str]:
    """Slugs of place labels and of each comma-separated part of them."""
    names = set()
    for label in labels:
        names.add(slug(label))
        names.update(slug(part) for part in label.split(","))
    return frozenset(n for n in names if n)


def place_matches(gold_place: str | None, gold_venue: str | None, graph: frozenset[str]) -> bool:
    """Whether the gold place (or, without one, the venue) is among a graph place's names."""
    wanted = gold_place or gold_venue
    return wanted is not None and bool(place_names([wanted]) & graph)
