"""Fixtures for the endpoint: an app over tests/serve/fixture.trig, and a live server on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from serve_helpers import LiveServer, fixture_settings

from cowkg.serve.app import create_app


@pytest.fixture(scope="module")
def app() -> FastAPI:
    return create_app(fixture_settings())


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def live(app: FastAPI) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server
