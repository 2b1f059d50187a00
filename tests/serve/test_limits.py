"""Bounded memory and fairness: the byte cap, VoID whatever the Host, light requests beside
heavy ones, a client's share of the slots, worker recycling, and the HTTP layer's limits."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient
from serve_helpers import fixture_settings, free_port

from cowkg.serve import pool as pool_module
from cowkg.serve.app import create_app
from cowkg.serve.http import uvicorn_config

ALL = "SELECT * { ?s ?p ?o }"
HEAVY = (
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . "
    "OPTIONAL { ?q ?r ?t } OPTIONAL { ?u ?v ?w } FILTER(?c != ?o) FILTER(?f != ?l) }"
)
"""A cartesian count over the fixture that runs past any timeout here, and is not light."""


def test_answers_past_max_answer_bytes_are_refused() -> None:
    """The worker stops at the byte cap (it never holds a longer answer) and the answer is refused
    whole, as one past the row cap is; a short answer passes."""
    with TestClient(create_app(fixture_settings(max_answer_bytes=2000))) as small:
        for query, accept in (
            (ALL, "text/tab-separated-values"),
            ("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples"),
        ):
            answer = small.get("/sparql", params={"query": query}, headers={"Accept": accept})
            assert answer.status_code == 400, answer.text[:200]
            assert "2000 bytes" in answer.json()["error"]
        short = small.get("/sparql", params={"query": ALL + " LIMIT 2"})
        assert short.status_code == 200


def test_void_is_computed_once_whatever_the_host(client: TestClient) -> None:
    state = client.app.state.cowkg  # type: ignore[attr-defined]
    for i in range(30):
        answer = client.get("/.well-known/void", headers={"Host": f"h{i}.example"})
        assert answer.status_code == 200
        assert f"<http://h{i}.example/sparql>" in answer.text  # links follow the request
    assert [k for k in state._memo if k.startswith("void")] == ["void"]


@pytest.fixture
def live_one_slot() -> Iterator[str]:
    """A real server: one query slot, one light slot, 4 s timeout."""
    settings = fixture_settings(query_slots=1, light_slots=1, query_timeout=4)
    app = create_app(settings)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/sparql", params={"query": "ASK {}"}, timeout=5).is_success:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(timeout=5)


def _heavy(url: str, results: list[int]) -> None:
    results.append(httpx.post(f"{url}/sparql", data={"query": HEAVY}, timeout=30).status_code)


def test_light_requests_pass_a_heavy_one(live_one_slot: str) -> None:
    """The only query slot is held by a heavy query: a small query and an entity page still
    answer, long before the heavy one is cut off (before, they waited for the slot)."""
    results: list[int] = []
    heavy = threading.Thread(target=_heavy, args=(live_one_slot, results))
    heavy.start()
    time.sleep(0.5)
    began = time.monotonic()
    ask = httpx.get(f"{live_one_slot}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
    page = httpx.get(f"{live_one_slot}/id/state/FRA.html", timeout=30)
    waited = time.monotonic() - began
    heavy.join()
    assert ask.status_code == 200 and page.status_code == 200
    assert results == [503]
    assert waited < 3.0, waited  # well before the heavy query's 4 s deadline


def test_one_client_cannot_take_every_slot() -> None:
    settings = fixture_settings(query_slots=2, query_timeout=2)
    with TestClient(create_app(settings)) as local:
        pool = local.app.state.cowkg.backend.pool  # type: ignore[attr-defined]
        assert pool.client_limit == 1
        results: list[int] = []

        def send() -> None:
            results.append(local.post("/sparql", data={"query": HEAVY}).status_code)

        threads = [threading.Thread(target=send) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(results) == [429, 503], results


def test_workers_are_recycled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "RECYCLE_AFTER", 3)
    with TestClient(create_app(fixture_settings(query_slots=1, light_slots=0))) as local:
        pool = local.app.state.cowkg.backend.pool  # type: ignore[attr-defined]
        local.get("/sparql", params={"query": "ASK {}"})
        first = pool.pids
        for _ in range(3):
            assert local.get("/sparql", params={"query": "ASK {}"}).status_code == 200
        assert pool.pids != first and len(pool.pids) == 1


@pytest.fixture
def guarded_server() -> Iterator[int]:
    """Our HTTP layer: headers within 0.5 s, at most 4 connections."""
    settings = fixture_settings(header_timeout=0.5, max_connections=4, port=free_port())
    config = uvicorn_config(create_app(settings), settings, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield settings.port
    server.should_exit = True
    thread.join(timeout=5)


def _closed(sock: socket.socket, within: float) -> bool:
    sock.settimeout(within)
    try:
        return sock.recv(1) == b""
    except (TimeoutError, ConnectionResetError):
        return False


def test_slow_headers_are_cut_off(guarded_server: int) -> None:
    with socket.create_connection(("127.0.0.1", guarded_server)) as slow:
        slow.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # never finishes its headers
        assert _closed(slow, 3.0)
    with socket.create_connection(("127.0.0.1", guarded_server)) as idle:
        assert _closed(idle, 3.0)  # never sends anything


def test_connections_beyond_the_cap_are_closed(guarded_server: int) -> None:
    held = [socket.create_connection(("127.0.0.1", guarded_server)) for _ in range(4)]
    try:
        with socket.create_connection(("127.0.0.1", guarded_server)) as extra:
            assert _closed(extra, 0.4)  # closed at once, well before the header deadline
    finally:
        for sock in held:
            sock.close()
    time.sleep(0.1)
    assert httpx.get(f"http://127.0.0.1:{guarded_server}/health", timeout=5).status_code == 200
