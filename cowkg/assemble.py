"""Assemble: turn resolved facts into an RDF dataset of named graphs, per docs/data-model.md.

Each fact becomes its own *fact graph*, named by the SHA-1 of its sorted N-Triples, so the same
claim made by four seeds is one graph with four evidence annotations, and a fact can be cited,
diffed and traced back to the exact passage (code-point offsets) it rests on. Provenance lives in
its own graph; links to external identifiers (Wikidata, DBpedia, ISO 3166) come from the tables in
``alignments/`` and live in the alignment graph, described as alignment rather than seed claims.
No blank nodes are minted anywhere, so the output is deterministic and diffable.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from cowkg.errors import CowkgError
from cowkg.namespaces import (
    COW,
    DATA_LICENSE,
    DATA_RIGHTS,
    DATASET_TITLE,
    DBR,
    GEO,
    OA,
    SCHEMA,
    VOID,
    WD,
)
from cowkg.resolve import Resolution, entity_iri, meeting_kind, slugify
from cowkg.types import (
    EntityKind,
    Fact,
    FactKind,
    FactValue,
    Lang,
    Money,
    Quantity,
    Ref,
    Source,
    Span,
)

log = logging.getLogger(__name__)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

CONTEXT_CHARS = 32
"""Characters of ``oa:prefix`` / ``oa:suffix`` either side of an evidence quote."""

MEETING_CLASSES = {
    "summit": COW.Summit,
    "ministerial": COW.MinisterialMeeting,
    "military": COW.MilitaryPlanningMeeting,
    "directors": COW.DirectorsLevelMeeting,
    "working-group": COW.WorkingGroupMeeting,
}
ENTITY_CLASSES = {
    EntityKind.STATE: COW.State,
    EntityKind.ORGANIZATION: COW.InternationalOrganization,
    EntityKind.PERSON: COW.Person,
    EntityKind.PLACE: COW.Place,
    EntityKind.COALITION: COW.Coalition,
    EntityKind.FORCE: COW.MultinationalForce,
    EntityKind.COMMAND_POST: COW.Headquarters,
    EntityKind.ROLE: ORG.Role,
    EntityKind.TASK: COW.MandateTask,
    EntityKind.COMPONENT: COW.ForceComponent,
    EntityKind.PLEDGE: COW.Pledge,
    EntityKind.STATE_GROUP: COW.UnnamedStateGroup,
    EntityKind.CLAIM: COW.CountClaim,
    EntityKind.PRINCIPLE: COW.Principle,
    EntityKind.STATEMENT: COW.Statement,
    EntityKind.WORK: COW.CitedWork,
    EntityKind.PUBLISHER: COW.Publisher,
}
ATTENDANCE_MODES = {
    "in-person": SCHEMA.OfflineEventAttendanceMode,
    "virtual": SCHEMA.OnlineEventAttendanceMode,
    "hybrid": SCHEMA.MixedEventAttendanceMode,
}
MEMBERSHIP_BASES = {
    "attendance": COW.basisAttendance,
    "pledge": COW.basisPledge,
    "announcement": COW.basisAnnouncement,
    "founding": COW.basisFounding,
}
SPEECH_ACTS = {
    "said": COW.actSaid,
    "announced": COW.actAnnounced,
    "confirmed": COW.actConfirmed,
    "called-for": COW.actCalledFor,
    "denied": COW.actDenied,
    "warned": COW.actWarned,
    "revealed": COW.actRevealed,
    "accused": COW.actAccused,
    "thanked": COW.actThanked,
    "condemned": COW.actCondemned,
    "agreed": COW.actAgreed,
    "decided": COW.actDecided,
    "endorsed": COW.actEndorsed,
    "signed": COW.actSigned,
    "discussed": COW.actDiscussed,
    "proposed": COW.actProposed,
    "reported": COW.actReported,
}
ALIGNMENT_TABLES = {
    "states": EntityKind.STATE,
    "organizations": EntityKind.ORGANIZATION,
    "people": EntityKind.PERSON,
}


class AssemblyError(CowkgError):
    """A fact or alignment row cannot be turned into RDF (a missing or mistyped argument)."""


def graph_iri(base: str, name: str) -> URIRef:
    """The IRI of a named graph: ``{base}graph/{name}``."""
    return URIRef(f"{base}graph/{name}")


def source_iri(base: str, file: str) -> URIRef:
    """The IRI of a seed document: ``{base}source/{file stem}``."""
    return URIRef(f"{base}source/{Path(file).stem}")


def _text(value: FactValue) -> Literal:
    """Free text: a :class:`Lang` keeps its language, a plain string is English."""
    if isinstance(value, Lang):
        return Literal(value.text, lang=value.lang)
    return Literal(str(value), lang="en")


def _decimal(value: Decimal | int | str) -> Literal:
    """An xsd:decimal in plain canonical notation (``Decimal("1.6E+9")`` and
    ``Decimal("1600000000.0")`` are both written ``1600000000``): one value, one literal, however
    the text wrote it."""
    return Literal(format(Decimal(value).normalize(), "f"), datatype=XSD.decimal)


def _number(value: Decimal | int) -> Literal:
    """Integral numbers as xsd:integer, others as xsd:decimal."""
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return _decimal(value)
    return Literal(int(value), datatype=XSD.integer)


_UNDATED = "undated"
"""The day part of the path of a node whose fact has no date."""


@dataclass
class _FactWriter:
    """Collects the triples of one fact graph; ``node`` adds each entity's type and label."""

    res: Resolution
    fact: Fact
    triples: set[Triple] = field(default_factory=set)

    def arg(self, name: str) -> FactValue | None:
        return self.fact.args.get(name)

    def ref(self, name: str) -> Ref:
        value = self.arg(name)
        if not isinstance(value, Ref):
            raise AssemblyError(
                f"{self.fact.kind.value} fact from {self.fact.method} needs a Ref for {name!r}, "
                f"got {value!r} (evidence {self.fact.evidence[:1]})"
            )
        return value

    def node(self, ref: Ref) -> URIRef:
        """The IRI of ``ref``, with its ``rdf:type`` and English ``rdfs:label`` in this graph."""
        iri = self.res.iri(ref)
        self.add(iri, RDF.type, entity_class(self.res, ref))
        self.add(iri, RDFS.label, Literal(self.res.label(ref), lang="en"))
        return iri

    def sub(self, path: str, cls: URIRef, label: str | None = None) -> URIRef:
        """A node carrying an n-ary relation: ``{base}id/{path}``, typed and optionally labelled."""
        iri = URIRef(f"{self.res.base}id/{path}")
        self.add(iri, RDF.type, cls)
        if label:
            self.add(iri, RDFS.label, Literal(label, lang="en"))
        return iri

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
        self.triples.add((s, p, o))

    def link(self, s: URIRef, p: URIRef, name: str) -> None:
        """``s p node(arg)`` for each Ref (or tuple of Refs) in argument ``name``, if present."""
        value = self.arg(name)
        for ref in value if isinstance(value, tuple) else (value,):
            if isinstance(ref, Ref):
                self.add(s, p, self.node(ref))

    def literal(
        self, s: URIRef, p: URIRef, name: str, make: Callable[[FactValue], Literal]
    ) -> None:
        """``s p make(arg)`` if argument ``name`` is present."""
        value = self.arg(name)
        if value is not None and value != "":
            self.add(s, p, make(value))

    def key(self, name: str) -> str:
        return self.res.ref(self.ref(name)).key

    def day(self) -> str:
        """The fact's ``date`` as an ISO day, or ``undated``: a part of a node's path, so that
        the same relation on different days (or on none) makes different nodes."""
        date = self.arg("date")
        return date.isoformat() if isinstance(date, dt.date) else _UNDATED

    def concept(self, name: str, table: Mapping[str, URIRef], what: str) -> URIRef:
        """The IRI the controlled value of argument ``name`` stands for in ``table``."""
        found = table.get(str(self.arg(name)))
        if found is None:
            raise AssemblyError(f"unknown {what} {self.arg(name)!r} ({self.fact.method})")
        return found


def entity_class(res: Resolution, ref: Ref) -> URIRef:
    """The ``cow:`` class of an entity: by kind, refined for meetings, groups and plans."""
    if ref.kind is EntityKind.MEETING:
        return MEETING_CLASSES.get(meeting_kind(res.ref(ref).key), COW.Meeting)
    if ref.kind is EntityKind.GROUP:
        return COW.PlanningGroup if res.subtype(ref) == "planning" else COW.WorkingGroup
    if ref.kind is EntityKind.PLAN:
        return COW.Agreement if res.subtype(ref) in {"agreement", "memorandum"} else COW.Plan
    return ENTITY_CLASSES[ref.kind]


def _plain(value: FactValue) -> Literal:
    return Literal(str(value.text if isinstance(value, Lang) else value))


def _date(value: FactValue) -> Literal:
    if not isinstance(value, dt.date):
        raise AssemblyError(f"expected a date, got {value!r}")
    return Literal(value, datatype=XSD.date)


def _int(value: FactValue) -> Literal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise AssemblyError(f"expected a number, got {value!r}")
    return _number(value)


def _meeting(w: _FactWriter) -> None:
    m = w.node(w.ref("meeting"))
    w.literal(m, SCHEMA.startDate, "date", _date)
    w.literal(m, SCHEMA.endDate, "end_date", _date)
    w.literal(m, COW.ordinal, "ordinal", _int)
    if w.arg("undated") is True:
        w.add(m, COW.undated, Literal(True))
    w.literal(m, SCHEMA.name, "name", _text)
    w.link(m, COW.meetingOf, "body")


def _meeting_place(w: _FactWriter) -> None:
    w.add(w.node(w.ref("meeting")), SCHEMA.location, w.node(w.ref("place")))


def _meeting_format(w: _FactWriter) -> None:
    mode = w.concept("format", ATTENDANCE_MODES, "meeting format")
    w.add(w.node(w.ref("meeting")), SCHEMA.eventAttendanceMode, mode)


def _relation(arg: str, prop: URIRef) -> Callable[[_FactWriter], None]:
    """A fact that links a meeting to one agent (host, chair, non-attendance)."""

    def write(w: _FactWriter) -> None:
        w.link(w.node(w.ref("meeting")), prop, arg)

    return write


def _participation(w: _FactWriter) -> None:
    meeting, agent = w.ref("meeting"), w.ref("participant")
    m, a = w.node(meeting), w.node(agent)
    label = f"{w.res.label(agent)} at the {w.res.label(meeting)}"
    p = w.sub(
        f"participation/{w.key('meeting')}/{agent.kind.value}-{w.key('participant')}",
        COW.Participation,
        label,
    )
    w.add(m, COW.hasParticipation, p)
    w.add(p, COW.participant, a)
    w.link(p, COW.inCapacityOf, "capacity")
    w.link(p, COW.onBehalfOf, "on_behalf_of")
    mode = w.arg("mode")
    if mode:
        w.add(p, COW.participationMode, ATTENDANCE_MODES[str(mode)])


def _quantity_counts(w: _FactWriter, c: URIRef, quantity: Quantity) -> None:
    exact = quantity.minimum is not None and quantity.minimum == quantity.maximum
    if exact and not quantity.qualifier and quantity.minimum is not None:
        w.add(c, COW.countValue, _number(quantity.minimum))
    else:
        if quantity.minimum is not None:
            w.add(c, COW.countMinimum, _number(quantity.minimum))
        if quantity.maximum is not None:
            w.add(c, COW.countMaximum, _number(quantity.maximum))
    if quantity.qualifier:
        w.add(c, COW.countQualifier, Literal(quantity.qualifier))


def _count_claim(w: _FactWriter) -> None:
    c = w.node(w.ref("claim"))
    w.link(c, COW.about, "about")
    w.literal(c, COW.countedThing, "counted", _plain)
    quantity = w.arg("quantity")
    if not isinstance(quantity, Quantity):
        raise AssemblyError(f"count-claim from {w.fact.method} has no Quantity: {quantity!r}")
    _quantity_counts(w, c, quantity)
    w.literal(c, COW.claimText, "text", _text)
    w.literal(c, COW.asOf, "as_of", _date)
    w.link(c, COW.deploymentArea, "deployment_area")


def _post_holding(w: _FactWriter) -> None:
    person, role = w.ref("person"), w.ref("role")
    label = f"{w.res.label(person)}, {w.res.label(role)}"
    h = w.sub(f"post-holding/{w.key('person')}/{w.key('role')}", COW.PostHolding, label)
    w.link(h, ORG.member, "person")
    w.link(h, ORG.role, "role")
    w.link(h, ORG.organization, "organization")
    w.literal(h, COW.asOf, "as_of", _date)


def _money(w: _FactWriter, path: str, money: FactValue | None) -> URIRef | None:
    if not isinstance(money, Money):
        return None
    amount = w.sub(path, SCHEMA.MonetaryAmount)
    w.add(amount, SCHEMA.value, _decimal(money.value))
    w.add(amount, SCHEMA.currency, Literal(money.currency))
    return amount


def _pledge(w: _FactWriter) -> None:
    pledge = w.ref("pledge")
    pl, key = w.node(pledge), w.key("pledge")
    w.link(pl, COW.pledgedBy, "pledger")
    kind = str(w.arg("pledge_kind"))
    w.add(pl, COW.pledgeKind, w.sub(f"pledge-kind/{kind}", COW.PledgeKind, kind))
    for prop, arg, path in (
        (COW.pledgeAmount, "amount", key),
        (COW.equivalentAmount, "equivalent", f"{key}-equivalent"),
    ):
        amount = _money(w, f"amount/{path}", w.arg(arg))
        if amount is not None:
            w.add(pl, prop, amount)
    quantity = w.arg("quantity")
    if isinstance(quantity, Quantity):
        w.add(pl, COW.pledgeQuantity, _quantity(w, f"quantity/{key}", quantity))
    count, pledgers = w.arg("pledger_count"), w.arg("pledger")
    for group in pledgers if isinstance(pledgers, tuple) else (pledgers,):
        if isinstance(group, Ref) and group.kind is EntityKind.STATE_GROUP and count is not None:
            path = f"quantity/state-group/{w.res.ref(group).key}"
            w.add(w.node(group), COW.memberCount, _quantity(w, path, count))
    w.literal(pl, COW.purpose, "purpose", _text)
    w.literal(pl, COW.condition, "condition", _text)
    w.literal(pl, COW.pledgeModality, "modality", _plain)
    w.literal(pl, COW.pledgeDate, "date", _date)
    w.link(pl, COW.pledgedAt, "meeting")
    w.link(pl, COW.beneficiary, "beneficiary")
    w.link(pl, COW.deploymentArea, "deployment_area")


def _quantity(w: _FactWriter, path: str, quantity: FactValue) -> URIRef:
    """A ``schema:QuantitativeValue`` node: bounds with the hedge honest, what is counted."""
    if not isinstance(quantity, Quantity):
        raise AssemblyError(f"expected a quantity, got {quantity!r}")
    q = w.sub(path, SCHEMA.QuantitativeValue)
    if quantity.minimum is not None:
        w.add(q, SCHEMA.minValue, _number(quantity.minimum))
    if quantity.maximum is not None:
        w.add(q, SCHEMA.maxValue, _number(quantity.maximum))
    w.add(q, SCHEMA.unitText, Literal(quantity.unit))
    return q


def _membership(w: _FactWriter) -> None:
    member, coalition = w.ref("member"), w.ref("coalition")
    label = f"{w.res.label(member)} in the {w.res.label(coalition)}"
    basis = w.concept("basis", MEMBERSHIP_BASES, "membership basis")
    ms = w.sub(f"membership/{w.key('member')}/{w.arg('basis')}", COW.CoalitionMembership, label)
    w.link(ms, ORG.member, "member")
    w.link(ms, COW.inCoalition, "coalition")
    w.add(ms, COW.membershipBasis, basis)
    w.literal(ms, COW.asOf, "date", _date)


def _leads(w: _FactWriter) -> None:
    w.link(w.node(w.ref("coalition")), COW.ledBy, "leader")


def _name(w: _FactWriter) -> None:
    entity, label = w.ref("entity"), w.arg("label")
    lang = label.lang if isinstance(label, Lang) else str(w.arg("lang") or "en")
    text = label.text if isinstance(label, Lang) else str(label)
    preferred = w.res.label(entity, lang) == text and not w.arg("alternative")
    w.add(w.node(entity), RDFS.label if preferred else SKOS.altLabel, Literal(text, lang=lang))
    if w.arg("act") or w.arg("date") or w.arg("by"):
        _name_use(w, entity, Literal(text, lang=lang))


NAME_ACTS = frozenset({"used", "confirmed", "revealed", "adopted"})
"""What a dated or credited use of a name did with it (``cow:nameAct``)."""


def _name_use(w: _FactWriter, entity: Ref, name: Literal) -> None:
    """A name's use the source dates or credits ('the name was confirmed on 17 August', 'which
    the Lima Times calls X'): one node per entity, name, act, day and user, since one name is
    used, revealed and confirmed on different days by different agents."""
    act = str(w.arg("act") or "used")
    if act not in NAME_ACTS:
        raise AssemblyError(f"unknown name act {act!r} ({w.fact.method})")
    day = w.day()
    by = w.key("by") if isinstance(w.arg("by"), Ref) else "unattributed"
    path = f"name-use/{w.key('entity')}/{slugify(str(name))}/{act}/{day}/{by}"
    node = w.sub(path, COW.NameUse, f"'{name}' {act}" + (f", {day}" if day != _UNDATED else ""))
    w.add(node, COW.nameOf, w.node(entity))
    w.add(node, COW.usedName, name)
    w.add(node, COW.nameAct, Literal(act))
    w.literal(node, DCTERMS.date, "date", _date)
    w.link(node, PROV.wasAssociatedWith, "by")


def _force_status(w: _FactWriter) -> None:
    force = w.node(w.ref("force"))
    w.literal(force, COW.forceStatus, "status", _plain)
    w.literal(force, COW.deploymentCondition, "condition", _text)
    w.literal(force, COW.workingLanguage, "working_language", _plain)
    w.link(force, COW.forceOf, "coalition")
    w.link(force, COW.deploymentArea, "deployment_area")


def _command_post(w: _FactWriter) -> None:
    hq = w.node(w.ref("post"))
    w.link(hq, COW.commandPostOf, "force")
    w.link(hq, ORG.subOrganizationOf, "coalition")
    w.literal(hq, COW.postStatus, "status", _plain)
    w.link(hq, COW.locatedAt, "place")
    w.literal(hq, COW.commandLevel, "level", _plain)
    w.literal(hq, COW.commanderStars, "stars", _int)
    w.link(hq, COW.commanderNation, "commander_nation")
    w.link(hq, COW.leadNation, "lead_nations")
    w.literal(hq, COW.inaugurationDate, "inaugurated", _date)
    w.literal(hq, COW.establishmentPeriod, "established", _plain)
    w.link(hq, COW.rotatesTo, "rotates_to")
    months = w.arg("rotation_months")
    if months is not None:
        duration = w.sub(f"duration/{w.key('post')}-rotation", TIME.Duration)
        w.add(duration, TIME.numericDuration, _decimal(str(months)))
        w.add(duration, TIME.unitType, TIME.unitMonth)
        w.add(hq, COW.rotationAfter, duration)


def _place(w: _FactWriter) -> None:
    place = w.node(w.ref("place"))
    for prop, arg in ((GEO.lat, "lat"), (GEO.long, "long")):
        w.literal(place, prop, arg, lambda v: _decimal(str(v)))
    w.link(place, SCHEMA.containedInPlace, "within")
    w.link(place, COW.inState, "state")


def _group(w: _FactWriter) -> None:
    g = w.node(w.ref("group"))
    w.link(g, COW.groupOf, "parent")
    w.literal(g, COW.domain, "domain", _plain)
    w.literal(g, COW.mandate, "mandate", _text)
    w.link(g, COW.announcedBy, "announced_by")
    w.literal(g, COW.announcedOn, "announced_on", _date)
    w.link(g, COW.inauguratedBy, "inaugurated_by")
    w.link(g, ORG.hasMember, "members")


def _plan(w: _FactWriter) -> None:
    p = w.node(w.ref("plan"))
    w.literal(p, COW.pointCount, "points", _int)
    w.link(p, COW.outlinedBy, "outlined_by")
    w.link(p, COW.draftedBy, "drafted_by")
    w.link(p, COW.signedBy, "signed_by")
    w.link(p, COW.party, "party")
    w.link(p, COW.discussedAt, "discussed_at")
    w.link(p, COW.replacedBy, "replaced_by")
    w.literal(p, COW.adoptedOn, "date", _date)
    w.link(p, COW.plannedBy, "planned_by")
    w.literal(p, COW.planAim, "aim", _text)
    w.literal(p, COW.planStatus, "status", _plain)
    w.link(p, COW.deploymentArea, "deployment_area")
    w.link(p, COW.beneficiary, "beneficiary")


def _plan_point(w: _FactWriter) -> None:
    plan = w.ref("plan")
    position = w.arg("position")
    label = f"point {position} of {w.res.label(plan)}"
    pt = w.sub(f"plan-point/{w.key('plan')}-{position}", COW.PlanPoint, label)
    w.add(w.node(plan), COW.hasPoint, pt)
    w.literal(pt, SCHEMA.position, "position", _int)
    w.literal(pt, SCHEMA.text, "text", _text)
    w.link(pt, COW.about, "about")
    w.link(w.node(plan), COW.beneficiary, "beneficiary")  # the point's beneficiary: the plan's


def _principle(w: _FactWriter) -> None:
    pr = w.node(w.ref("principle"))
    w.literal(pr, SCHEMA.text, "text", _text)
    w.link(pr, COW.statedAt, "stated_at")
    w.link(pr, COW.statedBy, "stated_by")


def _statement(w: _FactWriter) -> None:
    st = w.node(w.ref("statement"))
    w.link(st, COW.statedBy, "speaker")
    w.add(st, COW.speechAct, w.concept("speech_act", SPEECH_ACTS, "speech act"))
    w.literal(st, COW.statementText, "text", _text)
    w.literal(st, COW.statementDate, "date", _date)
    w.link(st, COW.madeAt, "meeting")
    w.link(st, COW.about, "about")
    w.link(st, COW.addressedTo, "addressee")
    w.link(st, COW.inCapacityOf, "capacity")
    w.link(st, COW.onBehalfOf, "on_behalf_of")
    _covers(w, st)


def _covers(w: _FactWriter, node: URIRef) -> None:
    """The days a statement's, a cited work's or an image's words name
    (``schema:temporalCoverage``)."""
    covers = w.arg("covers")
    for day in covers if isinstance(covers, tuple) else ():
        w.add(node, SCHEMA.temporalCoverage, _date(day))


def _meeting_topic(w: _FactWriter) -> None:
    prop = (
        COW.outcome
        if w.arg("agreed")
        else COW.meetingAim
        if w.arg("aim")
        else COW.plannedTopic
        if w.arg("planned")
        else COW.discussed
    )
    meeting = w.node(w.ref("meeting"))
    w.literal(meeting, prop, "topic", _text)
    w.link(meeting, COW.topicAbout, "about")


def _founding(w: _FactWriter) -> None:
    entity = w.node(w.ref("entity"))
    w.literal(entity, COW.foundedOn, "date", _date)
    w.link(entity, COW.foundedBy, "founded_by")
    w.link(entity, COW.foundedIn, "place")


def _cited_work(w: _FactWriter) -> None:
    """A work a source's reference list cites: its bibliographic record and what it mentions."""
    work = w.node(w.ref("work"))
    w.add(source_iri(w.res.base, str(w.arg("cited_by"))), SCHEMA.citation, work)
    w.literal(work, SCHEMA.headline, "title", _text)
    w.literal(work, SCHEMA.alternativeHeadline, "translation", _text)
    w.link(work, SCHEMA.author, "authors")
    w.link(work, SCHEMA.publisher, "publisher")
    w.literal(work, SCHEMA.datePublished, "date", _date)
    w.literal(work, COW.retrievedOn, "retrieved", _date)
    w.literal(work, COW.archivedOn, "archived", _date)
    w.literal(work, SCHEMA.inLanguage, "language", _plain)
    w.literal(work, SCHEMA.genre, "genre", _plain)
    w.link(work, SCHEMA.mentions, "mentions")
    _covers(w, work)


def _source_credit(w: _FactWriter) -> None:
    """A byline, dateline, source line or image credit: who wrote the source, when it was
    published, whom it reports from, whom its images credit; an image of the source: its file
    name, caption, the day it was made, the days it shows and what it shows."""
    src = source_iri(w.res.base, str(w.arg("source")))
    role = w.arg("role")
    if role == "image":
        image = w.sub(f"image/{w.arg('image')}", SCHEMA.ImageObject)
        w.add(src, SCHEMA.image, image)
        w.literal(image, SCHEMA.creditText, "credit_text", _plain)
        w.link(image, SCHEMA.creator, "credited")
        w.literal(image, SCHEMA.name, "name", _plain)
        w.literal(image, SCHEMA.caption, "caption", _plain)
        w.literal(image, SCHEMA.dateCreated, "created", _date)
        w.link(image, SCHEMA.about, "about")
        w.link(image, SCHEMA.mentions, "mentions")
        _covers(w, image)
        return
    w.link(src, SCHEMA.author if role == "author" else SCHEMA.sourceOrganization, "credited")
    w.link(src, COW.informedBy, "based_on")
    w.literal(src, SCHEMA.datePublished, "date", _date)
    w.link(src, SCHEMA.locationCreated, "place")


def _force_link(arg: str, prop: URIRef) -> Callable[[_FactWriter], None]:
    """A fact that links a force to one task or component."""

    def write(w: _FactWriter) -> None:
        w.link(w.node(w.ref("force")), prop, arg)

    return write


def _chairmanship(w: _FactWriter) -> None:
    """Who chairs a body across its meetings: an ``org:Membership`` of the chair in the body,
    in the role of chair or co-chair, standing or not, from and as of when, how many times."""
    chair, body, role = w.ref("chair"), w.ref("body"), str(w.arg("role"))
    label = f"{w.res.label(chair)}, {role} of the {w.res.label(body)}"
    path = f"chairmanship/{w.key('body')}/{w.key('chair')}/{role}"
    node = w.sub(path, COW.Chairmanship, label)
    w.link(node, ORG.member, "chair")
    w.link(node, ORG.organization, "body")
    w.add(node, ORG.role, w.sub(f"role/{role}", ORG.Role, role))
    w.literal(node, COW.standingChair, "standing", lambda v: Literal(bool(v)))
    w.literal(node, SCHEMA.startDate, "since", _as_of)
    w.literal(node, COW.asOf, "as_of", _as_of)
    w.literal(
        node, COW.timesChaired, "times", lambda v: Literal(str(v), datatype=XSD.nonNegativeInteger)
    )


def _visit(w: _FactWriter) -> None:
    """A visit made: who, where, when, what for, in which capacity and for whom."""
    visitor, where = w.ref("visitor"), w.ref("destination")
    day = w.day()
    label = f"visit of {w.res.label(visitor)} to {w.res.label(where)}"
    path = f"visit/{w.key('visitor')}/{w.key('destination')}/{day}"
    node = w.sub(path, COW.Visit, label + (f", {day}" if day != _UNDATED else ""))
    w.link(node, COW.visitor, "visitor")
    w.link(node, SCHEMA.location, "destination")
    w.literal(node, SCHEMA.startDate, "date", _date)
    w.literal(node, COW.occasion, "occasion", _text)
    w.link(node, COW.inCapacityOf, "capacity")
    w.link(node, COW.onBehalfOf, "on_behalf_of")


def _based_in(w: _FactWriter) -> None:
    w.link(w.node(w.ref("organization")), COW.basedIn, "state")


STANCE_POLARITIES = {"support": COW.polaritySupport, "opposition": COW.polarityOpposition}


def _stance(w: _FactWriter) -> None:
    """Who backs or opposes whom (or what). One node per holder, polarity, target, day and
    wording (issue and modality), so that sources stating the same stance in the same words on
    the same day meet on it, and a node never holds two issues or modalities."""
    holder, polarity = w.ref("holder"), str(w.arg("polarity"))
    issue, modality = str(w.arg("issue")), str(w.arg("modality") or "asserted")
    target = w.arg("target")
    day = w.day()
    toward = w.key("target") if isinstance(target, Ref) else "issue"
    wording = _digest(f"{issue}|{modality}")
    toward_word = "for" if polarity == "support" else "to"
    label = f"{polarity} of {w.res.label(holder)} {toward_word} {issue}"
    path = f"stance/{w.key('holder')}/{polarity}/{toward}/{day}/{wording}"
    node = w.sub(path, COW.Stance, label)
    w.link(node, COW.stanceHolder, "holder")
    w.add(node, COW.stancePolarity, w.concept("polarity", STANCE_POLARITIES, "stance polarity"))
    w.link(node, COW.stanceTarget, "target")
    w.literal(node, COW.stanceIssue, "issue", _text)
    w.link(node, COW.about, "about")
    w.literal(node, COW.asOf, "date", _date)
    w.literal(node, COW.stanceModality, "modality", _plain)


def _digest(text: str) -> str:
    """A short, stable key for free text in an IRI."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


WRITERS: Mapping[FactKind, Callable[[_FactWriter], None]] = {
    FactKind.MEETING: _meeting,
    FactKind.MEETING_PLACE: _meeting_place,
    FactKind.MEETING_FORMAT: _meeting_format,
    FactKind.HOST: _relation("host", COW.hostedBy),
    FactKind.CHAIR: _relation("chair", COW.chairedBy),
    FactKind.PARTICIPATION: _participation,
    FactKind.NON_ATTENDANCE: _relation("party", COW.notAttendedBy),
    FactKind.COUNT_CLAIM: _count_claim,
    FactKind.POST_HOLDING: _post_holding,
    FactKind.PLEDGE: _pledge,
    FactKind.MEMBERSHIP: _membership,
    FactKind.LEADS: _leads,
    FactKind.NAME: _name,
    FactKind.BASED_IN: _based_in,
    FactKind.FORCE_TASK: _force_link("task", COW.mandateTask),
    FactKind.FORCE_COMPONENT: _force_link("component", COW.hasComponent),
    FactKind.FORCE_STATUS: _force_status,
    FactKind.COMMAND_POST: _command_post,
    FactKind.PLACE: _place,
    FactKind.GROUP: _group,
    FactKind.PLAN: _plan,
    FactKind.PLAN_POINT: _plan_point,
    FactKind.PRINCIPLE: _principle,
    FactKind.STATEMENT: _statement,
    FactKind.FOUNDING: _founding,
    FactKind.CITED_WORK: _cited_work,
    FactKind.SOURCE_CREDIT: _source_credit,
    FactKind.MEETING_TOPIC: _meeting_topic,
    FactKind.CHAIRMANSHIP: _chairmanship,
    FactKind.VISIT: _visit,
    FactKind.STANCE: _stance,
    FactKind.MEDIATION: _relation("mediator", COW.mediatedBy),
}


CLAIMED: Mapping[FactKind, tuple[tuple[str, str, URIRef], ...]] = {
    FactKind.FORCE_STATUS: (("force", "status", COW.forceStatus),),
    FactKind.COMMAND_POST: (
        ("post", "place", COW.locatedAt),
        ("post", "rotates_to", COW.rotatesTo),
    ),
    FactKind.HOST: (("meeting", "host", COW.hostedBy),),
    FactKind.FOUNDING: (("entity", "date", COW.foundedOn),),
}
"""Fact kind → (subject argument, value argument, property) whose values sources may state
differently (a status, a place, a host, a founding date): each stated value is also a
``cow:Claim`` in the same fact graph, so every value
keeps its source, passage and date beside the others (``queries/aq03-conflicting-claims.rq``)."""


def _as_of(value: FactValue) -> Literal:
    """A claim's date: an ``xsd:date``, or ``xsd:gYearMonth`` for a month ("2025-11")."""
    if isinstance(value, dt.date):
        return Literal(value, datatype=XSD.date)
    return Literal(str(value), datatype=XSD.gYearMonth)


def _claims(w: _FactWriter) -> None:
    """A ``cow:Claim`` per value of :data:`CLAIMED` the fact states: about its subject, with the
    property, the value and, when the fact gives one, the date it is stated to hold at."""
    for subject_arg, value_arg, prop in CLAIMED.get(w.fact.kind, ()):
        value = w.arg(value_arg)
        if value is None or value == "":
            continue
        subject = w.ref(subject_arg)
        name = prop.split("#")[-1]
        if isinstance(value, Ref):
            stated, shown = f"{value.kind.value}-{w.res.ref(value).key}", w.res.label(value)
        else:
            stated = shown = str(value)
        as_of = w.arg("as_of")
        path = f"claim/{name}/{subject.kind.value}-{w.key(subject_arg)}/{slugify(stated)}"
        label = f"{w.res.label(subject)} {name}: {shown}"
        c = w.sub(f"{path}/{as_of}" if as_of else path, COW.Claim, label)
        w.add(c, COW.about, w.node(subject))
        w.add(c, COW.claimedProperty, prop)
        if isinstance(value, Ref):
            w.add(c, COW.claimedValue, w.node(value))
        else:
            w.add(
                c, COW.claimedLiteral, _date(value) if isinstance(value, dt.date) else _plain(value)
            )
        if as_of is not None:
            w.add(c, COW.asOf, _as_of(as_of))


def fact_triples(fact: Fact, res: Resolution) -> frozenset[Triple]:
    """The content of one fact graph, per the table in docs/data-model.md (with the claims of
    :data:`CLAIMED`)."""
    writer = _FactWriter(res, fact)
    WRITERS[fact.kind](writer)
    _claims(writer)
    return frozenset(writer.triples)


def ntriples(triples: Iterable[tuple[URIRef, URIRef, URIRef | Literal]]) -> list[str]:
    """Sorted N-Triples lines of ``triples`` (what fact graph names are hashed from)."""
    return sorted(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


@dataclass(frozen=True)
class FactGraph:
    """One fact graph: its name, content, and every fact (seed, rule) that states it."""

    iri: URIRef
    triples: frozenset[Triple]
    facts: tuple[Fact, ...]

    @property
    def evidence(self) -> list[Span]:
        return sorted({span for fact in self.facts for span in fact.evidence})

    @property
    def methods(self) -> list[str]:
        return sorted({fact.method for fact in self.facts})


def fact_graphs(res: Resolution) -> list[FactGraph]:
    """Group the resolved facts by content; each distinct content is one named graph."""
    by_content: dict[frozenset[Triple], list[Fact]] = defaultdict(list)
    for fact in res.facts:
        by_content[fact_triples(fact, res)].append(fact)
    graphs = []
    for triples, facts in by_content.items():
        digest = hashlib.sha1("\n".join(ntriples(triples)).encode("utf-8")).hexdigest()
        graphs.append(FactGraph(graph_iri(res.base, f"fact/{digest}"), triples, tuple(facts)))
    return sorted(graphs, key=lambda g: str(g.iri))


def _evidence_triples(
    base: str, fact_iri: URIRef, span: Span, sources: Mapping[str, Source]
) -> Iterator[Triple]:
    """One oa:Annotation per passage, with quote (exact/prefix/suffix) and position selectors."""
    text = sources[span.seed].text
    ev = URIRef(f"{fact_iri}#ev-{Path(span.seed).stem}-{span.start}-{span.end}")
    target, quote, position = (URIRef(f"{ev}-{part}") for part in ("target", "quote", "position"))
    yield from (
        (fact_iri, COW.evidence, ev),
        (ev, RDF.type, OA.Annotation),
        (ev, OA.motivatedBy, OA.describing),
        (ev, OA.hasBody, fact_iri),
        (ev, OA.hasTarget, target),
        (target, RDF.type, OA.SpecificResource),
        (target, OA.hasSource, source_iri(base, span.seed)),
        (target, OA.hasSelector, quote),
        (target, OA.hasSelector, position),
        (quote, RDF.type, OA.TextQuoteSelector),
        (quote, OA.exact, Literal(span.text)),
        (quote, OA.prefix, Literal(text[max(0, span.start - CONTEXT_CHARS) : span.start])),
        (quote, OA.suffix, Literal(text[span.end : span.end + CONTEXT_CHARS])),
        (position, RDF.type, OA.TextPositionSelector),
        (position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)),
        (position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)),
    )


def provenance_triples(
    base: str, graph: FactGraph, sources: Mapping[str, Source]
) -> Iterator[Triple]:
    """The description of one fact graph: methods, seeds it derives from, evidence passages."""
    yield (graph.iri, RDF.type, COW.Fact)
    yield (graph.iri, RDF.type, PROV.Entity)
    yield (graph.iri, PROV.wasGeneratedBy, URIRef(f"{base}build"))
    for method in graph.methods:
        yield (graph.iri, COW.extractionMethod, Literal(method))
    for span in graph.evidence:
        if span.seed not in sources:
            raise AssemblyError(
                f"evidence cites unknown seed {span.seed!r} ({graph.facts[0].method})"
            )
        yield (graph.iri, PROV.wasDerivedFrom, source_iri(base, span.seed))
        yield from _evidence_triples(base, graph.iri, span, sources)


def primary_sources(res: Resolution, graphs: Iterable[FactGraph]) -> Iterator[Triple]:
    """A fact read from a reference entry (the title of a cited work, or the passage the entry
    quotes from it) rests on that work: its fact graph ``prov:hadPrimarySource`` the
    ``cow:CitedWork``, beside the citing source it ``prov:wasDerivedFrom``."""
    entries: dict[str, list[tuple[int, int, URIRef]]] = defaultdict(list)
    for fact in res.facts:
        work = fact.args.get("work")
        if fact.kind is FactKind.CITED_WORK and isinstance(work, Ref):
            for span in fact.evidence:
                entries[span.seed].append((span.start, span.end, res.iri(work)))
    starts = {seed: [start for start, _, _ in sorted(r)] for seed, r in entries.items()}
    ordered = {seed: sorted(r) for seed, r in entries.items()}
    for graph in graphs:
        if any(fact.kind is FactKind.CITED_WORK for fact in graph.facts):
            continue
        for span in graph.evidence:
            at = bisect.bisect_right(starts.get(span.seed, []), span.start)
            if at:  # entries are lines: only the last one starting before can hold the span
                start, end, work = ordered[span.seed][at - 1]
                if start <= span.start and span.end <= end:
                    yield (graph.iri, PROV.hadPrimarySource, work)


def source_triples(base: str, source: Source) -> Iterator[Triple]:
    """The description of one seed document (from its record in seeds/sources.yaml)."""
    s = source_iri(base, source.file)
    yield from ((s, RDF.type, COW.SourceDocument), (s, RDF.type, PROV.Entity))
    yield (s, DCTERMS.title, Literal(source.title, lang=source.language))
    yield (s, DCTERMS.language, Literal(source.language))
    yield (s, SCHEMA.url, Literal(f"seeds/{source.file}", datatype=XSD.anyURI))
    yield (s, COW.sha256, Literal(source.sha256))
    yield (s, DCTERMS.type, Literal(source.kind))
    for prop, value in ((DCTERMS.publisher, source.publisher), (DCTERMS.creator, source.author)):
        if value:
            yield (s, prop, Literal(value))
    if source.date:
        yield (s, DCTERMS.issued, Literal(source.date, datatype=XSD.date))


def source_graph_iri(base: str, file: str) -> URIRef:
    """The named graph of what one seed states: ``{base}graph/source/{file stem}``."""
    return graph_iri(base, f"source/{Path(file).stem}")


def _by_source(graphs: Iterable[FactGraph]) -> dict[str, set[Triple]]:
    """Seed file → the triples of every fact graph with a passage in that seed."""
    found: dict[str, set[Triple]] = defaultdict(set)
    for graph in graphs:
        for seed in {span.seed for span in graph.evidence}:
            found[seed].update(graph.triples)
    return found


def source_graph_provenance(base: str, source: Source) -> Iterator[Triple]:
    """A source graph is derived from its seed (a view of the fact graphs citing it)."""
    g = source_graph_iri(base, source.file)
    yield (g, RDF.type, PROV.Entity)
    yield (g, PROV.wasDerivedFrom, source_iri(base, source.file))
    yield (g, RDFS.label, Literal(f"what the source “{source.title}” states", lang="en"))


def dataset_triples(base: str) -> Iterator[Triple]:
    """The dataset and its licence, in the data itself: a dump read offline carries its terms."""
    dataset = URIRef(f"{base}dataset")
    yield (dataset, RDF.type, VOID.Dataset)
    yield (dataset, DCTERMS.title, Literal(DATASET_TITLE, lang="en"))
    yield (dataset, DCTERMS.license, URIRef(DATA_LICENSE))
    yield (dataset, DCTERMS.rights, Literal(DATA_RIGHTS, lang="en"))


def build_triples(base: str, sources: Iterable[Source]) -> Iterator[Triple]:
    """The build activity every fact graph is generated by; it used every seed."""
    build = URIRef(f"{base}build")
    yield (build, RDF.type, PROV.Activity)
    yield (build, RDFS.label, Literal("cowkg build: rule extraction from the seeds", lang="en"))
    for source in sources:
        yield (build, PROV.used, source_iri(base, source.file))


@dataclass(frozen=True, slots=True)
class AlignmentRow:
    """One row of an alignment table: an entity and its external identifiers."""

    table: str
    kind: EntityKind
    key: str
    wikidata: str
    dbpedia: str
    iso_alpha2: str


def read_alignments(directory: Path) -> list[AlignmentRow]:
    """Read ``alignments/{states,organizations,people}.csv`` (columns documented in its README)."""
    rows = []
    for table, kind in sorted(ALIGNMENT_TABLES.items()):
        path = directory / f"{table}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle), start=2):
                if not row.get("key"):
                    raise AssemblyError(f"{path}:{number}: alignment row without a key: {row}")
                rows.append(
                    AlignmentRow(
                        table,
                        kind,
                        row["key"],
                        row.get("wikidata") or "",
                        row.get("dbpedia") or "",
                        row.get("iso_alpha2") or "",
                    )
                )
    return rows


def alignment_table_iri(base: str, table: str) -> URIRef:
    """The IRI naming one alignment table (``{base}alignment/{table}``)."""
    return URIRef(f"{base}alignment/{table}")


def alignment_triples(
    base: str, rows: Iterable[AlignmentRow], present: set[URIRef]
) -> Iterator[Triple]:
    """owl:sameAs Wikidata/DBpedia and ISO codes, for the entities that exist in the graph."""
    for row in rows:
        entity = entity_iri(base, row.kind.value, row.key)
        if entity not in present:
            continue
        if row.wikidata:
            yield (entity, OWL.sameAs, WD[row.wikidata])
        if row.dbpedia:
            yield (entity, OWL.sameAs, DBR[row.dbpedia])
        if row.kind is EntityKind.STATE:
            yield (entity, COW.iso3166Alpha3, Literal(row.key))
            if row.iso_alpha2:
                yield (entity, COW.iso3166Alpha2, Literal(row.iso_alpha2))


def alignment_provenance(base: str, tables: Iterable[str]) -> Iterator[Triple]:
    """Describe the alignment graph as alignment from the named tables, not a seed claim."""
    g = graph_iri(base, "alignment")
    yield (g, RDF.type, PROV.Entity)
    yield (
        g,
        RDFS.comment,
        Literal(
            "Links to external identifiers (Wikidata, DBpedia, ISO 3166-1) from the alignment "
            "tables in alignments/; an alignment made by the maintainers, not a claim of any seed.",
            lang="en",
        ),
    )
    for table in sorted(set(tables)):
        t = alignment_table_iri(base, table)
        yield (g, PROV.wasDerivedFrom, t)
        yield (t, RDF.type, PROV.Entity)
        yield (t, SCHEMA.url, Literal(f"alignments/{table}.csv", datatype=XSD.anyURI))


@dataclass(frozen=True)
class Assembly:
    """The assembled dataset and the fact graphs it was built from (for the report)."""

    dataset: Dataset
    fact_graphs: tuple[FactGraph, ...]


def _typed_entities(graphs: Iterable[FactGraph]) -> set[URIRef]:
    return {s for g in graphs for s, p, _ in g.triples if p == RDF.type}


def assemble(
    res: Resolution, sources: Iterable[Source], alignments: Iterable[AlignmentRow]
) -> Assembly:
    """Build the dataset: one graph per fact, one per source (the facts it states), provenance,
    and the alignment graph (no inferences yet)."""
    base = res.base
    by_file = {s.file: s for s in sources}
    graphs = fact_graphs(res)
    ds = Dataset()
    provenance = ds.graph(graph_iri(base, "provenance"))
    for source in sorted(by_file.values(), key=lambda s: s.file):
        for triple in source_triples(base, source):
            provenance.add(triple)
    for triple in build_triples(base, sorted(by_file.values(), key=lambda s: s.file)):
        provenance.add(triple)
    for triple in dataset_triples(base):
        provenance.add(triple)
    for graph in graphs:
        named = ds.graph(graph.iri)
        for triple in graph.triples:
            named.add(triple)
        for triple in provenance_triples(base, graph, by_file):
            provenance.add(triple)
    for triple in primary_sources(res, graphs):
        provenance.add(triple)
    for seed, triples in sorted(_by_source(graphs).items()):
        named = ds.graph(source_graph_iri(base, seed))
        for triple in triples:
            named.add(triple)
        for triple in source_graph_provenance(base, by_file[seed]):
            provenance.add(triple)
    rows = list(alignments)
    aligned = list(alignment_triples(base, rows, _typed_entities(graphs)))
    if aligned:
        alignment = ds.graph(graph_iri(base, "alignment"))
        for triple in aligned:
            alignment.add(triple)
        for triple in alignment_provenance(base, (r.table for r in rows)):
            provenance.add(triple)
    log.info(
        "assemble: %d facts -> %d fact graphs, %d alignment links",
        len(res.facts),
        len(graphs),
        len(aligned),
    )
    return Assembly(ds, tuple(graphs))
