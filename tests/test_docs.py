"""The README is tested: it must name every setting, make target and command, and its examples
must run (a README that drifts from the code fails here, as in Datasette's ``test_docs.py``)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from cowkg.cli import build_parser
from cowkg.settings import PROJECT_ROOT, Settings
from cowkg.store import load_store

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(Settings.model_fields))
def test_every_setting_is_in_the_settings_table(name: str) -> None:
    assert re.search(rf"^\| `COWKG_{name.upper()}` \|", README, re.M), f"COWKG_{name.upper()}"


@pytest.mark.parametrize("target", re.findall(r"^([a-z-]+):.*## ", MAKEFILE, re.M))
def test_every_make_target_is_named(target: str) -> None:
    assert f"make {target}" in README or f"`{target}`" in README


def test_every_command_is_named() -> None:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    commands = sorted(getattr(sub, "choices", {}) or {})
    assert commands, "the CLI has no subcommands"
    missing = [c for c in commands if not re.search(rf"`{c}\b", README)]
    assert not missing


def test_the_two_commands_come_first() -> None:
    quickstart = README.index("## Quickstart")
    assert README.index("make serve", quickstart) < README.index("make test", quickstart)
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_linked_files_exist() -> None:
    paths = set(re.findall(r"\]\(((?:docs|ontology|queries)/[^)#]+)\)", README))
    paths |= set(re.findall(r"@(queries/[\w.-]+\.rq)", README))
    assert paths
    assert [p for p in sorted(paths) if not (PROJECT_ROOT / p).is_file()] == []


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return load_store(Settings())


@pytest.mark.parametrize("number", range(len(re.findall(r"```sparql\n", README))))
def test_readme_queries_answer_on_the_graph(store: ox.Store, number: int) -> None:
    text = re.findall(r"```sparql\n(.*?)```", README, re.S)[number]
    rows = list(store.query(text))  # type: ignore[arg-type]
    assert rows, f"README query {number + 1} returns nothing:\n{text}"


def test_docs_name_no_missing_module() -> None:
    """Module paths quoted in the docs (`cowkg/…`) exist, so the docs follow a refactoring."""
    docs = [README, *(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "docs").glob("*.md"))]
    named = {m for text in docs for m in re.findall(r"`(cowkg/[\w/]+\.py)`", text)}
    assert [m for m in sorted(named) if not Path(PROJECT_ROOT / m).is_file()] == []
