"""The HTTP layer's own limits: a deadline for request headers and a cap on open connections.

WHY: uvicorn arms its keep-alive timer only after a response, so a client that opens a connection
and sends its headers a byte at a time (or never) holds a socket, and a file descriptor, for ever:
a thousand such connections used every descriptor the process had and every request failed.
:class:`GuardedHttp` is uvicorn's httptools protocol with two additions:

* from the moment a connection opens, and again after each response, it must deliver a request's
  complete headers within ``header_timeout`` seconds, else it is closed;
* a connection that would make more than ``max_connections`` open at once is closed at once (the
  cap is also kept below the process's file limit, raised to its hard limit first).

Idle keep-alive connections are closed after the same ``header_timeout``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import resource
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from cowkg.settings import Settings

log = logging.getLogger(__name__)

RESERVED_FILES = 64
"""File descriptors kept for the store, the worker pipes and logs, beyond client connections."""


class GuardedHttp(HttpToolsProtocol):
    """httptools HTTP/1.1 with a header deadline and a connection cap (set by :func:`guarded`)."""

    header_timeout = 10.0
    max_connections = 512
    _header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            log.warning("connection refused: %d open", len(self.connections))
            transport.close()
            return
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def on_headers_complete(self) -> None:
        self._disarm()
        super().on_headers_complete()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def connection_cap(wanted: int) -> int:
    """``wanted``, lowered to fit the file limit (whose soft value is raised to the hard one)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft < hard:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - RESERVED_FILES))


def guarded(header_timeout: float, max_connections: int) -> type[GuardedHttp]:
    """A :class:`GuardedHttp` with these limits."""
    return type(
        "GuardedHttp",
        (GuardedHttp,),
        {"header_timeout": header_timeout, "max_connections": connection_cap(max_connections)},
    )


def uvicorn_config(app: Any, settings: Settings, **extra: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app`` with the limits of ``settings``."""
    return uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        http=guarded(settings.header_timeout, settings.max_connections),
        timeout_keep_alive=max(1, round(settings.header_timeout)),
        **extra,
    )
