"""The one typed Settings class, read from ``COWKG_*`` environment variables.

Every setting has a default and help text (the ``description``); ``tests/test_docs.py`` checks that
each is documented in the README. An unknown ``COWKG_*`` variable or a wrongly typed value stops
start-up with a :class:`~cowkg.errors.SettingsError` naming it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from cowkg.errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Settings for building and serving the graph."""

    model_config = SettingsConfigDict(env_prefix="COWKG_", extra="forbid", frozen=True)

    base_iri: str = Field(
        "https://w3id.org/cowkg/",
        description="Base under which entity IRIs are minted (ends with '/'); the server answers "
        "each IRI's path, so the same graph works on a laptop and behind a public domain.",
    )
    seeds_dir: Path = Field(
        PROJECT_ROOT / "seeds", description="Folder of seed texts and sources.yaml."
    )
    graph_dir: Path = Field(
        PROJECT_ROOT / "graph", description="Folder the build writes the graph to."
    )
    ontology_dir: Path = Field(
        PROJECT_ROOT / "ontology", description="Folder of the ontology and shapes."
    )
    curation_file: Path = Field(
        PROJECT_ROOT / "curation" / "curation.yaml",
        description="Reviewed curation entries (each with its verbatim quote).",
    )
    cache_dir: Path | None = Field(
        PROJECT_ROOT / "var" / "cache",
        description="Folder of the build's extraction cache (per seed, keyed by content), so a "
        "rebuild re-extracts only the seeds that changed; empty to switch the cache off.",
    )
    build_workers: int = Field(
        0,
        ge=0,
        description="Worker processes extracting seeds in parallel (0: one per CPU); used when "
        "at least 8 seeds need extracting.",
    )

    @field_validator("cache_dir", mode="before")
    @classmethod
    def _empty_is_off(cls, value: object) -> object:
        """``COWKG_CACHE_DIR=`` (empty) switches the cache off instead of meaning ``.``."""
        return None if value == "" else value

    host: str = Field("127.0.0.1", description="Interface the server listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port the server listens on.")
    store: Literal["embedded", "remote"] = Field(
        "embedded",
        description="'embedded': an in-process Oxigraph store loaded from graph/; 'remote': an "
        "external SPARQL 1.1 server named by sparql_endpoint.",
    )
    sparql_endpoint: str | None = Field(
        None, description="Query URL of the external SPARQL server (store=remote)."
    )
    graph_store_endpoint: str | None = Field(
        None,
        description="Graph Store Protocol URL of the external server, used by the build to load "
        "the graph into it (store=remote).",
    )
    dataset: Path | None = Field(
        None,
        description="Serve this RDF dataset file (TriG, N-Quads, Turtle, N-Triples) instead of "
        "graph/; used by the W3C conformance tests.",
    )
    query_timeout: float = Field(
        10.0, gt=0, description="Seconds a query may run before it is cut off."
    )
    max_rows: int = Field(10_000, gt=0, description="Most result rows a SELECT returns.")
    max_request_bytes: int = Field(
        1_000_000, gt=0, description="Largest request body (and query string) accepted, in bytes."
    )
    cors_origins: str = Field(
        "*", description="Comma-separated origins allowed by CORS (read-only)."
    )
    service_allowlist: str = Field(
        "",
        description="Comma-separated SPARQL endpoint IRIs a query may name in SERVICE "
        "(federation); empty (the default) refuses every SERVICE, so the server never makes "
        "outbound requests.",
    )
    query_slots: int = Field(
        4,
        gt=0,
        description="Queries evaluated at once (embedded store: worker processes); others wait "
        "for a free slot up to the query timeout, then get HTTP 503. A query past its timeout "
        "has its worker killed, which frees the slot at once.",
    )
    max_answer_bytes: int = Field(
        32_000_000,
        gt=0,
        description="Most bytes of results an answer carries (measured as SPARQL TSV or "
        "N-Triples, before conversion); longer answers are cut like the row cap.",
    )
    light_slots: int = Field(
        1,
        ge=0,
        description="Extra query workers kept for light requests (entity pages, the server's "
        "own queries, small client queries) when every query slot is taken by long queries; "
        "a query there is cut off after 2 s.",
    )
    client_queries: int = Field(
        0,
        ge=0,
        description="Queries one client address may have running or waiting at once; 0 means "
        "one fewer than query_slots (at least 1), so no client holds every slot.",
    )
    header_timeout: float = Field(
        10.0,
        gt=0,
        description="Seconds a connection may take to send a request's headers, and may stay "
        "idle between requests, before the server closes it.",
    )
    max_connections: int = Field(
        512,
        gt=0,
        description="Open client connections at most (also kept under the process's file "
        "limit); a connection beyond it is closed at once.",
    )
    queries_dir: Path = Field(
        PROJECT_ROOT / "queries",
        description="Folder of example queries (*.rq) listed on the query page.",
    )
    articles_dir: Path = Field(
        PROJECT_ROOT.parent / "shared" / "articles",
        description="Development corpus `cowkg eval` measures the build on: real news articles "
        "(*.txt) and their gold facts (gold-*.yaml); outside the repository, never copied into it.",
    )


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment (and ``overrides``), refusing unknown ``COWKG_*`` keys."""
    known = {f"COWKG_{name.upper()}" for name in Settings.model_fields}
    unknown = sorted(k for k in os.environ if k.startswith("COWKG_") and k not in known)
    if unknown:
        raise SettingsError(
            f"unknown setting(s) {', '.join(unknown)}. Hint: the settings are "
            f"{', '.join(sorted(known))} (see README, 'Settings')."
        )
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"COWKG_{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}" for e in exc.errors()
        )
        raise SettingsError(f"bad setting: {problems}") from exc
