"""Isolation in depth: a query worker cannot reach the network, whatever gets past the checks.

The listener must see no connection: not from a SERVICE the allow-list lets through (so every
check is passed), not from a process that installed the filter, as root or as a normal user.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cowkg.serve.app import create_app
from cowkg.serve.sandbox import ARCHES, forbid_network, network_filter

from .listener import Listener

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "serve"))
from serve_helpers import fixture_settings

pytestmark = pytest.mark.skipif(
    os.uname().machine not in ARCHES, reason="no seccomp filter for this architecture"
)

PROBE = """
import os, socket, sys
import pyoxigraph as ox
from cowkg.serve.sandbox import forbid_network
if len(sys.argv) > 1:  # become a normal user (after the imports: the interpreter may sit in /root)
    os.setgid(int(sys.argv[1]))
    os.setuid(int(sys.argv[1]))
    assert os.geteuid() != 0
problem = forbid_network()
assert problem is None, problem
socket.socket(socket.AF_UNIX).close()
for family in (socket.AF_INET, socket.AF_INET6):
    try:
        socket.socket(family, socket.SOCK_STREAM)
    except PermissionError:
        continue
    sys.exit(f"family {family} still opens")
try:
    list(ox.Store().query("SELECT * { SERVICE <%s> { ?s ?p ?o } }"))
except OSError as exc:
    print("refused:", exc)
"""


def _run_probe(listener: Listener, as_user: int | None) -> subprocess.CompletedProcess[str]:
    user = [] if as_user is None else [str(as_user)]
    return subprocess.run(
        [sys.executable, "-c", PROBE % listener.url, *user],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent.parent,
    )


def test_the_filter_refuses_internet_sockets_as_this_user(listener: Listener) -> None:
    done = _run_probe(listener, None)
    assert done.returncode == 0, done.stderr
    assert "refused: Permission denied" in done.stdout
    assert listener.connections == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to become another user")
def test_the_filter_works_for_a_normal_user_too(listener: Listener) -> None:
    done = _run_probe(listener, 65534)  # nobody: PR_SET_NO_NEW_PRIVS lets it install a filter
    assert done.returncode == 0, done.stderr
    assert "refused: Permission denied" in done.stdout
    assert listener.connections == []


def test_the_filter_program_denies_foreign_abis_and_io_uring() -> None:
    arch, socket_nr = ARCHES["x86_64"]
    program = network_filter(arch, socket_nr)
    assert {k for _, _, _, k in program} >= {arch, socket_nr, 425, 0x40000000}
    assert callable(forbid_network)


@pytest.fixture
def allowing(listener: Listener) -> Iterator[TestClient]:
    """An app whose allow-list names the listener: a SERVICE to it passes every check."""
    settings = fixture_settings(service_allowlist=listener.url)
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_service_past_every_check_reaches_nothing(
    allowing: TestClient, listener: Listener
) -> None:
    query = f"SELECT * {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    answer = allowing.get("/sparql", params={"query": query})
    assert answer.status_code == 502, answer.text
    assert "remote answer is not shown" in answer.json()["error"]
    assert listener.connections == [], "a query worker connected out"


def test_every_query_worker_runs_under_the_filter(allowing: TestClient) -> None:
    assert allowing.get("/sparql", params={"query": "ASK {}"}).status_code == 200
    pool = allowing.app.state.cowkg.backend.pool  # type: ignore[attr-defined]
    assert pool.isolation == "seccomp"
    for pid in pool.pids:  # a worker still importing has not reached its first line yet
        deadline = time.monotonic() + 30
        while "Seccomp:\t2" not in (status := Path(f"/proc/{pid}/status").read_text()):
            assert time.monotonic() < deadline, status
            time.sleep(0.05)
