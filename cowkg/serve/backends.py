"""Where queries run: the embedded Oxigraph store, or an external SPARQL 1.1 server.

Both backends return the same records (:class:`Solutions`, :class:`Boolean`, :class:`Triples`), so
pages, exports and the protocol route do not care which one is configured.

Time limits. Oxigraph cannot be interrupted once a query is running, so :class:`QueryRunner`
evaluates in worker threads (Oxigraph releases the GIL) and waits at most ``query_timeout``; a
query past its deadline is *abandoned*: the client gets 503 at once, and the worker stops at the
next result row it reads (the deadline is checked before each row). A query whose first row is
itself slow (a huge ORDER BY or aggregate) keeps its worker busy until Oxigraph returns; at most
``query_slots`` such workers exist; a request finding them all busy waits up to ``query_timeout``
for one, then gets 503 "busy" instead of exhausting the machine. Each answer is cut at
``max_rows`` rows (flagged as truncated).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

import pyoxigraph as ox

from cowkg.errors import QueryTimeout, RequestError, StoreError
from cowkg.serve.renderers import Term
from cowkg.serve.safety import QueryForm

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
class Limits:
    """How long and how much: an absolute deadline (``time.monotonic()``) and a row cap."""

    deadline: float
    max_rows: int

    def check(self, seconds: float) -> None:
        if time.monotonic() > self.deadline:
            raise QueryTimeout(seconds)


class Backend(Protocol):
    """A read-only SPARQL store: queries and whole-graph reads.

    Relative IRIs in queries resolve against ``base_iri`` (the ``base_iri`` setting), so
    ``<id/state/FRA>`` names the entity.
    """

    kind: str

    def query(
        self, text: str, form: QueryForm | None, dataset: Dataset, union: bool, limits: Limits
    ) -> QueryResult:
        """Evaluate ``text``; ``union``: the default graph is the union of all graphs."""

    def quads(self, graph: str | None) -> list[ox.Quad]:
        """Every quad (``graph=None``) or the triples of one named graph, as quads."""

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs."""


def _nodes(iris: Sequence[str]) -> list[ox.NamedNode]:
    try:
        return [ox.NamedNode(iri) for iri in iris]
    except ValueError as exc:
        raise RequestError(f"bad graph IRI in the protocol dataset: {exc}") from exc


def _read(result: object, limits: Limits, seconds: float) -> QueryResult:
    """Read an Oxigraph result (lazy for SELECT/CONSTRUCT) under the deadline and the row cap."""
    if isinstance(result, ox.QueryBoolean):
        return Boolean(bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        rows: list[tuple[Term | None, ...]] = []
        for solution in result:
            limits.check(seconds)
            if len(rows) == limits.max_rows:
                return Solutions(variables, rows, truncated=True)
            rows.append(tuple(solution[v] for v in variables))
        return Solutions(variables, rows)
    triples: list[ox.Triple] = []
    for triple in result:  # type: ignore[attr-defined]
        limits.check(seconds)
        if len(triples) == limits.max_rows:
            return Triples(triples, truncated=True)
        triples.append(triple)
    return Triples(triples)


def collect(make: Callable[[], object], limits: Limits, seconds: float) -> QueryResult:
    """Evaluate ``make()`` and read its result, all in the calling (worker) thread.

    Oxigraph's result iterators must be freed by the thread that made them, so on an error the
    traceback (whose frames hold the iterator) is dropped here before the error travels on.
    """
    result = make()
    try:
        return _read(result, limits, seconds)
    except Exception as exc:  # re-raised below, without its frames
        error = exc
    del result
    raise error.with_traceback(None)


@dataclass
class EmbeddedBackend:
    """The in-process Oxigraph store, loaded once at start-up."""

    store: ox.Store
    timeout: float
    base_iri: str
    kind: str = "embedded"

    def query(
        self, text: str, form: QueryForm | None, dataset: Dataset, union: bool, limits: Limits
    ) -> QueryResult:
        limits.check(self.timeout)
        kwargs: dict[str, object] = {"base_iri": self.base_iri}
        if dataset.given:
            kwargs["default_graph"] = _nodes(dataset.default_graphs)
            kwargs["named_graphs"] = _nodes(dataset.named_graphs)
        else:
            kwargs["use_default_graph_as_union"] = union
        try:
            return collect(
                lambda: self.store.query(text, **kwargs),  # type: ignore[arg-type]
                limits,
                self.timeout,
            )
        except SyntaxError as exc:
            raise RequestError(f"malformed query: {exc}", errors=[str(exc)]) from None
        except OSError as exc:  # evaluation errors also surface while iterating
            raise RequestError(f"query failed: {exc}", status=500) from None

    def quads(self, graph: str | None) -> list[ox.Quad]:
        name = ox.NamedNode(graph) if graph is not None else None
        return list(self.store.quads_for_pattern(None, None, None, name))

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))


@dataclass
class RemoteBackend:
    """An external SPARQL 1.1 server (``store=remote``); same safety filtering happens before."""

    endpoint: str
    timeout: float
    base_iri: str
    kind: str = "remote"
    _syntax: ox.Store = field(default_factory=ox.Store)

    def _check_syntax(self, text: str) -> None:
        """Parse locally (on an empty store) so a malformed query gets the same 400 as embedded."""
        try:
            self._syntax.query(text, base_iri=self.base_iri)
        except SyntaxError as exc:
            raise RequestError(f"malformed query: {exc}", errors=[str(exc)]) from exc

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

    def query(
        self, text: str, form: QueryForm | None, dataset: Dataset, union: bool, limits: Limits
    ) -> QueryResult:
        """Forward ``text``; the server must be run with its default graph as the union."""
        self._check_syntax(text)
        if form is not None and form.gives_rdf:
            body = self._post(text, dataset, "application/n-triples")
            return collect(
                lambda: ox.parse(body, format=ox.RdfFormat.N_TRIPLES), limits, self.timeout
            )
        results = self._post(text, dataset, "application/sparql-results+json")
        return collect(
            lambda: ox.parse_query_results(results, format=ox.QueryResultsFormat.JSON),
            limits,
            self.timeout,
        )

    def quads(self, graph: str | None) -> list[ox.Quad]:
        if graph is None:
            text = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
        else:
            text = f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH {ox.NamedNode(graph)} {{ ?s ?p ?o }} }}"
        limits = Limits(time.monotonic() + self.timeout, max_rows=2**62)
        result = self.query(text, QueryForm.SELECT, Dataset(), False, limits)
        assert isinstance(result, Solutions)
        g = ox.NamedNode(graph) if graph is not None else None
        return [ox.Quad(s, p, o, g or gn) for s, p, o, gn in result.rows]  # type: ignore[arg-type]

    def graph_names(self) -> list[str]:
        limits = Limits(time.monotonic() + self.timeout, max_rows=2**62)
        text = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
        result = self.query(text, QueryForm.SELECT, Dataset(), False, limits)
        assert isinstance(result, Solutions)
        return sorted(str(row[0].value) for row in result.rows if isinstance(row[0], ox.NamedNode))


@dataclass
class QueryRunner:
    """Runs blocking work in at most ``slots`` worker threads, each under a deadline.

    A request that finds every slot taken waits for one (woken when a worker finishes) for at
    most ``timeout`` seconds, then gets 503: short bursts queue instead of failing, while slots
    held by abandoned queries still end in a clear "busy" answer.
    """

    slots: int
    timeout: float
    _pool: ThreadPoolExecutor | None = field(default=None, init=False)
    _busy: int = field(default=0, init=False)
    _waiters: list[tuple[asyncio.AbstractEventLoop, asyncio.Future[None]]] = field(
        default_factory=list, init=False
    )
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def _release(self, _: object) -> None:
        """Free a slot (called in the worker thread) and wake every request waiting for one."""
        with self._lock:
            self._busy -= 1
            waiters, self._waiters = self._waiters, []
        for loop, waiter in waiters:
            with contextlib.suppress(RuntimeError):  # that request's loop has closed
                loop.call_soon_threadsafe(_wake, waiter)

    async def _acquire(self) -> None:
        """Take a slot, waiting up to ``timeout`` seconds for one; 503 if none frees up."""
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

    def _submit(self, work: Callable[[Limits], T], max_rows: int) -> Future[T]:
        """Start ``work(limits)`` in a worker; the caller holds a slot."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.slots, thread_name_prefix="cowkg-query")
        limits = Limits(time.monotonic() + self.timeout, max_rows)
        future = self._pool.submit(work, limits)
        future.add_done_callback(self._release)
        return future

    async def run(self, work: Callable[[Limits], T], max_rows: int) -> T:
        """Await ``work`` for at most ``timeout`` seconds (then abandon it: module doc)."""
        await self._acquire()
        try:
            future = asyncio.wrap_future(self._submit(work, max_rows))
        except BaseException:
            self._release(None)
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


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_result(None)
