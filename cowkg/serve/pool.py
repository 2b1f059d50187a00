"""The embedded store: an on-disk Oxigraph store and a pool of killable query worker processes.

WHY processes: Oxigraph cannot interrupt a query, and a thread cannot be killed, so a cartesian
``COUNT(*)`` or a huge ``ORDER BY`` evaluated in a thread keeps its CPU and keeps growing in memory
long after its client got 503. A process can be killed: every query runs in a worker process
(:mod:`cowkg.serve.worker`), and a worker whose query passes ``query_timeout`` — or whose private
memory passes its share (:func:`worker_memory_limit`) — is killed with SIGKILL and replaced by a
fresh one, so the machine gets its CPU and memory back at once and the slot is free for the next
query.

At start-up the dataset file is bulk-loaded once into an on-disk (RocksDB) store in a temporary
folder (under ``TMPDIR``, default ``/tmp``); the workers and the server open it read-only, so the
data sits once in the page cache however many workers there are (on-disk scans are also faster
than the in-memory store at 1 M triples, docs/bench.md). The folder is removed when the server
exits; folders left by a server that was killed are removed by the next start.

Workers are started with ``subprocess`` (fork + exec of a fresh Python: nothing of the threaded
server is inherited), lazily: one when a query finds no idle worker, at most ``query_slots`` plus
``light_slots``; a killed worker is replaced at once. Each worker forbids itself the network before
it reads a query (:mod:`cowkg.serve.sandbox`). A worker is also replaced, so its memory goes back
to the system, after :data:`RECYCLE_AFTER` queries or when an answer leaves it holding more than
:data:`RECYCLE_MEMORY` (Python and the allocator keep freed memory otherwise).

Admission (WHY: four cartesian queries used to make ``ASK {}`` and every entity page wait 9 s):
the ``query_slots`` are shared by all; when they are all taken, a *light* request — the server's
own queries (entity pages, search) or a short client query of small shape
(:func:`cowkg.serve.safety.is_light`) — takes one of the ``light_slots`` instead, where it may run
:data:`LIGHT_TIMEOUT` seconds at most, so heavy queries cannot hold that lane long. A query still
running after :data:`HEAVY_AFTER` seconds has its worker's CPU priority lowered (and the worker
replaced after it), so on a machine whose cores heavy queries fill, light ones still get the CPU.
One client address may hold at most ``client_limit`` of the query slots (running or waiting; 429
beyond), so no one client takes them all.

Requests and replies travel over pipes, read by the event loop itself (``add_reader``), so waiting
for a worker costs no thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from cowkg.errors import QueryTimeout, RequestError
from cowkg.serve.backends import (
    Answer,
    Boolean,
    Dataset,
    Negotiation,
    QueryResult,
    Slots,
    Solutions,
    Triples,
    wake,
)
from cowkg.serve.safety import is_light, parse_allowlist
from cowkg.serve.worker import HEADER, Request, encode
from cowkg.settings import Settings

log = logging.getLogger(__name__)

TICK = 0.25
"""Seconds between checks of a running query's deadline and its worker's memory."""
PIPE_SIZE = 1 << 20
"""Size asked for the reply pipes (Linux ``F_SETPIPE_SZ``): large answers in fewer wake-ups."""
STARTUP_TIMEOUT = 60.0
"""Seconds a new worker may take to start and open the store."""
STORE_PREFIX = "cowkg-store-"
MIN_WORKER_MEMORY = 512 << 20
HEAVY_AFTER = 1.0
"""Seconds after which a running query counts as heavy: its worker's CPU priority is lowered."""
HEAVY_NICE = 10
"""The niceness of a heavy query's worker, so light requests get the CPU first."""
LIGHT_TIMEOUT = 2.0
"""Seconds a query admitted to a light slot may run."""
RECYCLE_AFTER = 1000
"""Queries a worker answers before it is replaced."""
RECYCLE_MEMORY = 256 << 20
"""Private memory a worker may keep after an answer; above it, it is replaced."""


class WorkerDied(Exception):
    """The worker process ended while a request was with it."""


@dataclass(eq=False)
class _Process:
    """One worker process and our ends of its pipes."""

    proc: subprocess.Popen[bytes]
    send_fd: int
    reply_fd: int
    inbox: bytearray = field(default_factory=bytearray)
    ready: bool = False
    served: int = 0
    niced: bool = False
    """Whether its CPU priority was lowered (a long query); it is then replaced after it."""
    budget: float = 0.0
    """Seconds the query at hand may run."""

    @property
    def pid(self) -> int:
        return self.proc.pid

    def private_memory(self) -> int:
        """Bytes of anonymous (not file-backed) resident memory: the query's own allocations."""
        try:
            status = Path(f"/proc/{self.pid}/status").read_text()
        except OSError:
            return 0
        for line in status.splitlines():
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) * 1024
        return 0

    def lower_priority(self) -> None:
        """Nice every thread of the worker to :data:`HEAVY_NICE` (raising niceness needs no
        privilege; lowering it back would, so a niced worker is replaced after its query)."""
        self.niced = True
        try:
            threads = [int(tid) for tid in os.listdir(f"/proc/{self.pid}/task")]
        except OSError:
            threads = [self.pid]
        for tid in threads:
            with contextlib.suppress(OSError):
                os.setpriority(os.PRIO_PROCESS, tid, HEAVY_NICE)

    def kill(self) -> None:
        """SIGKILL, close our pipe ends; a thread reaps the process (its exit may take a moment)."""
        with contextlib.suppress(ProcessLookupError):
            self.proc.kill()
        for fd in (self.send_fd, self.reply_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        threading.Thread(target=self.proc.wait, daemon=True).start()


class WorkerPool:
    """At most ``slots`` worker processes, each answering one request at a time under a deadline."""

    def __init__(
        self,
        config: dict[str, Any],
        slots: int,
        timeout: float,
        memory_limit: int,
        light_slots: int = 0,
        client_limit: int = 0,
    ) -> None:
        self.config = config
        self.timeout = timeout
        self.memory_limit = memory_limit
        self.gate = Slots(slots, timeout)
        self.light = Slots(light_slots, timeout)
        self.client_limit = client_limit or max(1, slots - 1)
        self._clients: dict[str, int] = {}
        self.isolation: str | None = None
        """``None`` until a worker starts, then "seccomp" or why the filter is missing."""
        self._idle: list[_Process] = []
        self._workers: set[_Process] = set()
        self._lock = threading.Lock()

    @property
    def pids(self) -> list[int]:
        """The process ids of the live workers (for tests and operators)."""
        with self._lock:
            return sorted(w.pid for w in self._workers)

    def _spawn(self) -> _Process:
        """Start a worker (fork + exec of ``python -m cowkg.serve.worker``)."""
        config = json.dumps({**self.config, "parent": os.getpid()})
        proc = subprocess.Popen(
            [sys.executable, "-m", "cowkg.serve.worker", config],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            close_fds=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        send_fd, reply_fd = os.dup(proc.stdin.fileno()), os.dup(proc.stdout.fileno())
        proc.stdin.close()
        proc.stdout.close()
        os.set_blocking(send_fd, False)
        os.set_blocking(reply_fd, False)
        with contextlib.suppress(OSError, AttributeError):
            fcntl.fcntl(reply_fd, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        worker = _Process(proc, send_fd, reply_fd)
        with self._lock:
            self._workers.add(worker)
        log.debug("query worker %d started", worker.pid)
        return worker

    def _take(self) -> _Process:
        """An idle live worker, or a new one (the caller holds a slot, so there is room)."""
        while True:
            with self._lock:
                worker = self._idle.pop() if self._idle else None
            if worker is None:
                return self._spawn()
            if worker.proc.poll() is None:
                return worker
            self._drop(worker)

    def _drop(self, worker: _Process, replace: bool = False) -> None:
        """Kill ``worker``; with ``replace``, start its successor at once (it loads meanwhile)."""
        with self._lock:
            self._workers.discard(worker)
        worker.kill()
        if replace:
            successor = self._spawn()
            with self._lock:
                self._idle.append(successor)

    def _count(self, client: str | None, step: int) -> None:
        """Add ``step`` to the queries ``client`` has on the query slots (running or waiting)."""
        if client is None:
            return
        with self._lock:
            left = self._clients.pop(client, 0) + step
            if left > 0:
                self._clients[client] = left

    async def _admit(self, light: bool, client: str | None) -> tuple[Slots, float, str | None]:
        """A slot for a request, the seconds its query may run there, and the client it is
        counted against. A client with its share of the query slots (``client_limit``) gets
        429, unless its query is light and a light slot takes it."""
        with self._lock:
            over = client is not None and self._clients.get(client, 0) >= self.client_limit
        if light and self.light.slots:
            if not over and self.gate.try_acquire():
                self._count(client, 1)
                return self.gate, self.timeout, client
            await self.light.acquire()
            return self.light, min(self.timeout, LIGHT_TIMEOUT), None
        if over:
            raise RequestError(
                f"this client already has {self.client_limit} queries running or waiting, the "
                "most one client may have. Hint: send them one after another.",
                status=429,
                headers={"Retry-After": "2"},
            )
        self._count(client, 1)
        try:
            await self.gate.acquire()
        except BaseException:
            self._count(client, -1)
            raise
        return self.gate, self.timeout, client

    async def call(
        self, request: Request, light: bool = False, client: str | None = None
    ) -> tuple[Any, ...]:
        """Send ``request`` to a worker and await its reply, within the slot and time limits."""
        gate, seconds, counted = await self._admit(light, client)
        try:
            worker = self._take()
            try:
                reply = await self._exchange(worker, request, seconds)
            except BaseException:
                self._drop(worker, replace=True)
                raise
            self._done(worker)
            return reply
        finally:
            gate.release()
            self._count(counted, -1)

    def _done(self, worker: _Process) -> None:
        """Back to the idle list, or replaced if it has served long or kept much memory."""
        worker.served += 1
        if (
            worker.niced
            or worker.served >= RECYCLE_AFTER
            or worker.private_memory() > RECYCLE_MEMORY
        ):
            log.info("query worker %d recycled after %d queries", worker.pid, worker.served)
            self._drop(worker, replace=True)
            return
        with self._lock:
            self._idle.append(worker)

    async def _exchange(
        self, worker: _Process, request: Request, seconds: float
    ) -> tuple[Any, ...]:
        """The reply to ``request``; a new worker's greeting is awaited first (its start-up does
        not count against the query's time)."""
        loop = asyncio.get_running_loop()
        try:
            if not worker.ready:
                greeting = await self._round_trip(worker, loop, b"", STARTUP_TIMEOUT, starting=True)
                worker.ready = True
                self._note_isolation(greeting)
            worker.budget = seconds
            return await self._round_trip(worker, loop, encode(request), seconds)
        except WorkerDied:
            code = worker.proc.poll()
            log.error("query worker %d stopped (exit code %s)", worker.pid, code)
            raise RequestError(
                f"the query stopped its worker process (exit code {code}). Hint: simplify the "
                "query; the server itself is fine.",
                status=500,
            ) from None
        except QueryTimeout:
            log.warning("query cut off after %.1f s: worker %d killed", seconds, worker.pid)
            raise

    def _note_isolation(self, greeting: tuple[Any, ...]) -> None:
        """Record (and, the first time, log) whether workers run without network access."""
        problem = greeting[1] if len(greeting) > 1 else "worker did not report"
        if problem and self.isolation in (None, "seccomp"):
            log.error("query workers can reach the network: %s", problem)
        self.isolation = problem or "seccomp"

    async def _round_trip(
        self,
        worker: _Process,
        loop: asyncio.AbstractEventLoop,
        data: bytes,
        seconds: float,
        starting: bool = False,
    ) -> tuple[Any, ...]:
        """Send ``data`` (if any) and await the next message, for at most ``seconds``."""
        reply: asyncio.Future[tuple[Any, ...]] = loop.create_future()
        deadline = loop.time() + seconds
        watch = self._watch_start if starting else self._watch
        timer = loop.call_later(min(TICK, seconds), watch, worker, reply, deadline)
        worker.inbox.clear()
        try:
            if data:
                await self._send(worker, data, reply, loop)
            loop.add_reader(worker.reply_fd, self._readable, worker, reply, loop)
            try:
                return await reply
            finally:
                loop.remove_reader(worker.reply_fd)
        finally:
            timer.cancel()

    async def _send(
        self,
        worker: _Process,
        data: bytes,
        reply: asyncio.Future[tuple[Any, ...]],
        loop: asyncio.AbstractEventLoop,
    ) -> None:
        """Write ``data`` without blocking the loop (a large query may fill the pipe)."""
        view = memoryview(data)
        while view:
            try:
                view = view[os.write(worker.send_fd, view) :]
                continue
            except BlockingIOError:
                pass
            except OSError:
                raise WorkerDied from None
            writable: asyncio.Future[None] = loop.create_future()
            loop.add_writer(worker.send_fd, wake, writable)
            try:
                pending: set[asyncio.Future[Any]] = {writable, reply}
                await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            finally:
                loop.remove_writer(worker.send_fd)
            if reply.done():  # the deadline passed, or the memory limit
                reply.result()

    @staticmethod
    def _readable(
        worker: _Process, reply: asyncio.Future[tuple[Any, ...]], loop: asyncio.AbstractEventLoop
    ) -> None:
        if reply.done():
            loop.remove_reader(worker.reply_fd)
            return
        try:
            chunk = os.read(worker.reply_fd, PIPE_SIZE)
        except BlockingIOError:
            return
        except OSError:
            chunk = b""
        if not chunk:
            reply.set_exception(WorkerDied())
            loop.remove_reader(worker.reply_fd)
            return
        inbox = worker.inbox
        inbox += chunk
        if len(inbox) >= HEADER.size:
            size = HEADER.unpack_from(inbox)[0]
            if len(inbox) >= HEADER.size + size:
                reply.set_result(pickle.loads(memoryview(inbox)[HEADER.size : HEADER.size + size]))
                loop.remove_reader(worker.reply_fd)

    def _watch_start(
        self, worker: _Process, reply: asyncio.Future[tuple[Any, ...]], deadline: float
    ) -> None:
        if reply.done():
            return
        loop = asyncio.get_running_loop()
        if loop.time() >= deadline:
            reply.set_exception(WorkerDied())
            return
        loop.call_later(TICK, self._watch_start, worker, reply, deadline)

    def _watch(
        self, worker: _Process, reply: asyncio.Future[tuple[Any, ...]], deadline: float
    ) -> None:
        """Every :data:`TICK` of a running query: past the deadline or the memory limit, fail it
        (its worker is then killed by :meth:`call`)."""
        if reply.done():
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        if now >= deadline:
            reply.set_exception(QueryTimeout(worker.budget))
            return
        used = worker.private_memory()
        if used > self.memory_limit:
            log.warning("query stopped: worker %d used %d MB", worker.pid, used >> 20)
            reply.set_exception(
                RequestError(
                    f"query needed more than {self.memory_limit >> 20} MB of memory and was "
                    "cut off. Hint: add LIMIT or narrow the patterns.",
                    status=503,
                )
            )
            return
        if not worker.niced and now - (deadline - worker.budget) >= HEAVY_AFTER:
            worker.lower_priority()
        loop.call_later(min(TICK, deadline - now), self._watch, worker, reply, deadline)

    def warm(self, count: int) -> None:
        """Start idle workers until ``count`` exist (they load while the server starts)."""
        with self._lock:
            missing = min(count, self.gate.slots + self.light.slots) - len(self._workers)
        for _ in range(missing):
            worker = self._spawn()
            with self._lock:
                self._idle.append(worker)

    def close(self) -> None:
        """Kill every worker; a later query starts new ones."""
        with self._lock:
            workers, self._workers, self._idle = list(self._workers), set(), []
        for worker in workers:
            worker.kill()


def worker_memory_limit(slots: int) -> int:
    """Bytes of private memory one worker may use: half the machine's memory shared among the
    slots, at least :data:`MIN_WORKER_MEMORY` (so ``slots`` runaway queries leave half free)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        total = 8 << 30
    return max(MIN_WORKER_MEMORY, total // 2 // slots)


def _remove_stale_stores(parent: Path) -> None:
    """Remove store folders of servers that no longer run (killed before they could clean up)."""
    for folder in parent.glob(f"{STORE_PREFIX}*"):
        pid = folder.name.removeprefix(STORE_PREFIX).split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(folder, ignore_errors=True)


def _cleanup(pool: WorkerPool, folder: Path) -> None:
    pool.close()
    shutil.rmtree(folder, ignore_errors=True)


def _decode(kind: str, body: bytes, truncated: bool) -> QueryResult:
    """A worker's TSV / N-Triples / boolean as rows (parsed by Oxigraph)."""
    if kind == "boolean":
        return Boolean(body == b"true")
    if kind == "solutions":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
        assert isinstance(parsed, ox.QuerySolutions)
        variables = tuple(v.value for v in parsed.variables)
        rows = [tuple(s[v] for v in variables) for s in parsed]
        return Solutions(variables, rows, truncated)
    triples = [q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES)]
    return Triples(triples, truncated)


class EmbeddedBackend:
    """The dataset in an on-disk Oxigraph store, queried by killable worker processes."""

    kind = "embedded"

    def __init__(self, settings: Settings) -> None:
        from cowkg.store import prefixes, prepare_store

        parent = Path(tempfile.gettempdir())
        _remove_stale_stores(parent)
        self.folder = Path(tempfile.mkdtemp(prefix=f"{STORE_PREFIX}{os.getpid()}-", dir=parent))
        try:
            location = prepare_store(settings, self.folder)
            self.store = ox.Store.read_only(str(location))
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        self.base_iri = settings.base_iri
        allowlist = sorted(parse_allowlist(settings.service_allowlist))
        config = {
            "store": str(location),
            "base_iri": settings.base_iri,
            "allowlist": allowlist,
            "prefixes": prefixes(),
            "max_bytes": settings.max_answer_bytes,
        }
        self.pool = WorkerPool(
            config,
            settings.query_slots,
            settings.query_timeout,
            worker_memory_limit(settings.query_slots + settings.light_slots),
            settings.light_slots,
            settings.client_queries,
        )
        weakref.finalize(self, _cleanup, self.pool, self.folder)
        self.pool.warm(1)

    async def query(self, text: str, dataset: Dataset, max_rows: int) -> QueryResult:
        reply = await self.pool.call(
            (text, dataset.default_graphs, dataset.named_graphs, max_rows, None), light=True
        )
        if reply[0] == "error":
            raise RequestError(reply[2], status=reply[1], errors=reply[3])
        return _decode(reply[1], reply[2], reply[3])

    async def answer(
        self,
        text: str,
        dataset: Dataset,
        max_rows: int,
        negotiation: Negotiation,
        client: str | None = None,
    ) -> Answer:
        request: Request = (
            text,
            dataset.default_graphs,
            dataset.named_graphs,
            max_rows,
            (negotiation.accept, negotiation.asked),
        )
        reply = await self.pool.call(request, light=is_light(text), client=client)
        if reply[0] == "error":
            raise RequestError(reply[2], status=reply[1], errors=reply[3])
        return Answer(reply[2], reply[4], reply[3])

    def select_now(self, text: str) -> Solutions:
        result = self.store.query(text, base_iri=self.base_iri)  # default graph: the merge
        assert isinstance(result, ox.QuerySolutions)
        variables = tuple(v.value for v in result.variables)
        return Solutions(variables, [tuple(s[v] for v in variables) for s in result])

    def quads(self, graph: str | None) -> list[ox.Quad]:
        if graph is not None:
            return list(self.store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))
        # the dataset as loaded: its named graphs, plus the default graph's own triples (the
        # store's default graph also holds the merge of the named graphs: store.py)
        named = [q for q in self.store if not isinstance(q.graph_name, ox.DefaultGraph)]
        stated = {q.triple for q in named}
        default = self.store.quads_for_pattern(None, None, None, ox.DefaultGraph())
        return [q for q in default if q.triple not in stated] + named

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def warm(self) -> None:
        self.pool.warm(self.pool.gate.slots + self.pool.light.slots)

    def close(self) -> None:
        self.pool.close()
