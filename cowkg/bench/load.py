"""Drive load with wrk (C, event loop) and read its figures back as JSON.

WHY wrk: a Python load generator on a 2-core machine would eat the CPU the servers need and cap the
throughput it can measure. wrk runs a tiny Lua script that sends the query as a SPARQL 1.1
protocol POST (``application/sparql-query``) and, when done, writes its counts and latency
percentiles as one JSON line that :func:`run_wrk` parses.

:func:`probe` sends one query with Python first: it checks the server answers it (status, row
count), so a fast stream of errors is never mistaken for throughput.
"""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cowkg.errors import CowkgError
from cowkg.serve.safety import QueryForm, inspect_query

log = logging.getLogger(__name__)

ACCEPT = {
    "select": "application/sparql-results+json",
    "ask": "application/sparql-results+json",
    "graph": "application/n-triples",
}
MARKER = "WRK-JSON "
LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/sparql-query"
wrk.headers["Accept"] = "{accept}"
wrk.body = [{level}[{body}]{level}]

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{marker}{{"requests":%d,"duration_us":%d,"bytes":%d,"connect":%d,"read":%d,"write":%d,' ..
    '"status":%d,"timeout":%d,"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%f}}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
"""


class LoadError(CowkgError):
    """wrk is missing or did not report its figures."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """One wrk run: completed requests, failures and latency percentiles (milliseconds)."""

    clients: int
    requests: int
    seconds: float
    errors: int  # socket errors, timeouts and non-2xx/3xx responses
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float

    @property
    def throughput(self) -> float:
        """Successful requests per second."""
        return max(self.requests - self.errors, 0) / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class Probe:
    """One query sent once: HTTP status, result size (rows, triples or 1 for ASK), milliseconds."""

    status: int
    rows: int
    ms: float
    error: str = ""


def query_form(query: str) -> str:
    """'select', 'ask' or 'graph' (CONSTRUCT/DESCRIBE), read off the query's tokens.

    Tokens, not a parse: the robustness tests probe with hostile queries, and a parser in this
    process could be what they break.
    """
    form = inspect_query(query).form
    if form is QueryForm.ASK:
        return "ask"
    if form is not None and form.gives_rdf:
        return "graph"
    return "select"


def lua_script(query: str, accept: str) -> str:
    """The wrk script sending ``query``; the body sits in a Lua long bracket it cannot close."""
    level = "="
    while f"]{level}]" in query:
        level += "="
    return LUA.format(accept=accept, level=level, body=query, marker=MARKER)


def parse_report(stdout: str, clients: int) -> LoadResult:
    """Read the JSON line the Lua ``done`` hook printed."""
    for line in stdout.splitlines():
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            errors = sum(data[k] for k in ("connect", "read", "write", "status", "timeout"))
            return LoadResult(
                clients=clients,
                requests=data["requests"],
                seconds=data["duration_us"] / 1e6,
                errors=errors,
                p50_ms=data["p50"] / 1000,
                p90_ms=data["p90"] / 1000,
                p99_ms=data["p99"] / 1000,
                max_ms=data["max"] / 1000,
            )
    raise LoadError(f"wrk printed no figures; its output was:\n{stdout[-2000:]}")


def run_wrk(
    url: str, query: str, *, clients: int, duration: int, timeout: int, workdir: Path
) -> LoadResult:
    """Send ``query`` to ``url`` from ``clients`` connections for ``duration`` seconds.

    wrk takes whole seconds only (``-d0.5s`` is refused), hence the ``int`` arguments.
    """
    wrk = shutil.which("wrk")
    if wrk is None:
        raise LoadError("wrk is not installed. Hint: make system-deps (apt-get install wrk).")
    script = workdir / "query.lua"
    script.write_text(lua_script(query, ACCEPT[query_form(query)]), encoding="utf-8")
    threads = min(clients, 2)
    cmd = [wrk, f"-t{threads}", f"-c{clients}", f"-d{duration}s", f"--timeout={timeout}s"]
    cmd += ["-s", str(script), url]
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=duration + timeout + 30, check=False
    )
    if done.returncode != 0:
        raise LoadError(f"wrk failed ({done.returncode}): {(done.stderr + done.stdout)[-2000:]}")
    return parse_report(done.stdout, clients)


def _count(form: str, body: bytes) -> int:
    if form == "graph":
        return sum(1 for line in body.splitlines() if line.strip())
    data = json.loads(body)
    if form == "ask":
        return int(bool(data["boolean"]))
    return len(data["results"]["bindings"])


def probe(url: str, query: str, timeout: float = 60.0) -> Probe:
    """Send ``query`` once and count what comes back."""
    form = query_form(query)
    request = urllib.request.Request(
        url,
        data=query.encode("utf-8"),
        headers={"Content-Type": "application/sparql-query", "Accept": ACCEPT[form]},
        method="POST",
    )
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
            status: int = response.status
    except urllib.error.HTTPError as exc:
        ms = (time.perf_counter() - began) * 1000
        return Probe(exc.code, 0, ms, exc.read()[:300].decode("utf-8", "replace"))
    except (OSError, urllib.error.URLError) as exc:
        return Probe(0, 0, (time.perf_counter() - began) * 1000, str(exc))
    ms = (time.perf_counter() - began) * 1000
    try:
        return Probe(status, _count(form, body), ms)
    except (ValueError, KeyError) as exc:
        return Probe(status, 0, ms, f"unreadable result: {exc}")
