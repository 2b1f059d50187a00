"""The curation file: the real one checks out; every malformed entry is refused with file, line,
entry id and what to fix; retractions remove rule facts and must remove something."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest
from fixtures.structure import ROOT, WIKI, real_sources, sentence_of

from cowkg.curation import Curation, load_curation
from cowkg.errors import CurationError
from cowkg.sources import find_span
from cowkg.types import EntityKind, Fact, FactKind, Ref

WIKI_SOURCE = next(s for s in real_sources() if s.file == WIKI)
QUOTE = sentence_of(WIKI_SOURCE, "formally inaugurated").text
"""A real sentence of the Wikipedia seed (a curation quote must be verbatim), found at run time."""
GOOD = f"""
entries:
  - id: C900
    seed: {WIKI}
    quote: {QUOTE}
    kind: command-post
    args:
      post: command-post:paris-hq
      inaugurated: 2025-11-17
    why: test entry
"""


def _load(tmp_path: Path, text: str) -> Curation:
    path = tmp_path / "curation.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_curation(path, list(real_sources()))


def test_the_real_curation_file_loads_against_all_seeds() -> None:
    curation = load_curation(ROOT / "curation" / "curation.yaml", list(real_sources()))
    assert curation.entries, "the curation file is empty"
    files = {s.file for s in real_sources()}
    for entry in curation.entries:
        assert entry.span.seed in files
        assert entry.why.strip()


def test_the_real_curation_file_is_small() -> None:
    curation = load_curation(ROOT / "curation" / "curation.yaml", list(real_sources()))
    assert len(curation.entries) <= 10, "prefer improving a rule over adding curation entries"


def test_a_good_entry_becomes_a_fact_with_its_quote_as_evidence(tmp_path: Path) -> None:
    curation = _load(tmp_path, GOOD)
    [fact] = curation.apply([])
    assert fact.method == "curation:C900"
    assert fact.args == {
        "post": Ref(EntityKind.COMMAND_POST, "paris-hq"),
        "inaugurated": dt.date(2025, 11, 17),
    }
    assert fact.evidence == (find_span(WIKI_SOURCE, QUOTE),)


def test_missing_file_is_an_empty_curation(tmp_path: Path) -> None:
    assert load_curation(tmp_path / "none.yaml", list(real_sources())).entries == ()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (f"quote: {QUOTE}", "quote: The Paris headquarters was never inaugurated.", "not found in"),
        ("kind: command-post", "kind: command-centre", "unknown kind 'command-centre'"),
        ("      post: command-post:paris-hq\n", "", "needs argument(s) ['post']"),
        ("inaugurated: 2025-11-17", "opened: 2025-11-17", "unknown argument(s) ['opened']"),
        ("post: command-post:paris-hq", "post: headquarters:paris-hq", "unknown entity kind"),
        ("post: command-post:paris-hq", "post: command-post:Paris HQ", "a key is a slug"),
        ("post: command-post:paris-hq", "post: paris-hq", "write kind:key"),
        ("inaugurated: 2025-11-17", "inaugurated: 17 November 2025", "bad date"),
        ("id: C900", "id: 900", "bad id"),
        ("    why: test entry\n", "", "missing ['why']"),
    ],
)
def test_bad_entries_are_refused_naming_file_line_and_entry(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in GOOD
    with pytest.raises(CurationError) as error:
        _load(tmp_path, GOOD.replace(old, new))
    text = str(error.value)
    assert message in text
    assert f"{tmp_path / 'curation.yaml'}:3: entry" in text


def test_bad_state_code_is_refused(tmp_path: Path) -> None:
    text = GOOD.replace(
        "post: command-post:paris-hq",
        "post: command-post:paris-hq\n      commander_nation: state:XYZ",
    )
    with pytest.raises(CurationError, match="not an ISO 3166-1 alpha-3 code"):
        _load(tmp_path, text)


def test_ambiguous_quote_needs_occurrence_or_near(tmp_path: Path) -> None:
    text = GOOD.replace(f"quote: {QUOTE}", "quote: Paris")
    with pytest.raises(CurationError, match=r"occurs \d+ times"):
        _load(tmp_path, text)
    second = _load(tmp_path, text.replace("    why:", "    occurrence: 2\n    why:"))
    near = _load(tmp_path, text.replace("    why:", f"    near: '{QUOTE}'\n    why:"))
    seed = WIKI_SOURCE.text
    assert second.entries[0].span.start == seed.find("Paris", seed.find("Paris") + 1)
    assert near.entries[0].span.start == seed.find("Paris", seed.find(QUOTE))


def test_duplicate_ids_are_refused(tmp_path: Path) -> None:
    entry = GOOD.split("entries:\n", 1)[1]
    with pytest.raises(CurationError, match="duplicate id C900"):
        _load(tmp_path, GOOD + entry)


def test_entries_for_existing_seeds_not_loaded_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "curation.yaml"
    path.write_text(GOOD, encoding="utf-8")
    every = list(real_sources())
    others = [s for s in every if s.file != WIKI]
    assert load_curation(path, others, [s.file for s in every]).entries == ()


def test_an_entry_for_a_seed_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    """Before, it was skipped with an INFO line and the reviewed fact silently disappeared."""
    with pytest.raises(CurationError, match=r"curation.yaml:3: entry C900: seed '999_gone.txt'"):
        _load(tmp_path, GOOD.replace(WIKI, "999_gone.txt"))


def test_an_impossible_unquoted_date_names_the_file_and_entry(tmp_path: Path) -> None:
    """PyYAML raised a bare ValueError for 2025-02-30 from inside its parser, naming nothing."""
    with pytest.raises(CurationError, match=r"curation.yaml:3: entry C900: .*2025-02-30"):
        _load(tmp_path, GOOD.replace("2025-11-17", "2025-02-30"))


def _rule_fact(quote: str, **args: object) -> Fact:
    return Fact(FactKind.COMMAND_POST, dict(args), (find_span(WIKI_SOURCE, quote),), "rule:test")  # type: ignore[arg-type]


def test_retraction_removes_the_matching_rule_facts_only(tmp_path: Path) -> None:
    wrong = _rule_fact(
        QUOTE, post=Ref(EntityKind.COMMAND_POST, "paris-hq"), inaugurated=dt.date(2025, 11, 18)
    )
    right = _rule_fact(
        QUOTE, post=Ref(EntityKind.COMMAND_POST, "paris-hq"), inaugurated=dt.date(2025, 11, 17)
    )
    text = GOOD.replace("2025-11-17", "2025-11-18").replace(
        "    why:", "    retract: true\n    why:"
    )
    assert _load(tmp_path, text).apply([wrong, right]) == [right]


def test_retraction_that_matches_nothing_is_an_error(tmp_path: Path) -> None:
    text = GOOD.replace("    why:", "    retract: true\n    why:")
    with pytest.raises(CurationError, match="C900 retracts nothing"):
        _load(tmp_path, text).apply([])


def test_invalid_yaml_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(CurationError, match="not valid YAML"):
        _load(tmp_path, "entries: [\n")
