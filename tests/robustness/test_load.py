"""A bounded load test of our endpoint, live on loopback: zero errors, memory flat.

Our server (``python -m cowkg serve`` on a synthetic dataset) is warmed up, then wrk sends a
meeting/attendance query from 8 connections for a few seconds. Every request must succeed and the
server's resident memory after the run must stay within a margin of what it was before it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cowkg.bench.generate import generate
from cowkg.bench.load import probe, run_wrk
from cowkg.bench.peers import serve

SECONDS = 3
MB = 1024 * 1024
QUERY = """
PREFIX cow: <https://w3id.org/cowkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?meeting ?date (COUNT(DISTINCT ?state) AS ?states) WHERE {
  ?meeting schema:startDate ?date ; cow:hasParticipation ?p .
  ?p cow:onBehalfOf ?state .
} GROUP BY ?meeting ?date ORDER BY ?date LIMIT 100
"""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk not installed (make system-deps)")
def test_load_without_errors_and_with_flat_memory(tmp_path: Path) -> None:
    dataset = tmp_path / "load.nq"
    generate(dataset, 20_000, seed=5)
    with serve("cowkg", dataset, tmp_path) as peer:
        answer = probe(peer.url, QUERY)
        assert (answer.status, answer.error) == (200, "") and answer.rows > 5
        run_wrk(peer.url, QUERY, clients=8, duration=1, timeout=10, workdir=tmp_path)  # warm up
        before, _ = peer.memory()
        result = run_wrk(peer.url, QUERY, clients=8, duration=SECONDS, timeout=10, workdir=tmp_path)
        after, _ = peer.memory()
    assert result.requests > 20, result
    assert result.errors == 0, result
    assert after <= before * 1.25 + 20 * MB, (
        f"RSS grew from {before / MB:.0f} to {after / MB:.0f} MB"
    )
