"""Time the build of the seeds and the extraction throughput, each in a child process.

The build writes to a temporary ``graph_dir`` (the published ``graph/`` is never touched); its
output, ``cowkg.nq`` (or ``cowkg.trig``), is then the "seeds" dataset that the servers are
compared on. Extraction runs over a synthetic corpus (:func:`cowkg.bench.generate.write_corpus`)
in a temporary seeds folder.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cowkg.bench.generate import write_corpus, write_single_source
from cowkg.settings import Settings

log = logging.getLogger(__name__)

GRAPH_FILES = ("cowkg.nq", "cowkg.trig")


@dataclass(frozen=True, slots=True)
class StageFigures:
    """One child run: wall seconds (with interpreter start-up), the stage's own seconds, peak RSS,
    a count (facts extracted; 0 for the build), the input size in bytes, and an error if any."""

    wall_seconds: float = 0.0
    seconds: float = 0.0
    peak_rss_bytes: int = 0
    count: int = 0
    input_bytes: int = 0
    files: int = 0
    error: str = ""

    @property
    def mb_per_second(self) -> float:
        return self.input_bytes / 1e6 / self.seconds if self.seconds else 0.0


def _child(stage: str, env_overrides: dict[str, str], timeout: float) -> StageFigures:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COWKG_")}
    env["COWKG_CACHE_DIR"] = ""  # cold: the extraction cache would time a cache read instead
    env.update(env_overrides)
    began = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cowkg.bench.child", stage],
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return StageFigures(error=f"{stage} did not finish within {timeout:.0f} s")
    wall = time.perf_counter() - began
    if done.returncode != 0:
        return StageFigures(wall_seconds=wall, error=done.stderr.strip()[-1500:])
    data = json.loads(done.stdout.strip().splitlines()[-1])
    return StageFigures(wall, data["seconds"], data["peak_rss_bytes"], data["count"])


def _text_bytes(seeds_dir: Path) -> tuple[int, int]:
    files = sorted(seeds_dir.glob("*.txt"))
    return sum(f.stat().st_size for f in files), len(files)


def measure_build(
    settings: Settings, workdir: Path, timeout: float = 600.0
) -> tuple[StageFigures, Path | None]:
    """Build the seeds into ``workdir/graph``; returns the figures and the dataset file written."""
    graph_dir = workdir / "graph"
    graph_dir.mkdir(parents=True, exist_ok=True)
    env = {"COWKG_GRAPH_DIR": str(graph_dir), "COWKG_SEEDS_DIR": str(settings.seeds_dir)}
    figures = _child("build", env, timeout)
    size, files = _text_bytes(settings.seeds_dir)
    figures = replace(figures, input_bytes=size, files=files)
    if figures.error:
        log.error("build of the seeds failed: %s", figures.error)
    dataset = next((graph_dir / n for n in GRAPH_FILES if (graph_dir / n).exists()), None)
    log.info(
        "build of the seeds: %.1f s wall, peak RSS %.0f MB",
        figures.wall_seconds,
        figures.peak_rss_bytes / 2**20,
    )
    return figures, dataset


def _extract(corpus: Path, workdir: Path, timeout: float) -> StageFigures:
    """Extract the seeds of ``corpus`` in a child process."""
    env = {
        "COWKG_SEEDS_DIR": str(corpus),
        "COWKG_GRAPH_DIR": str(workdir / "corpus-graph"),
        "COWKG_CURATION_FILE": str(workdir / "none.yaml"),  # curation cites the real seeds only
    }
    figures = _child("extract", env, timeout)
    size, files = _text_bytes(corpus)
    return replace(figures, input_bytes=size, files=files)


def measure_source_sizes(
    settings: Settings, workdir: Path, sizes: Sequence[float], timeout: float = 900.0
) -> list[StageFigures]:
    """Extraction of one synthetic source of each size (MB): the time should grow about
    linearly with the size (it grew with its square before the mention scans used bisection)."""
    figures = []
    for megabytes in sizes:
        folder = workdir / f"source-{megabytes:g}mb"
        write_single_source(settings.seeds_dir, folder, megabytes)
        figures.append(_extract(folder, workdir, timeout))
        log.info("one source of %.1f MB: %.1f s", megabytes, figures[-1].seconds)
    return figures


def measure_extraction(
    settings: Settings, workdir: Path, megabytes: float, timeout: float = 900.0
) -> StageFigures:
    """Extract facts from a synthetic corpus of about ``megabytes`` MB of news-like articles."""
    corpus = workdir / "corpus"
    write_corpus(settings.seeds_dir, corpus, megabytes)
    figures = _extract(corpus, workdir, timeout)
    size = figures.input_bytes
    if figures.error:
        log.error("extraction of the synthetic corpus failed: %s", figures.error)
    else:
        log.info(
            "extraction: %d facts from %.1f MB in %.1f s (%.2f MB/s)",
            figures.count,
            size / 1e6,
            figures.seconds,
            figures.mb_per_second,
        )
    return figures
