"""Fast tests of the benchmark harness on tiny sizes: generator, corpus, wrk driver, report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import yaml

from cowkg.bench import BenchError, load_queries, parse_size
from cowkg.bench.generate import GeneratorError, generate, write_corpus
from cowkg.bench.load import LoadError, LoadResult, Probe, lua_script, parse_report, query_form
from cowkg.bench.peers import free_port, serve
from cowkg.bench.report import (
    DatasetFigures,
    QueryFigures,
    ServerFigures,
    format_dataset,
    geomean,
    ratios,
    summary,
    targets,
    write_json,
)

BASE = "https://w3id.org/cowkg/"
PREFIXES = """
PREFIX cow: <https://w3id.org/cowkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ox.Store]:
    path = tmp_path_factory.mktemp("gen") / "small.nq"
    generate(path, 5_000, seed=7)
    store = ox.Store()
    store.bulk_load(path=str(path))
    return path, store


def _select(store: ox.Store, query: str) -> list[list[str]]:
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(result, ox.QuerySolutions)
    return [[str(v) if v is not None else "" for v in row] for row in result]


def test_generate_reaches_the_size_with_valid_distinct_quads(small: tuple[Path, ox.Store]) -> None:
    path, store = small
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 5_000
    assert len(store) == len(lines), "every line is a distinct, parseable quad"


def test_generate_is_deterministic_for_a_seed(tmp_path: Path, small: tuple[Path, ox.Store]) -> None:
    again, other = tmp_path / "again.nq", tmp_path / "other.nq"
    generate(again, 5_000, seed=7)
    generate(other, 5_000, seed=8)
    assert again.read_bytes() == small[0].read_bytes()
    assert other.read_bytes() != small[0].read_bytes()


def test_every_fact_graph_has_provenance_with_evidence(small: tuple[Path, ox.Store]) -> None:
    _, store = small
    without = _select(
        store,
        """
        SELECT ?g WHERE {
          GRAPH ?g { ?s ?p ?o }
          FILTER(STRSTARTS(STR(?g), "https://w3id.org/cowkg/graph/fact/"))
          FILTER NOT EXISTS {
            GRAPH <https://w3id.org/cowkg/graph/provenance> {
              ?g a cow:Fact ; prov:wasDerivedFrom ?src ; cow:evidence ?ann .
              ?ann oa:hasBody ?g ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
            }
          }
        } LIMIT 5""",
    )
    assert without == []
    facts = _select(store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(facts[0][0].split('"')[1]) > 50


def test_meetings_have_participations_pledges_and_inferred_attendees(
    small: tuple[Path, ox.Store],
) -> None:
    _, store = small
    rows = _select(
        store,
        """
        SELECT ?m (COUNT(DISTINCT ?state) AS ?n) WHERE {
          ?m schema:startDate ?d ; cow:hasParticipation ?p .
          ?p cow:onBehalfOf ?state ; cow:inCapacityOf ?role .
          ?m schema:attendee ?state .
        } GROUP BY ?m""",
    )
    assert rows and all(int(n.split('"')[1]) >= 8 for _, n in rows)
    pledges = _select(
        store,
        """
        SELECT ?pl ?v WHERE { ?pl a cow:Pledge ; cow:pledgedBy ?s .
          OPTIONAL { ?pl cow:pledgeAmount/schema:value ?v } }""",
    )
    assert pledges, "some meeting has a pledge"


def test_generate_copies_the_core_graph_first(tmp_path: Path) -> None:
    core = tmp_path / "core.trig"
    core.write_text(
        f"<{BASE}graph/fact/abc> {{ <{BASE}id/state/GBR> <http://www.w3.org/2000/01/rdf-schema#label>"
        ' "United Kingdom"@en . }\n',
        encoding="utf-8",
    )
    only = generate(tmp_path / "only.nq", 0, core=core)
    assert (only.quads, only.core_quads, only.meetings) == (1, 1, 0)
    grown = generate(tmp_path / "grown.nq", 2_000, core=core)
    assert grown.core_quads == 1 and grown.quads >= 2_000
    assert "United Kingdom" in (tmp_path / "grown.nq").read_text(encoding="utf-8").splitlines()[0]


def test_generate_refuses_bad_sizes_and_cores(tmp_path: Path) -> None:
    with pytest.raises(GeneratorError, match="positive"):
        generate(tmp_path / "x.nq", 0)
    bad = tmp_path / "bad.trig"
    bad.write_text("this is not RDF {", encoding="utf-8")
    with pytest.raises(GeneratorError, match=r"bad\.trig"):
        generate(tmp_path / "y.nq", 10, core=bad)
    assert not (tmp_path / "y.nq").exists()


def test_corpus_recombines_seed_sentences_with_records(tmp_path: Path, project_root: Path) -> None:
    out = tmp_path / "corpus"
    count = write_corpus(project_root / "seeds", out, 0.05, seed=3)
    files = sorted(out.glob("*.txt"))
    assert count == len(files) >= 2
    assert sum(f.stat().st_size for f in files) >= 50_000
    records = yaml.safe_load((out / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    assert [r["file"] for r in records] == [f.name for f in files]
    text = files[0].read_text(encoding="utf-8")
    assert "Coalition" in "".join(f.read_text(encoding="utf-8") for f in files)
    assert text.split("\n\n")[1].split()[0] in {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    }


def test_corpus_is_readable_by_the_sources_loader(tmp_path: Path, project_root: Path) -> None:
    from cowkg.sources import load_sources

    write_corpus(project_root / "seeds", tmp_path, 0.02)
    sources = load_sources(tmp_path)
    assert sources and all(s.kind == "news" and s.date is not None for s in sources)


def test_lua_script_keeps_any_query_body_intact() -> None:
    query = 'SELECT * WHERE { ?s ?p "a]]b]=]c" }'
    script = lua_script(query, "application/sparql-results+json")
    assert f"[==[{query}]==]" in script
    assert "application/sparql-query" in script


def test_parse_report_reads_wrk_figures_and_counts_errors() -> None:
    line = (
        'WRK-JSON {"requests":200,"duration_us":2000000,"bytes":1,"connect":0,"read":0,'
        '"write":0,"status":10,"timeout":0,"p50":1500,"p90":2500,"p99":9000,"max":12000,'
        '"mean":1700.5}'
    )
    result = parse_report("Running 2s test\n" + line + "\n", clients=8)
    assert (result.requests, result.errors, result.p99_ms) == (200, 10, 9.0)
    assert result.throughput == pytest.approx(95.0)
    with pytest.raises(LoadError, match="no figures"):
        parse_report("wrk: connection refused", clients=1)


def test_query_form_tells_select_ask_and_graph_queries_apart() -> None:
    assert query_form("SELECT * WHERE { ?s ?p ?o }") == "select"
    assert query_form("ASK { ?s ?p ?o }") == "ask"
    assert query_form("CONSTRUCT WHERE { ?s ?p ?o }") == "graph"


def _run(rps: float, p99: float = 5.0) -> LoadResult:
    return LoadResult(8, int(rps * 2), 2.0, 0, 1.0, 2.0, p99, p99)


def _dataset(name: str, ours: list[float], oxi: list[float]) -> DatasetFigures:
    def server(label: str, rates: list[float]) -> ServerFigures:
        queries = [
            QueryFigures(f"cq{i}", Probe(200, 3, 1.0), {8: _run(r), 1: _run(r / 4, 60.0)})
            for i, r in enumerate(rates)
        ]
        return ServerFigures(label, 1.0, 10, 10, 10, queries)

    return DatasetFigures(name, 1000, [server("cowkg", ours), server("oxigraph", oxi)])


def test_ratios_and_geometric_mean() -> None:
    ds = _dataset("seeds", [100.0, 400.0], [200.0, 100.0])
    assert ratios(ds, "oxigraph", 8) == {"cq0": (0.5, False), "cq1": (4.0, False)}
    assert summary(ds, "oxigraph", 8) == (pytest.approx(2**0.5), 0)
    assert geomean([]) is None
    assert ratios(ds, "rdflib-endpoint", 8) == {}


def test_a_peer_timeout_gives_a_lower_bound_ratio() -> None:
    ds = _dataset("1m", [100.0, 400.0], [200.0, 100.0])
    peer = ds.servers[1]
    peer.queries[1] = QueryFigures("cq1", Probe(0, 0, 10_000.0, "timed out"))
    assert ratios(ds, "oxigraph", 8)["cq1"] == (pytest.approx(400.0 / 0.8), True)
    assert summary(ds, "oxigraph", 8)[1] == 1
    assert "too slow to measure on 1 queries" in format_dataset(ds, [8])
    peer.queries[0] = QueryFigures(
        "cq0", Probe(200, 1, 900.0), {8: LoadResult(8, 0, 2.0, 0, 0, 0, 0, 0)}
    )
    assert ratios(ds, "oxigraph", 8)["cq0"] == (pytest.approx(100.0 / 4.0), True)


def test_targets_say_met_missed_or_not_measured() -> None:
    seeds = _dataset("seeds", [100.0, 400.0], [200.0, 100.0])
    million = _dataset("1m", [10.0], [100.0])
    found = {t.name: t.met for t in targets([seeds, million], build_seconds=12.0)}
    assert found["seeds: throughput vs oxigraph (8 clients, geomean)"] is True
    assert found["seeds: throughput vs rdflib-endpoint (8 clients, geomean)"] is None
    assert found["seeds: slowest query p99 at 8 clients (ms)"] is True
    assert found["1m: throughput vs oxigraph (8 clients, geomean)"] is False
    assert found["1m: slowest query p99 at 1 client (ms)"] is True  # 60 ms < 100
    assert found["build of the seeds (s)"] is False


def test_table_and_json(tmp_path: Path) -> None:
    ds = _dataset("seeds", [100.0], [50.0])
    table = format_dataset(ds, [1, 8])
    assert "cq0" in table and "ours/oxigraph throughput at 8 clients (geomean): 2.00x" in table
    out = tmp_path / "var" / "bench.json"
    write_json({"datasets": [ds], "path": tmp_path}, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    run = data["datasets"][0]["servers"][0]["queries"][0]["runs"]["8"]
    assert run["throughput"] == pytest.approx(100.0)
    assert not list(out.parent.glob("*.tmp"))


def test_sizes_and_queries(tmp_path: Path) -> None:
    assert (parse_size("100k"), parse_size("1m"), parse_size("1.5m"), parse_size("42")) == (
        100_000,
        1_000_000,
        1_500_000,
        42,
    )
    with pytest.raises(BenchError, match="bad size"):
        parse_size("lots")
    with pytest.raises(BenchError, match=r"no \*\.rq"):
        load_queries(tmp_path)
    (tmp_path / "cq01-a.rq").write_text("ASK {}", encoding="utf-8")
    (tmp_path / "cq02-b.rq").write_text("ASK {}", encoding="utf-8")
    assert list(load_queries(tmp_path, only="cq02")) == ["cq02-b"]


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk not installed (make system-deps)")
def test_harness_end_to_end_on_oxigraph(tmp_path: Path, small: tuple[Path, ox.Store]) -> None:
    """Start Oxigraph's server on a tiny dataset, probe a query and load it with wrk briefly."""
    from cowkg.bench.load import probe, run_wrk

    query = PREFIXES + "SELECT ?m WHERE { ?m a cow:Summit } ORDER BY ?m"
    expected = len(_select(small[1], "SELECT ?m WHERE { ?m a cow:Summit }"))
    with serve("oxigraph", small[0], tmp_path) as peer:
        assert peer.memory()[0] > 1_000_000
        answer = probe(peer.url, query)
        assert (answer.status, answer.rows) == (200, expected)
        result = run_wrk(peer.url, query, clients=2, duration=1, timeout=5, workdir=tmp_path)
    assert result.requests > 0 and result.errors == 0
    assert free_port() > 0
