"""The FastAPI application: state, middleware, error handlers and routers; nothing else.

Every error leaves as JSON of one shape, ``{"ok": false, "error", "errors", "status"}``, built by
:func:`error_body`. Requests larger than ``max_request_bytes`` (body or query string) get 413
before anything reads them.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cowkg import __version__
from cowkg.errors import CowkgError, RequestError, StoreError
from cowkg.serve.backends import Negotiation
from cowkg.serve.deps import STATIC_DIR, ServeState, build_state
from cowkg.serve.routes import data, meta, pages, resource, sparql
from cowkg.settings import Settings

log = logging.getLogger(__name__)


def error_body(status: int, error: str, errors: list[str] | None = None) -> dict[str, object]:
    """The one JSON error shape of every route."""
    return {"ok": False, "error": error, "errors": errors or [error], "status": status}


def error_response(
    status: int, error: str, errors: list[str] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, error, errors), status_code=status, headers=headers)


class RequestSizeLimit:
    """Refuse bodies (declared or streamed) and query strings above ``limit`` bytes with 413."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    @property
    def _message(self) -> str:
        return (
            f"request larger than {self.limit} bytes. Hint: shorten the query, or ask the "
            "operator to raise COWKG_MAX_REQUEST_BYTES."
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if len(scope.get("query_string", b"")) > self.limit or (
            declared.isdigit() and int(declared) > self.limit
        ):
            await error_response(413, self._message)(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise RequestError(self._message, status=413)
            return message

        await self.app(scope, limited, send)


class HeadAsGet:
    """Answer HEAD on every GET route (linked-data clients probe with HEAD): run the GET, send
    its status and headers (Content-Length included), drop its body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def error_for(exc: Exception) -> JSONResponse:
    """The JSON error answer for an exception a handler raised (the handlers below, as one)."""
    if isinstance(exc, RequestError):
        headers = {"Retry-After": "5"} if exc.status == 503 else {}
        return error_response(exc.status, str(exc), exc.errors, headers | (exc.headers or {}))
    if isinstance(exc, StoreError):
        log.error("%s", exc)
        return error_response(502, str(exc))
    if isinstance(exc, CowkgError):
        return error_response(500, str(exc))
    log.error("unexpected error", exc_info=exc)
    return error_response(500, f"internal error: {type(exc).__name__}")


class SparqlFastPath:
    """The common SPARQL protocol requests, answered without the framework's layers.

    WHY: with queries evaluated in worker processes, the server's own event loop is the
    bottleneck under load, and most of its time per request went to routing, dependency solving
    and five middlewares that a plain query does not need (docs/bench.md). This layer answers
    ``GET /sparql?query=…`` and ``POST /sparql`` (``application/sparql-query`` or a form) when the
    request is plain: no ``Origin`` (CORS), no ``update``, exactly one query, no charset
    parameter, a declared length within ``max_request_bytes``, UTF-8. Everything else — and any
    such request it cannot read — goes on to the app unchanged (the body is replayed), so the
    answers, errors and limits are the app's; the query itself is answered by the same
    :meth:`ServeState.answer` as the route.
    """

    def __init__(self, app: ASGIApp, state: ServeState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["path"] != "/sparql"
            or scope["method"] not in ("GET", "POST")
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        limit = self.state.settings.max_request_bytes
        raw_query = scope.get("query_string", b"")
        if b"origin" in headers or len(raw_query) > limit:
            await self.app(scope, receive, send)
            return
        params = parse_qsl(raw_query.decode("latin-1"), keep_blank_values=True)
        direct: str | None = None
        if scope["method"] == "POST":
            media_type = headers.get(b"content-type", b"").decode("latin-1").strip().lower()
            declared = headers.get(b"content-length", b"")
            if (
                media_type not in ("application/sparql-query", "application/x-www-form-urlencoded")
                or not declared.isdigit()
                or int(declared) > limit
            ):
                await self.app(scope, receive, send)
                return
            body, complete = await _read_body(receive, limit)
            if not complete:  # disconnected, or longer than declared: the app decides
                await self.app(scope, _replay(body, receive), send)
                return
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                await self.app(scope, _replay(body, receive), send)
                return
            if media_type == "application/sparql-query":
                direct = text
            else:
                params += parse_qsl(text, keep_blank_values=True)
            receive = _replay(body, receive)
        queries = [v for k, v in params if k == "query"]
        if any(k == "update" for k, _ in params) or (direct is None and len(queries) != 1):
            await self.app(scope, receive, send)
            return
        query = direct if direct is not None else queries[0]
        wanted = Negotiation(
            headers[b"accept"].decode("latin-1") if b"accept" in headers else None,
            tuple(v for k, v in params if k == "format"),
        )
        try:
            client = scope["client"][0] if scope.get("client") else None
            answer = await self.state.answer(query, sparql.dataset_of(params), wanted, client)
        except Exception as exc:
            response = error_for(exc)
            response.headers["Vary"] = "Origin"  # as CORS adds to every answer of the app
            await response(scope, receive, send)
            return
        out = [
            (b"content-type", answer.media_type.encode("latin-1")),
            (b"content-length", str(len(answer.body)).encode("latin-1")),
            (b"vary", b"Accept, Origin"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": answer.body})


async def _read_body(receive: Receive, limit: int) -> tuple[bytes, bool]:
    """The request body, and whether it was read whole within ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks), False
        chunk = message.get("body", b"")
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            return b"".join(chunks), False
        if not message.get("more_body", False):
            return b"".join(chunks), True


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` first, then whatever the client sends next."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


def _install_error_handlers(app: FastAPI) -> None:
    """Every exception a route raises leaves through :func:`error_for` (the fast path's too)."""

    async def _error(_: Request, exc: Exception) -> JSONResponse:
        return error_for(exc)

    for kind in (CowkgError, Exception):  # RequestError and StoreError are CowkgErrors
        app.add_exception_handler(kind, _error)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return error_response(400, "bad request parameters", errors)


def create_app(settings: Settings) -> FastAPI:
    """The application, with its store loaded (raises :class:`StoreError` if it cannot be)."""
    state = build_state(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        state.backend.warm()
        yield
        state.backend.close()

    app = FastAPI(
        title="cowkg — Coalition of the Willing knowledge graph",
        description="Read-only SPARQL 1.1 endpoint, linked data and downloads. "
        "Every fact links to the passage of the source text it rests on.",
        version=__version__,
        lifespan=lifespan,
        docs_url=None,  # served by routes/meta.py from local assets, not a CDN
        redoc_url=None,
    )
    app.state.cowkg = state
    _install_error_handlers(app)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=[o.strip() for o in settings.cors_origins.split(",") if o.strip()],
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["Accept", "Content-Type"],
        expose_headers=["Content-Location", "Link"],
    )
    app.add_middleware(RequestSizeLimit, limit=settings.max_request_bytes)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SparqlFastPath, state=state)
    for module in (sparql, data, meta, resource, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def run(settings: Settings) -> None:
    """Serve on ``settings.host:port`` with uvicorn (``cowkg serve``, ``make serve``)."""
    import uvicorn

    from cowkg.serve.http import uvicorn_config

    app = create_app(settings)
    log.info("cowkg endpoint on http://%s:%d/", settings.host, settings.port)
    # no access log: a line per request cost ~8 % of the server's time under load (docs/bench.md)
    config = uvicorn_config(app, settings, log_level="info", access_log=False)
    uvicorn.Server(config).run()
