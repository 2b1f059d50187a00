"""Assembly: a named graph per fact, evidence with exact quotes and offsets, alignment apart."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pycountry
import pytest
from fixtures.graph_facts import AUS, GBR, MARCH_15, S004, W, sample_facts, sources
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from cowkg.assemble import (
    Assembly,
    AssemblyError,
    FactGraph,
    assemble,
    fact_triples,
    graph_iri,
    ntriples,
    read_alignments,
    source_iri,
)
from cowkg.namespaces import COW, OA, SCHEMA, WD
from cowkg.resolve import Resolution, resolve
from cowkg.types import EntityKind, Fact, FactKind, Lang, Money, Quantity, Ref, Source, Span

BASE = "https://w3id.org/cowkg/"
ALIGNMENTS = Path(__file__).resolve().parent.parent / "alignments"
Built = tuple[dict[str, Source], Resolution, Assembly]


def alone(fact: Fact) -> frozenset[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The triples of ``fact``'s graph, resolved on its own."""
    return fact_triples(fact, resolve([fact], BASE))


def properties(
    triples: Iterable[tuple[URIRef, URIRef, URIRef | Literal]], node: URIRef
) -> set[tuple[URIRef, URIRef | Literal]]:
    """The (property, value) pairs of ``node`` among ``triples``."""
    return {(p, o) for s, p, o in triples if s == node}


@pytest.fixture(scope="module")
def built() -> tuple[dict[str, Source], Resolution, Assembly]:
    srcs = sources()
    res = resolve(sample_facts(srcs), BASE)
    return srcs, res, assemble(res, srcs.values(), read_alignments(ALIGNMENTS))


def _fact_graphs(ds: Dataset) -> list[Graph]:
    return [g for g in ds.graphs() if str(g.identifier).startswith(BASE + "graph/fact/")]


def test_fact_graph_name_is_the_sha1_of_its_sorted_ntriples(built: Built) -> None:
    _srcs, _res, assembly = built
    for g in _fact_graphs(assembly.dataset):
        digest = hashlib.sha1("\n".join(ntriples(g)).encode("utf-8")).hexdigest()
        assert str(g.identifier) == f"{BASE}graph/fact/{digest}"


def test_the_same_fact_from_two_seeds_is_one_graph_with_two_evidences(built: Built) -> None:
    _srcs, _res, assembly = built
    participation = URIRef(f"{BASE}id/participation/2025-03-15-summit/state-AUS")
    holders = [g for g in assembly.fact_graphs if any(t[0] == participation for t in g.triples)]
    plain = [g for g in holders if not any(p == COW.inCapacityOf for _, p, _ in g.triples)]
    assert len(plain) == 1
    prov = assembly.dataset.graph(graph_iri(BASE, "provenance"))
    assert set(prov.objects(plain[0].iri, PROV.wasDerivedFrom)) == {
        source_iri(BASE, W),
        source_iri(BASE, S004),
    }
    assert len(set(prov.objects(plain[0].iri, COW.evidence))) == 2


def test_every_evidence_quote_is_the_seed_text_at_its_offsets(built: Built) -> None:
    srcs, _res, assembly = built
    prov = assembly.dataset.graph(graph_iri(BASE, "provenance"))
    checked = 0
    for ev in prov.subjects(RDF.type, OA.Annotation):
        target = prov.value(ev, OA.hasTarget)
        seed = str(prov.value(target, OA.hasSource)).rsplit("/", 1)[1] + ".txt"
        text = srcs[seed].text
        selectors = list(prov.objects(target, OA.hasSelector))
        quote = next(s for s in selectors if (s, RDF.type, OA.TextQuoteSelector) in prov)
        position = next(s for s in selectors if (s, RDF.type, OA.TextPositionSelector) in prov)
        start, end = int(prov.value(position, OA.start)), int(prov.value(position, OA.end))
        assert str(prov.value(quote, OA.exact)) == text[start:end]
        assert str(prov.value(quote, OA.prefix)) == text[max(0, start - 32) : start]
        assert str(prov.value(quote, OA.suffix)) == text[end : end + 32]
        checked += 1
    assert checked >= len(assembly.fact_graphs)


def test_each_fact_graph_types_and_labels_every_entity_it_names(built: Built) -> None:
    _srcs, _res, assembly = built
    for g in assembly.fact_graphs:
        for s, _p, o in g.triples:
            for node in (s, o):
                if (
                    isinstance(node, URIRef)
                    and "/id/" in node
                    and "/id/amount/" not in node
                    and "/id/quantity/" not in node
                    and "/id/duration/" not in node
                ):
                    assert (node, RDF.type, None) in _as_graph(g), (node, g.iri)


def _as_graph(g: FactGraph) -> Graph:
    out = Graph()
    for t in g.triples:
        out.add(t)
    return out


def test_at_most_one_label_per_language_and_no_blank_nodes(built: Built) -> None:
    _srcs, _res, assembly = built
    for s, p, o, _g in assembly.dataset.quads():
        assert not any(isinstance(t, BNode) for t in (s, p, o))
    seen = {(s, o) for s, p, o, _g in assembly.dataset.quads() if p == RDFS.label}
    per_lang = Counter((s, o.language) for s, o in seen)
    assert max(per_lang.values()) == 1, [k for k, n in per_lang.items() if n > 1]


def test_meetings_take_the_class_of_their_canonical_key(built: Built) -> None:
    _srcs, res, assembly = built
    m = res.iri(MARCH_15)
    types = {o for _s, _p, o, _g in assembly.dataset.quads((m, RDF.type, None, None))}
    assert types == {COW.Summit}
    modes = {
        o for _s, _p, o, _g in assembly.dataset.quads((m, SCHEMA.eventAttendanceMode, None, None))
    }
    assert modes == {SCHEMA.OnlineEventAttendanceMode}


def test_pledge_amounts_are_typed_decimals_with_iso_currency(built: Built) -> None:
    _srcs, _res, assembly = built
    amount = URIRef(f"{BASE}id/amount/gbr-2025-03-02")
    values = {o for _s, _p, o, _g in assembly.dataset.quads((amount, SCHEMA.value, None, None))}
    assert values == {Literal(Decimal("1600000000"))}
    currencies = {
        o for _s, _p, o, _g in assembly.dataset.quads((amount, SCHEMA.currency, None, None))
    }
    assert currencies == {Literal("GBP")}


def test_alignment_only_for_entities_in_the_graph_and_described_as_alignment(built: Built) -> None:
    _srcs, res, assembly = built
    alignment = assembly.dataset.graph(graph_iri(BASE, "alignment"))
    assert (res.iri(GBR), OWL.sameAs, WD.Q145) in alignment
    assert (res.iri(AUS), COW.iso3166Alpha2, Literal("AU")) in alignment
    japan = URIRef(f"{BASE}id/state/JPN")  # in the table, not in these facts
    assert (japan, None, None) not in alignment
    prov = assembly.dataset.graph(graph_iri(BASE, "provenance"))
    assert "not a claim of any seed" in str(prov.value(graph_iri(BASE, "alignment"), RDFS.comment))
    assert (
        graph_iri(BASE, "alignment"),
        PROV.wasDerivedFrom,
        URIRef(f"{BASE}alignment/states"),
    ) in prov


def test_state_table_agrees_with_pycountry() -> None:
    with (ALIGNMENTS / "states.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        country = pycountry.countries.get(alpha_3=row["key"])
        assert country is not None, row
        assert (row["iso_alpha2"], row["name"]) == (country.alpha_2, country.name)


def test_alignment_tables_have_unique_keys_and_wellformed_ids() -> None:
    rows = read_alignments(ALIGNMENTS)
    keys = Counter((r.kind, r.key) for r in rows)
    assert max(keys.values()) == 1
    for r in rows:
        assert not r.wikidata or (r.wikidata[0] == "Q" and r.wikidata[1:].isdigit()), r
        assert " " not in r.dbpedia, r


def test_a_bad_argument_is_a_clear_error() -> None:
    meeting = Ref(EntityKind.MEETING, "2025-01-01-summit")
    fact = Fact(FactKind.MEETING_FORMAT, {"meeting": meeting, "format": "telepathy"}, (), "rule:x")
    with pytest.raises(AssemblyError, match="telepathy"):
        alone(fact)


@pytest.mark.parametrize("written", ["2200000000", "2200000000.0", "2.2E+9", "2200000000.00"])
def test_an_amount_is_one_canonical_decimal_however_it_was_written(written: str) -> None:
    pledge = Ref(EntityKind.PLEDGE, "chl-loan", "")
    money = Money(Decimal(written), "GBP")
    fact = Fact(FactKind.PLEDGE, {"pledge": pledge, "pledger": GBR, "pledge_kind": "money",
                                  "amount": money}, (), "rule:x")  # fmt: skip
    values = {o for _s, p, o in alone(fact) if p == SCHEMA.value}
    assert values == {Literal("2200000000", datatype=XSD.decimal)}


MNFU = Ref(EntityKind.FORCE, "mnf-u", "Multinational Force–Ukraine")
PARIS_HQ = Ref(EntityKind.COMMAND_POST, "paris-hq", "Paris headquarters")


def _claims(facts: list[Fact]) -> dict[URIRef, dict[URIRef, set[object]]]:
    """Each cow:Claim node of the facts' graphs → property → values (one graph per fact)."""
    res = resolve(facts, BASE)
    found: dict[URIRef, dict[URIRef, set[object]]] = {}
    for fact in facts:
        triples = fact_triples(fact, res)
        for claim in {s for s, p, o in triples if p == RDF.type and o == COW.Claim}:
            props = found.setdefault(claim, {})
            for s, p, o in triples:
                if s == claim:
                    props.setdefault(p, set()).add(o)
    return found


def test_each_stated_status_is_a_claim_with_its_date_beside_the_others() -> None:
    facts = [
        Fact(FactKind.FORCE_STATUS, {"force": MNFU, "status": "proposed"}, (), "rule:x"),
        Fact(
            FactKind.FORCE_STATUS,
            {"force": MNFU, "status": "planning", "as_of": "2025-11"},
            (),
            "rule:x",
        ),
    ]
    claims = _claims(facts)
    assert len(claims) == 2
    by_value = {next(iter(c[COW.claimedLiteral])): c for c in claims.values()}
    assert set(by_value) == {Literal("proposed"), Literal("planning")}
    planning = by_value[Literal("planning")]
    assert planning[COW.about] == {URIRef(f"{BASE}id/force/mnf-u")}
    assert planning[COW.claimedProperty] == {COW.forceStatus}
    assert planning[COW.asOf] == {Literal("2025-11", datatype=XSD.gYearMonth)}
    assert COW.asOf not in by_value[Literal("proposed")]


def test_destinations_and_hosts_are_claims_of_things_and_other_facts_make_none() -> None:
    london = Ref(EntityKind.PLACE, "london", "London")
    meeting = Ref(EntityKind.MEETING, "2025-03-02-summit")
    facts = [
        Fact(FactKind.COMMAND_POST, {"post": PARIS_HQ, "rotates_to": london}, (), "rule:x"),
        Fact(FactKind.HOST, {"meeting": meeting, "host": GBR}, (), "rule:x"),
        Fact(FactKind.FORCE_TASK, {"force": MNFU, "task": Ref(EntityKind.TASK, "t")}, (), "r:x"),
    ]
    claims = _claims(facts)
    assert {next(iter(c[COW.claimedProperty])) for c in claims.values()} == {
        COW.rotatesTo,
        COW.hostedBy,
    }
    values = {next(iter(c[COW.claimedValue])) for c in claims.values()}
    assert values == {URIRef(f"{BASE}id/place/london"), URIRef(f"{BASE}id/state/GBR")}


def _statement(act: str) -> Fact:
    return Fact(
        FactKind.STATEMENT,
        {
            "statement": Ref(EntityKind.STATEMENT, "2025-03-15-abc", "Keir Starmer: we are ready"),
            "speaker": Ref(EntityKind.PERSON, "keir-starmer", "Keir Starmer"),
            "speech_act": act,
            "text": "we are ready",
            "meeting": MARCH_15,
            "about": (AUS,),
            "on_behalf_of": GBR,
        },
        (),
        "rule:x",
    )


def test_a_statement_is_attributed_quoted_and_made_at_its_meeting() -> None:
    fact = _statement("warned")
    triples = alone(fact)
    st = URIRef(f"{BASE}id/statement/2025-03-15-abc")
    assert {(p, o) for s, p, o in triples if s == st} >= {
        (RDF.type, COW.Statement),
        (COW.statedBy, URIRef(f"{BASE}id/person/keir-starmer")),
        (COW.speechAct, COW.actWarned),
        (COW.statementText, Literal("we are ready", lang="en")),
        (COW.madeAt, URIRef(f"{BASE}id/meeting/2025-03-15-summit")),
        (COW.about, URIRef(f"{BASE}id/state/AUS")),
        (COW.onBehalfOf, URIRef(f"{BASE}id/state/GBR")),
    }
    with pytest.raises(AssemblyError, match="unknown speech act 'sang'"):
        bad = _statement("sang")
        fact_triples(bad, resolve([bad], BASE))


def test_a_meetings_aim_is_its_meeting_aim_about_what_it_names() -> None:
    args = {"meeting": MARCH_15, "topic": "to back Australia", "about": (AUS,)}
    aim = Fact(FactKind.MEETING_TOPIC, {**args, "aim": True}, (), "rule:x")
    topic = Fact(FactKind.MEETING_TOPIC, args, (), "rule:x")
    meeting = URIRef(f"{BASE}id/meeting/2025-03-15-summit")
    triples = fact_triples(aim, resolve([aim], BASE))
    assert {(p, o) for s, p, o in triples if s == meeting} >= {
        (COW.meetingAim, Literal("to back Australia", lang="en")),
        (COW.topicAbout, URIRef(f"{BASE}id/state/AUS")),
    }
    assert not any(p == COW.discussed for _, p, _ in triples)
    plain = fact_triples(topic, resolve([topic], BASE))
    assert not any(p == COW.meetingAim for _, p, _ in plain)


def test_an_unnamed_group_pledges_with_its_member_count() -> None:
    group = Ref(EntityKind.STATE_GROUP, "21-of-the-partners-x1", "21 of the partners")
    fact = Fact(
        FactKind.PLEDGE,
        {
            "pledge": Ref(EntityKind.PLEDGE, "21-of-the-partners-x1-x1-0", "pledge by the 21"),
            "pledger": group,
            "pledge_kind": "troops",
            "pledger_count": Quantity(Decimal(21), Decimal(21), "countries", ""),
        },
        (),
        "rule:x",
    )
    triples = alone(fact)
    node = URIRef(f"{BASE}id/state-group/21-of-the-partners-x1")
    count = URIRef(f"{BASE}id/quantity/state-group/21-of-the-partners-x1")
    assert {(s, p, o) for s, p, o in triples if s in {node, count}} == {
        (node, RDF.type, COW.UnnamedStateGroup),
        (node, RDFS.label, Literal("21 of the partners", lang="en")),
        (node, COW.memberCount, count),
        (count, RDF.type, SCHEMA.QuantitativeValue),
        (count, SCHEMA.minValue, Literal(21, datatype=XSD.integer)),
        (count, SCHEMA.maxValue, Literal(21, datatype=XSD.integer)),
        (count, SCHEMA.unitText, Literal("countries")),
    }
    assert (URIRef(f"{BASE}id/pledge/21-of-the-partners-x1-x1-0"), COW.pledgedBy, node) in triples


def test_the_data_states_its_licence(built: Built) -> None:
    """The licence travels with every dump: it is in the provenance graph, not only in headers."""
    _srcs, _res, assembly = built
    provenance = assembly.dataset.graph(URIRef(BASE + "graph/provenance"))
    dataset = URIRef(BASE + "dataset")
    assert provenance.value(dataset, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by-sa/4.0/"
    )
    assert "not relicensed" in str(provenance.value(dataset, DCTERMS.rights))


def _has(ds: Dataset, s: URIRef, p: URIRef, o: URIRef | Literal) -> bool:
    return any(ds.quads((s, p, o, None)))


def test_a_cited_work_and_the_facts_its_entry_gives() -> None:
    """A CITED_WORK fact is a cow:CitedWork the citing source cites; a fact read from the
    entry's title rests on the work (prov:hadPrimarySource), a fact of the body does not."""
    text = (
        "Peru said the talks went well.\n\nReferences\n\n"
        '  1. Okafor, Amara (4 May 2026). "Peru says the talks went well". The Andes Courier. '
        "Retrieved 6 May 2026.\n"
    )
    source = Source("t.txt", text, "t", "en", "encyclopedia")
    entry = text.index("Okafor")
    title = text.index("Peru says")
    work = Ref(EntityKind.WORK, "2026-05-04-abc", "Peru says the talks went well")
    person = Ref(EntityKind.PERSON, "amara-okafor", "Amara Okafor")
    publisher = Ref(EntityKind.PUBLISHER, "andes-courier", "The Andes Courier")
    peru = Ref(EntityKind.STATE, "PER", "Peru")

    def span(start: int, end: int) -> Span:
        return Span("t.txt", start, end, text[start:end])

    def said(key: str, start: int, end: int) -> Fact:
        args = {
            "statement": Ref(EntityKind.STATEMENT, key, key),
            "speaker": peru,
            "speech_act": "said",
            "text": "the talks went well",
        }
        return Fact(FactKind.STATEMENT, args, (span(start, end),), "rule:test")

    cited = Fact(
        FactKind.CITED_WORK,
        {
            "work": work,
            "title": Lang("Peru says the talks went well", "en"),
            "cited_by": "t.txt",
            "authors": (person,),
            "publisher": publisher,
            "date": dt.date(2026, 5, 4),
            "retrieved": dt.date(2026, 5, 6),
            "mentions": (peru,),
        },
        (span(entry, len(text) - 1),),
        "rule:cited-work",
    )
    facts = [cited, said("in-title", title, title + 29), said("in-body", 0, 30)]
    res = resolve(facts, BASE)
    ds = assemble(res, [source], []).dataset
    w = URIRef(BASE + "id/work/2026-05-04-abc")
    assert _has(ds, source_iri(BASE, "t.txt"), SCHEMA.citation, w)
    assert _has(ds, w, RDF.type, COW.CitedWork)
    assert _has(ds, w, SCHEMA.author, URIRef(BASE + "id/person/amara-okafor"))
    assert _has(ds, w, SCHEMA.publisher, URIRef(BASE + "id/publisher/andes-courier"))
    assert _has(ds, w, COW.retrievedOn, Literal(dt.date(2026, 5, 6), datatype=XSD.date))
    assert _has(ds, w, SCHEMA.mentions, URIRef(BASE + "id/state/PER"))
    primary = {s for s, _, _, _ in ds.quads((None, PROV.hadPrimarySource, w, None))}
    assert len(primary) == 1
    (graph,) = primary
    assert any(ds.quads((None, COW.statementText, None, graph)))  # the title's statement


def test_a_place_lies_in_the_state_a_source_writes_beside_it() -> None:
    oslo = Ref(EntityKind.PLACE, "oslo", "Oslo")
    norway = Ref(EntityKind.STATE, "NOR", "Norway")
    fact = Fact(FactKind.PLACE, {"place": oslo, "state": norway}, (), "rule:x")
    triples = alone(fact)
    assert (URIRef(f"{BASE}id/place/oslo"), COW.inState, URIRef(f"{BASE}id/state/NOR")) in triples
    assert not any(p == SCHEMA.containedInPlace for _, p, _ in triples)


def test_a_statement_covers_the_days_its_words_name_and_an_outlet_reports() -> None:
    fact = _statement("reported")
    fact = Fact(fact.kind, {**fact.args, "covers": (dt.date(2025, 3, 14),)}, (), "rule:x")
    triples = alone(fact)
    st = URIRef(f"{BASE}id/statement/2025-03-15-abc")
    assert (st, COW.speechAct, COW.actReported) in triples
    assert (
        st,
        SCHEMA.temporalCoverage,
        Literal(dt.date(2025, 3, 14), datatype=XSD.date),
    ) in triples


def test_a_chairmanship_is_a_membership_of_the_chair_in_the_body_in_its_role() -> None:
    coalition = Ref(EntityKind.COALITION, "coalition-of-the-willing", "Coalition of the Willing")
    args = {"body": coalition, "chair": GBR, "role": "co-chair", "standing": True,
            "since": "2025-07", "as_of": dt.date(2025, 12, 1), "times": 2}  # fmt: skip
    fact = Fact(FactKind.CHAIRMANSHIP, args, (), "rule:x")
    triples = alone(fact)
    node = URIRef(f"{BASE}id/chairmanship/coalition-of-the-willing/GBR/co-chair")
    assert properties(triples, node) >= {
        (RDF.type, COW.Chairmanship),
        (ORG.member, URIRef(f"{BASE}id/state/GBR")),
        (ORG.organization, URIRef(f"{BASE}id/coalition/coalition-of-the-willing")),
        (ORG.role, URIRef(f"{BASE}id/role/co-chair")),
        (COW.standingChair, Literal(True)),
        (SCHEMA.startDate, Literal("2025-07", datatype=XSD.gYearMonth)),
        (COW.asOf, Literal(dt.date(2025, 12, 1), datatype=XSD.date)),
        (COW.timesChaired, Literal("2", datatype=XSD.nonNegativeInteger)),
    }


def test_a_visit_is_an_event_of_its_visitor_at_the_state_visited() -> None:
    person = Ref(EntityKind.PERSON, "keir-starmer", "Keir Starmer")
    role = Ref(EntityKind.ROLE, "prime-minister", "prime minister")
    args = {"visitor": person, "destination": AUS, "date": dt.date(2025, 3, 14),
            "occasion": "for the ceremonies", "capacity": role, "on_behalf_of": GBR}  # fmt: skip
    fact = Fact(FactKind.VISIT, args, (), "rule:x")
    triples = alone(fact)
    node = URIRef(f"{BASE}id/visit/keir-starmer/AUS/2025-03-14")
    assert properties(triples, node) >= {
        (RDF.type, COW.Visit),
        (COW.visitor, URIRef(f"{BASE}id/person/keir-starmer")),
        (SCHEMA.location, URIRef(f"{BASE}id/state/AUS")),
        (SCHEMA.startDate, Literal(dt.date(2025, 3, 14), datatype=XSD.date)),
        (COW.occasion, Literal("for the ceremonies", lang="en")),
        (COW.inCapacityOf, URIRef(f"{BASE}id/role/prime-minister")),
        (COW.onBehalfOf, URIRef(f"{BASE}id/state/GBR")),
    }


def test_a_visit_undated_is_a_node_of_its_own_labelled_without_a_day() -> None:
    person = Ref(EntityKind.PERSON, "keir-starmer", "Keir Starmer")
    undated = Fact(FactKind.VISIT, {"visitor": person, "destination": AUS}, (), "rule:x")
    dated = Fact(FactKind.VISIT, {"visitor": person, "destination": AUS,
                                  "date": dt.date(2025, 3, 14)}, (), "rule:x")  # fmt: skip
    res = resolve([undated, dated], BASE)
    labels = {
        str(s): str(o)
        for fact in (undated, dated)
        for s, p, o in fact_triples(fact, res)
        if p == RDFS.label and "/visit/" in str(s)
    }
    assert labels == {
        f"{BASE}id/visit/keir-starmer/AUS/undated": "visit of Keir Starmer to Australia",
        f"{BASE}id/visit/keir-starmer/AUS/2025-03-14": "visit of Keir Starmer to Australia, "
        "2025-03-14",
    }


def test_a_stance_is_its_holders_support_for_a_party_or_opposition_to_a_thing() -> None:
    backing = {"holder": GBR, "polarity": "support", "target": AUS, "issue": "Australia",
               "modality": "future"}  # fmt: skip
    support = Fact(FactKind.STANCE, backing, (), "rule:x")
    args = {"holder": GBR, "polarity": "opposition", "issue": "the option of sending troops",
            "about": (AUS,), "date": dt.date(2025, 3, 14)}  # fmt: skip
    opposition = Fact(FactKind.STANCE, args, (), "rule:x")
    res = resolve([support, opposition], BASE)
    triples = fact_triples(support, res)
    (node,) = {s for s, p, o in triples if (p, o) == (RDF.type, COW.Stance)}
    assert str(node).startswith(f"{BASE}id/stance/GBR/support/AUS/undated/")
    assert properties(triples, node) >= {
        (RDF.type, COW.Stance),
        (COW.stanceHolder, URIRef(f"{BASE}id/state/GBR")),
        (COW.stancePolarity, COW.polaritySupport),
        (COW.stanceTarget, URIRef(f"{BASE}id/state/AUS")),
        (COW.stanceIssue, Literal("Australia", lang="en")),
        (COW.stanceModality, Literal("future")),
    }
    triples = fact_triples(opposition, res)
    (node,) = {s for s, p, o in triples if (p, o) == (RDF.type, COW.Stance)}
    assert str(node).startswith(f"{BASE}id/stance/GBR/opposition/issue/2025-03-14/")
    other = Fact(FactKind.STANCE, {**backing, "modality": "planned"}, (), "rule:x")
    assert node not in {s for s, p, o in fact_triples(other, res)}  # one modality per node
    assert properties(triples, node) >= {
        (COW.stancePolarity, COW.polarityOpposition),
        (COW.about, URIRef(f"{BASE}id/state/AUS")),
        (COW.asOf, Literal(dt.date(2025, 3, 14), datatype=XSD.date)),
        (COW.stanceIssue, Literal("the option of sending troops", lang="en")),
    }
    assert not any(p == COW.stanceTarget for s, p, o in triples)


def test_a_dated_credited_name_is_a_name_use_of_its_entity() -> None:
    force = Ref(EntityKind.FORCE, "nsf", "Nordic Shield Force")
    args = {"entity": force, "label": "northern troops", "lang": "en", "alternative": True,
            "act": "revealed", "date": dt.date(2026, 5, 3), "by": GBR}  # fmt: skip
    fact = Fact(FactKind.NAME, args, (), "rule:x")
    triples = alone(fact)
    entity = URIRef(f"{BASE}id/force/nsf")
    name = Literal("northern troops", lang="en")
    assert (entity, SKOS.altLabel, name) in triples
    node = URIRef(f"{BASE}id/name-use/nsf/northern-troops/revealed/2026-05-03/GBR")
    assert properties(triples, node) >= {
        (RDF.type, COW.NameUse),
        (COW.nameOf, entity),
        (COW.usedName, name),
        (COW.nameAct, Literal("revealed")),
        (DCTERMS.date, Literal(dt.date(2026, 5, 3), datatype=XSD.date)),
        (PROV.wasAssociatedWith, URIRef(f"{BASE}id/state/GBR")),
    }


def test_a_name_neither_dated_nor_credited_makes_no_name_use() -> None:
    force = Ref(EntityKind.FORCE, "nsf", "Nordic Shield Force")
    args = {"entity": force, "label": "northern troops", "lang": "en", "alternative": True}
    fact = Fact(FactKind.NAME, args, (), "rule:x")
    triples = alone(fact)
    assert not any(o == COW.NameUse for _, _, o in triples)


def test_an_outlet_is_based_in_its_state() -> None:
    outlet = Ref(EntityKind.ORGANIZATION, "lima-post", "Lima Post")
    fact = Fact(FactKind.BASED_IN, {"organization": outlet, "state": GBR}, (), "rule:x")
    triples = alone(fact)
    assert (
        URIRef(f"{BASE}id/organization/lima-post"),
        COW.basedIn,
        URIRef(f"{BASE}id/state/GBR"),
    ) in triples


def test_a_mediator_is_cow_mediated_by_on_the_talks_not_a_host_nor_a_participant() -> None:
    talks = Ref(EntityKind.MEETING, "2026-06-03-meeting-other-lima")
    fact = Fact(FactKind.MEDIATION, {"meeting": talks, "mediator": AUS}, (), "rule:x")
    triples = set(alone(fact))
    meeting, australia = URIRef(f"{BASE}id/meeting/{talks.key}"), URIRef(f"{BASE}id/state/AUS")
    assert (meeting, COW.mediatedBy, australia) in triples
    assert not {t for t in triples if t[1] in {COW.hostedBy, COW.hasParticipation}}


def test_the_parties_of_an_agreement_are_cow_party_not_signers() -> None:
    deal = Ref(EntityKind.PLAN, "defence-deal-between-aus-gbr", "defence deal between AUS, GBR")
    args = {"plan": deal, "plan_kind": "agreement", "party": (AUS, GBR)}
    fact = Fact(FactKind.PLAN, args, (), "rule:x")
    triples = set(alone(fact))
    node = URIRef(f"{BASE}id/plan/{deal.key}")
    assert (node, RDF.type, COW.Agreement) in triples
    parties = {o for s, p, o in triples if s == node and p == COW.party}
    assert parties == {URIRef(f"{BASE}id/state/AUS"), URIRef(f"{BASE}id/state/GBR")}
    assert not {t for t in triples if t[1] == COW.signedBy}
