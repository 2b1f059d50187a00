"""Running per-seed extraction over many seeds: in parallel, and only for what changed.

Extraction (:func:`cowkg.extract.extract_all`) is a few stages that each treat one seed at a time
given a *context* shared by all seeds (the people titled anywhere, the names of forces, the
states people speak for). :class:`SeedRunner` maps a stage over the seeds:

* **incremental** — each result is cached on disk under a key made of the stage, the digest of
  the extraction code, the seed's text and record, and the digest of the context. A rebuild after
  a change re-runs a stage only for the seeds whose key changed. When a new article changes the
  shared context (it titles a person no seed titled before), every seed is re-read for that
  stage, which is what correctness needs: the new name may now be recognised in older seeds.
* **parallel** — the seeds that miss the cache are spread over worker processes when there are
  enough of them to pay for starting the workers (:data:`PARALLEL_MIN`); results come back in
  seed order, so the output does not depend on the number of workers.

A cache file that cannot be read is a miss (logged), never an error: the cache only saves time.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import pickle
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cowkg.types import Source

__all__ = ["PARALLEL_MIN", "SeedRunner", "digest"]

log = logging.getLogger(__name__)

A = TypeVar("A")
C = TypeVar("C")
R = TypeVar("R")

Stage = Callable[[Source, A, C], R]
"""A per-seed stage: ``stage(source, item, context)``. ``item`` must follow from the source and
the earlier stages (it is not part of the cache key); ``context`` is described by its digest."""

PARALLEL_MIN = 8
"""Fewest cache misses worth worker processes (starting one costs ~0.5 s of imports)."""


def digest(*parts: object) -> str:
    """SHA-256 of the ``repr`` of ``parts``: callers pass sorted, plain values (no sets)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def _source_digest(source: Source) -> str:
    """The seed as extraction sees it: its text and every field of its record."""
    record = (source.file, source.title, source.language, source.kind, source.date)
    return digest(source.sha256 or hashlib.sha256(source.text.encode()).hexdigest(), record)


def _call(task: tuple[Stage[Any, Any, Any], Source, Any, Any]) -> Any:
    stage, source, item, context = task
    return stage(source, item, context)


def _progress(results: Iterator[R], total: int) -> Iterator[R]:
    """Pass ``results`` through, logging every tenth of a long run (progress on big corpora)."""
    step = max(total // 10, PARALLEL_MIN)
    for done, result in enumerate(results, start=1):
        if total >= 2 * step and done % step == 0:
            log.info("  %d/%d seeds", done, total)
        yield result


@dataclass(frozen=True)
class SeedRunner:
    """Maps extraction stages over seeds with a cache (``cache_dir``) and ``workers`` processes.

    ``code`` is the digest of the code that extraction runs: a code change invalidates the cache.
    ``SeedRunner()`` (no cache, one worker) is the plain serial loop.
    """

    cache_dir: Path | None = None
    workers: int = 1
    code: str = ""

    def map(
        self,
        stage: Stage[A, C, R],
        sources: Sequence[Source],
        items: Sequence[A],
        context: C,
        context_digest: str,
    ) -> list[R]:
        """``[stage(s, i, context) for s, i in zip(sources, items)]``, from the cache if it can."""
        keys = [
            digest(
                stage.__module__, stage.__qualname__, self.code, _source_digest(s), context_digest
            )
            for s in sources
        ]
        results: list[R | None] = [self._load(key) for key in keys]
        missing = [n for n, result in enumerate(results) if result is None]
        tasks = [(stage, sources[n], items[n], context) for n in missing]
        for n, result in zip(missing, self._run(tasks), strict=True):
            results[n] = result
            self._store(keys[n], result)
        log.info(
            "%s: %d seed(s) from cache, %d extracted",
            stage.__name__.strip("_"),
            len(sources) - len(missing),
            len(missing),
        )
        return [r for r in results if r is not None]

    def _run(self, tasks: list[tuple[Stage[Any, Any, Any], Source, Any, Any]]) -> list[Any]:
        if self.workers < 2 or len(tasks) < PARALLEL_MIN:
            return list(_progress(map(_call, tasks), len(tasks)))
        workers = min(self.workers, len(tasks))
        context = multiprocessing.get_context("forkserver")  # no fork of a threaded parent
        # The fork server imports the stages' modules once and every worker of every stage is
        # forked from it, instead of each worker importing them again (~1 s per stage).
        context.set_forkserver_preload(sorted({task[0].__module__ for task in tasks}))
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunks = max(1, len(tasks) // (workers * 4))
            return list(_progress(pool.map(_call, tasks, chunksize=chunks), len(tasks)))

    def _path(self, key: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / key[:2] / f"{key}.pickle"

    def _load(self, key: str) -> Any:
        path = self._path(key)
        if path is None or not path.is_file():
            return None
        try:
            return pickle.loads(path.read_bytes())  # our own cache, written by _store
        except Exception as exc:  # a damaged cache file is a miss, never a failed build
            log.warning("extraction cache %s unreadable (%s); extracting again", path, exc)
            return None

    def _store(self, key: str, result: object) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(path)
        except OSError as exc:  # a read-only or full disk only costs the next build time
            log.warning("extraction cache %s not written (%s)", path, exc)
