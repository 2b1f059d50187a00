"""Quality checks of the ontology, each also run on a deliberately broken fixture it must reject.

* the SPARQL checks ``ontology/checks/*-violation.rq`` (ROBOT report, OOPS!, FOOPS!,
  declarations): no row on the ontology with its imports; at least one row on
  ``tests/fixtures/ontology/<name>.ttl``;
* parsing, and offline resolution of the imports through ``ontology/catalog-v001.xml``;
* HermiT (through owlready2): consistent, no unsatisfiable class;
* the OWL API's OWL 2 DL profile checker (``ontology/tools/ProfileCheck.java``, compiled here).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import owlready2
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from cowkg.errors import OntologyError
from cowkg.ontology import (
    CheckResult,
    check_files,
    load_with_imports,
    parse_turtle,
    read_catalog,
    run_checks,
)

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "cowkg.ttl"
CATALOG = ONTOLOGY_DIR / "catalog-v001.xml"
BROKEN = ROOT / "tests" / "fixtures" / "ontology"
CHECKS = check_files(ONTOLOGY_DIR / "checks")


def check_name(path: Path) -> str:
    return path.name.removesuffix("-violation.rq")


@pytest.fixture(scope="module")
def merged() -> Graph:
    return load_with_imports(ONTOLOGY)


def rows(graph: Graph, check: Path) -> CheckResult:
    (result,) = run_checks(graph, [check])
    return result


# --- SPARQL checks ---------------------------------------------------------------------------


def test_the_expected_checks_exist() -> None:
    names = {check_name(c) for c in CHECKS}
    for expected in (
        "missing-label",
        "multiple-labels",
        "missing-definition",
        "whitespace",
        "ontology-metadata",
        "foops-metadata",
        "undeclared-term",
        "p04-unconnected",
        "p06-class-cycle",
        "p08-missing-annotations",
        "p10-missing-disjointness",
        "p11-missing-domain-range",
        "p13-missing-inverse",
        "p19-multiple-domain-range",
        "p22-mixed-naming",
        "p41-no-license",
    ):
        assert expected in names


@pytest.mark.parametrize("check", CHECKS, ids=check_name)
def test_check_passes_on_the_ontology(merged: Graph, check: Path) -> None:
    result = rows(merged, check)
    assert result.rows == (), f"{check.name} found:\n" + "\n".join(
        " | ".join(r) for r in result.rows
    )


@pytest.mark.parametrize("check", CHECKS, ids=check_name)
def test_check_rejects_its_broken_fixture(check: Path) -> None:
    fixture = BROKEN / f"{check_name(check)}.ttl"
    assert fixture.is_file(), f"{check.name} has no broken fixture {fixture.name}"
    assert fixture.read_text(encoding="utf-8").startswith("# broken"), "first line says why"
    result = rows(parse_turtle(fixture), check)
    assert result.rows, f"{check.name} accepted {fixture.name}, which is broken"


def test_checks_only_flag_local_terms_for_term_rules(merged: Graph) -> None:
    """Borrowed terms (schema.org has no skos:definition) must not trip the local-term rules."""
    by_name = {check_name(c): c for c in CHECKS}
    result = rows(merged, by_name["missing-definition"])
    assert result.rows == ()
    assert (URIRef("https://schema.org/Event"), RDF.type, OWL.Class) in merged


# --- parsing and offline imports ---------------------------------------------------------------


def test_ontology_parses_with_header() -> None:
    graph = parse_turtle(ONTOLOGY)
    iri = URIRef("https://w3id.org/cowkg/ontology")
    assert (iri, RDF.type, OWL.Ontology) in graph
    version = graph.value(iri, OWL.versionIRI)
    assert version is not None and version != iri


def test_unparseable_ontology_is_a_clear_error() -> None:
    with pytest.raises(OntologyError, match=r"unparseable\.ttl"):
        parse_turtle(BROKEN / "unparseable.ttl")


def test_every_import_is_mapped_to_a_local_file(merged: Graph) -> None:
    catalog = read_catalog(CATALOG)
    imports = {str(o) for o in merged.objects(None, OWL.imports)}
    assert imports, "the ontology imports its vocabulary extracts"
    assert imports <= set(catalog), f"unmapped: {sorted(imports - set(catalog))}"
    for iri in imports:
        assert catalog[iri].is_file() and catalog[iri].is_relative_to(ONTOLOGY_DIR / "imports")
        assert (URIRef(iri), RDF.type, OWL.Ontology) in merged


def test_an_unmapped_import_is_refused_not_downloaded() -> None:
    with pytest.raises(OntologyError, match="not-in-the-catalog"):
        load_with_imports(BROKEN / "unmapped-import.ttl", CATALOG)


# --- HermiT -------------------------------------------------------------------------------------


def hermit(graph: Graph, tmp: Path) -> list[str]:
    """Run HermiT on ``graph`` (imports already merged) in a fresh owlready2 world.

    Returns the IRIs of unsatisfiable classes; raises owlready2's inconsistency error.
    """
    flat = Graph()
    for triple in graph:
        if triple[1] != OWL.imports:
            flat.add(triple)
    path = tmp / "merged.nt"
    flat.serialize(path, format="nt", encoding="utf-8")
    world = owlready2.World()
    world.get_ontology(path.as_uri()).load()
    owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)


@pytest.mark.slow
def test_hermit_finds_the_ontology_consistent_and_satisfiable(
    merged: Graph, tmp_path: Path
) -> None:
    assert hermit(merged, tmp_path) == []


@pytest.mark.slow
def test_hermit_finds_an_unsatisfiable_class(tmp_path: Path) -> None:
    unsatisfiable = hermit(parse_turtle(BROKEN / "unsatisfiable-class.ttl"), tmp_path)
    assert unsatisfiable == ["https://w3id.org/cowkg/ontology#Chimera"]


@pytest.mark.slow
def test_hermit_finds_an_inconsistent_ontology(tmp_path: Path) -> None:
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        hermit(parse_turtle(BROKEN / "inconsistent.ttl"), tmp_path)


# --- OWL 2 DL profile (OWL API) ------------------------------------------------------------------


@pytest.fixture(scope="module")
def profile_checker(owlapi_java: list[str]) -> list[str]:
    """The OWL API profile checker with the source catalog."""
    return [*owlapi_java, str(CATALOG)]


def run_profile(command: list[str], ontology: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command, str(ontology)], capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_ontology_is_in_the_owl2_dl_profile(profile_checker: list[str]) -> None:
    done = run_profile(profile_checker, ONTOLOGY)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "IN PROFILE: OWL 2 DL, 11 ontologies, 0 violations" in done.stdout


@pytest.mark.slow
def test_profile_checker_rejects_a_non_dl_ontology(profile_checker: list[str]) -> None:
    done = run_profile(profile_checker, BROKEN / "not-dl.ttl")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "xsd:duration" in done.stdout
