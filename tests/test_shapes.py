"""The SHACL shapes (ontology/shapes.ttl), tested both ways on minimal fixtures.

Each shape ``Snn-slug`` has ``tests/fixtures/shapes/Snn-slug-valid.ttl``, which must conform to the
WHOLE shapes file, and one or more ``Snn-slug-invalid-NN.ttl``, which must fail, and fail only
because of that shape. The first line of each fixture says why. pySHACL runs as in
:mod:`cowkg.validate`: no inference, the ontology's ``rdfs:subClassOf`` links as ``ont_graph``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import BNode, Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from cowkg.namespaces import SH, SHAPES_IRI

ROOT = Path(__file__).resolve().parent.parent
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
FIXTURES = ROOT / "tests" / "fixtures" / "shapes"
SHAPES_NS = SHAPES_IRI + "#"
SHAPES = Graph().parse(SHAPES_FILE, format="turtle")
HIERARCHY = Graph()
for _triple in (
    Graph().parse(ROOT / "ontology" / "cowkg.ttl").triples((None, RDFS.subClassOf, None))
):
    HIERARCHY.add(_triple)


def shape_ids() -> list[str]:
    """The IDs of the shapes that target data (helpers used through sh:node end in ``-sub``)."""
    return sorted(
        str(s)[len(SHAPES_NS) :]
        for s in SHAPES.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef) and not str(s).endswith("-sub")
    )


VALID = sorted(FIXTURES.glob("S*-valid.ttl"))
INVALID = sorted(FIXTURES.glob("S*-invalid-*.ttl"))


def run(fixture: Path) -> tuple[bool, Graph, str]:
    conforms, report, text = validate(
        Graph().parse(fixture, format="turtle"),
        shacl_graph=SHAPES,
        ont_graph=HIERARCHY,
        inference="none",
    )
    assert isinstance(report, Graph)
    return bool(conforms), report, str(text)


def owning_shape(source: Node | None) -> str:
    """The ID of the top-level shape a (top-level) result's sh:sourceShape belongs to."""
    if isinstance(source, BNode):
        parents = list(SHAPES.subjects(SH.property, source))
        assert len(parents) == 1, f"property shape {source} has parents {parents}"
        source = parents[0]
    return str(source).removeprefix(SHAPES_NS)


def fixture_shape(fixture: Path) -> str:
    match = re.fullmatch(r"(S\d\d-[a-z0-9-]+?)-(valid|invalid-\d\d)\.ttl", fixture.name)
    assert match, f"{fixture.name} is not named <shape ID>-valid.ttl or <shape ID>-invalid-NN.ttl"
    return match.group(1)


def test_shapes_file_is_an_ontology_with_header() -> None:
    header = URIRef(SHAPES_IRI)
    assert (header, RDF.type, OWL.Ontology) in SHAPES
    for prop in ("title", "description", "license", "creator", "created"):
        assert SHAPES.value(header, URIRef(f"http://purl.org/dc/terms/{prop}")) is not None, prop
    assert SHAPES.value(header, OWL.versionIRI) not in (None, header)


def test_every_shape_has_a_message() -> None:
    """Each top-level shape, or each of its property shapes, states its rule in plain English."""
    for shape_id in shape_ids():
        shape = URIRef(SHAPES_NS + shape_id)
        properties = list(SHAPES.objects(shape, SH.property))
        has_own = SHAPES.value(shape, SH.message) is not None
        unexplained = [p for p in properties if SHAPES.value(p, SH.message) is None]
        assert has_own or (properties and not unexplained), f"{shape_id} has no sh:message"
        assert not unexplained or has_own, f"{shape_id} has property shapes without sh:message"


def test_every_shape_has_valid_and_invalid_fixtures() -> None:
    ids = shape_ids()
    assert len(ids) >= 25
    valid = {fixture_shape(f) for f in VALID}
    invalid = {fixture_shape(f) for f in INVALID}
    assert set(ids) - valid == set(), "shapes without a -valid.ttl fixture"
    assert set(ids) - invalid == set(), "shapes without an -invalid-NN.ttl fixture"
    assert (valid | invalid) - set(ids) == set(), "fixtures named after no shape"


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.name)
def test_valid(fixture: Path) -> None:
    assert fixture.read_text(encoding="utf-8").startswith("# passes:"), "first line says why"
    conforms, _report, text = run(fixture)
    assert conforms, f"{fixture.name} should conform to every shape:\n{text}"


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.name)
def test_invalid(fixture: Path) -> None:
    assert fixture.read_text(encoding="utf-8").startswith("# fails:"), "first line says why"
    conforms, report, text = run(fixture)
    assert not conforms, f"{fixture.name} should not conform:\n{text}"
    owners = {
        owning_shape(report.value(r, SH.sourceShape)) for r in report.objects(None, SH.result)
    }
    expected = fixture_shape(fixture)
    assert owners == {expected}, (
        f"{fixture.name} should fail {expected} only, not {owners}:\n{text}"
    )
