"""Namespaces: our ontology as a closed namespace, our data IRIs, and the prefixes we bind.

``COW`` is closed (``_fail = True``): a mistyped term raises instead of minting a new IRI. Its term
list must match ``ontology/cowkg.ttl``; ``tests/test_ontology.py`` checks that both ways.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    TIME,
    XSD,
    DefinedNamespace,
)

ONTOLOGY_IRI = "https://w3id.org/cowkg/ontology"
SHAPES_IRI = "https://w3id.org/cowkg/shapes"
DEFAULT_BASE = "https://w3id.org/cowkg/"
DATASET_TITLE = "Coalition of the Willing knowledge graph"
DATA_LICENSE = "https://creativecommons.org/licenses/by-sa/4.0/"
"""The data's licence, CC BY-SA 4.0: one seed is a Wikipedia article (CC BY-SA 4.0) whose passages
and tables the graph quotes and restructures, and ShareAlike keeps the graph reusable on the same
terms (README, "Licence"). Stated in the data itself, VoID, the Service Description and headers."""
DATA_RIGHTS = (
    "Data: CC BY-SA 4.0 (attribute cowkg and the sources named in the provenance graph). Quoted "
    "passages (oa:exact, oa:prefix, oa:suffix) remain the work of their publishers, named in each "
    "source's record; they are quoted as evidence for the facts and are not relicensed."
)


class COW(DefinedNamespace):
    """The Coalition of the Willing ontology (https://w3id.org/cowkg/ontology#)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # classes
    Coalition: URIRef
    State: URIRef
    InternationalOrganization: URIRef
    Person: URIRef
    Place: URIRef
    Force: URIRef
    MultinationalForce: URIRef
    ForceComponent: URIRef
    MandateTask: URIRef
    CommandPost: URIRef
    Headquarters: URIRef
    Meeting: URIRef
    Summit: URIRef
    MinisterialMeeting: URIRef
    MilitaryPlanningMeeting: URIRef
    DirectorsLevelMeeting: URIRef
    WorkingGroupMeeting: URIRef
    Participation: URIRef
    CoalitionMembership: URIRef
    PostHolding: URIRef
    MembershipBasis: URIRef
    Pledge: URIRef
    PledgeKind: URIRef
    UnnamedStateGroup: URIRef
    PlanningGroup: URIRef
    WorkingGroup: URIRef
    Plan: URIRef
    Agreement: URIRef
    PlanPoint: URIRef
    Principle: URIRef
    Claim: URIRef
    CountClaim: URIRef
    Statement: URIRef
    SpeechAct: URIRef
    SourceDocument: URIRef
    Fact: URIRef
    CitedWork: URIRef
    Publisher: URIRef
    # object properties
    ledBy: URIRef
    leads: URIRef
    membershipBasis: URIRef
    inCoalition: URIRef
    coalitionMemberOf: URIRef
    hostedBy: URIRef
    chairedBy: URIRef
    hasParticipation: URIRef
    participationIn: URIRef
    participant: URIRef
    inCapacityOf: URIRef
    onBehalfOf: URIRef
    participationMode: URIRef
    attendee: URIRef
    notAttendedBy: URIRef
    meetingOf: URIRef
    forceOf: URIRef
    hasComponent: URIRef
    mandateTask: URIRef
    politicallyLedBy: URIRef
    hasCommandPost: URIRef
    commandPostOf: URIRef
    locatedAt: URIRef
    commanderNation: URIRef
    leadNation: URIRef
    rotatesTo: URIRef
    rotationAfter: URIRef
    pledgedBy: URIRef
    pledgeKind: URIRef
    pledgeAmount: URIRef
    equivalentAmount: URIRef
    pledgeQuantity: URIRef
    memberCount: URIRef
    pledgedAt: URIRef
    pledgeModality: URIRef
    beneficiary: URIRef
    deploymentArea: URIRef
    groupOf: URIRef
    announcedBy: URIRef
    inauguratedBy: URIRef
    hasPoint: URIRef
    outlinedBy: URIRef
    draftedBy: URIRef
    plannedBy: URIRef
    signedBy: URIRef
    party: URIRef
    foundedBy: URIRef
    foundedIn: URIRef
    discussedAt: URIRef
    replacedBy: URIRef
    replaces: URIRef
    statedAt: URIRef
    statedBy: URIRef
    about: URIRef
    topicAbout: URIRef
    madeAt: URIRef
    addressedTo: URIRef
    informedBy: URIRef
    speechAct: URIRef
    claimedProperty: URIRef
    claimedValue: URIRef
    evidence: URIRef
    # datatype properties
    ordinal: URIRef
    undated: URIRef
    forceStatus: URIRef
    deploymentCondition: URIRef
    workingLanguage: URIRef
    commandLevel: URIRef
    commanderStars: URIRef
    inaugurationDate: URIRef
    establishmentPeriod: URIRef
    postStatus: URIRef
    pledgeDate: URIRef
    purpose: URIRef
    condition: URIRef
    domain: URIRef
    mandate: URIRef
    announcedOn: URIRef
    foundedOn: URIRef
    retrievedOn: URIRef
    archivedOn: URIRef
    pointCount: URIRef
    adoptedOn: URIRef
    planAim: URIRef
    planStatus: URIRef
    countedThing: URIRef
    countValue: URIRef
    countMinimum: URIRef
    countMaximum: URIRef
    countQualifier: URIRef
    claimText: URIRef
    statementText: URIRef
    statementDate: URIRef
    discussed: URIRef
    plannedTopic: URIRef
    meetingAim: URIRef
    outcome: URIRef
    claimedLiteral: URIRef
    asOf: URIRef
    extractionMethod: URIRef
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    sha256: URIRef
    # standing chairmanships
    Chairmanship: URIRef
    standingChair: URIRef
    timesChaired: URIRef
    # stances
    Stance: URIRef
    StancePolarity: URIRef
    polaritySupport: URIRef
    polarityOpposition: URIRef
    stanceHolder: URIRef
    stanceTarget: URIRef
    stancePolarity: URIRef
    stanceIssue: URIRef
    stanceModality: URIRef
    # visits
    Visit: URIRef
    visitor: URIRef
    occasion: URIRef
    # uses of a name
    NameUse: URIRef
    nameOf: URIRef
    usedName: URIRef
    nameAct: URIRef
    # an outlet's country
    basedIn: URIRef
    # talks between parties: their mediator
    mediatedBy: URIRef
    # individuals (membership bases)
    basisAttendance: URIRef
    basisPledge: URIRef
    basisAnnouncement: URIRef
    basisFounding: URIRef
    # individuals (speech acts)
    actSaid: URIRef
    actAnnounced: URIRef
    actConfirmed: URIRef
    actCalledFor: URIRef
    actDenied: URIRef
    actWarned: URIRef
    actRevealed: URIRef
    actAccused: URIRef
    actThanked: URIRef
    actCondemned: URIRef
    actAgreed: URIRef
    actDecided: URIRef
    actEndorsed: URIRef
    actSigned: URIRef
    actDiscussed: URIRef
    actProposed: URIRef
    # places (infobox3)
    inState: URIRef
    # speech acts (events3)
    actReported: URIRef


SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")
VANN = Namespace("http://purl.org/vocab/vann/")
WD = Namespace("http://www.wikidata.org/entity/")
DBR = Namespace("http://dbpedia.org/resource/")

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "cow": COW,
    "schema": SCHEMA,
    "org": ORG,
    "prov": PROV,
    "time": TIME,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "oa": OA,
    "geo": GEO,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "void": VOID,
    "sh": SH,
    "vann": VANN,
    "wd": WD,
    "dbr": DBR,
}


def bind_prefixes(graph: Graph, base: str = DEFAULT_BASE) -> Graph:
    """Bind our prefixes (and ``cowr:`` for data IRIs under ``base``) so output reads well."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, str(ns if isinstance(ns, Namespace) else ns._NS), override=True)
    graph.bind("cowr", base + "id/", override=True)
    return graph
