"""Helpers for the endpoint tests: the fixture dataset's settings and a live uvicorn server."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI

from cowkg.settings import Settings, load_settings

HERE = Path(__file__).parent
FIXTURE = HERE / "fixture.trig"
FRA = "https://w3id.org/cowkg/id/state/FRA"
SUMMIT = "https://w3id.org/cowkg/id/meeting/2025-03-27-summit"


def fixture_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {"dataset": FIXTURE, "queries_dir": HERE / "queries"}
    values.update(overrides)
    return load_settings(**values)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving ``app`` in a background thread on a free loopback port."""

    def __init__(self, app: FastAPI) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.url}/health", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("live server did not start")

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=5)


SLOW_QUERY = (
    "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l "
    "FILTER(STR(?c) != STR(?l) && STR(?f) != STR(?i) && CONTAINS(STR(?a), STR(?j))) }"
)
"""A cartesian product over the fixture that Oxigraph needs about 0.6 s for (and then stops)."""
