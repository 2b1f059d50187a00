"""Scores: a one-to-one matching of gold items against graph items, and precision, recall and F1
per category, with every miss kept for the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

CATEGORIES = (
    "coalition meetings",
    "format",
    "hosts/chairs",
    "attending states",
    "people",
    "organisations",
    "pledges (pledger+kind)",
    "pledges (+amount)",
    "counts",
    "statements",
)


G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True)
class Item(Generic[G]):
    """One thing to match: how the report names it, its value, and the passage behind it."""

    what: str
    value: G
    passage: str


def match(gold: Sequence[G], pred: Sequence[P], same: Callable[[G, P], bool]) -> dict[int, int]:
    """A maximum one-to-one matching (gold index → pred index) under ``same`` (Kuhn's
    augmenting paths: the sets are small, and greedy pairing could miss a better assignment)."""
    edges = [[j for j, p in enumerate(pred) if same(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class Tally:
    """True positives, false positives, false negatives; precision, recall and F1 from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float | None:
        """None when the graph gave nothing (precision undefined)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """None when gold lists nothing (recall undefined)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; 0 when either is 0, None when both undefined."""
        p, r = self.precision, self.recall
        if p is None and r is None:
            return None
        p, r = p or 0.0, r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, int | float | None]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class Miss:
    """A false positive (graph says, gold does not) or false negative, with its passage."""

    category: str
    doc: str
    kind: str
    what: str
    passage: str


@dataclass
class Outcome:
    """Tallies per category and the misses behind them."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    misses: list[Miss] = field(default_factory=list)

    def score(
        self,
        category: str,
        doc: str,
        gold: Sequence[Item[G]],
        pred: Sequence[Item[P]],
        same: Callable[[G, P], bool],
    ) -> dict[int, int]:
        """Match ``gold`` against ``pred`` and add the tally and misses to ``category``."""
        pairs = match([g.value for g in gold], [p.value for p in pred], same)
        tally = Tally(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        self.tallies[category].add(tally)
        matched = set(pairs.values())
        self.misses += [
            Miss(category, doc, "FN", g.what, g.passage)
            for i, g in enumerate(gold)
            if i not in pairs
        ]
        self.misses += [
            Miss(category, doc, "FP", p.what, p.passage)
            for j, p in enumerate(pred)
            if j not in matched
        ]
        return pairs
