"""Fairness under load: how long a light request takes while heavy queries hold every slot.

WHY: before the light slots, four cartesian ``COUNT`` queries made ``ASK {}`` wait 9.2 s and
every entity page with it. This starts our server on a dataset, sends ``heavy`` queries that run
until the query timeout (each as if from its own client: ``client_queries`` is raised to match),
and, while they run, times light requests one after another: a small SPARQL query and an entity
page. A benchmark, not a test: the figures go to the table and the JSON.
"""

from __future__ import annotations

import logging
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from cowkg.bench.peers import serve

log = logging.getLogger(__name__)

HEAVY = (
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
    "OPTIONAL { ?m ?n2 ?o } OPTIONAL { ?q ?r ?t } FILTER(?c != ?l) FILTER(?f != ?i) }"
)
"""A cartesian count that runs past the timeout on any real dataset (not a light query)."""
LIGHT = "ASK { ?s ?p ?o }"
PAGE = "/id/coalition/coalition-of-the-willing.html"


@dataclass
class FairnessFigures:
    """Milliseconds of each light request while ``heavy`` heavy queries ran."""

    heavy: int = 0
    query_ms: list[float] = field(default_factory=list)
    page_ms: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    error: str = ""

    def summary(self) -> str:
        if self.error:
            return f"light requests beside heavy ones: {self.error}"
        return (
            f"light requests while {self.heavy} heavy queries run: ASK median "
            f"{statistics.median(self.query_ms):.0f} ms (max {max(self.query_ms):.0f}), entity "
            f"page median {statistics.median(self.page_ms):.0f} ms (max "
            f"{max(self.page_ms):.0f}); statuses {sorted(set(self.statuses))}"
        )


def _timed(client: httpx.Client, url: str, **params: str) -> tuple[float, int]:
    began = time.perf_counter()
    status = client.get(url, params=params or None).status_code
    return (time.perf_counter() - began) * 1000, status


def measure_fairness(
    dataset: Path, workdir: Path, heavy: int = 4, probes: int = 10, timeout: float = 10.0
) -> FairnessFigures:
    """Start our server on ``dataset`` with ``heavy`` query slots, fill them, time light ones."""
    settings = {
        "query_slots": str(heavy),
        "client_queries": str(heavy),
        "query_timeout": str(timeout),
    }
    figures = FairnessFigures(heavy=heavy)
    with serve("cowkg", dataset, workdir, settings=settings) as peer:
        root = peer.url.removesuffix("/sparql")
        runners = [
            threading.Thread(
                target=lambda: httpx.post(peer.url, data={"query": HEAVY}, timeout=timeout + 30)
            )
            for _ in range(heavy)
        ]
        with httpx.Client(timeout=timeout + 30) as client:
            client.get(peer.url, params={"query": LIGHT})  # the workers are up
            for runner in runners:
                runner.start()
            time.sleep(1.0)  # every heavy query holds its slot
            for _ in range(probes):
                ms, status = _timed(client, peer.url, query=LIGHT)
                figures.query_ms.append(ms)
                figures.statuses.append(status)
                ms, status = _timed(client, root + PAGE)
                figures.page_ms.append(ms)
                figures.statuses.append(status)
        for runner in runners:
            runner.join()
    log.info("%s", figures.summary())
    return figures
