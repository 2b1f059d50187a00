"""The server's state, built once at start-up, and the typed dependencies routes declare.

:class:`ServeState` holds the settings, the query backend (the embedded store is prepared here,
once, never per request; it owns the query workers and their limits), the templates and caches of
things that never change while the server runs (statistics, serialised exports).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, TypeVar

import pyoxigraph as ox
from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates

from cowkg import __version__
from cowkg.errors import RequestError, StoreError
from cowkg.serve.backends import (
    Answer,
    Backend,
    Dataset,
    Negotiation,
    QueryResult,
    RemoteBackend,
    Solutions,
)
from cowkg.serve.safety import parse_allowlist
from cowkg.settings import Settings

log = logging.getLogger(__name__)

T = TypeVar("T")

TEMPLATES_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
# Rendered entity pages kept (a few MB): a briefing takes four queries and ~30 ms to build
PAGE_CACHE = 256


def make_backend(settings: Settings) -> Backend:
    """The configured backend; the embedded store is loaded from ``graph/`` or ``dataset``."""
    if settings.store == "remote":
        if not settings.sparql_endpoint:
            raise StoreError(
                "store=remote needs a SPARQL endpoint. Hint: set COWKG_SPARQL_ENDPOINT to the "
                "query URL of the external server (e.g. http://127.0.0.1:7878/query)."
            )
        return RemoteBackend(
            settings.sparql_endpoint,
            settings.query_timeout,
            settings.base_iri,
            settings.query_slots,
            parse_allowlist(settings.service_allowlist),
        )
    from cowkg.serve.pool import EmbeddedBackend

    return EmbeddedBackend(settings)


@dataclass
class ServeState:
    """Everything the routes share; one per app."""

    settings: Settings
    backend: Backend
    templates: Jinja2Templates
    started: dt.datetime
    counts: dict[str, int]
    allowlist: frozenset[str]
    graph_names: list[str]
    version: str = __version__
    graph_set: frozenset[str] = field(init=False)
    _cache: dict[str, bytes] = field(default_factory=dict)
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)
    _memo: dict[str, Any] = field(default_factory=dict)
    _pages: OrderedDict[str, str] = field(default_factory=OrderedDict)

    def __post_init__(self) -> None:
        self.graph_set = frozenset(self.graph_names)

    @property
    def base(self) -> str:
        return self.settings.base_iri

    def local_path(self, iri: str) -> str | None:
        """The server path answering ``iri`` (entity, graph, ontology IRIs under the base)."""
        return "/" + iri[len(self.base) :] if iri.startswith(self.base) else None

    def cached(self, key: str, make: Callable[[], bytes]) -> bytes:
        """``make()`` once per key: the data never changes while the server runs."""
        with self._cache_lock:
            if key not in self._cache:
                self._cache[key] = make()
            return self._cache[key]

    async def memo(self, key: str, make: Callable[[], Awaitable[T]]) -> T:
        """``await make()`` once per key (what pages compute from the data, which never changes);
        two first requests at once may both compute it, and the later one is kept."""
        if key not in self._memo:
            self._memo[key] = await make()
        result: T = self._memo[key]
        return result

    def page(self, key: str) -> str | None:
        """A rendered page kept by :meth:`keep_page` (the data cannot change), or None."""
        html = self._pages.get(key)
        if html is not None:
            self._pages.move_to_end(key)
        return html

    def keep_page(self, key: str, html: str) -> None:
        """Keep ``html`` for :meth:`page`; the least recently used of ``PAGE_CACHE`` go first."""
        self._pages[key] = html
        self._pages.move_to_end(key)
        while len(self._pages) > PAGE_CACHE:
            self._pages.popitem(last=False)

    async def query(self, text: str, dataset: Dataset | None = None) -> QueryResult:
        """Check and evaluate ``text`` in a worker under the time limit and the row cap."""
        return await self.backend.query(text, dataset or Dataset(), self.settings.max_rows)

    async def answer(
        self, text: str, dataset: Dataset, negotiation: Negotiation, client: str | None = None
    ) -> Answer:
        """Check, evaluate and serialise ``text`` in a worker (the protocol route); ``client``,
        the caller's address, has its share of the query slots.

        An answer longer than ``max_rows`` rows or ``max_answer_bytes`` bytes is refused whole
        (:func:`too_many_rows`), never sent cut: a 200 answer is always complete.
        """
        answer = await self.backend.answer(
            text, dataset, self.settings.max_rows, negotiation, client
        )
        if answer.truncated:
            raise too_many_rows(self.settings.max_rows, self.settings.max_answer_bytes)
        return answer

    async def select(self, text: str) -> Solutions:
        """A SELECT the server itself sends (pages, statistics)."""
        result = await self.query(text)
        if not isinstance(result, Solutions):
            raise RequestError(f"internal query is not a SELECT: {text[:60]}", status=500)
        return result


DUMP_LINK = '</data/cowkg.nq>; rel="alternate"; type="application/n-quads", </data>; rel="help"'
"""Where a whole-graph reader is sent: the N-Quads dump (named graphs kept) and the downloads."""


def too_many_rows(max_rows: int, max_bytes: int) -> RequestError:
    """The 400 for a protocol query whose answer passes ``max_rows`` rows (or triples), or
    ``max_bytes`` bytes (counted on the TSV / N-Triples the worker writes).

    WHY refuse rather than cut: clients do not surface a cut. SPARQL JSON and XML results have no
    standard "incomplete" marker, and neither SPARQLWrapper nor rdflib's ``SPARQLStore`` reads
    response headers, so iterating a store through ``SPARQLStore`` stopped silently at the cap.
    Every client raises on an error status, and 400 is the one SPARQLWrapper raises with the
    response body in its message; the body says what to do, and ``Link`` points to the dumps.
    """
    return RequestError(
        f"the answer has more than {max_rows} rows or {max_bytes} bytes (the server's max_rows "
        "and max_answer_bytes), so none of it is sent rather than a part. Hint: page with "
        f"LIMIT {max_rows} OFFSET …, count with COUNT(*), or download the whole graph: "
        "/data/cowkg.nq (named graphs kept), /data/cowkg.ttl (their union), all formats at /data.",
        status=400,
        headers={"Link": DUMP_LINK},
    )


def _count(backend: Backend, text: str) -> int:
    result = backend.select_now(text)
    if result.rows and isinstance(result.rows[0][0], ox.Literal):
        return int(result.rows[0][0].value)
    return 0


COUNT_QUERIES = {
    "triples": "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }",
    "quads": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
    "graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { } }",
    "entities": "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s a ?c FILTER(isIRI(?s)) }",
}


def build_state(settings: Settings) -> ServeState:
    """Load the store (or reach the remote server) and compute the start-up counts."""
    backend = make_backend(settings)
    counts = {name: _count(backend, q) for name, q in COUNT_QUERIES.items()}
    log.info(
        "serving %d triples in %d named graphs (%s store)",
        counts["triples"],
        counts["graphs"],
        backend.kind,
    )
    return ServeState(
        settings=settings,
        backend=backend,
        templates=Jinja2Templates(directory=str(TEMPLATES_DIR)),
        started=dt.datetime.now(dt.UTC),
        counts=counts,
        allowlist=parse_allowlist(settings.service_allowlist),
        graph_names=backend.graph_names(),
    )


def get_state(request: Request) -> ServeState:
    state: ServeState = request.app.state.cowkg
    return state


StateDep = Annotated[ServeState, Depends(get_state)]
