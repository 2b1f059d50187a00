"""A query past its deadline has its worker process killed: CPU and memory come back at once.

Oxigraph cannot interrupt a query; the endpoint evaluates each in a worker process and kills the
worker at ``query_timeout``. These tests run ``python -m cowkg serve`` (the server and its workers
are its process tree) on a small synthetic graph and send cartesian queries that would run for
hours and, for the ``ORDER BY``, grow by about 1 GB a second.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from cowkg.bench.generate import generate
from cowkg.bench.peers import Peer, _children, serve

TIMEOUT = 2.0
SLOTS = 2
MB = 1 << 20
CARTESIAN = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i"
ORDER = f"SELECT * WHERE {{ {CARTESIAN} }} ORDER BY DESC(?c) ?f ?i"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ {CARTESIAN} . ?j ?k ?l }}"
ASK = "ASK { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Peer]:
    folder = tmp_path_factory.mktemp("kill")
    generate(folder / "small.nq", 500, seed=1)
    settings = {
        "query_timeout": str(TIMEOUT),
        "query_slots": str(SLOTS),
        "client_queries": str(SLOTS),  # the heavy queries below stand for several clients
        "light_slots": "1",
    }
    with serve("cowkg", folder / "small.nq", folder, settings=settings) as peer:
        yield peer


def _workers(peer: Peer) -> set[int]:
    return set(_children(peer.pid)) - {peer.pid}


def _post(peer: Peer, query: str) -> tuple[int, float]:
    began = time.perf_counter()
    answer = httpx.post(peer.url, data={"query": query}, timeout=TIMEOUT + 10)
    return answer.status_code, time.perf_counter() - began


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return True
    return state in ("Z", "X")  # exited; its memory is already returned


@pytest.mark.slow
def test_a_timed_out_query_has_its_worker_killed_and_its_memory_returned(server: Peer) -> None:
    assert _post(server, ASK)[0] == 200
    before_pids = _workers(server)
    before_rss, _ = server.memory()
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, server.memory()[0])
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        status, seconds = _post(server, ORDER)
    finally:
        done.set()
        sampler.join()
    assert status == 503 and seconds < TIMEOUT + 1.5, (status, seconds)
    assert peak > before_rss + 300 * MB, "the query did not grow: the test proves nothing"

    deadline = time.monotonic() + 2
    while not any(_gone(pid) for pid in before_pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    killed = {pid for pid in before_pids if _gone(pid)}
    assert len(killed) == 1, f"workers before: {before_pids}, now: {_workers(server)}"

    status, seconds = _post(server, ASK)
    assert status == 200 and seconds < 1.0, (status, seconds)
    after_rss, _ = server.memory()
    assert after_rss < before_rss + 100 * MB, (
        f"RSS {before_rss / MB:.0f} MB before, {peak / MB:.0f} at peak, {after_rss / MB:.0f} after"
    )
    assert len({pid for pid in _workers(server) if not _gone(pid)}) <= SLOTS + 1  # + light slot


@pytest.mark.slow
def test_as_many_heavy_queries_as_slots_do_not_lock_the_server(server: Peer) -> None:
    """Every slot taken by a query that would never end: each is cut off at the deadline, and
    the server answers the next queries at once (before, the slots stayed taken for hours)."""
    with ThreadPoolExecutor(SLOTS) as pool:
        heavy = [pool.submit(_post, server, COUNT) for _ in range(SLOTS)]
        time.sleep(0.3)
        waiting = _post(server, ASK)  # waits for a slot, gets one when the first is cut off
        results = [f.result() for f in heavy]
    assert all(status == 503 for status, _ in results), results
    assert all(seconds < TIMEOUT + 1.5 for _, seconds in results), results
    assert waiting[0] == 200 and waiting[1] < TIMEOUT + 1.5, waiting
    for _ in range(3):
        status, seconds = _post(server, ASK)
        assert status == 200 and seconds < 1.0, (status, seconds)
