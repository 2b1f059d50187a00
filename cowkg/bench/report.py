"""Benchmark results: the records, the ratios against the peers, the targets, the table and JSON.

Ratios are throughputs (successful requests per second) of our endpoint over a peer's on the same
data in the same run, summarised as the geometric mean over the competency queries (a mean of
ratios must be geometric: one query 10x faster and one 10x slower average to 1, not to 5).
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cowkg.bench.load import LoadResult, Probe

OURS = "cowkg"
MB = 1024 * 1024


@dataclass(slots=True)
class QueryFigures:
    """One query on one server: the probe (status, rows) and a wrk run per client count."""

    query: str
    probe: Probe
    runs: dict[int, LoadResult] = field(default_factory=dict)


@dataclass(slots=True)
class ServerFigures:
    """One server on one dataset: load time, memory after load / after the load test, queries."""

    server: str
    load_seconds: float = 0.0
    rss_bytes: int = 0
    rss_after_bytes: int = 0
    peak_rss_bytes: int = 0
    queries: list[QueryFigures] = field(default_factory=list)
    restarts: int = 0  # times the server was restarted because a query left it busy
    error: str = ""

    def run(self, query: str, clients: int) -> LoadResult | None:
        for q in self.queries:
            if q.query == query and q.probe.status == 200:
                return q.runs.get(clients)
        return None


@dataclass(slots=True)
class DatasetFigures:
    """All servers on one dataset (the seeds' graph, or a synthetic size)."""

    name: str
    quads: int
    servers: list[ServerFigures] = field(default_factory=list)

    def server(self, name: str) -> ServerFigures | None:
        return next((s for s in self.servers if s.server == name and not s.error), None)


@dataclass(frozen=True, slots=True)
class Target:
    """A goal from the brief, the measured value, and whether it is met."""

    name: str
    measured: float | None
    goal: float
    higher_is_better: bool

    @property
    def met(self) -> bool | None:
        if self.measured is None:
            return None
        if self.higher_is_better:
            return self.measured >= self.goal
        return self.measured < self.goal


def geomean(values: Iterable[float]) -> float | None:
    """Geometric mean of the positive values, or None if there are none."""
    logs = [math.log(v) for v in values if v > 0]
    return math.exp(sum(logs) / len(logs)) if logs else None


def _rate(server: ServerFigures, query: str, clients: int) -> tuple[float, bool] | None:
    """A server's throughput on a query, and whether it is only an upper bound.

    A query whose probe timed out gets ``clients / seconds waited``, and one of which no request
    finished during the wrk run ``clients / run seconds``: it cannot have done better, so a ratio
    against it is a lower bound (marked ≥ in the table).
    """
    run = server.run(query, clients)
    if run is not None and run.throughput > 0:
        return run.throughput, False
    if run is not None and run.requests == 0 and run.seconds > 0:
        return clients / run.seconds, True  # not one request finished within the run
    probe = next((q.probe for q in server.queries if q.query == query), None)
    if probe is not None and probe.status == 0 and "timed out" in probe.error:
        return clients / (probe.ms / 1000), True
    return None


def ratios(dataset: DatasetFigures, peer: str, clients: int) -> dict[str, tuple[float, bool]]:
    """Per query: our throughput over ``peer``'s, and whether that is a lower bound."""
    ours, theirs = dataset.server(OURS), dataset.server(peer)
    if ours is None or theirs is None:
        return {}
    out: dict[str, tuple[float, bool]] = {}
    for q in ours.queries:
        a, b = _rate(ours, q.query, clients), _rate(theirs, q.query, clients)
        if a is not None and b is not None and not a[1]:
            out[q.query] = (a[0] / b[0], b[1])
    return out


def summary(dataset: DatasetFigures, peer: str, clients: int) -> tuple[float | None, int]:
    """Geometric mean of our throughput ratios over ``peer``, and how many are lower bounds."""
    found = ratios(dataset, peer, clients)
    return geomean(r for r, _ in found.values()), sum(1 for _, bound in found.values() if bound)


def worst_p99(dataset: DatasetFigures, clients: int) -> float | None:
    """Our slowest query's 99th percentile latency (ms) at ``clients``; None if none ran."""
    ours = dataset.server(OURS)
    if ours is None:
        return None
    values = [r.p99_ms for q in ours.queries if (r := ours.run(q.query, clients)) is not None]
    return max(values) if values else None


def targets(
    datasets: Sequence[DatasetFigures], build_seconds: float | None, clients: int = 8
) -> list[Target]:
    """The brief's targets for the seeds' graph, the 1 M graph and the build."""
    out: list[Target] = []
    goals = {"seeds": (3.0, 50.0), "1m": (10.0, 100.0)}
    for ds in datasets:
        if ds.name not in goals:
            continue
        vs_rdflib, latency = goals[ds.name]
        for peer, goal in (("oxigraph", 0.5), ("rdflib-endpoint", vs_rdflib)):
            name = f"{ds.name}: throughput vs {peer} ({clients} clients, geomean)"
            out.append(Target(name, summary(ds, peer, clients)[0], goal, True))
        if ds.name == "seeds":
            out.append(
                Target(
                    f"seeds: slowest query p99 at {clients} clients (ms)",
                    worst_p99(ds, clients),
                    latency,
                    False,
                )
            )
        else:
            out.append(
                Target(
                    f"{ds.name}: slowest query p99 at 1 client (ms)",
                    worst_p99(ds, 1),
                    latency,
                    False,
                )
            )
    out.append(Target("build of the seeds (s)", build_seconds, 10.0, False))
    return out


def _cell(run: LoadResult | None) -> str:
    if run is None:
        return "—"
    if run.requests == 0:
        return f"none done in {run.seconds:.0f} s"
    errors = f" !{run.errors}err" if run.errors else ""
    return f"{run.p50_ms:7.1f} {run.p99_ms:7.1f} {run.throughput:7.1f}{errors}"


def format_dataset(ds: DatasetFigures, clients: Sequence[int]) -> str:
    """A table per dataset: per query and server, p50 / p99 ms and requests/s per client count."""
    lines = [f"== {ds.name}: {ds.quads:,} quads =="]
    for s in ds.servers:
        if s.error:
            lines.append(f"  {s.server}: FAILED: {s.error.splitlines()[0] if s.error else ''}")
            continue
        lines.append(
            f"  {s.server}: ready in {s.load_seconds:.1f} s, RSS {s.rss_bytes / MB:.0f} MB "
            f"(after the load test {s.rss_after_bytes / MB:.0f} MB, "
            f"peak {s.peak_rss_bytes / MB:.0f} MB)"
        )
    names = [s.server for s in ds.servers if not s.error]
    header = f"  {'query':<28} {'rows':>6}"
    for name in names:
        for c in clients:
            header += f" | {name[:10]:>10} c{c}: p50 p99 req/s".ljust(37)
    lines.append(header)
    ours = ds.server(OURS) or (ds.servers[0] if ds.servers else None)
    for q in ours.queries if ours else []:
        row = f"  {q.query[:28]:<28} {q.probe.rows:>6}"
        for name in names:
            server = ds.server(name)
            for c in clients:
                row += f" | {_cell(server.run(q.query, c) if server else None):<35}"
        lines.append(row)
    for peer in ("oxigraph", "rdflib-endpoint"):
        for c in clients:
            g, bounds = summary(ds, peer, c)
            if g is not None:
                note = f" (≥: {peer} too slow to measure on {bounds} queries)" if bounds else ""
                lines.append(f"  ours/{peer} throughput at {c} clients (geomean): {g:.2f}x{note}")
    return "\n".join(lines)


def format_targets(items: Sequence[Target]) -> str:
    lines = ["== targets =="]
    for t in items:
        verdict = {True: "MET", False: "MISSED", None: "not measured"}[t.met]
        sign = ">=" if t.higher_is_better else "<"
        value = "—" if t.measured is None else f"{t.measured:.2f}"
        lines.append(f"  {t.name:<62} {value:>9} (goal {sign} {t.goal:g})  {verdict}")
    return "\n".join(lines)


def to_jsonable(value: Any) -> Any:
    """Dataclasses to dicts (with computed throughputs and verdicts), Paths to strings."""
    if isinstance(value, LoadResult):
        return {**dataclasses.asdict(value), "throughput": value.throughput}
    if isinstance(value, Target):
        return {**dataclasses.asdict(value), "met": value.met}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


def write_json(data: dict[str, Any], path: Path) -> None:
    """Write atomically (temp file, then rename), so a crashed run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False) + "\n", "utf-8")
    os.replace(tmp, path)
