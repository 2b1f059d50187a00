"""Records passed between the pipeline stages, and the shared type aliases.

The data path is ``seeds → sources → mentions → extract → resolve → assemble → reason →
validate → store``. Stages before ``resolve`` mint no IRIs: they speak of entities by
:class:`Ref` (a kind and a normalised key), so that extraction can be tested without RDF and an
IRI scheme can change in one place (:mod:`cowkg.resolve`).

Every :class:`Fact` carries at least one :class:`Span`: the verbatim passage of a seed it rests on,
with code-point offsets into the seed file exactly as stored.
``Span.text == seed_text[start:end]`` is checked by the build
(:func:`cowkg.sources.verify_span`); nothing reaches the graph without it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A verbatim passage of one seed: ``text == seed_text[start:end]`` (code points, end excl.)."""

    seed: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    """One seed file and its record from ``seeds/sources.yaml``."""

    file: str
    text: str
    title: str
    language: str
    kind: str
    date: dt.date | None = None
    publisher: str | None = None
    author: str | None = None
    note: str | None = None
    sha256: str = ""


class EntityKind(StrEnum):
    """Kinds of things the extractor names; :mod:`cowkg.resolve` maps each to class and IRI path."""

    STATE = "state"  # key: ISO 3166-1 alpha-3, e.g. "GBR"
    ORGANIZATION = "organization"  # key: slug, e.g. "nato", "european-commission"
    PERSON = "person"  # key: slug of the full name, e.g. "keir-starmer"
    PLACE = "place"  # key: slug, e.g. "lancaster-house-london"
    MEETING = "meeting"  # key: "<ISO date>-<meeting kind>", e.g. "2025-03-27-summit"
    COALITION = "coalition"  # key: "coalition-of-the-willing"
    FORCE = "force"  # key: slug, e.g. "mnf-u"
    COMMAND_POST = "command-post"  # key: slug, e.g. "paris-hq"
    GROUP = "group"  # planning / working groups; key: slug
    PLAN = "plan"  # plans, declarations, memoranda; key: slug
    ROLE = "role"  # posts and capacities; key: slug, e.g. "prime-minister"
    TASK = "task"  # mandate tasks of a force; key: slug
    COMPONENT = "component"  # force components / domains; key: slug
    PLEDGE = "pledge"  # key: "<pledger key>-<date or seq>"
    STATE_GROUP = "state-group"  # states a source counts, not names; key: slug of words + source
    CLAIM = "claim"  # a stated count or other claim that sources may disagree on
    PRINCIPLE = "principle"  # stated principles and aims; key: slug
    STATEMENT = (
        "statement"  # what a party said; key: "<ISO date or 'undated'>-<digest of the text>"
    )
    WORK = "work"  # a work a source cites; key: "<ISO date or 'undated'>-<digest of its title>"
    PUBLISHER = "publisher"  # who published a cited work (a news outlet, a press office); slug


@dataclass(frozen=True, slots=True, order=True)
class Ref:
    """A reference to an entity by kind and normalised key, before IRIs exist."""

    kind: EntityKind
    key: str
    label: str = field(default="", compare=False)


class MentionKind(StrEnum):
    """What a recognised stretch of text names."""

    STATE = "state"
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"
    DATE = "date"
    AMOUNT = "amount"  # money: value + ISO 4217 currency
    QUANTITY = "quantity"  # numbers and ranges of things: "50 to 250 soldiers"
    ROLE = "role"  # titles: "Prime Minister", "defence secretary"
    COUNT = "count"  # "31 countries", "nearly 30 country leaders"


PARTY_KINDS = frozenset({MentionKind.STATE, MentionKind.ORGANIZATION, MentionKind.PERSON})
"""Mention kinds that name a party — one that can act, speak, hold a stance or be spoken of as
an agent: a state, an organisation or a person."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A recognised entity, date or amount in a seed.

    ``value`` holds the normalised reading: a :class:`Ref` for entities, a :class:`datetime.date`
    for dates, a :class:`Money` or :class:`Quantity` for amounts.
    """

    kind: MentionKind
    span: Span
    value: Ref | dt.date | Money | Quantity | str
    # Added for the extractor (all optional, so older callers are unaffected):
    # ``of``: the state or organisation a ROLE's post (or a titled PERSON's post) belongs to;
    # ``role``: for a PERSON named with a title, that title as Ref(ROLE);
    # ``form``: how it was written ("name", "alias", "demonym", "surname", "relative", "range"...);
    # ``end``: the last day of a DATE range ("24–26 March"). An unresolved relative date keeps
    # its text as ``value`` (a ``str``).
    of: Ref | None = None
    role: Ref | None = None
    form: str = ""
    end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Money:
    """An amount of money; ``currency`` is an ISO 4217 code."""

    value: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number or range of things (``minimum == maximum`` for a single number).

    ``qualifier`` keeps the hedge a source used ("nearly", "more than", "around", "") so that
    conflicting counts can be compared honestly.
    """

    minimum: Decimal | None
    maximum: Decimal | None
    unit: str
    qualifier: str = ""


class FactKind(StrEnum):
    """The closed set of fact kinds, each with its argument names (documented per member).

    Argument values are :class:`Ref`, :class:`datetime.date`, :class:`Money`, :class:`Quantity`,
    ``int``, ``Decimal`` or ``str`` (a ``str`` label may carry a language as ``Lang``).
    """

    # meeting: Ref(MEETING); date?: date; end_date?: date; meeting_kind: str (summit | ministerial |
    # military | directors | working-group | meeting); name?: str; ordinal?: int; body?: Ref
    # (the coalition, only when the text says the meeting is its); undated?: True (no date given:
    # ``date`` is then absent)
    MEETING = "meeting"
    # meeting: Ref(MEETING); place: Ref(PLACE)
    MEETING_PLACE = "meeting-place"
    # meeting: Ref(MEETING); format: str (in-person | virtual | hybrid)
    MEETING_FORMAT = "meeting-format"
    # meeting: Ref(MEETING); host: Ref(STATE | ORGANIZATION | PERSON)
    HOST = "host"
    # meeting: Ref(MEETING); chair: Ref(PERSON | STATE)
    CHAIR = "chair"
    # meeting: Ref(MEETING); participant: Ref; capacity?: Ref(ROLE); on_behalf_of?: Ref;
    # mode?: str (in-person | virtual)
    PARTICIPATION = "participation"
    # meeting: Ref(MEETING); party: Ref  -- a seed states the party was NOT represented
    NON_ATTENDANCE = "non-attendance"
    # claim: Ref(CLAIM); about?: Ref (a meeting, the coalition: only when the source says);
    # counted: str ("countries", "troops", "points"…); quantity: Quantity; text: str; as_of?: date;
    # deployment_area?: Ref(STATE) (where counted troops are to be: "25,000 troops in X")
    COUNT_CLAIM = "count-claim"
    # person: Ref(PERSON); role: Ref(ROLE); organization?: Ref(STATE | ORGANIZATION); as_of?: date
    POST_HOLDING = "post-holding"
    # pledge: Ref(PLEDGE); pledger: Ref | tuple[Ref, ...]; pledge_kind: str (money | troops |
    # equipment | capability | training | other); amount?: Money; equivalent?: Money;
    # quantity?: Quantity; purpose?: str; condition?: str; date?: date; meeting?: Ref(MEETING);
    # beneficiary?: Ref (whom it is for: "aid to X"); deployment_area?: Ref(STATE) (where what is
    # pledged is to go: "send troops to X");
    # modality?: str (pledged | offered | ready | considering | planned | future | conditional |
    # possible | asserted); pledger may be a tuple of Refs: one pledge made by a group together;
    # pledger_count?: Quantity -- how many states an unnamed group pledger (STATE_GROUP) has
    PLEDGE = "pledge"
    # member: Ref(STATE | ORGANIZATION); coalition: Ref(COALITION);
    # basis: str (attendance | pledge | announcement | founding); date?: date
    MEMBERSHIP = "membership"
    # coalition: Ref(COALITION | FORCE); leader: Ref(STATE)
    LEADS = "leads"
    # entity: Ref; label: str; lang: str (BCP 47); alternative: bool  -- names and acronyms;
    # a use of the name the source dates or credits: act?: str (used | confirmed | revealed |
    # adopted); date?: date; by?: Ref (who used it: an outlet, a state, a person)
    NAME = "name"
    # force: Ref(FORCE); task: Ref(TASK)
    FORCE_TASK = "force-task"
    # force: Ref(FORCE); component: Ref(COMPONENT)
    FORCE_COMPONENT = "force-component"
    # force: Ref(FORCE | COALITION: an infobox's subject); status?: str (planned | not-mandated
    # ...); condition?: str; working_language?: str; coalition?: Ref(COALITION); as_of?: date |
    # str ("2025-11", a month); deployment_area?: Ref(STATE) (where it is to deploy or act)
    FORCE_STATUS = "force-status"
    # post: Ref(COMMAND_POST); force?: Ref(FORCE); place?: Ref(PLACE); level?: str; stars?: int;
    # commander_nation?: Ref(STATE); lead_nations?: tuple[Ref, ...]; inaugurated?: date;
    # established?: str; rotates_to?: Ref(PLACE); rotation_months?: int; coalition?:
    # Ref(COALITION) (the coalition the post is of); status?: str (planned | in-place)
    COMMAND_POST = "command-post"
    # place: Ref(PLACE); lat?: Decimal; long?: Decimal (both or neither); within?: Ref(PLACE);
    # state?: Ref(STATE) (the state a source writes beside the place: its name or flag)
    PLACE = "place"
    # group: Ref(GROUP); group_kind: str (planning | working); parent: Ref(COALITION); domain?: str;
    # mandate?: str; announced_by?: Ref; announced_on?: date; inaugurated_by?: tuple[Ref, ...];
    # members?: tuple[Ref, ...]
    GROUP = "group"
    # plan: Ref(PLAN); plan_kind: str (plan | declaration | memorandum | agreement); points?: int;
    # outlined_by?: Ref; drafted_by?: Ref; signed_by?: tuple[Ref, ...]; party?: tuple[Ref, ...]
    # (whom it is between: "an agreement between A, B and C"); discussed_at?: Ref(MEETING);
    # replaced_by?: Ref(PLAN); date?: date; planned_by?: tuple[Ref, ...] (whose intention or plan
    # in the making it is); aim?: str (what it is to do, verbatim); status?: str (intended |
    # in-preparation); deployment_area?: Ref(STATE) (where what it plans is to be deployed or
    # done: "a plan to send troops to X"); beneficiary?: Ref (whom it is for: "a reconstruction
    # plan for X", "to guarantee X's security")
    PLAN = "plan"
    # plan: Ref(PLAN); position: int; text: str; beneficiary?: Ref (whom the point is for: "aid
    # to X"; written on the plan); about?: tuple[Ref, ...] (the other states and organisations
    # the point names: "pressure on X")
    PLAN_POINT = "plan-point"
    # principle: Ref(PRINCIPLE); text: str; stated_at?: Ref(MEETING); stated_by?: Ref
    PRINCIPLE = "principle"
    # statement: Ref(STATEMENT); speaker: Ref(PERSON | STATE | ORGANIZATION); speech_act: str
    # (said | announced | confirmed | called-for | denied | warned | revealed | accused | thanked |
    # condemned | agreed | decided | endorsed | signed | discussed | proposed | reported: what a
    # news outlet relays); text: str (the
    # reported content, verbatim); date?: date; meeting?: Ref(MEETING); about?: tuple[Ref, ...]
    # (meetings, forces, plans, states the content names); addressee?: tuple[Ref, ...] (whom it
    # was told to: "told Peru that …"); covers?: tuple[date, ...] (the days its words name:
    # calendar dates, and "today", "yesterday", a weekday when it was said on the day the
    # source's relative dates are read from); capacity?: Ref(ROLE);
    # on_behalf_of?: Ref(STATE | ORGANIZATION)
    STATEMENT = "statement"
    # meeting: Ref(MEETING); topic: str (as the source words it); planned?: True (reported before
    # the meeting: "the leaders will discuss …"); agreed?: True (its participants agreed it: "the
    # leaders agreed that …"); aim?: True (what it was for: "a summit to back …");
    # about?: tuple[Ref, ...] (the states, organisations and people the topic names)
    # -- what a meeting discussed, was to discuss, agreed, or was for
    MEETING_TOPIC = "meeting-topic"
    # entity: Ref(COALITION | FORCE); date?: date; founded_by?: tuple[Ref, ...];
    # place?: Ref(PLACE)  -- a source says when (and by whom, where) the coalition or a force was
    # founded, launched or announced
    FOUNDING = "founding"
    # work: Ref(WORK); title: Lang (verbatim); cited_by: str (the citing source's file);
    # number?: str (its number in the source's reference list: "12", "12.2");
    # translation?: Lang (the title's translation the entry gives); authors?: tuple[Ref(PERSON)];
    # publisher?: Ref(PUBLISHER | ORGANIZATION); date?: date (published); retrieved?: date;
    # archived?: date; language?: str (BCP 47, when the entry names it); genre?: str ("Press
    # release", "Speech"…); mentions?: tuple[Ref] (the agents its title and the passage quoted
    # from it name); covers?: tuple[date, ...] (the dates they name)  -- a reference entry
    CITED_WORK = "cited-work"
    # source: str (the source's file); role: str (author | published | source | image); credited?:
    # tuple[Ref] (authors; the outlet a report comes from; whom an image credits); based_on?:
    # tuple[Ref] (whose information a report rests on: "with reference to"); date?: date (the
    # day a dateline or date stamp gives); image?: str (key of the image node); credit_text?:
    # str (the image's credit as written); name?: str (an image's file name); caption?: str (the
    # caption under it); created?: date (the day its file name writes); covers?: tuple[date, ...]
    # (the days its caption names); about?: tuple[Ref, ...] (the agents and places its name and
    # caption name); mentions?: tuple[Ref, ...] (those its caption says are not pictured);
    # place?: Ref(PLACE) (where a news dateline files the report from)
    # -- a byline, dateline, date stamp, source line, image credit or image
    SOURCE_CREDIT = "source-credit"
    # body: Ref(COALITION); chair: Ref(STATE | PERSON); role: str (chair | co-chair);
    # standing?: True (a "permanent", "constant", "standing" chair); since?: date | str (the
    # day or month, "2025-07", it holds from); as_of?: date | str (the day or month it is stated
    # to hold at); times?: int (how many times the chair served: "twice")
    # -- who chairs a body across its meetings, not one meeting (that is CHAIR)
    CHAIRMANSHIP = "chairmanship"
    # visitor: Ref(PERSON | STATE | ORGANIZATION); destination: Ref(STATE | PLACE); date?: date
    # (the day its phrase names: "on 3 May", or that of the occasion it was for); occasion?: str
    # (what it was for, as the source words it: "for the 3 May ceremonies"); capacity?:
    # Ref(ROLE); on_behalf_of?: Ref(STATE | ORGANIZATION)  -- a visit made (not one planned,
    # cancelled or denied)
    VISIT = "visit"
    # organization: Ref(ORGANIZATION | PUBLISHER); state: Ref(STATE) -- where an outlet is based,
    # as a demonym before a noun of the press says ("the German newspaper X")
    BASED_IN = "based-in"
    # meeting: Ref(MEETING); mediator: Ref(STATE | PERSON | ORGANIZATION) -- a third party that
    # mediates or brokers talks between others ("talks between A and B mediated by C",
    # "C-brokered talks"); neither host nor participant
    MEDIATION = "mediation"
    # holder: Ref(STATE | ORGANIZATION | PERSON | COALITION); polarity: str (support |
    # opposition); issue: str (what the stance is toward, verbatim: the target's name, or "the
    # option of sending troops"); target?: Ref (the party it is toward, when the words name
    # one: "backed X", "X's backers", "against X's aggression"); about?: tuple[Ref, ...] (the
    # parties an issue that is no party names); date?: date; modality?: str (future | planned |
    # expected | committed; absent: asserted)  -- who backs or opposes whom or what, as a
    # position (a pledge of support is a PLEDGE)
    STANCE = "stance"


@dataclass(frozen=True, slots=True)
class Lang:
    """A language-tagged string argument."""

    text: str
    lang: str


FactValue = (
    Ref
    | dt.date
    | Money
    | Quantity
    | int
    | Decimal
    | str
    | Lang
    | bool
    | tuple[Ref, ...]
    | tuple[dt.date, ...]
)


@dataclass(frozen=True, slots=True)
class Fact:
    """One claim a seed makes, with the passage(s) it rests on.

    ``method`` names what produced it: ``rule:<rule-name>`` for the extractor's rules,
    ``curation:<entry-id>`` for an entry of the reviewed curation file.
    """

    kind: FactKind
    args: Mapping[str, FactValue]
    evidence: tuple[Span, ...]
    method: str
