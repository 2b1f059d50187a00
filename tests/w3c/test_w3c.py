"""The W3C SPARQL 1.1 Protocol, Service Description and Graph Store manifests, run against a live
server by tests/w3c/w3c_runner.py (its docstring says how a read-only endpoint is judged)."""

from __future__ import annotations

import pytest
from w3c_runner import SUITE, Outcome, run_graph_store, run_protocol, run_service_description

pytestmark = pytest.mark.slow


def test_the_manifests_are_here() -> None:
    for name in ("protocol", "service-description", "graph-store-protocol"):
        assert (SUITE / name / "manifest.ttl").is_file(), name


def _failures(outcomes: list[Outcome]) -> list[str]:
    return [f"{o.test}: {o.detail}" for o in outcomes if o.verdict == "fail"]


def test_protocol_manifest() -> None:
    outcomes = run_protocol()
    assert len(outcomes) == 34
    assert _failures(outcomes) == []
    queries = [o for o in outcomes if o.verdict == "pass"]
    refused = [o for o in outcomes if o.verdict == "refused"]
    # 21 query tests pass as written; the 13 update tests are refused with a 4xx
    assert (len(queries), len(refused)) == (21, 13)
    assert not any(o.verdict == "n/a" for o in outcomes)


def test_service_description_manifest() -> None:
    outcomes = run_service_description()
    assert [o.verdict for o in outcomes] == ["pass"] * 3, [o.detail for o in outcomes]


def test_graph_store_manifest() -> None:
    outcomes = run_graph_store()
    assert _failures(outcomes) == []
    not_applicable = [o for o in outcomes if o.verdict == "n/a"]
    assert [o.test for o in not_applicable] == [
        "Graph creation via POST on the GSP endpoint, then GET of the resulting graph "
        "(direct graph identification)"
    ]
    assert sum(o.verdict == "pass" for o in outcomes) == 12
