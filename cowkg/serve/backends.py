"""Where queries run: the embedded Oxigraph store, or an external SPARQL 1.1 server.

Both backends answer with the same records (:class:`Solutions`, :class:`Boolean`, :class:`Triples`)
or, for the protocol route, with the serialised bytes (:class:`Answer`), so pages, exports and
``/sparql`` do not care which one is configured. Both check a query (:func:`check_query`) before
anything evaluates it, and both admit at most ``query_slots`` queries at once (:class:`Slots`): a
request finding every slot taken waits for one for at most ``query_timeout``, then gets 503.

* Embedded (:mod:`cowkg.serve.pool`): worker *processes* read an on-disk copy of the store; a query
  past its deadline has its worker killed, so its CPU and memory are returned at once.
* Remote (:class:`RemoteBackend`): worker threads forward the query with httpx (its own timeout
  ends the request); a reply past the deadline is abandoned (:class:`QueryRunner`).

Each answer is cut at ``max_rows`` rows (flagged as truncated).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import pyoxigraph as ox

from cowkg.errors import QueryTimeout, RequestError, StoreError
from cowkg.serve.messages import malformed_query
from cowkg.serve.renderers import (
    Format,
    Term,
    content_type,
    offers_for,
    pick_format,
    refuse_unfit,
    serialize_boolean,
    serialize_rdf,
    serialize_solutions,
)
from cowkg.serve.safety import QueryForm, check_query

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Dataset:
    """A protocol-chosen dataset (``default-graph-uri`` / ``named-graph-uri``); never fetched."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True, slots=True)
class Solutions:
    variables: tuple[str, ...]
    rows: list[tuple[Term | None, ...]]
    truncated: bool = False


@dataclass(frozen=True, slots=True)
class Boolean:
    value: bool


@dataclass(frozen=True, slots=True)
class Triples:
    triples: list[ox.Triple]
    truncated: bool = False


QueryResult = Solutions | Boolean | Triples


@dataclass(frozen=True, slots=True)
class Answer:
    """A query answered for the protocol route: the body, its Content-Type, truncated or not."""

    body: bytes
    media_type: str
    truncated: bool


@dataclass(frozen=True, slots=True)
class Negotiation:
    """What the client asked for: its ``Accept`` header and any ``format=`` values (last wins)."""

    accept: str | None
    asked: tuple[str, ...] = ()

    def choose(self, form: QueryForm | None) -> Format:
        """The format for a query of ``form``; 406 (:class:`RequestError`) if none fits."""
        return pick_format(self.accept, self.asked, offers_for(form))


class Backend(Protocol):
    """A read-only SPARQL store: checked queries under the limits, and whole-graph reads.

    Relative IRIs in queries resolve against ``base_iri`` (the ``base_iri`` setting), so
    ``<id/state/FRA>`` names the entity. Unless the query or the protocol names a dataset, the
    default graph is the union of all graphs.
    """

    kind: str

    async def query(self, text: str, dataset: Dataset, max_rows: int) -> QueryResult:
        """Check and evaluate ``text`` (403/400 for refused queries, 503 past the deadline)."""

    async def answer(
        self,
        text: str,
        dataset: Dataset,
        max_rows: int,
        negotiation: Negotiation,
        client: str | None = None,
    ) -> Answer:
        """Check and evaluate ``text`` and serialise it in the negotiated format; ``client`` (an
        address) may hold only its share of the slots (embedded store)."""

    def select_now(self, text: str) -> Solutions:
        """Evaluate a trusted SELECT of the server's own at once, without the limits (start-up)."""

    def quads(self, graph: str | None) -> list[ox.Quad]:
        """Every quad (``graph=None``) or the triples of one named graph, as quads."""

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs."""

    def warm(self) -> None:
        """Start the query workers ahead of the first queries (the server's start-up)."""

    def close(self) -> None:
        """Stop the workers (a later query starts them again)."""


def render(result: QueryResult, fmt: Format, prefix_map: dict[str, str] | None = None) -> bytes:
    """A result in ``fmt``; 406 if the result's kind cannot be given in it."""
    if isinstance(result, Boolean):
        refuse_unfit("boolean", fmt)
        return serialize_boolean(result.value, fmt)
    if isinstance(result, Solutions):
        refuse_unfit("solutions", fmt)
        return serialize_solutions(result.variables, result.rows, fmt)
    refuse_unfit("triples", fmt)
    return serialize_rdf(result.triples, fmt, prefix_map)


def _read(result: object, max_rows: int) -> QueryResult:
    """Read a parsed result (lazy for SELECT/CONSTRUCT) up to the row cap."""
    if isinstance(result, ox.QueryBoolean):
        return Boolean(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows: list[tuple[Term | None, ...]] = []
        for solution in result:
            if len(rows) == max_rows:
                return Solutions(variables, rows, truncated=True)
            rows.append(tuple(solution[v] for v in variables))
        return Solutions(variables, rows)
    triples: list[ox.Triple] = []
    for triple in result:  # type: ignore[attr-defined]
        if len(triples) == max_rows:
            return Triples(triples, truncated=True)
        triples.append(triple.triple if isinstance(triple, ox.Quad) else triple)
    return Triples(triples)


def collect(make: Callable[[], object], max_rows: int) -> QueryResult:
    """Evaluate ``make()`` and read its result, all in the calling (worker) thread.

    Oxigraph's result iterators must be freed by the thread that made them, so on an error the
    traceback (whose frames hold the iterator) is dropped here before the error travels on.
    """
    result = make()
    try:
        return _read(result, max_rows)
    except Exception as exc:  # re-raised below, without its frames
        error = exc
    del result
    raise error.with_traceback(None)


@dataclass
class RemoteBackend:
    """An external SPARQL 1.1 server (``store=remote``); same safety filtering happens before."""

    endpoint: str
    timeout: float
    base_iri: str
    slots: int
    allowlist: frozenset[str] = frozenset()
    kind: str = "remote"
    _syntax: ox.Store = field(default_factory=ox.Store)
    _runner: QueryRunner = field(init=False)

    def __post_init__(self) -> None:
        self._runner = QueryRunner(self.slots, self.timeout)

    def _check_syntax(self, text: str) -> None:
        """Parse locally (on an empty store) so a malformed query gets the same 400 as embedded."""
        try:
            self._syntax.query(text, base_iri=self.base_iri)
        except SyntaxError as exc:
            raise malformed_query(exc, text) from exc

    def _post(self, text: str, dataset: Dataset, accept: str) -> bytes:
        import httpx

        text = f"BASE <{self.base_iri}>\n{text}"  # the same base as embedded; a BASE in text wins
        params: list[tuple[str, str | int | float | bool | None]]
        params = [("default-graph-uri", g) for g in dataset.default_graphs]
        params += [("named-graph-uri", g) for g in dataset.named_graphs]
        try:
            response = httpx.post(
                self.endpoint,
                params=params,
                content=text.encode(),
                headers={"Content-Type": "application/sparql-query", "Accept": accept},
                timeout=self.timeout,
            )
        except httpx.TimeoutException as exc:
            raise QueryTimeout(self.timeout) from exc
        except httpx.HTTPError as exc:
            raise StoreError(f"cannot reach the SPARQL server {self.endpoint}: {exc}") from exc
        if response.status_code >= 400:
            raise RequestError(
                f"the SPARQL server {self.endpoint} answered HTTP {response.status_code}: "
                f"{response.text[:300]}",
                status=502 if response.status_code >= 500 else 400,
            )
        return response.content

    def _evaluate(
        self, text: str, form: QueryForm | None, dataset: Dataset, max_rows: int
    ) -> QueryResult:
        """Forward ``text``; the server must be run with its default graph as the union."""
        self._check_syntax(text)
        if form is not None and form.gives_rdf:
            body = self._post(text, dataset, "application/n-triples")
            return collect(lambda: ox.parse(body, format=ox.RdfFormat.N_TRIPLES), max_rows)
        results = self._post(text, dataset, "application/sparql-results+json")
        return collect(
            lambda: ox.parse_query_results(results, format=ox.QueryResultsFormat.JSON), max_rows
        )

    async def query(self, text: str, dataset: Dataset, max_rows: int) -> QueryResult:
        def work() -> QueryResult:
            form = check_query(text, self.allowlist).form
            return self._evaluate(text, form, dataset, max_rows)

        return await self._runner.run(work)

    async def answer(
        self,
        text: str,
        dataset: Dataset,
        max_rows: int,
        negotiation: Negotiation,
        client: str | None = None,
    ) -> Answer:
        def work() -> Answer:
            form = check_query(text, self.allowlist).form
            fmt = negotiation.choose(form)
            result = self._evaluate(text, form, dataset, max_rows)
            truncated = not isinstance(result, Boolean) and result.truncated
            return Answer(render(result, fmt), content_type(fmt), truncated)

        return await self._runner.run(work)

    def select_now(self, text: str) -> Solutions:
        result = self._evaluate(text, QueryForm.SELECT, Dataset(), max_rows=2**62)
        assert isinstance(result, Solutions)
        return result

    def quads(self, graph: str | None) -> list[ox.Quad]:
        if graph is None:
            text = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        else:
            text = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}"
        result = self.select_now(text)
        g = ox.NamedNode(graph) if graph is not None else None
        return [ox.Quad(s, p, o, g or gn) for s, p, o, gn in result.rows]  # type: ignore[arg-type]

    def graph_names(self) -> list[str]:
        result = self.select_now("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(str(row[0].value) for row in result.rows if isinstance(row[0], ox.NamedNode))

    def warm(self) -> None:
        pass

    def close(self) -> None:
        self._runner.shutdown()


class Slots:
    """At most ``slots`` holders at once; a request finding none free waits for one (woken when
    a holder releases it) for at most ``timeout`` seconds, then gets 503: short bursts queue
    instead of failing, while slots held by long queries still end in a clear "busy" answer.

    Usable from any event loop (the test client runs one per request) and any thread.
    """

    def __init__(self, slots: int, timeout: float) -> None:
        self.slots = slots
        self.timeout = timeout
        self._busy = 0
        self._waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = []
        self._lock = threading.Lock()

    @property
    def busy(self) -> int:
        return self._busy

    def release(self, _: object = None) -> None:
        """Free a slot (from any thread) and wake every request waiting for one."""
        with self._lock:
            self._busy -= 1
            waiters, self._waiters = self._waiters, []
        for loop, waiter in waiters:
            with contextlib.suppress(RuntimeError):  # that request's loop has closed
                loop.call_soon_threadsafe(wake, waiter)

    def try_acquire(self) -> bool:
        """Take a slot if one is free now, without waiting."""
        with self._lock:
            if self._busy < self.slots:
                self._busy += 1
                return True
        return False

    async def acquire(self) -> None:
        """Take a slot, waiting up to ``timeout`` seconds for one; 503 if none frees up."""
        if self.try_acquire():
            return
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        while True:
            with self._lock:
                if self._busy < self.slots:
                    self._busy += 1
                    return
                waiter: asyncio.Future[None] = loop.create_future()
                self._waiters.append((loop, waiter))
            try:
                await asyncio.wait_for(waiter, max(deadline - loop.time(), 0))
            except TimeoutError:
                raise RequestError(
                    f"all {self.slots} query slots are busy (long queries still running). "
                    "Hint: retry in a few seconds.",
                    status=503,
                ) from None


@dataclass
class QueryRunner:
    """Runs blocking work in at most ``slots`` worker threads, each under a deadline.

    A query past its deadline is *abandoned*: the client gets 503 at once, the thread finishes
    in the background (httpx's own timeout ends it) and keeps its slot until then.
    """

    slots: int
    timeout: float
    _pool: ThreadPoolExecutor | None = field(default=None, init=False)
    _gate: Slots = field(init=False)

    def __post_init__(self) -> None:
        self._gate = Slots(self.slots, self.timeout)

    def _submit(self, work: Callable[[], T]) -> Future[T]:
        """Start ``work()`` in a worker; the caller holds a slot."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.slots, thread_name_prefix="cowkg-query")
        future = self._pool.submit(work)
        future.add_done_callback(self._gate.release)
        return future

    async def run(self, work: Callable[[], T]) -> T:
        """Await ``work`` for at most ``timeout`` seconds (then abandon it: class doc)."""
        await self._gate.acquire()
        try:
            future = asyncio.wrap_future(self._submit(work))
        except BaseException:
            self._gate.release()
            raise
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.timeout)
        except TimeoutError:
            log.warning("query abandoned after %.1f s", self.timeout)
            raise QueryTimeout(self.timeout) from None

    def shutdown(self) -> None:
        """Stop the workers; a later query (a restarted app) starts a fresh pool."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def wake(waiter: asyncio.Future[None]) -> None:
    """Resolve ``waiter`` unless it is already done (a callback for the event loop)."""
    if not waiter.done():
        waiter.set_result(None)
