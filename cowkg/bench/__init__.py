"""Benchmarks: ``cowkg bench`` / ``make bench``. Prints a table and writes ``var/bench.json``.

What is measured, in one run on one machine, loopback only:

1. the build of the seeds (wall seconds, peak RSS) in a child process with a temporary graph_dir,
   and extraction throughput (MB/s) on a synthetic corpus of news-like articles;
2. for each dataset (the seeds' graph, then synthetic graphs of the requested sizes, each with the
   seeds' graph copied in so the competency queries keep their real answers): each server's load
   time and memory, then each query in ``queries/*.rq`` once (status, rows) and under wrk at each
   client count (p50, p99, requests/s); our endpoint against Oxigraph's server and
   rdflib-endpoint, as throughput ratios.

Servers run one at a time; each cell is bounded by ``--duration``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import platform
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cowkg.bench.fairness import FairnessFigures, measure_fairness
from cowkg.bench.generate import generate
from cowkg.bench.load import LoadError, probe, run_wrk
from cowkg.bench.peers import PEERS, PeerError, serve, settle
from cowkg.bench.report import (
    DatasetFigures,
    QueryFigures,
    ServerFigures,
    format_dataset,
    format_targets,
    targets,
    write_json,
)
from cowkg.bench.stages import (
    StageFigures,
    measure_build,
    measure_extraction,
    measure_source_sizes,
)
from cowkg.errors import CowkgError
from cowkg.settings import PROJECT_ROOT, Settings

log = logging.getLogger(__name__)

SUFFIXES = {"k": 1_000, "m": 1_000_000}


class BenchError(CowkgError):
    """The benchmark was asked something it cannot do (bad size, no queries, no dataset)."""


def parse_size(text: str) -> int:
    """'100k' → 100000, '1m' → 1000000, '2500' → 2500."""
    raw = text.strip().lower()
    try:
        if raw and raw[-1] in SUFFIXES:
            return int(float(raw[:-1]) * SUFFIXES[raw[-1]])
        return int(raw)
    except ValueError as exc:
        raise BenchError(f"bad size '{text}': use a number with k or m, e.g. 100k or 1m") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cowkg bench",
        description="Benchmark the build, the extraction and the endpoint against Oxigraph's "
        "server and rdflib-endpoint; prints a table and writes JSON.",
    )
    add = parser.add_argument
    add(
        "--sizes",
        default="seeds,100k",
        help="datasets, comma-separated: 'seeds' (the seeds' graph) and synthetic sizes in quads "
        "such as 100k, 1m, 10m (default: seeds,100k)",
    )
    add(
        "--servers",
        default=",".join(PEERS),
        help=f"servers to compare, comma-separated (default: {','.join(PEERS)})",
    )
    add("--clients", default="1,8", help="concurrent clients per wrk run (default: 1,8)")
    add("--duration", type=int, default=1, help="whole seconds per wrk run (default: 1)")
    add(
        "--timeout",
        type=int,
        default=10,
        help="whole seconds a request may take before it counts as timed out, in the probe and "
        "under wrk (default: 10)",
    )
    add(
        "--queries",
        type=Path,
        default=PROJECT_ROOT / "queries",
        help="folder of *.rq queries (default: queries/)",
    )
    add("--only", default="", help="run only queries whose file name contains this (default: all)")
    add(
        "--corpus-mb",
        type=float,
        default=2.0,
        help="size of the synthetic corpus for extraction throughput, MB (default: 2; 0 skips)",
    )
    add(
        "--source-mb",
        default="0.6,1.2,5",
        help="sizes of single synthetic sources whose extraction is timed, MB, comma-separated: "
        "the time should grow about linearly (default: 0.6,1.2,5; empty skips)",
    )
    add(
        "--skip-build",
        action="store_true",
        help="do not time the build; use graph/ as the seeds' dataset (default: off)",
    )
    add(
        "--rdflib-max",
        default="1.2m",
        help="largest dataset served by rdflib-endpoint, which is slow to load (default: 1.2m)",
    )
    add(
        "--setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a setting of our server for this run, e.g. query_slots=8 (repeatable; default: none)",
    )
    add(
        "--out",
        type=Path,
        default=PROJECT_ROOT / "var" / "bench.json",
        help="JSON output (default: var/bench.json)",
    )
    add(
        "--workdir",
        type=Path,
        default=None,
        help="scratch folder for datasets and databases (default: a temporary folder, removed)",
    )
    add(
        "--quick",
        action="store_true",
        help="smoke run: seeds only, 1 s per run, 8 clients, 0.2 MB corpus (default: off)",
    )
    return parser


def _options(argv: Sequence[str]) -> argparse.Namespace:
    args = build_parser().parse_args(list(argv))
    if args.quick:
        args.sizes, args.duration, args.clients, args.corpus_mb = "seeds", 1, "8", 0.2
        args.source_mb = "0.2"
    args.source_list = [float(s) for s in args.source_mb.split(",") if s.strip()]
    args.size_list = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    for size in args.size_list:
        if size != "seeds":
            parse_size(size)
    args.server_list = [s.strip() for s in args.servers.split(",") if s.strip()]
    unknown = sorted(set(args.server_list) - set(PEERS))
    if unknown:
        raise BenchError(f"unknown server(s) {', '.join(unknown)}; choose from {', '.join(PEERS)}")
    args.client_list = [int(c) for c in args.clients.split(",") if c.strip()]
    if any("=" not in item for item in args.setting):
        raise BenchError(f"--setting takes NAME=VALUE, got {args.setting}")
    args.settings = dict(item.split("=", 1) for item in args.setting)
    return args


def load_queries(folder: Path, only: str = "") -> dict[str, str]:
    """The ``*.rq`` files of ``folder`` by file stem, sorted."""
    files = sorted(p for p in folder.glob("*.rq") if only in p.name)
    if not files:
        raise BenchError(f"no *.rq queries in {folder}" + (f" matching '{only}'" if only else ""))
    return {p.stem: p.read_text(encoding="utf-8") for p in files}


def bench_server(
    name: str, dataset: Path, queries: dict[str, str], args: argparse.Namespace, workdir: Path
) -> ServerFigures:
    """Start one server on ``dataset``, probe and load-test every query, then stop it.

    A server still busy after a query (a timed-out request it keeps computing, or a backlog of
    wrk requests) would slow the next query's figures down, so it is restarted first.
    """
    figures = ServerFigures(server=name)
    pending = list(queries.items())
    try:
        while pending:
            with serve(name, dataset, workdir / name, settings=args.settings) as peer:
                if not figures.load_seconds:
                    figures.load_seconds = peer.load_seconds
                    figures.rss_bytes, _ = peer.memory()
                while pending:
                    stem, query = pending.pop(0)
                    figures.queries.append(_bench_query(peer.url, stem, query, args, workdir))
                    if pending and not settle(peer.url, args.timeout):
                        figures.restarts += 1
                        log.warning("%s still busy after %s: restarting it", name, stem)
                        break
                rss, peak = peer.memory()
                figures.rss_after_bytes = rss
                figures.peak_rss_bytes = max(figures.peak_rss_bytes, peak)
    except (PeerError, LoadError) as exc:
        figures.error = str(exc)
        log.error("%s on %s: %s", name, dataset.name, exc)
    return figures


def _bench_query(
    url: str, stem: str, query: str, args: argparse.Namespace, workdir: Path
) -> QueryFigures:
    result = QueryFigures(query=stem, probe=probe(url, query, timeout=args.timeout))
    if result.probe.status != 200:
        log.warning("%s: %s answered %d: %s", stem, url, result.probe.status, result.probe.error)
        return result
    for clients in args.client_list:
        result.runs[clients] = run_wrk(
            url,
            query,
            clients=clients,
            duration=args.duration,
            timeout=args.timeout,
            workdir=workdir,
        )
    return result


def _datasets(
    args: argparse.Namespace, seeds_graph: Path | None, workdir: Path
) -> list[tuple[str, Path, int]]:
    """(name, file, quads) for each requested dataset; synthetic ones are generated here."""
    if seeds_graph is None:
        raise BenchError("no graph of the seeds to benchmark. Hint: make build, then retry.")
    out = []
    for size in args.size_list:
        if size == "seeds":
            stats = generate(workdir / "seeds.nq", 0, core=seeds_graph)  # the core alone
            out.append(("seeds", stats.path, stats.core_quads))
        else:
            stats = generate(workdir / f"synthetic-{size}.nq", parse_size(size), core=seeds_graph)
            out.append((size, stats.path, stats.quads))
    return out


def run(args: argparse.Namespace, settings: Settings, workdir: Path) -> dict[str, Any]:
    """The whole benchmark; returns the JSON-able results."""
    queries = load_queries(args.queries, args.only)
    build = StageFigures(error="skipped (--skip-build)")
    seeds_graph: Path | None = None
    if not args.skip_build:
        build, seeds_graph = measure_build(settings, workdir / "build")
    if seeds_graph is None:
        seeds_graph = next(
            (
                settings.graph_dir / n
                for n in ("cowkg.nq", "cowkg.trig")
                if (settings.graph_dir / n).exists()
            ),
            None,
        )
    extraction = (
        measure_extraction(settings, workdir / "extract", args.corpus_mb)
        if args.corpus_mb > 0
        else StageFigures(error="skipped (--corpus-mb 0)")
    )
    sources = measure_source_sizes(settings, workdir / "sources", args.source_list)
    fairness = (
        measure_fairness(seeds_graph, workdir / "fairness")
        if seeds_graph is not None
        else FairnessFigures(error="no dataset of the seeds")
    )
    rdflib_max = parse_size(args.rdflib_max)
    datasets: list[DatasetFigures] = []
    for name, path, quads in _datasets(args, seeds_graph, workdir):
        ds = DatasetFigures(name=name, quads=quads)
        for server in args.server_list:
            if server == "rdflib-endpoint" and quads > rdflib_max:
                ds.servers.append(ServerFigures(server, error="skipped (over --rdflib-max)"))
                continue
            ds.servers.append(bench_server(server, path, queries, args, workdir / name))
        datasets.append(ds)
        sys.stdout.write(format_dataset(ds, args.client_list) + "\n\n")
        sys.stdout.flush()
    goals = targets(datasets, build.wall_seconds if not build.error else None)
    stages = _stage_lines(build, extraction, sources) + f"\n  {fairness.summary()}"
    sys.stdout.write(stages + "\n" + format_targets(goals) + "\n")
    return {
        "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": _machine(),
        "options": {k: v for k, v in vars(args).items() if not k.endswith("_list")},
        "queries": sorted(queries),
        "build": build,
        "extraction": extraction,
        "source_sizes": sources,
        "fairness": fairness,
        "datasets": datasets,
        "targets": goals,
    }


def _stage_lines(
    build: StageFigures, extraction: StageFigures, sources: Sequence[StageFigures] = ()
) -> str:
    lines = ["== build and extraction =="]
    if build.error:
        lines.append(f"  build of the seeds: {build.error.splitlines()[-1]}")
    else:
        lines.append(
            f"  build of the seeds: {build.wall_seconds:.1f} s wall ({build.seconds:.1f} s "
            f"in the build), peak RSS {build.peak_rss_bytes / 2**20:.0f} MB"
        )
    if extraction.error:
        lines.append(f"  extraction: {extraction.error.splitlines()[-1]}")
    else:
        lines.append(
            f"  extraction: {extraction.count} facts from {extraction.files} articles, "
            f"{extraction.input_bytes / 1e6:.1f} MB in {extraction.seconds:.1f} s = "
            f"{extraction.mb_per_second:.2f} MB/s, peak RSS "
            f"{extraction.peak_rss_bytes / 2**20:.0f} MB"
        )
    if sources:
        lines.append("  one source, by size: " + ", ".join(_source_figure(s) for s in sources))
    return "\n".join(lines)


def _source_figure(figures: StageFigures) -> str:
    outcome = figures.error.splitlines()[-1] if figures.error else f"{figures.seconds:.1f} s"
    return f"{figures.input_bytes / 1e6:.1f} MB {outcome}"


def _machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "memory_bytes": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def main(argv: list[str], settings: Settings) -> int:
    """``cowkg bench [options]``: run, print the table, write the JSON; 0 unless it cannot run."""
    args = _options(argv)
    keep = args.workdir is not None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="cowkg-bench-"))
    try:
        results = run(args, settings, workdir)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    write_json(results, args.out)
    log.info("wrote %s", args.out)
    return 0
