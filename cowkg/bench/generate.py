"""A synthetic dataset shaped like ours (docs/data-model.md), grown to a requested number of quads.

WHY: the seeds give a few thousand quads, too few to see how the endpoint grows. The benchmark needs
graphs of 100 k to 10 M quads with the same shape as the published one, so that the competency
queries exercise the same joins: meetings with one fact graph per fact, participation nodes,
pledges with amount nodes, count claims, memberships, post holdings, and a provenance description
with a Web Annotation evidence for every fact. Optionally the real graph (``core``) is copied in
first, so the competency queries, which name real meetings and states, return their real answers
on top of the bulk.

The output is N-Quads, written line by line (10 M quads never sit in memory), deterministic for a
given ``seed``. Synthetic names and texts never claim to be facts about the world: sources are
``{base}source/synthetic-…`` and every person is made up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import random
import re
import shutil
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import IO

import pycountry
import pyoxigraph
import yaml
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, XSD

from cowkg.errors import CowkgError
from cowkg.namespaces import COW, DEFAULT_BASE, OA, SCHEMA, WD

log = logging.getLogger(__name__)

MEETING_KINDS: dict[str, str] = {
    "summit": str(COW.Summit),
    "ministerial": str(COW.MinisterialMeeting),
    "military": str(COW.MilitaryPlanningMeeting),
    "directors": str(COW.DirectorsLevelMeeting),
    "working-group": str(COW.WorkingGroupMeeting),
    "meeting": str(COW.Meeting),
}
# Roles a state sends to each kind of meeting (the real graph's capacities).
ROLES_BY_KIND: dict[str, tuple[str, ...]] = {
    "summit": ("prime-minister", "president", "chancellor"),
    "ministerial": ("defence-minister", "foreign-minister"),
    "military": ("chief-of-defence", "defence-minister"),
    "directors": ("political-director",),
    "working-group": ("national-security-adviser", "political-director"),
    "meeting": ("prime-minister", "foreign-minister"),
}
ROLES = sorted({r for roles in ROLES_BY_KIND.values() for r in roles})
ORGANIZATIONS = {
    "nato": "NATO",
    "european-commission": "European Commission",
    "european-council": "European Council",
}
MODES = {
    "in-person": str(SCHEMA.OfflineEventAttendanceMode),
    "virtual": str(SCHEMA.OnlineEventAttendanceMode),
    "hybrid": str(SCHEMA.MixedEventAttendanceMode),
}


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and edit than a column of quotes)."""
    return tuple(text.split())


CURRENCIES = ("EUR", "GBP", "USD", "CAD", "AUD", "NOK")
FIRST = _words(
    "Anna Bram Clara Dario Elin Felix Greta Hugo Ines Jonas Kaja Luca Maja Nils Olga Pavel Rosa "
    "Sven Tara Ugo Vera Wim Yara Zeno Agnes Boris Celia Emil Freya Goran Hanna Ivo Jana Karel "
    "Lena Marek Nora Otto Petra Rui"
)
LAST = _words(
    "Adler Berg Costa Dahl Eriksen Fontaine Gallo Horvat Ivanova Jensen Kowal Lindqvist Moreau "
    "Novak Olsen Petrov Quist Rossi Santos Toth Urban Varga Weber Xenaki Young Zeller Bauer "
    "Conti Duarte Engel Ferrari Grant Holm Iliescu Jovanovic Kral Laine Meyer Nagy Ortiz Popa "
    "Rasmussen Silva Tamm Ulrich Vidal Walsh Yilmaz Zima Aalto Brandt Caruso Dimitrov Ek Fischer "
    "Glas Hansen Igor Juhasz"
)
CITIES = _words(
    "Paris London Brussels Kyiv Berlin Rome Madrid Warsaw Helsinki Oslo Copenhagen Prague Vienna "
    "Lisbon Athens Riga Vilnius Tallinn Dublin Ottawa Canberra Wellington Reykjavik Bucharest "
    "Sofia Luxembourg Amsterdam Stockholm Ankara Northwood Geneva Rotterdam Lyon Munich "
    "Krakow Gdansk"
)
START = dt.date(2026, 1, 1)  # after the seeds: synthetic meetings never merge into real ones
BUILD_PREFIX_LEN = 32  # oa:prefix / oa:suffix length (data model)


class GeneratorError(CowkgError):
    """The synthetic dataset cannot be written (bad size, unreadable core graph)."""


@dataclass(frozen=True, slots=True)
class GenStats:
    """What :func:`generate` wrote: quad count, how many of them came from the core, and counts."""

    path: Path
    quads: int
    core_quads: int
    meetings: int
    facts: int
    seconds: float


def _iri(value: str) -> str:
    return f"<{value}>"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _lit(text: str, lang: str | None = None, datatype: str | None = None) -> str:
    if lang:
        return f'"{_escape(text)}"@{lang}'
    if datatype:
        return f'"{_escape(text)}"^^<{datatype}>'
    return f'"{_escape(text)}"'


def _date(day: dt.date) -> str:
    return _lit(day.isoformat(), datatype=str(XSD.date))


def _int(value: int) -> str:
    return _lit(str(value), datatype=str(XSD.integer))


def _dec(value: str) -> str:
    return _lit(value, datatype=str(XSD.decimal))


def _label_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


A = _iri(str(RDF.type))
LABEL = _iri(str(RDFS.label))


@dataclass(slots=True)
class _Entity:
    """An IRI with its class and English label, repeated in each fact graph that names it."""

    iri: str
    cls: str
    label: str

    def describe(self) -> list[tuple[str, str, str]]:
        return [(self.iri, A, self.cls), (self.iri, LABEL, _lit(self.label, "en"))]


@dataclass(slots=True)
class _Writer:
    """Formats quads as N-Quads lines and counts them; stops being asked once ``target`` is met."""

    out: IO[str]
    base: str
    count: int = 0
    facts: int = 0
    blank: int = 0
    offsets: dict[str, int] = field(default_factory=dict)

    def quad(self, s: str, p: str, o: str, g: str) -> None:
        self.out.write(f"{s} {p} {o} {g} .\n")
        self.count += 1

    def graph(self, name: str) -> str:
        return _iri(f"{self.base}graph/{name}")

    def fact(
        self, triples: list[tuple[str, str, str]], method: str, sources: list[str], text: str
    ) -> None:
        """One fact graph named by the SHA-1 of its sorted N-Triples, plus its provenance."""
        lines = sorted({f"{s} {p} {o} ." for s, p, o in triples})
        digest = hashlib.sha1("\n".join(lines).encode()).hexdigest()
        fact_iri = f"{self.base}graph/fact/{digest}"
        graph = _iri(fact_iri)
        for line in lines:
            self.out.write(f"{line[:-2]} {graph} .\n")
        self.count += len(lines)
        self.facts += 1
        self._provenance(fact_iri, method, sources, text)

    def _provenance(self, fact_iri: str, method: str, sources: list[str], text: str) -> None:
        prov = self.graph("provenance")
        fact = _iri(fact_iri)
        for cls in (str(COW.Fact), str(PROV.Entity)):
            self.quad(fact, A, _iri(cls), prov)
        self.quad(fact, _iri(str(COW.extractionMethod)), _lit(method), prov)
        self.quad(fact, _iri(str(PROV.wasGeneratedBy)), _iri(f"{self.base}build"), prov)
        for source in sources:
            start = self.offsets.get(source, 0)
            end = start + len(text)
            self.offsets[source] = end + 1
            self.quad(fact, _iri(str(PROV.wasDerivedFrom)), _iri(source), prov)
            self._evidence(fact_iri, source, text, start, end)

    def _evidence(self, fact_iri: str, source: str, text: str, start: int, end: int) -> None:
        prov = self.graph("provenance")
        ann = _iri(f"{fact_iri}#ev-{source.rsplit('/', 1)[-1]}-{start}-{end}")
        target, quote, position = (self._bnode() for _ in range(3))
        self.quad(_iri(fact_iri), _iri(str(COW.evidence)), ann, prov)
        self.quad(ann, A, _iri(str(OA.Annotation)), prov)
        self.quad(ann, _iri(str(OA.motivatedBy)), _iri(str(OA.describing)), prov)
        self.quad(ann, _iri(str(OA.hasBody)), _iri(fact_iri), prov)
        self.quad(ann, _iri(str(OA.hasTarget)), target, prov)
        self.quad(target, A, _iri(str(OA.SpecificResource)), prov)
        self.quad(target, _iri(str(OA.hasSource)), _iri(source), prov)
        self.quad(target, _iri(str(OA.hasSelector)), quote, prov)
        self.quad(target, _iri(str(OA.hasSelector)), position, prov)
        self.quad(quote, A, _iri(str(OA.TextQuoteSelector)), prov)
        self.quad(quote, _iri(str(OA.exact)), _lit(text), prov)
        self.quad(quote, _iri(str(OA.prefix)), _lit("… " * (BUILD_PREFIX_LEN // 2)), prov)
        self.quad(quote, _iri(str(OA.suffix)), _lit(" …" * (BUILD_PREFIX_LEN // 2)), prov)
        self.quad(position, A, _iri(str(OA.TextPositionSelector)), prov)
        self.quad(position, _iri(str(OA.start)), _int(start), prov)
        self.quad(position, _iri(str(OA.end)), _int(end), prov)

    def _bnode(self) -> str:
        self.blank += 1
        return f"_:syn{self.blank}"


@dataclass(slots=True)
class _World:
    """The entity pools (states, people, places) and what has been described once already."""

    base: str
    rng: random.Random
    states: list[tuple[str, str, str]]  # (alpha-3, alpha-2, name)
    people: dict[tuple[str, str], _Entity] = field(default_factory=dict)
    names: Iterator[tuple[str, str]] = field(default_factory=lambda: iter(()))
    seen: set[str] = field(default_factory=set)

    def ent(self, kind: str, key: str, cls: str, label: str) -> _Entity:
        return _Entity(_iri(f"{self.base}id/{kind}/{key}"), _iri(cls), label)

    def state(self, alpha3: str, name: str) -> _Entity:
        return self.ent("state", alpha3, str(COW.State), name)

    def person(self, alpha3: str, role: str) -> _Entity:
        """A made-up person holding ``role`` for a state; the same one every time it is asked."""
        if (alpha3, role) not in self.people:
            first, last = next(self.names)
            name = f"{first} {last}"
            key = f"{first}-{last}".lower()
            self.people[(alpha3, role)] = self.ent("person", key, str(COW.Person), name)
        return self.people[(alpha3, role)]

    def role(self, key: str) -> _Entity:
        return self.ent("role", key, str(ORG.Role), key.replace("-", " "))

    def place(self, city: str) -> _Entity:
        return self.ent("place", city.lower(), str(COW.Place), city)

    def coalition(self) -> _Entity:
        return self.ent(
            "coalition", "coalition-of-the-willing", str(COW.Coalition), "Coalition of the Willing"
        )

    def first_time(self, iri: str) -> bool:
        """True the first time an entity is met (for once-only memberships, alignments...)."""
        if iri in self.seen:
            return False
        self.seen.add(iri)
        return True


def _states() -> list[tuple[str, str, str]]:
    return sorted((c.alpha_3, c.alpha_2, c.name) for c in pycountry.countries)


def _names(rng: random.Random) -> Iterator[tuple[str, str]]:
    """Distinct (first, last) pairs in a shuffled order, then numbered ones if they run out."""
    pairs = list(product(FIRST, LAST))
    rng.shuffle(pairs)
    yield from pairs
    n = 0
    while True:
        n += 1
        for first, last in pairs:
            yield first, f"{last}{n}"


def _source(w: _Writer, world: _World, index: int, day: dt.date) -> str:
    """A synthetic source document described in the provenance graph; returns its IRI."""
    iri = f"{w.base}source/synthetic-{index:07d}"
    prov = w.graph("provenance")
    s = _iri(iri)
    w.quad(s, A, _iri(str(COW.SourceDocument)), prov)
    w.quad(s, A, _iri(str(PROV.Entity)), prov)
    title = f"Synthetic report {index} on a coalition meeting"
    w.quad(s, _iri(str(DCTERMS.title)), _lit(title, "en"), prov)
    w.quad(s, _iri(str(DCTERMS.issued)), _date(day), prov)
    w.quad(s, _iri(str(DCTERMS.language)), _lit("en"), prov)
    w.quad(s, _iri(str(SCHEMA.url)), _lit(f"synthetic-{index:07d}.txt"), prov)
    return iri


def _meeting(w: _World, out: _Writer, index: int, day: dt.date, kind: str) -> None:
    """One meeting with its place, host, chair, format, participations, claims and pledges."""
    rng = w.rng
    key = f"{day.isoformat()}-{kind}"
    label = f"Coalition of the Willing {kind.replace('-', ' ')}, {_label_date(day)}"
    meeting = w.ent("meeting", key, MEETING_KINDS[kind], label)
    coalition = w.coalition()
    sources = [_source(out, w, index * 2, day)]
    if rng.random() < 0.3:
        sources.append(_source(out, w, index * 2 + 1, day + dt.timedelta(days=1)))
    m, ev = meeting.iri, f"The coalition held a {kind} on {_label_date(day)}."
    out.fact(
        [
            *meeting.describe(),
            (m, _iri(str(SCHEMA.startDate)), _date(day)),
            (m, _iri(str(COW.meetingOf)), coalition.iri),
            (m, _iri(str(COW.ordinal)), _int(index + 1)),
            *coalition.describe(),
        ],
        "rule:meeting-table",
        sources,
        ev,
    )
    inferred = out.graph("inferred")
    out.quad(m, A, _iri(str(SCHEMA.Event)), inferred)
    src = sources[:1]
    place = w.place(rng.choice(CITIES))
    out.fact(
        [*meeting.describe(), (m, _iri(str(SCHEMA.location)), place.iri), *place.describe()],
        "rule:meeting-place",
        src,
        f"The meeting took place in {place.label}.",
    )
    out.quad(m, _iri(str(SCHEMA.location)), place.iri, inferred)
    mode = "virtual" if kind == "meeting" else rng.choice(("in-person", "in-person", "hybrid"))
    out.fact(
        [*meeting.describe(), (m, _iri(str(SCHEMA.eventAttendanceMode)), _iri(MODES[mode]))],
        "rule:meeting-format",
        src,
        f"It was a {mode} meeting.",
    )
    chosen = rng.sample(w.states, rng.randint(8, min(40, len(w.states))))
    host_code, _, host_name = chosen[0]
    host = w.state(host_code, host_name)
    role_key = rng.choice(ROLES_BY_KIND[kind])
    chair = w.person(host_code, role_key)
    out.fact(
        [*meeting.describe(), (m, _iri(str(COW.hostedBy)), host.iri), *host.describe()],
        "rule:host",
        src,
        f"{host_name} hosted the meeting.",
    )
    out.quad(m, _iri(str(SCHEMA.organizer)), host.iri, inferred)
    out.fact(
        [*meeting.describe(), (m, _iri(str(COW.chairedBy)), chair.iri), *chair.describe()],
        "rule:chair",
        src,
        f"{chair.label} chaired the meeting.",
    )
    for alpha3, alpha2, name in chosen:
        _participation(w, out, meeting, kind, mode, (alpha3, alpha2, name), src)
    if rng.random() < 0.2:
        for org_key, org_name in rng.sample(sorted(ORGANIZATIONS.items()), 2):
            org = w.ent("organization", org_key, str(COW.InternationalOrganization), org_name)
            _attend(w, out, meeting, org, None, None, mode, src)
    if rng.random() < 0.15:
        absent_code, _, absent_name = rng.choice([s for s in w.states if s not in chosen])
        absent = w.state(absent_code, absent_name)
        out.fact(
            [
                *meeting.describe(),
                (m, _iri(str(COW.notAttendedBy)), absent.iri),
                *absent.describe(),
            ],
            "rule:non-attendance",
            src,
            f"{absent.label} was not represented at the meeting.",
        )
    if rng.random() < 0.3:
        _count_claims(w, out, meeting, key, len(chosen), sources)
    for n, (alpha3, _, name) in enumerate(rng.sample(chosen, rng.randint(0, 3))):
        _pledge(w, out, meeting, day, n, w.state(alpha3, name), src)


def _participation(
    w: _World,
    out: _Writer,
    meeting: _Entity,
    kind: str,
    mode: str,
    state_row: tuple[str, str, str],
    src: list[str],
) -> None:
    """A state's representative at a meeting, with membership / post holding the first time."""
    alpha3, alpha2, name = state_row
    state = w.state(alpha3, name)
    role_key = w.rng.choice(ROLES_BY_KIND[kind])
    role, person = w.role(role_key), w.person(alpha3, role_key)
    _attend(w, out, meeting, person, role, state, mode, src)
    inferred = out.graph("inferred")
    out.quad(meeting.iri, _iri(str(COW.attendee)), state.iri, inferred)
    out.quad(meeting.iri, _iri(str(SCHEMA.attendee)), state.iri, inferred)
    if w.first_time(state.iri):
        _membership(w, out, state, alpha2, src)
    if w.first_time(person.iri):
        _post_holding(w, out, person, role, state, src)


def _attend(
    w: _World,
    out: _Writer,
    meeting: _Entity,
    agent: _Entity,
    role: _Entity | None,
    state: _Entity | None,
    mode: str,
    src: list[str],
) -> None:
    m = meeting.iri
    meeting_key = m.split("/id/meeting/", 1)[1][:-1]
    agent_kind, agent_key = agent.iri[1:-1].rsplit("/", 2)[-2:]
    p = _iri(f"{w.base}id/participation/{meeting_key}/{agent_kind}-{agent_key}")
    triples = [
        *meeting.describe(),
        (m, _iri(str(COW.hasParticipation)), p),
        (p, A, _iri(str(COW.Participation))),
        (p, _iri(str(COW.participant)), agent.iri),
        *agent.describe(),
    ]
    if role is not None:
        triples += [(p, _iri(str(COW.inCapacityOf)), role.iri), *role.describe()]
    if state is not None:
        triples += [(p, _iri(str(COW.onBehalfOf)), state.iri), *state.describe()]
    if mode == "virtual":
        triples.append((p, _iri(str(COW.participationMode)), _iri(MODES["virtual"])))
    text = f"{agent.label} took part in the meeting."
    out.fact(triples, "rule:participation-list", src, text)
    inferred = out.graph("inferred")
    out.quad(m, _iri(str(COW.attendee)), agent.iri, inferred)
    out.quad(m, _iri(str(SCHEMA.attendee)), agent.iri, inferred)


def _membership(w: _World, out: _Writer, state: _Entity, alpha2: str, src: list[str]) -> None:
    key = state.iri.rsplit("/", 1)[-1][:-1]
    ms = _iri(f"{w.base}id/membership/{key}")
    coalition = w.coalition()
    out.fact(
        [
            (ms, A, _iri(str(COW.CoalitionMembership))),
            (ms, _iri(str(ORG.member)), state.iri),
            (ms, _iri(str(ORG.organization)), coalition.iri),
            (ms, _iri(str(COW.membershipBasis)), _iri(str(COW.basisAttendance))),
            *state.describe(),
            *coalition.describe(),
        ],
        "rule:membership-attendance",
        src,
        f"{state.label} joined the coalition.",
    )
    inferred, alignment = out.graph("inferred"), out.graph("alignment")
    out.quad(state.iri, _iri(str(ORG.memberOf)), coalition.iri, inferred)
    out.quad(state.iri, A, _iri(str(SCHEMA.Country)), inferred)
    out.quad(state.iri, _iri(str(COW.iso3166Alpha2)), _lit(alpha2), alignment)
    out.quad(state.iri, _iri(str(COW.iso3166Alpha3)), _lit(key), alignment)
    out.quad(
        state.iri,
        _iri(str(OWL.sameAs)),
        _iri(f"{WD}Q{zlib.crc32(key.encode()) % 10**6}"),
        alignment,
    )


def _post_holding(
    w: _World, out: _Writer, person: _Entity, role: _Entity, state: _Entity, src: list[str]
) -> None:
    person_key = person.iri.rsplit("/", 1)[-1][:-1]
    role_key = role.iri.rsplit("/", 1)[-1][:-1]
    h = _iri(f"{w.base}id/post-holding/{person_key}/{role_key}")
    out.fact(
        [
            (h, A, _iri(str(COW.PostHolding))),
            (h, _iri(str(ORG.member)), person.iri),
            (h, _iri(str(ORG.organization)), state.iri),
            (h, _iri(str(ORG.role)), role.iri),
            *person.describe(),
            *role.describe(),
            *state.describe(),
        ],
        "rule:post-holding",
        src,
        f"{person.label}, {role.label} of {state.label}.",
    )
    inferred = out.graph("inferred")
    for cls in (str(SCHEMA.Person), str(FOAF.Person)):
        out.quad(person.iri, A, _iri(cls), inferred)


def _count_claims(
    w: _World, out: _Writer, meeting: _Entity, key: str, actual: int, sources: list[str]
) -> None:
    """One or two claims of how many countries attended; two differ (seeds disagree)."""
    for n, source in enumerate(sources):
        value = actual + n * w.rng.randint(1, 4)
        qualifier = w.rng.choice(("", "nearly", "more than", "around"))
        c = _iri(f"{w.base}id/claim/{key}-countries-{n}")
        text = f"{qualifier} {value} countries".strip()
        out.fact(
            [
                (c, A, _iri(str(COW.CountClaim))),
                (c, _iri(str(COW.about)), meeting.iri),
                (c, _iri(str(COW.countedThing)), _lit("countries")),
                (c, _iri(str(COW.countMinimum)), _int(value)),
                (c, _iri(str(COW.countMaximum)), _int(value)),
                (c, _iri(str(COW.countQualifier)), _lit(qualifier)),
                (c, _iri(str(COW.claimText)), _lit(text, "en")),
                *meeting.describe(),
            ],
            "rule:count-claim",
            [source],
            f"{text} were represented.",
        )


def _pledge(
    w: _World,
    out: _Writer,
    meeting: _Entity,
    day: dt.date,
    n: int,
    state: _Entity,
    src: list[str],
) -> None:
    """A money, troops or equipment pledge by a participating state, with its amount node."""
    rng = w.rng
    state_key = state.iri.rsplit("/", 1)[-1][:-1]
    key = f"{state_key.lower()}-{day.isoformat()}-{n}"
    pl = _iri(f"{w.base}id/pledge/{key}")
    kind = rng.choice(("money", "money", "troops", "equipment"))
    triples = [
        (pl, A, _iri(str(COW.Pledge))),
        (pl, _iri(str(COW.pledgedBy)), state.iri),
        (pl, _iri(str(COW.pledgeKind)), _lit(kind)),
        (pl, _iri(str(COW.pledgeDate)), _date(day)),
        (pl, _iri(str(COW.pledgedAt)), meeting.iri),
        (pl, _iri(str(COW.beneficiary)), _iri(f"{w.base}id/state/UKR")),
        (pl, _iri(str(COW.purpose)), _lit(f"{kind} support for Ukraine", "en")),
        *state.describe(),
        *meeting.describe(),
    ]
    if kind == "troops":
        q = _iri(f"{w.base}id/quantity/{key}")
        low = rng.randint(1, 50) * 10
        triples += [
            (pl, _iri(str(COW.pledgeQuantity)), q),
            (q, A, _iri(str(SCHEMA.QuantitativeValue))),
            (q, _iri(str(SCHEMA.minValue)), _int(low)),
            (q, _iri(str(SCHEMA.maxValue)), _int(low * 5)),
            (q, _iri(str(SCHEMA.unitText)), _lit("soldiers")),
        ]
        text = f"{state.label} offered {low} to {low * 5} soldiers."
    else:
        amt = _iri(f"{w.base}id/amount/{key}")
        value = rng.randint(1, 400) * 5_000_000
        currency = rng.choice(CURRENCIES)
        triples += [
            (pl, _iri(str(COW.pledgeAmount)), amt),
            (amt, A, _iri(str(SCHEMA.MonetaryAmount))),
            (amt, _iri(str(SCHEMA.value)), _dec(f"{value}.0")),
            (amt, _iri(str(SCHEMA.currency)), _lit(currency)),
        ]
        text = f"{state.label} pledged {value:,} {currency}."
    out.fact(triples, f"rule:pledge-{kind}", src, text)


def _meeting_days(rng: random.Random) -> Iterator[tuple[int, dt.date, str]]:
    """Endless (index, date, kind): one or two meetings a day from 2025 on, keys unique."""
    index, day, kinds = 0, START, list(MEETING_KINDS)
    while True:
        for kind in rng.sample(kinds, rng.choice((1, 1, 2))):
            yield index, day, kind
            index += 1
        day += dt.timedelta(days=rng.randint(1, 3))


def _write_core(core: Path, out: IO[str]) -> int:
    """Copy the real graph (any RDF dataset format pyoxigraph reads) in first; returns its quads."""
    try:
        quads = list(pyoxigraph.parse(path=str(core)))
    except (OSError, SyntaxError, ValueError) as exc:
        raise GeneratorError(
            f"cannot read the core graph {core}: {exc}. Hint: build the graph first (make build) "
            "or pass no core."
        ) from exc
    data = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)
    out.write(data.decode("utf-8") if data else "")
    return len(quads)


def generate(
    path: Path, quads: int, *, core: Path | None = None, seed: int = 0, base: str = DEFAULT_BASE
) -> GenStats:
    """Write about ``quads`` quads (never fewer) of synthetic data to ``path`` as N-Quads.

    With ``core``, that graph is copied in first and counts towards ``quads`` (``quads=0``: the
    core alone, converted to N-Quads).
    Whole meetings are added until the count is met, so the file may overshoot by one meeting
    (a few hundred quads). The file is written to ``path.tmp`` and renamed, so a half-written
    file is never mistaken for a dataset.
    """
    if quads < 0 or (quads == 0 and core is None):
        raise GeneratorError(f"size must be a positive number of quads, not {quads}")
    began = time.perf_counter()
    rng = random.Random(seed)
    world = _World(base=base, rng=rng, states=_states(), names=_names(rng))
    tmp = path.with_name(path.name + ".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    meetings = 0
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        writer = _Writer(out=fh, base=base)
        core_quads = _write_core(core, fh) if core is not None else 0
        writer.count = core_quads
        for index, day, kind in _meeting_days(rng):
            if writer.count >= quads:
                break
            _meeting(world, writer, index, day, kind)
            meetings += 1
    os.replace(tmp, path)
    stats = GenStats(
        path, writer.count, core_quads, meetings, writer.facts, time.perf_counter() - began
    )
    log.info(
        "synthetic dataset %s: %d quads (%d from the core), %d meetings, %d facts, %.1f s",
        path,
        stats.quads,
        core_quads,
        meetings,
        stats.facts,
        stats.seconds,
    )
    return stats


# -- a synthetic corpus of news-like articles, for extraction throughput ------------------------

MONTHS = _words(
    "January February March April May June July August September October November December"
)
_DATE_MDY = re.compile(r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (20\d\d)\b")
_DATE_DMY = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (20\d\d)\b")
_CITATION = re.compile(r"\(\d{1,2} \w+ 20\d\d\)\. ")  # 'Brown, Larisa (17 April 2025). "…"'
_SENTENCE = re.compile(r"(?<=[.!?”])\s+(?=[A-Z“])")
PEOPLE = ("Starmer", "Macron", "Zelenskyy", "Merz", "Meloni", "Rutte", "Costa", "Tusk", "Healey")
COUNTRIES = _words(
    "Australia Belgium Bulgaria Canada Czechia Denmark Finland Germany Greece Iceland Italy "
    "Latvia Lithuania Luxembourg Norway Poland Portugal Romania Spain Sweden Turkey Japan Estonia "
    "Croatia Ireland Austria Slovenia Montenegro Albania Moldova"
)


def _prose(sentence: str) -> bool:
    """A sentence of running text (not an infobox cell, a reference or a citation)."""
    return (
        60 <= len(sentence) <= 400
        and sentence[0].isupper()
        and sentence[-1] in '.”"'
        and not any(word in sentence for word in ("Retrieved", "Archived", "^", ".svg", "[@"))
        and not _CITATION.search(sentence)
    )


def seed_sentences(seeds_dir: Path) -> list[str]:
    """The prose sentences of every seed text (read as stored: no newline translation)."""
    out: list[str] = []
    for path in sorted(seeds_dir.glob("*.txt")):
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        for line in text.splitlines():
            out += [s.strip() for s in _SENTENCE.split(line) if _prose(s.strip())]
    return out


def _vary(sentence: str, rng: random.Random) -> str:
    """The sentence with its dates, countries and leaders' names swapped for other ones."""

    def mdy(_: re.Match[str]) -> str:
        return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.choice((2025, 2026, 2027))}"

    def dmy(_: re.Match[str]) -> str:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.choice((2025, 2026, 2027))}"

    sentence = _DATE_DMY.sub(dmy, _DATE_MDY.sub(mdy, sentence))
    for name in (n for n in PEOPLE if n in sentence):
        sentence = sentence.replace(name, rng.choice(PEOPLE))
    for country in (c for c in COUNTRIES if c in sentence):
        sentence = sentence.replace(country, rng.choice(COUNTRIES))
    return sentence


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        step = rng.randint(2, 4)
        out.append(" ".join(sentences[i : i + step]))
        i += step
    return out


def write_single_source(seeds_dir: Path, out_dir: Path, megabytes: float, seed: int = 0) -> Path:
    """One synthetic source of about ``megabytes`` MB (the articles of :func:`write_corpus` one
    after another), with its ``sources.yaml``: how extraction time grows with a source's size."""
    parts = out_dir / "parts"
    write_corpus(seeds_dir, parts, megabytes, seed)
    files = sorted(parts.glob("*.txt"))
    target = out_dir / "000_synthetic.txt"
    target.write_text(
        "\n".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8", newline=""
    )
    shutil.rmtree(parts)
    record = {
        "file": target.name,
        "title": "Synthetic source",
        "date": START,
        "language": "en",
        "kind": "news",
        "note": "Synthetic benchmark source: recombined seed sentences, one long text.",
    }
    (out_dir / "sources.yaml").write_text(
        yaml.safe_dump({"sources": [record]}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return target


def write_corpus(seeds_dir: Path, out_dir: Path, megabytes: float, seed: int = 0) -> int:
    """Write news-like articles recombined from the seeds' sentences, with ``sources.yaml``.

    Each article is 12–40 sentences in paragraphs of two to four, with varied dates and names, so
    the extractor meets the same constructions in new combinations. Returns the article count.
    """
    sentences = seed_sentences(seeds_dir)
    if not sentences:
        raise GeneratorError(f"no seed sentences to recombine in {seeds_dir}")
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    budget, records = int(megabytes * 1_000_000), list[dict[str, object]]()
    while budget > 0:
        picked = [
            _vary(s, rng) for s in rng.sample(sentences, min(rng.randint(12, 40), len(sentences)))
        ]
        paragraphs = _paragraphs(picked, rng)
        day = START + dt.timedelta(days=rng.randint(0, 900))
        title = picked[0][:90].rsplit(" ", 1)[0]
        text = (
            f"{title}\n\n{day.strftime('%B')} {day.day}, {day.year}\n\n"
            + "\n\n".join(paragraphs)
            + "\n"
        )
        name = f"{len(records):03d}_{hashlib.sha256(text.encode()).hexdigest()[:16]}.txt"
        (out_dir / name).write_text(text, encoding="utf-8", newline="")
        records.append(
            {
                "file": name,
                "title": title,
                "publisher": None,
                "date": day,
                "language": "en",
                "kind": "news",
                "note": "Synthetic benchmark article recombined from seed sentences.",
            }
        )
        budget -= len(text.encode("utf-8"))
    header = (
        "# Synthetic corpus for the extraction benchmark (cowkg.bench.generate.write_corpus).\n"
    )
    (out_dir / "sources.yaml").write_text(
        header + yaml.safe_dump({"sources": records}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    log.info("synthetic corpus %s: %d articles, %.1f MB", out_dir, len(records), megabytes)
    return len(records)
