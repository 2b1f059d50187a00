"""The whole run — build, read back, score — and its report: the printed tables, every miss with
its passage, and ``var/eval.json``."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from cowkg.assemble import source_iri
from cowkg.evaluate.articles import ArticleScorer
from cowkg.evaluate.corpus import SCRATCH_DIR, build_scratch, load_corpus, prepare_scratch
from cowkg.evaluate.readback import read_article
from cowkg.evaluate.scores import CATEGORIES, Miss, Outcome, Tally
from cowkg.settings import PROJECT_ROOT, Settings

RESULT_FILE = PROJECT_ROOT / "var" / "eval.json"


@dataclass
class ArticleResult:
    """One article's outcome, non-coalition attendees and evidence check."""

    doc: str
    outcome: Outcome
    violations: list[Miss]
    verified: int
    facts: int


@dataclass
class Evaluation:
    """The outcome of a run: build time, per-article results, and their sums."""

    corpus: str
    build_seconds: float
    stage_seconds: dict[str, float]
    load: float
    seeds: int
    articles: list[ArticleResult]

    def overall(self) -> dict[str, Tally]:
        """Tallies summed over the articles (micro-averaged scores)."""
        total = {c: Tally() for c in CATEGORIES}
        for article in self.articles:
            for category, tally in article.outcome.tallies.items():
                total[category].add(tally)
        return total

    def as_dict(self) -> dict[str, object]:
        """What ``var/eval.json`` holds."""
        verified = sum(a.verified for a in self.articles)
        facts = sum(a.facts for a in self.articles)
        return {
            "corpus": self.corpus,
            "build_seconds": round(self.build_seconds, 2),
            "stage_seconds": self.stage_seconds,
            "load_average": round(self.load, 2),
            "seeds": self.seeds,
            "articles": len(self.articles),
            "overall": {c: t.as_dict() for c, t in self.overall().items()},
            "non_coalition_attendees": sum(len(a.violations) for a in self.articles),
            "evidence_verified": {"verified": verified, "facts": facts},
            "per_article": {
                a.doc: {
                    "scores": {c: t.as_dict() for c, t in a.outcome.tallies.items()},
                    "evidence_verified": {"verified": a.verified, "facts": a.facts},
                    "misses": [asdict(m) for m in a.outcome.misses + a.violations],
                }
                for a in self.articles
            },
        }


def evaluate(settings: Settings, directory: Path, scratch: Path = SCRATCH_DIR) -> Evaluation:
    """Build the seeds plus the corpus in ``scratch`` and score every article."""
    from cowkg.store import load_store

    corpus = load_corpus(directory)
    target = prepare_scratch(settings, corpus, scratch)
    load = os.getloadavg()[0]
    seconds, stages = build_scratch(target)
    store = load_store(target)
    results = []
    for article in corpus:
        graph = read_article(store, str(source_iri(settings.base_iri, article.doc)))
        scorer = ArticleScorer(article, graph, Outcome())
        scorer.run()
        verified, facts = scorer.evidence_verified()
        results.append(
            ArticleResult(article.doc, scorer.outcome, scorer.violations, verified, facts)
        )
    seeds = sum(1 for p in target.seeds_dir.glob("*.txt")) - len(corpus)
    return Evaluation(str(directory), seconds, stages, load, seeds, results)


def _fmt(value: float | None) -> str:
    return "   – " if value is None else f"{value:5.2f}"


def format_table(tallies: Mapping[str, Tally]) -> str:
    """Category × precision, recall, F1 and the counts behind them."""
    lines = [f"{'category':<24} {'P':>5} {'R':>5} {'F1':>5} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for category, t in tallies.items():
        lines.append(
            f"{category:<24} {_fmt(t.precision)} {_fmt(t.recall)} {_fmt(t.f1)} "
            f"{t.tp:>4} {t.fp:>4} {t.fn:>4}"
        )
    return "\n".join(lines)


_SHORT = ("mtg", "fmt", "host", "state", "ppl", "org", "pl", "pl+amt", "count", "stmt")


def _f1_cell(t: Tally) -> str:
    return f"{_fmt(t.f1):>7}"


def _count_cell(t: Tally) -> str:
    return f"{t.tp}/{t.fp}/{t.fn}".rjust(8) if t.tp or t.fp or t.fn else "–".rjust(8)


def format_per_article(
    articles: Sequence[ArticleResult], cell: Callable[[Tally], str] = _f1_cell
) -> str:
    """One line per article, one cell per category: F1 ('–' where gold and graph both have
    nothing), or with ``cell=_count_cell`` the tp/fp/fn behind it."""
    width = len(cell(Tally()))
    lines = [f"{'article':<9}" + "".join(s.rjust(width) for s in _SHORT)]
    for a in articles:
        cells = "".join(cell(a.outcome.tallies[c]) for c in CATEGORIES)
        lines.append(f"{a.doc.removesuffix('.txt'):<9}{cells}")
    return "\n".join(lines)


def format_misses(articles: Sequence[ArticleResult]) -> str:
    """Every false positive and false negative with the passage behind it."""
    lines = []
    for a in articles:
        misses = a.outcome.misses + a.violations
        if misses:
            lines.append(f"--- {a.doc}")
        for m in misses:
            passage = " ".join(m.passage.split())
            lines.append(f"  {m.kind} {m.category}: {m.what}\n      «{passage}»")
    return "\n".join(lines)


def format_build(evaluation: Evaluation) -> str:
    """The cold build's time, per stage, and how busy the machine was when it started."""
    stages = ", ".join(f"{name} {sec:.1f}" for name, sec in evaluation.stage_seconds.items())
    return (
        f"cold build of the {evaluation.seeds} seeds + {len(evaluation.articles)} articles: "
        f"{evaluation.build_seconds:.1f} s ({stages}; load average {evaluation.load:.1f} "
        "when it started)"
    )


def format_report(evaluation: Evaluation) -> str:
    """The printed report: the misses, per article, overall, the checks and the build time."""
    verified = sum(a.verified for a in evaluation.articles)
    facts = sum(a.facts for a in evaluation.articles)
    violations = sum(len(a.violations) for a in evaluation.articles)
    return "\n\n".join(
        [
            f"cowkg eval: {len(evaluation.articles)} articles from {evaluation.corpus}",
            "Misses (FN: gold has it, the graph does not; FP: the graph has it, gold does not):\n"
            + format_misses(evaluation.articles),
            "Per article (tp/fp/fn):\n" + format_per_article(evaluation.articles, _count_cell),
            "Per article (F1):\n" + format_per_article(evaluation.articles),
            "Overall:\n" + format_table(evaluation.overall()),
            f"non-coalition attendees: {violations} (participations on meetings gold says are "
            "not coalition meetings)\n"
            f"evidence verified: {verified}/{facts} fact graphs"
            f" ({verified / facts if facts else 1.0:.0%})\n" + format_build(evaluation),
        ]
    )


def run(settings: Settings, directory: Path | None = None, result_file: Path = RESULT_FILE) -> int:
    """``cowkg eval [DIR]``: evaluate, print the report, write ``var/eval.json``."""
    evaluation = evaluate(settings, directory or settings.articles_dir)
    result_file.parent.mkdir(parents=True, exist_ok=True)
    result_file.write_text(
        json.dumps(evaluation.as_dict(), indent=1, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"{format_report(evaluation)}\n\nwritten: {result_file}\n")
    return 0
