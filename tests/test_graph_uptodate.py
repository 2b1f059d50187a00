"""graph/ is published: it must match the seeds and code, and every fact in it must be evidenced.

The fast test compares the input hashes graph/report.json recorded with today's inputs; the slow
one rebuilds into a temporary folder and compares every file byte for byte (the honest check).
Run `python -m cowkg build` to bring graph/ up to date.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from cowkg import pipeline
from cowkg.report import BuildReport
from cowkg.settings import PROJECT_ROOT, Settings

GRAPH = PROJECT_ROOT / "graph"
BASE = "https://w3id.org/cowkg/"
COW = "https://w3id.org/cowkg/ontology#"
OA = "http://www.w3.org/ns/oa#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _recorded() -> BuildReport:
    report = GRAPH / "report.json"
    assert report.is_file(), "graph/ was never built: run `python -m cowkg build`"
    return BuildReport.from_json(report.read_text(encoding="utf-8"))


def test_recorded_inputs_match_todays_inputs() -> None:
    recorded = _recorded()
    inputs, digest = pipeline.input_hashes(Settings(), loaded={})  # the code on disk
    changed = sorted(
        k for k in inputs.keys() | recorded.inputs.keys() if inputs.get(k) != recorded.inputs.get(k)
    )
    assert digest == recorded.inputs_sha256, (
        f"graph/ is out of date; changed inputs: {changed}. Run `python -m cowkg build`."
    )


@pytest.mark.slow
def test_a_rebuild_gives_byte_identical_files(tmp_path: Path) -> None:
    pipeline.build(Settings(graph_dir=tmp_path / "graph"), force=True)
    for name in sorted(p.name for p in GRAPH.iterdir()):
        assert (tmp_path / "graph" / name).read_bytes() == (GRAPH / name).read_bytes(), name
    assert sorted(p.name for p in (tmp_path / "graph").iterdir()) == sorted(
        p.name for p in GRAPH.iterdir()
    )


def _seed_texts() -> dict[str, str]:
    seeds = PROJECT_ROOT / "seeds"
    return {p.stem: p.open(encoding="utf-8", newline="").read() for p in seeds.glob("*.txt")}


def test_every_fact_quad_sits_in_a_fact_graph_with_verified_evidence() -> None:
    store = ox.Store()
    store.bulk_load(path=str(GRAPH / "cowkg.nq"), format=ox.RdfFormat.N_QUADS)
    special = {ox.NamedNode(BASE + "graph/" + n) for n in ("provenance", "inferred", "alignment")}
    provenance = ox.NamedNode(BASE + "graph/provenance")
    fact_class = ox.NamedNode(COW + "Fact")
    source_prefix = BASE + "graph/source/"
    fact_graphs = {
        q.graph_name
        for q in store
        if q.graph_name not in special and not q.graph_name.value.startswith(source_prefix)
    }
    assert fact_graphs
    declared = {q.subject for q in store.quads_for_pattern(None, RDF_TYPE, fact_class, provenance)}
    assert fact_graphs <= declared, sorted(str(g) for g in fact_graphs - declared)[:5]
    texts = _seed_texts()
    rows = store.query(f"""
        PREFIX cow: <{COW}> PREFIX oa: <{OA}>
        SELECT ?fact ?source ?exact ?start ?end WHERE {{ GRAPH <{provenance.value}> {{
          ?fact cow:evidence ?ev . ?ev oa:hasTarget ?t .
          ?t oa:hasSource ?source ; oa:hasSelector ?q, ?p .
          ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end . }} }}""")
    evidenced = set()
    for row in rows:  # type: ignore[union-attr]
        text = texts[row["source"].value.rsplit("/", 1)[1]]
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["exact"].value, (row["fact"], start, end)
        evidenced.add(row["fact"])
    assert fact_graphs <= evidenced, sorted(str(g) for g in fact_graphs - evidenced)[:5]


def test_each_source_graph_holds_exactly_the_facts_citing_that_source() -> None:
    """``graph/source/{seed}`` is a view: the union of the fact graphs with a passage in it."""
    store = ox.Store()
    store.bulk_load(path=str(GRAPH / "cowkg.nq"), format=ox.RdfFormat.N_QUADS)
    rows = store.query(f"""
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?g ?seed WHERE {{ GRAPH <{BASE}graph/provenance> {{
          ?g prov:wasDerivedFrom ?seed FILTER(STRSTARTS(STR(?g), "{BASE}graph/source/")) }} }}""")
    views = {row["g"]: row["seed"] for row in rows}  # type: ignore[union-attr]
    assert len(views) == len(_seed_texts())
    for view, seed in views.items():
        expected = {
            row["t"]
            for row in store.query(f"""
                PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT (<<( ?s ?p ?o )>> AS ?t) WHERE {{
                  GRAPH <{BASE}graph/provenance> {{ ?f prov:wasDerivedFrom <{seed.value}> }}
                  FILTER(STRSTARTS(STR(?f), "{BASE}graph/fact/"))
                  GRAPH ?f {{ ?s ?p ?o }} }}""")  # type: ignore[union-attr]
        }
        held = {q.triple for q in store.quads_for_pattern(None, None, None, view)}
        assert held and held == expected, view
