"""The ontology as a product: its axioms, its agreement with cowkg.namespaces and the data model,
and the release build (renderings in sync and isomorphic, atomic writes, skip when up to date)."""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS

from cowkg import ontology
from cowkg.errors import OntologyError
from cowkg.namespaces import COW, GEO, SCHEMA
from cowkg.reason import materialise, rules_from_ontology
from cowkg.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SOURCE = Graph().parse(ONTOLOGY_DIR / "cowkg.ttl", format="turtle")
EX = "https://w3id.org/cowkg/id/"


def copy_ontology(tmp_path: Path) -> Path:
    """A private copy of ontology/ (without the release) to build into."""
    target = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, target, ignore=shutil.ignore_patterns("release"))
    return target


def settings_for(ontology_dir: Path) -> Settings:
    return Settings(ontology_dir=ontology_dir)


# --- the model ----------------------------------------------------------------------------------


def test_namespace_terms_match_the_ontology_both_ways() -> None:
    in_namespace = set(COW.__annotations__)
    in_ontology = ontology.local_terms(SOURCE)
    assert in_namespace - in_ontology == set(), "terms in cowkg.namespaces.COW but not declared"
    assert in_ontology - in_namespace == set(), "terms declared but missing from COW"


def test_every_cow_term_of_the_data_model_is_declared() -> None:
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    used = set(re.findall(r"\bcow:([A-Za-z][A-Za-z0-9]*)", text))
    assert used, "the data model names cow: terms"
    assert used - ontology.local_terms(SOURCE) == set()


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (COW.Meeting, SCHEMA.Event),
        (COW.State, SCHEMA.Country),
        (COW.State, ORG.FormalOrganization),
        (COW.InternationalOrganization, SCHEMA.Organization),
        (COW.InternationalOrganization, ORG.FormalOrganization),
        (COW.Person, SCHEMA.Person),
        (COW.Person, FOAF.Person),
        (COW.Place, SCHEMA.Place),
        (COW.Place, GEO.SpatialThing),
        (COW.Coalition, ORG.OrganizationalCollaboration),
        (COW.CoalitionMembership, ORG.Membership),
        (COW.PostHolding, ORG.Membership),
        (COW.Fact, PROV.Entity),
    ],
)
def test_class_alignment(sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in SOURCE


def test_property_alignment_and_chains() -> None:
    assert (COW.hostedBy, RDFS.subPropertyOf, SCHEMA.organizer) in SOURCE
    assert (COW.attendee, RDFS.subPropertyOf, SCHEMA.attendee) in SOURCE
    assert (COW.coalitionMemberOf, RDFS.subPropertyOf, ORG.memberOf) in SOURCE
    chains = {
        tuple(Collection(SOURCE, chain))
        for chain in SOURCE.objects(COW.attendee, OWL.propertyChainAxiom)
    }
    assert chains == {
        (COW.hasParticipation, COW.participant),
        (COW.hasParticipation, COW.onBehalfOf),
    }


def test_names_the_seeds_give_in_french_and_ukrainian() -> None:
    labels = set(SOURCE.objects(COW.MultinationalForce, RDFS.label))
    assert {lit.language for lit in labels if isinstance(lit, Literal)} == {"en", "fr", "uk"}
    assert Literal("force multinationale", lang="fr") in labels


def test_reasoning_makes_coalition_members_but_not_post_holders_org_members() -> None:
    """The chain behind org:memberOf goes through cow:inCoalition, so a post holding (also an
    org:Membership) does not make a prime minister a member of their state."""
    data = Graph()
    state, coalition, person = (
        URIRef(EX + "state/FRA"),
        URIRef(EX + "coalition/c"),
        URIRef(EX + "person/p"),
    )
    membership, holding = URIRef(EX + "membership/FRA"), URIRef(EX + "post-holding/p/pm")
    data.add((membership, ORG.member, state))
    data.add((membership, COW.inCoalition, coalition))
    data.add((holding, ORG.member, person))
    data.add((holding, ORG.organization, state))
    inferred = materialise(data, rules_from_ontology(SOURCE))
    assert (state, ORG.memberOf, coalition) in inferred
    assert (state, COW.coalitionMemberOf, coalition) in inferred
    assert (person, ORG.hasMembership, holding) in inferred
    assert (person, ORG.memberOf, state) not in inferred


# --- the release --------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "fmt"), [("cowkg.owl", "xml"), ("cowkg.jsonld", "json-ld")])
def test_committed_renderings_are_isomorphic_to_the_source(name: str, fmt: str) -> None:
    path = ONTOLOGY_DIR / "release" / name
    assert path.is_file(), f"{path} missing: run `cowkg ontology`"
    rendering = Graph().parse(path, format=fmt)
    assert isomorphic(rendering, SOURCE), (
        f"{name} is out of sync with cowkg.ttl: run `cowkg ontology`"
    )


@pytest.mark.parametrize(
    "extract", sorted((ONTOLOGY_DIR / "imports").glob("*.ttl")), ids=lambda p: p.stem
)
def test_release_has_an_rdfxml_copy_of_each_import(extract: Path) -> None:
    """owlready2 reads RDF/XML only: each import extract has a copy in release/imports/."""
    copy = ONTOLOGY_DIR / "release" / "imports" / f"{extract.stem}.owl"
    assert copy.is_file(), f"{copy} missing: run `cowkg ontology`"
    assert isomorphic(Graph().parse(copy, format="xml"), Graph().parse(extract, format="turtle"))


def test_release_catalog_maps_every_import_to_its_copy() -> None:
    source = ontology.read_catalog(ONTOLOGY_DIR / "catalog-v001.xml")
    release = ontology.read_catalog(ONTOLOGY_DIR / "release" / "catalog-v001.xml")
    assert set(release) == set(source)
    for iri, path in release.items():
        assert path == (ONTOLOGY_DIR / "release" / "imports" / f"{source[iri].stem}.owl").resolve()
        assert path.is_file()


def test_committed_html_documents_every_local_class() -> None:
    html = (ONTOLOGY_DIR / "release" / "cowkg.html").read_text(encoding="utf-8")
    assert "pyLODE" in html
    for cls in SOURCE.subjects(RDF.type, OWL.Class):
        if str(cls).startswith(ontology.LOCAL_NS):
            label = SOURCE.value(cls, RDFS.label)
            assert str(label) in html, f"{cls} ({label}) is not in cowkg.html"


@pytest.mark.slow
def test_build_release_writes_then_skips_then_rebuilds(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    onto_dir = copy_ontology(tmp_path)
    settings = settings_for(onto_dir)
    paths = ontology.build_release(settings, force=False)
    imports = [f"imports/{p.stem}.owl" for p in sorted((onto_dir / "imports").glob("*.ttl"))]
    names = [str(p.relative_to(onto_dir / "release")) for p in paths]
    assert names == ["cowkg.owl", "cowkg.jsonld", "cowkg.html", *imports, "catalog-v001.xml"]
    assert all(p.is_file() for p in paths)
    assert not list((onto_dir / "release").glob("*.tmp"))
    stamps = [p.stat().st_mtime_ns for p in paths]

    with caplog.at_level(logging.INFO, logger="cowkg.ontology"):
        ontology.build_release(settings, force=False)
    assert "up to date" in caplog.text
    assert [p.stat().st_mtime_ns for p in paths] == stamps

    later = max(stamps) / 1e9 + 10
    os.utime(onto_dir / "cowkg.ttl", (later, later))
    ontology.build_release(settings, force=False)
    assert all(p.stat().st_mtime_ns > s for p, s in zip(paths, stamps, strict=True))


def _good_release(tmp_path: Path) -> tuple[Settings, dict[Path, bytes]]:
    """A copy of ontology/ whose release is the committed one (so no pyLODE run is needed)."""
    onto_dir = copy_ontology(tmp_path)
    shutil.copytree(ONTOLOGY_DIR / "release", onto_dir / "release")
    release = (onto_dir / "release").rglob("*")
    return settings_for(onto_dir), {p: p.read_bytes() for p in release if p.is_file()}


def test_a_failing_check_stops_the_release_and_keeps_the_last_good_one(tmp_path: Path) -> None:
    settings, before = _good_release(tmp_path)
    source = settings.ontology_dir / "cowkg.ttl"
    source.write_text(
        source.read_text(encoding="utf-8").replace('"Summit"@en', '"Summit "@en'), encoding="utf-8"
    )
    with pytest.raises(OntologyError, match=r"whitespace: .*Summit"):
        ontology.build_release(settings, force=True)
    assert {p: p.read_bytes() for p in before} == before


def test_an_unparseable_ontology_stops_the_release(tmp_path: Path) -> None:
    settings, before = _good_release(tmp_path)
    shutil.copy(
        ROOT / "tests" / "fixtures" / "ontology" / "unparseable.ttl",
        settings.ontology_dir / "cowkg.ttl",
    )
    with pytest.raises(OntologyError, match="cannot parse"):
        ontology.build_release(settings, force=True)
    assert {p: p.read_bytes() for p in before} == before


def test_write_atomic_keeps_the_old_file_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.owl"
    ontology.write_atomic(target, b"old")
    assert target.read_bytes() == b"old" and not list(tmp_path.glob("*.tmp"))

    def fail(self: Path, other: Path) -> Path:
        raise OSError("disk full")

    monkeypatch.setattr(Path, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        ontology.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.slow
def test_rdf_renderings_are_reproducible_and_committed() -> None:
    """The RDF/XML and JSON-LD renderings are byte-identical run to run (whatever this process's
    hash seed) and equal to the committed release, so a rebuild leaves ``git diff`` empty."""
    directory = Settings().ontology_dir
    first, second = ontology.render(directory), ontology.render(directory)
    for name in (n for n in ontology.release_names(directory) if not n.endswith(".html")):
        assert first[name] == second[name], name
        assert first[name] == (directory / "release" / name).read_bytes(), f"{name} is stale"


def test_html_headings_hold_one_label_and_translations_stay_on_the_page() -> None:
    """pyLODE ran every label into the heading ("Coalitioncoalition"); the translations now sit in
    a note of the term's table."""
    html = (ONTOLOGY_DIR / "release" / "cowkg.html").read_text(encoding="utf-8")
    headings = [h.strip() for h in re.findall(r"<h3>([^<]*)", html)]

    def english(term: object) -> str:
        return next(str(o) for o in SOURCE.objects(term, RDFS.label) if o.language == "en")  # type: ignore[attr-defined]

    translated = [
        (english(s), o)
        for s, o in SOURCE.subject_objects(RDFS.label)
        if isinstance(o, Literal) and o.language not in (None, "en")
    ]
    assert translated, "the ontology has labels in French and Ukrainian"
    for english, other in translated:
        assert english in headings, english
        assert not any(h.startswith(english) and str(other) in h for h in headings), other
        assert f"{other} ({other.language})" in html
