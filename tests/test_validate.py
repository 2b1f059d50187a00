"""SHACL validation over the union of the named graphs, with a sorted, stable report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from cowkg.errors import OntologyError
from cowkg.namespaces import COW, SCHEMA
from cowkg.reason import load_ontology
from cowkg.validate import union_graph, validate

FIXTURES = Path(__file__).parent / "fixtures" / "ontology"
SHAPES = FIXTURES / "shapes.ttl"
BASE = "https://w3id.org/cowkg/"
M = URIRef(BASE + "id/meeting/2025-03-27-summit")
FACT = URIRef(BASE + "graph/fact/abc")


def _dataset(*, bad_date: bool = False, evidence: bool = True) -> Dataset:
    ds = Dataset()
    fact = ds.graph(FACT)
    fact.add((M, RDF.type, COW.Summit))
    fact.add((M, RDFS.label, Literal("summit", lang="en")))
    date = Literal("27 March") if bad_date else Literal(dt.date(2025, 3, 27))
    fact.add((M, SCHEMA.startDate, date))
    prov = ds.graph(URIRef(BASE + "graph/provenance"))
    prov.add((FACT, RDF.type, COW.Fact))
    if evidence:
        prov.add((FACT, COW.evidence, URIRef(f"{FACT}#ev")))
    return ds


def test_union_holds_every_named_graph() -> None:
    assert len(union_graph(_dataset())) == 5


def test_a_bad_date_on_a_summit_fails_the_meeting_shape_via_the_class_hierarchy() -> None:
    result = validate(_dataset(bad_date=True), SHAPES, load_ontology(FIXTURES / "cowkg.ttl"))
    assert not result.conforms
    assert "S01-meeting-has-date" in result.report_text
    assert "focus <https://w3id.org/cowkg/id/meeting/2025-03-27-summit>" in result.report_text


def test_without_the_hierarchy_a_summit_is_not_a_meeting() -> None:
    assert validate(_dataset(bad_date=True), SHAPES).conforms


def test_a_fact_without_evidence_fails() -> None:
    result = validate(_dataset(evidence=False), SHAPES)
    assert not result.conforms
    assert "Every fact graph has evidence." in result.report_text


def test_a_good_dataset_conforms() -> None:
    result = validate(_dataset(), SHAPES, load_ontology(FIXTURES / "cowkg.ttl"))
    assert result.conforms
    assert result.report_text.startswith("Conforms: True (0 results")


def test_report_is_sorted_and_stable() -> None:
    ds = _dataset(bad_date=True, evidence=False)
    a, b = validate(ds, SHAPES), validate(ds, SHAPES)
    assert a.report_text == b.report_text
    lines = a.report_text.splitlines()[1:]
    assert lines == sorted(lines) and len(lines) == 1
    assert sorted(a.report_graph.serialize(format="nt").splitlines()) == sorted(
        b.report_graph.serialize(format="nt").splitlines()
    )


def test_missing_shapes_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="shapes file"):
        validate(_dataset(), tmp_path / "shapes.ttl")
