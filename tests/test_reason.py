"""Reasoning: the ontology's alignment axioms, read from the file, materialised as new triples."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.graph_facts import sample_facts, sources
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import FOAF, ORG, RDF

from cowkg.assemble import assemble
from cowkg.errors import OntologyError
from cowkg.namespaces import COW, SCHEMA
from cowkg.pipeline import asserted_graph
from cowkg.reason import load_ontology, materialise, reason, rules_from_ontology
from cowkg.resolve import resolve

BASE = "https://w3id.org/cowkg/"
ONTOLOGY = Path(__file__).parent / "fixtures" / "ontology" / "cowkg.ttl"
ID = BASE + "id/"


@pytest.fixture(scope="module")
def asserted() -> Graph:
    srcs = sources()
    res = resolve(sample_facts(srcs), BASE)
    return asserted_graph(assemble(res, srcs.values(), []).dataset, BASE)


@pytest.fixture(scope="module")
def inferred(asserted: Graph) -> Graph:
    return reason(asserted, load_ontology(ONTOLOGY))


def test_subclass_closure_reaches_schema_event(inferred: Graph) -> None:
    summit = URIRef(ID + "meeting/2025-03-15-summit")
    assert (summit, RDF.type, COW.Meeting) in inferred
    assert (summit, RDF.type, SCHEMA.Event) in inferred


def test_property_chains_give_attendees_from_participations(inferred: Graph) -> None:
    summit = URIRef(ID + "meeting/2025-03-15-summit")
    attendees = set(inferred.objects(summit, SCHEMA.attendee))
    assert {
        URIRef(ID + "state/AUS"),
        URIRef(ID + "person/volodymyr-zelenskyy"),
        URIRef(ID + "state/UKR"),
    } <= attendees
    assert set(inferred.objects(summit, COW.attendee)) == attendees


def test_subproperty_inverse_and_equivalent_class(inferred: Graph) -> None:
    summit = URIRef(ID + "meeting/2025-03-15-summit")
    assert (summit, SCHEMA.organizer, URIRef(ID + "person/keir-starmer")) in inferred
    assert (
        URIRef(ID + "state/GBR"),
        COW.leads,
        URIRef(ID + "coalition/coalition-of-the-willing"),
    ) in inferred
    assert (URIRef(ID + "person/keir-starmer"), RDF.type, FOAF.Person) in inferred


def test_membership_chain_gives_org_member_of_for_coalitions_only(inferred: Graph) -> None:
    coalition = URIRef(ID + "coalition/coalition-of-the-willing")
    assert (URIRef(ID + "state/AUS"), ORG.memberOf, coalition) in inferred
    starmer = URIRef(ID + "person/keir-starmer")  # holds a post in GBR: a membership, not memberOf
    assert (starmer, ORG.hasMembership, None) in inferred
    assert (starmer, ORG.memberOf, None) not in inferred


def test_only_new_blank_free_triples(asserted: Graph, inferred: Graph) -> None:
    assert len(inferred) > 0
    assert not any(t in asserted for t in inferred)
    assert not any(isinstance(term, BNode) for t in inferred for term in t)


def test_rules_come_from_the_ontology_file(tmp_path: Path, asserted: Graph) -> None:
    extra = tmp_path / "cowkg.ttl"
    extra.write_text(
        ONTOLOGY.read_text(encoding="utf-8")
        + "\ncow:Coalition rdfs:subClassOf schema:Organization .\n",
        encoding="utf-8",
    )
    coalition = URIRef(ID + "coalition/coalition-of-the-willing")
    before = reason(asserted, load_ontology(ONTOLOGY))
    after = reason(asserted, load_ontology(extra))
    assert (coalition, RDF.type, SCHEMA.Organization) not in before
    assert (coalition, RDF.type, SCHEMA.Organization) in after


def test_restrictions_are_skipped_and_rules_are_sorted() -> None:
    rules = rules_from_ontology(load_ontology(ONTOLOGY))
    assert rules == sorted(rules)
    assert all("_:" not in r.query and "Restriction" not in r.query for r in rules)
    assert any("propertyChainAxiom" in r.axiom for r in rules)


def test_materialisation_is_deterministic(asserted: Graph) -> None:
    rules = rules_from_ontology(load_ontology(ONTOLOGY))
    a, b = materialise(asserted, rules), materialise(asserted, reversed(rules))
    assert set(a) == set(b)


def test_missing_or_broken_ontology_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="not found"):
        load_ontology(tmp_path / "nope.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(OntologyError, match="cannot parse"):
        load_ontology(broken)
