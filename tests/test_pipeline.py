"""The pipeline: stages in order, deterministic and atomic output, skip when nothing changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fixtures.graph_facts import sample_facts, sources

from cowkg import pipeline
from cowkg.derive import derive
from cowkg.errors import SeedError, ValidationFailed
from cowkg.ledger import UnitRecord
from cowkg.report import BuildReport
from cowkg.resolve import resolve
from cowkg.settings import Settings
from cowkg.types import Fact, Source

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_ONTOLOGY = Path(__file__).parent / "fixtures" / "ontology"
FILES = [
    "build-info.ttl",
    "cowkg.nq",
    "cowkg.trig",
    "cowkg.ttl",
    "report.json",
    "report.md",
    "validation.ttl",
    "validation.txt",
]


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Settings over the real seeds and a copy of the fixture ontology; facts from the fixture."""
    shutil.copytree(FIXTURE_ONTOLOGY, tmp_path / "ontology")
    srcs = sources()
    facts = sample_facts(srcs)

    def fake_inputs(
        _settings: Settings, seeds: tuple[str, ...] = (), hashes: object = None
    ) -> tuple[list[Source], list[Fact], dict[str, list[UnitRecord]]]:
        return list(srcs.values()), facts, {}

    monkeypatch.setattr(pipeline, "load_inputs", fake_inputs)
    return Settings(
        seeds_dir=ROOT / "seeds",
        graph_dir=tmp_path / "graph",
        ontology_dir=tmp_path / "ontology",
        curation_file=tmp_path / "curation.yaml",
    )


def _snapshot(graph_dir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(graph_dir.iterdir())}


def test_build_writes_every_file_and_reports(settings: Settings) -> None:
    report = pipeline.build(settings)
    assert sorted(p.name for p in settings.graph_dir.iterdir()) == FILES
    assert report.conforms and not report.skipped
    derived = derive(resolve(sample_facts(), settings.base_iri), [])  # hosts attend, members
    assert len(derived.facts) > len(sample_facts())
    assert report.facts == len(derived.facts) and report.fact_graphs < report.facts
    assert report.triples["total"] == sum(v for k, v in report.triples.items() if k != "total")
    assert set(report.triples) >= {"facts", "provenance", "inferred", "alignment"}
    assert report.facts_by_method["curation:C001"] == 1 and report.rule_share > 0.9
    assert set(report.timings) >= {"extract", "resolve", "assemble", "reason", "validate", "store"}
    assert "Build time" in report.format()
    on_disk = BuildReport.from_json(
        (settings.graph_dir / "report.json").read_text(encoding="utf-8")
    )
    assert on_disk.inputs_sha256 == report.inputs_sha256 and on_disk.facts == report.facts


def test_two_builds_are_byte_identical(settings: Settings) -> None:
    pipeline.build(settings, force=True)
    first = _snapshot(settings.graph_dir)
    pipeline.build(settings, force=True)
    assert _snapshot(settings.graph_dir) == first


def test_unchanged_inputs_skip_the_build(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline.build(settings)

    def no_stages(*_args: object) -> None:
        raise AssertionError("stages ran although nothing changed")

    monkeypatch.setattr(pipeline, "run_stages", no_stages)
    report = pipeline.build(settings)
    assert report.skipped and "up to date" in report.format()


def test_an_up_to_date_build_removes_what_a_killed_build_left(settings: Settings) -> None:
    pipeline.build(settings)
    parent = settings.graph_dir.parent
    name = settings.graph_dir.name
    dead = parent / f".{name}.tmp-999999999-abc"  # no such process
    dead.mkdir()
    (dead / "cowkg.nq").write_bytes(b"half written")
    old = parent / f".{name}.old"
    old.mkdir()
    assert pipeline.build(settings).skipped
    assert not dead.exists() and not old.exists()
    assert (settings.graph_dir / "cowkg.nq").is_file()


def test_a_changed_input_rebuilds(settings: Settings) -> None:
    first = pipeline.build(settings)
    shapes = settings.ontology_dir / "shapes.ttl"
    shapes.write_text(shapes.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    second = pipeline.build(settings)
    assert not second.skipped and second.inputs_sha256 != first.inputs_sha256


def test_a_non_conforming_graph_is_not_written(settings: Settings) -> None:
    pipeline.build(settings)
    before = _snapshot(settings.graph_dir)
    shapes = settings.ontology_dir / "shapes.ttl"
    shapes.write_text(
        shapes.read_text(encoding="utf-8").replace(
            'sh:minCount 1 ; sh:message "Every', 'sh:minCount 9 ; sh:message "Every'
        ),
        encoding="utf-8",
    )
    with pytest.raises(ValidationFailed, match="Every fact graph has evidence"):
        pipeline.build(settings)
    assert _snapshot(settings.graph_dir) == before


def test_report_finds_the_conflicting_counts_of_27_march(settings: Settings) -> None:
    report = pipeline.build(settings)
    (conflict,) = report.conflicts
    assert "2025-03-27-summit" in conflict.about
    assert [(v["value"], v["seeds"]) for v in conflict.values] == [
        ("31", ["003_54b538bd8ca00bf4.txt"]),
        ("nearly 30", ["001_57c9712b9487fe05.txt"]),
    ]


def test_report_lists_coverage_gaps_outside_all_evidence(settings: Settings) -> None:
    report = pipeline.build(settings)
    assert report.gaps
    facts = sample_facts()
    for gap in report.gaps:
        assert not any(
            s.seed == gap.seed and s.start < gap.end and gap.start < s.end
            for f in facts
            for s in f.evidence
        )
    assert any("Japan" in g.text for g in report.gaps) or any(
        "Keir Starmer" in g.entities for g in report.gaps
    )


def test_extract_facts_prints_one_json_object_per_fact(settings: Settings) -> None:
    lines = list(pipeline.extract_facts(settings))
    assert len(lines) == len(sample_facts())
    pledge = next(json.loads(line) for line in lines if '"pledge"' in line and "GBP" in line)
    assert pledge["args"]["amount"] == {"currency": "GBP", "value": "1600000000"}
    assert pledge["evidence"][0]["seed"] == "000_9e39027e4a933cf5.txt"


def test_an_unknown_seed_name_is_a_seed_error() -> None:
    with pytest.raises(SeedError, match=r"no seed named nope\.txt"):
        pipeline.load_inputs(Settings(), ["nope.txt"])


def test_a_missing_seeds_folder_is_a_seed_error(tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="seeds folder"):
        pipeline.build(Settings(seeds_dir=tmp_path / "nope", graph_dir=tmp_path / "graph"))


def test_a_new_base_iri_rebuilds(settings: Settings) -> None:
    first = pipeline.build(settings)
    moved = settings.model_copy(update={"base_iri": "https://example.org/kg/"})
    second = pipeline.build(moved)
    assert not second.skipped and second.inputs_sha256 != first.inputs_sha256
    assert b"https://example.org/kg/id/state/GBR" in (settings.graph_dir / "cowkg.nq").read_bytes()


def test_remote_store_is_loaded_after_a_build_and_a_skip(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    pushed: list[tuple[int, str]] = []
    monkeypatch.setattr(pipeline, "push_remote", lambda data, url: pushed.append((len(data), url)))
    remote = settings.model_copy(
        update={"store": "remote", "graph_store_endpoint": "http://store.test/gsp"}
    )
    pipeline.build(remote)
    assert pipeline.build(remote).skipped
    size = (settings.graph_dir / "cowkg.nq").stat().st_size
    assert pushed == [(size, "http://store.test/gsp")] * 2


def test_code_edited_after_the_process_loaded_it_is_recorded_as_loaded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A long-running process (a test run) whose code is edited meanwhile must record and cache
    its results under the code it runs, not under the new code on disk."""
    on_disk, _ = pipeline.input_hashes(Settings(), loaded={})
    module = "cowkg/ledger.py"
    stale = {module: "0" * 64}
    with caplog.at_level("WARNING", logger="cowkg.pipeline"):
        as_loaded, digest = pipeline.input_hashes(Settings(), loaded=stale)
    assert as_loaded[module] == "0" * 64 and on_disk[module] != "0" * 64
    assert digest != pipeline.input_hashes(Settings(), loaded={})[1]
    assert "changed on disk since this process started" in caplog.text
    assert module in caplog.text


def test_the_loaded_code_is_every_code_file_of_the_package() -> None:
    assert set(pipeline.LOADED_CODE) == {
        p.relative_to(ROOT).as_posix() for p in pipeline.code_files()
    }
    assert "cowkg/ledger.py" in pipeline.LOADED_CODE
    assert not any(k.startswith("cowkg/serve/") for k in pipeline.LOADED_CODE)


def test_code_edited_since_loading_is_extracted_here_without_the_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Workers would import the edited code: the runner runs in this process, caching nothing."""
    settings = Settings(cache_dir=tmp_path / "cache", build_workers=4)
    # as loaded = as on disk now (the tree may have been edited since this test run started)
    disk = {name: pipeline._sha256(pipeline.PROJECT_ROOT / name) for name in pipeline.LOADED_CODE}
    monkeypatch.setattr(pipeline, "LOADED_CODE", disk)
    assert pipeline.seed_runner(settings).cache_dir is not None
    monkeypatch.setitem(disk, "cowkg/ledger.py", "0" * 64)
    runner = pipeline.seed_runner(settings)
    assert runner.cache_dir is None and runner.workers == 1
