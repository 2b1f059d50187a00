"""The store: deterministic serialisation, atomic writes, loading, and the Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from cowkg.errors import StoreError
from cowkg.settings import Settings
from cowkg.store import GraphFiles, load_store, push_remote, serialise, to_quads, write_graph

BASE = "https://w3id.org/cowkg/"
TRIPLES = [
    (URIRef(f"{BASE}id/state/S{i}"), URIRef(f"{BASE}p"), Literal(f"v{i}")) for i in range(30)
]


def _dataset(order: list[int]) -> Dataset:
    ds = Dataset()
    for i in order:
        ds.graph(URIRef(f"{BASE}graph/fact/{i % 7}")).add(TRIPLES[i])
    return ds


@pytest.mark.parametrize("fmt", [ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG])
def test_serialisation_does_not_depend_on_insertion_order(fmt: ox.RdfFormat) -> None:
    forward, backward = _dataset(list(range(30))), _dataset(list(reversed(range(30))))
    a, b = serialise(to_quads(forward), fmt), serialise(to_quads(backward), fmt)
    assert a == b and len(a) > 0


def test_nquads_lines_are_sorted() -> None:
    lines = serialise(to_quads(_dataset(list(range(30)))), ox.RdfFormat.N_QUADS).splitlines()
    assert len(lines) == 30
    graphs = [line.rsplit(b" ", 2)[1] for line in lines]
    assert graphs == sorted(graphs)


def _graph_dir(tmp_path: Path) -> Path:
    graph = tmp_path / "graph"
    graph.mkdir()
    (graph / "cowkg.nq").write_bytes(b"last good\n")
    return graph


def test_write_replaces_the_whole_folder(tmp_path: Path) -> None:
    graph = _graph_dir(tmp_path)
    (graph / "stale.txt").write_text("old", encoding="utf-8")
    write_graph(graph, GraphFiles({"cowkg.nq": b"new\n", "report.md": b"# r\n"}))
    assert sorted(p.name for p in graph.iterdir()) == ["cowkg.nq", "report.md"]
    assert (graph / "cowkg.nq").read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph"]


def test_a_failure_between_files_leaves_the_last_good_graph(tmp_path: Path) -> None:
    graph = _graph_dir(tmp_path)
    written: list[str] = []

    def failing_write(path: Path, data: bytes) -> None:
        if written:
            raise OSError("disk full (simulated)")
        written.append(path.name)
        path.write_bytes(data)

    with pytest.raises(OSError, match="simulated"):
        write_graph(graph, GraphFiles({"a.nq": b"1", "b.nq": b"2"}), write=failing_write)
    assert written == ["a.nq"]
    assert [p.name for p in graph.iterdir()] == ["cowkg.nq"]
    assert (graph / "cowkg.nq").read_bytes() == b"last good\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph"]


def test_a_crash_between_the_two_renames_is_recovered(tmp_path: Path) -> None:
    graph = _graph_dir(tmp_path)
    graph.rename(tmp_path / ".graph.old")  # as if killed right after the first rename
    write_graph(graph, GraphFiles({"cowkg.nq": b"new\n"}))
    assert (graph / "cowkg.nq").read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph"]


def test_load_store_reads_the_nquads(tmp_path: Path) -> None:
    graph = tmp_path / "graph"
    graph.mkdir()
    (graph / "cowkg.nq").write_bytes(
        serialise(to_quads(_dataset(list(range(30)))), ox.RdfFormat.N_QUADS)
    )
    store = load_store(Settings(graph_dir=graph))
    named = [q for q in store if not isinstance(q.graph_name, ox.DefaultGraph)]
    assert len(named) == 30
    # the default graph is the merge of the graphs: each triple once (the same triple in two
    # graphs counts once), which is what a query without GRAPH sees
    merged = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert len(merged) == len({q.triple for q in named})


def test_the_default_graph_counts_a_triple_stated_in_two_graphs_once(tmp_path: Path) -> None:
    path = tmp_path / "two.trig"
    path.write_text(
        "<http://g/1> { <http://a/s> <http://a/p> 10 . }\n"
        "<http://g/2> { <http://a/s> <http://a/p> 10 . <http://a/t> <http://a/p> 5 . }\n",
        encoding="utf-8",
    )
    store = load_store(Settings(dataset=path))
    (row,) = store.query("SELECT (COUNT(*) AS ?n) (SUM(?o) AS ?sum) { ?s <http://a/p> ?o }")
    assert (int(row["n"].value), int(row["sum"].value)) == (2, 15)


def test_load_store_of_a_turtle_dataset_setting(tmp_path: Path) -> None:
    path = tmp_path / "data.ttl"
    path.write_text("<http://a/s> <http://a/p> 1 .\n", encoding="utf-8")
    assert len(load_store(Settings(dataset=path))) == 1


def test_load_store_missing_or_corrupt_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"not found.*cowkg build"):
        load_store(Settings(graph_dir=tmp_path))
    (tmp_path / "cowkg.nq").write_text(
        '<http://a/s> <http://a/p> "unterminated .\n', encoding="utf-8"
    )
    with pytest.raises(StoreError, match="cannot load"):
        load_store(Settings(graph_dir=tmp_path))
    odd = tmp_path / "data.xyz"
    odd.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="format"):
        load_store(Settings(dataset=odd))


def test_push_remote_puts_each_named_graph_then_their_merge_as_default() -> None:
    seen: list[tuple[str, str, bytes]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        target = request.url.params.get(
            "graph", "default" if "default" in request.url.query.decode() else "?"
        )
        seen.append((request.method, target, request.content))
        return httpx.Response(204)

    quads = to_quads(_dataset(list(range(30))))
    data = serialise(quads, ox.RdfFormat.N_QUADS)
    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        assert push_remote(data, "http://store.test/gsp", client) == 7
    assert [m for m, _g, _b in seen] == ["PUT"] * 8
    named = sorted(f"{BASE}graph/fact/{i}" for i in range(7))
    assert [g for _m, g, _b in seen] == [*named, "default"]
    assert sum(len(b.splitlines()) for _m, _g, b in seen[:-1]) == 30
    assert len(seen[-1][2].splitlines()) == len({q.triple for q in quads})


def test_push_remote_reports_a_refusal() -> None:
    data = serialise(to_quads(_dataset([0])), ox.RdfFormat.N_QUADS)
    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(500, text="boom")))
    with pytest.raises(StoreError, match="HTTP 500 boom"):
        push_remote(data, "http://store.test/gsp", client)
