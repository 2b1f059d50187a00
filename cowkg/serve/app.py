"""The FastAPI application: state, middleware, error handlers and routers; nothing else.

Every error leaves as JSON of one shape, ``{"ok": false, "error", "errors", "status"}``, built by
:func:`error_body`. Requests larger than ``max_request_bytes`` (body or query string) get 413
before anything reads them.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cowkg import __version__
from cowkg.errors import CowkgError, RequestError, StoreError
from cowkg.serve.deps import STATIC_DIR, build_state
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


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestError)
    async def _request_error(_: Request, exc: RequestError) -> JSONResponse:
        headers = {"Retry-After": "5"} if exc.status == 503 else {}
        return error_response(exc.status, str(exc), exc.errors, headers | (exc.headers or {}))

    @app.exception_handler(StoreError)
    async def _store_error(_: Request, exc: StoreError) -> JSONResponse:
        log.error("%s", exc)
        return error_response(502, str(exc))

    @app.exception_handler(CowkgError)
    async def _cowkg_error(_: Request, exc: CowkgError) -> JSONResponse:
        return error_response(500, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, str(exc.detail), headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        return error_response(400, "bad request parameters", errors)

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, f"internal error: {type(exc).__name__}")


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
        expose_headers=["Content-Location", "X-Cowkg-Truncated"],
    )
    app.add_middleware(RequestSizeLimit, limit=settings.max_request_bytes)
    app.add_middleware(HeadAsGet)
    for module in (sparql, data, meta, resource, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def run(settings: Settings) -> None:
    """Serve on ``settings.host:port`` with uvicorn (``cowkg serve``, ``make serve``)."""
    import uvicorn

    app = create_app(settings)
    log.info("cowkg endpoint on http://%s:%d/", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
