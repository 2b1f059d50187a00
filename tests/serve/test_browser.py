"""The query page and an entity page in headless Chromium, against a live server.

Chromium's ``--dump-dom`` with a virtual-time budget runs the page's scripts (YASGUI, served by
the endpoint itself) and prints the resulting DOM. ``--disable-background-networking`` and a
throw-away profile keep the browser from calling out; the page may only reach the live server.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from urllib.parse import quote

import pytest
from serve_helpers import LiveServer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed"),
]


def dump_dom(url: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                f"--user-data-dir={profile}",
                "--virtual-time-budget=15000",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        )
    return result.stdout


def test_query_page_runs_a_query_and_shows_result_rows(live: LiveServer) -> None:
    query = "SELECT ?m ?date WHERE { ?m <https://schema.org/startDate> ?date }"
    dom = dump_dom(f"{live.url}/query?query={quote(query)}&run=1")
    assert 'class="CodeMirror' in dom  # the editor is up, with syntax highlighting
    assert "cm-keyword" in dom
    table = dom[dom.find("yasr") :]
    rows = re.findall(r"<tr[ >]", table)
    assert len(rows) >= 2  # header row + one result row
    assert "2025-03-27-summit" in table


def test_query_page_loads_an_example(live: LiveServer) -> None:
    dom = dump_dom(f"{live.url}/query?example=cq99-meetings&run=1")
    assert "CQ99" in dom  # the example's comment is in the editor
    assert "2025-03-27" in dom[dom.find("yasr") :]


def test_entity_page_in_a_browser(live: LiveServer) -> None:
    dom = dump_dom(f"{live.url}/id/meeting/2025-03-27-summit")
    assert "<h1>Coalition of the Willing summit, 27 March 2025</h1>" in dom
    assert "characters 206–258" in dom
    assert "<b>of leaders</b>" not in dom  # seed text stays text


def test_query_results_link_locally_with_labels(live: LiveServer) -> None:
    query = "SELECT ?m ?place WHERE { ?m <https://schema.org/location> ?place }"
    dom = dump_dom(f"{live.url}/query?query={quote(query)}&run=1")
    table = dom[dom.find("yasr") :]
    assert 'href="/id/place/paris"' in table  # the local page, not w3id.org
    assert 'href="https://w3id.org/cowkg/id/' not in table
    assert re.search(r'class="iri-label"[^>]*>Paris<', table)  # the label beside the IRI
    assert re.search(
        r'class="iri-label"[^>]*>Coalition of the Willing summit, 27 March 2025<', table
    )


def test_query_syntax_error_is_readable(live: LiveServer) -> None:
    query = "SELECT ?s WHERE {\n  ?s ?p \n}"
    dom = dump_dom(f"{live.url}/query?query={quote(query)}&run=1")
    box = re.search(r'<div class="query-error">.*?</div>\s*</div>', dom, re.S)
    assert box, "no readable error box"
    assert re.search(r"Syntax error at line \d+, column \d+", box.group(0))
    assert "expected" in box.group(0)
    assert '{"ok"' not in dom[dom.find("yasr") :]  # no raw JSON
