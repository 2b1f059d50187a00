"""Start the SPARQL servers under comparison on loopback, serving the same dataset file.

WHY separate processes: each server is measured as users run it (its own CLI, its own process),
so load time and resident memory are the server's alone, and the load generator (wrk) is a
separate light process too. Servers run one at a time so they never compete for the two cores.

- ``cowkg``: our endpoint, ``python -m cowkg serve`` with ``COWKG_DATASET`` set to the file;
- ``oxigraph``: ``oxigraph load`` into a RocksDB directory, ``oxigraph update`` to put the merge
  of all graphs in its default graph (as ours does), then ``oxigraph serve-read-only``;
- ``rdflib-endpoint``: ``rdflib-endpoint serve FILE`` (an rdflib ``Dataset`` with default union).
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from cowkg.errors import CowkgError
from cowkg.store import MERGE_INTO_DEFAULT

log = logging.getLogger(__name__)

PEERS = ("cowkg", "oxigraph", "rdflib-endpoint")
READY_QUERY = "ASK { ?s ?p ?o }"


class PeerError(CowkgError):
    """A server under comparison could not be started or did not become ready."""


@dataclass(frozen=True, slots=True)
class Peer:
    """A running server: its name, query URL, process id and how long it took to become ready."""

    name: str
    url: str
    pid: int
    load_seconds: float

    def memory(self) -> tuple[int, int]:
        """(current RSS, peak RSS) in bytes of the server process and its children."""
        return _memory(self.pid)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _tool(name: str) -> str:
    """An executable from our virtualenv (beside the running Python), else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise PeerError(f"'{name}' is not installed. Hint: make install (it is a dev dependency).")
    return found


def _children(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue += [int(c) for c in task.read_text().split()]
            except OSError:
                continue
    return pids


def _memory(pid: int) -> tuple[int, int]:
    rss = peak = 0
    for p in _children(pid):
        try:
            status = Path(f"/proc/{p}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                rss += int(line.split()[1]) * 1024
            elif line.startswith("VmHWM:"):
                peak += int(line.split()[1]) * 1024
    return rss, peak


def ask(url: str, query: str = READY_QUERY, timeout: float = 5.0) -> int:
    """POST a query (SPARQL 1.1 protocol, direct body) and return the HTTP status."""
    request = urllib.request.Request(
        url,
        data=query.encode("utf-8"),
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code


def settle(url: str, limit: float) -> bool:
    """Wait up to ``limit`` seconds for the server to answer a trivial query again (idle)."""
    began = time.perf_counter()
    while time.perf_counter() - began < limit:
        try:
            if ask(url, timeout=max(0.5, limit - (time.perf_counter() - began))) == 200:
                return True
        except (OSError, urllib.error.URLError):
            time.sleep(0.1)
    return False


def _wait_ready(
    proc: subprocess.Popen[bytes], url: str, began: float, limit: float, log_path: Path
) -> float:
    """Poll until the server answers a query; returns seconds since ``began``."""
    while time.perf_counter() - began < limit:
        if proc.poll() is not None:
            tail = log_path.read_text(errors="replace")[-2000:]
            raise PeerError(f"{url}: the server exited with code {proc.returncode}:\n{tail}")
        try:
            if ask(url, timeout=2.0) == 200:
                return time.perf_counter() - began
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.1)
    raise PeerError(f"{url}: not ready after {limit:.0f} s (see {log_path})")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _command(name: str, dataset: Path, port: int, workdir: Path) -> tuple[list[str], str]:
    """The serve command and its query URL; for oxigraph, bulk-loads its database first."""
    host = "127.0.0.1"
    if name == "cowkg":
        cmd = [sys.executable, "-m", "cowkg", "serve", "--host", host, "--port", str(port)]
        return cmd, f"http://{host}:{port}/sparql"
    if name == "oxigraph":
        location = workdir / "oxigraph-db"
        shutil.rmtree(location, ignore_errors=True)
        subprocess.run(
            [_tool("oxigraph"), "load", "--location", str(location), "--file", str(dataset)],
            check=True,
            capture_output=True,
        )
        # the same default graph as ours: the merge of all graphs, each triple once
        # (--union-default-graph would repeat a triple per graph holding it: cowkg/store.py)
        subprocess.run(
            [
                _tool("oxigraph"),
                "update",
                "--location",
                str(location),
                "--update",
                MERGE_INTO_DEFAULT,
            ],
            check=True,
            capture_output=True,
        )
        cmd = [_tool("oxigraph"), "serve-read-only", "--location", str(location)]
        cmd += ["--bind", f"{host}:{port}"]
        return cmd, f"http://{host}:{port}/query"
    if name == "rdflib-endpoint":
        cmd = [_tool("rdflib-endpoint"), "serve", str(dataset), "--host", host, "--port", str(port)]
        return cmd, f"http://{host}:{port}/"
    raise PeerError(f"unknown server '{name}'; choose from {', '.join(PEERS)}")


@contextmanager
def serve(
    name: str,
    dataset: Path,
    workdir: Path,
    ready_timeout: float = 900.0,
    settings: dict[str, str] | None = None,
) -> Iterator[Peer]:
    """Run server ``name`` on ``dataset`` until the block ends; yields it once it answers queries.

    ``load_seconds`` counts from the start of loading (oxigraph's bulk load included) to the first
    answered query, so it is comparable across servers. ``settings`` (name → value) become
    ``COWKG_*`` variables of our server; the caller's own ``COWKG_*`` variables are not passed on.
    """
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    began = time.perf_counter()
    try:
        cmd, url = _command(name, dataset, port, workdir)
    except subprocess.CalledProcessError as exc:
        raise PeerError(f"{name}: loading {dataset} failed: {exc.stderr.decode()[-2000:]}") from exc
    env = {k: v for k, v in os.environ.items() if not k.startswith("COWKG_")}
    env.update({f"COWKG_{k.upper()}": v for k, v in (settings or {}).items()})
    env["COWKG_DATASET"] = str(dataset)
    log_path = workdir / f"{name}.log"
    with log_path.open("wb") as log_file:
        proc = subprocess.Popen(cmd, stdout=log_file, stderr=subprocess.STDOUT, env=env)
        try:
            seconds = _wait_ready(proc, url, began, ready_timeout, log_path)
            log.info("%s ready on %s after %.1f s", name, url, seconds)
            yield Peer(name, url, proc.pid, seconds)
        finally:
            _stop(proc)
