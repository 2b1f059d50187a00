"""The development corpus (articles and gold files) and the scratch build of the seeds plus the
articles through the real pipeline."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from cowkg.errors import CowkgError
from cowkg.settings import PROJECT_ROOT, Settings
from cowkg.sources import RECORDS_FILE

SCRATCH_DIR = PROJECT_ROOT / "var" / "eval"


class CorpusMissing(CowkgError):
    """The development corpus (articles and gold files) is not where the setting says."""


GOLD_GLOB = "gold-*.yaml"


@dataclass(frozen=True)
class GoldArticle:
    """One article of the corpus: its file, text, record and gold entry (as in the YAML)."""

    doc: str
    text: str
    entry: Mapping[str, Any]

    def record(self) -> dict[str, object]:
        """Its source record, as a user adding the article writes it in ``sources.yaml``."""
        return {
            "file": self.doc,
            "title": str(self.entry.get("title") or self.doc),
            "publisher": self.entry.get("publisher"),
            "date": _published(self.entry.get("published")),
            "language": str(self.entry.get("language") or "en"),
            "kind": "news",
        }


def _published(value: object) -> dt.date | str | None:
    """The record's date: as YAML read it, or the text as written (the build refuses a date that
    is not ISO 8601, naming the record), None when unknown."""
    if not value:
        return None
    return value if isinstance(value, dt.date) else str(value)


def absent_hint(directory: Path) -> str:
    """What to say when there is no corpus at ``directory``."""
    return (
        f"no development corpus at {directory} (expected *.txt articles and gold-*.yaml). "
        "`cowkg eval` needs the shared articles, which are not part of the repository. Hint: "
        "set COWKG_ARTICLES_DIR or pass the folder: `python -m cowkg eval /path/to/articles`."
    )


def load_corpus(directory: Path) -> list[GoldArticle]:
    """Every gold entry of ``directory`` with its article text; :class:`CorpusMissing` if none."""
    golds = sorted(directory.glob(GOLD_GLOB)) if directory.is_dir() else []
    if not golds:
        raise CorpusMissing(absent_hint(directory))
    articles = []
    for path in golds:
        try:
            entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except (OSError, yaml.YAMLError) as exc:
            raise CorpusMissing(f"{path}: cannot read the gold file: {exc}") from exc
        for entry in entries:
            doc = directory / str(entry.get("doc"))
            if not doc.is_file():
                raise CorpusMissing(
                    f"{path}: entry {entry.get('doc')!r} names no file in {directory}"
                )
            articles.append(GoldArticle(doc.name, doc.read_text(encoding="utf-8"), entry))
    return sorted(articles, key=lambda a: a.doc)


# --------------------------------------------------------------------------------------------
# The scratch build
# --------------------------------------------------------------------------------------------


def scratch_settings(settings: Settings, scratch: Path) -> Settings:
    """The settings of the scratch build: its own seeds, graph and (empty) cache, read back from
    its own graph (no ``dataset`` file, no remote store)."""
    return settings.model_copy(
        update={
            "seeds_dir": scratch / "seeds",
            "graph_dir": scratch / "graph",
            "cache_dir": scratch / "cache",
            "store": "embedded",
            "dataset": None,
        }
    )


def prepare_scratch(settings: Settings, articles: Sequence[GoldArticle], scratch: Path) -> Settings:
    """Empty ``scratch``, copy the seeds and the articles into it, append the articles' records."""
    shutil.rmtree(scratch, ignore_errors=True)
    target = scratch_settings(settings, scratch)
    shutil.copytree(settings.seeds_dir, target.seeds_dir)
    records_path = target.seeds_dir / RECORDS_FILE
    records = yaml.safe_load(records_path.read_text(encoding="utf-8"))
    for article in articles:
        (target.seeds_dir / article.doc).write_text(article.text, encoding="utf-8", newline="")
        records["sources"].append(article.record())
    records_path.write_text(
        yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return target


def build_scratch(settings: Settings) -> tuple[float, dict[str, float]]:
    """Build the scratch graph through the real pipeline: the seconds it took (cold), and the
    seconds of each stage as the build reports them."""
    from cowkg.pipeline import build

    started = time.perf_counter()
    report = build(settings, force=True)
    return time.perf_counter() - started, dict(report.timings)
