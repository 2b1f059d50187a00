"""New-article evaluation (issue 3, item 8): run the extractor, unchanged, on articles it was never
tuned on and score it against hand-made gold lists, per fact kind.

The articles in ``tests/eval/articles/`` are fictional-but-plausible reports of later coalition
meetings, written (with their gold) before the rules were tuned further; they are NOT seeds and
never go into ``seeds/``. Run ``.venv/bin/pytest tests/eval -s`` to print the table. The floors
asserted are the figures measured when the test was written, rounded down, so a regression in
the rules fails here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cowkg.extract import shared_context
from cowkg.extract.text import extract_text_facts
from cowkg.sources import load_sources
from cowkg.types import Fact, FactKind, Money, Quantity, Ref

ARTICLES = Path(__file__).parent / "articles"
Key = tuple[str, ...]

# Kinds the gold covers; facts of other kinds are not scored.
SCORED = {
    FactKind.MEETING,
    FactKind.MEETING_PLACE,
    FactKind.HOST,
    FactKind.CHAIR,
    FactKind.PARTICIPATION,
    FactKind.NON_ATTENDANCE,
    FactKind.COUNT_CLAIM,
    FactKind.PLEDGE,
    FactKind.POST_HOLDING,
    FactKind.LEADS,
    FactKind.MEMBERSHIP,
}

# Measured floors (see docs/extraction.md); per kind (precision, recall) and overall.
FLOORS = {"overall": (0.9, 0.9)}


def _key_of(value: object) -> str:
    """A gold-comparable string: Refs by key, meetings by date, money as '<value> <currency>'."""
    if isinstance(value, Ref):
        return value.key[:10] if value.kind.value == "meeting" else value.key
    if isinstance(value, Money):
        return f"{value.value.normalize():f} {value.currency}"
    if isinstance(value, Quantity):
        return f"{value.maximum}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def fact_key(fact: Fact) -> Key | None:
    """The identity of a fact for scoring: its kind and the arguments that make the claim."""
    a = fact.args
    match fact.kind:
        case FactKind.MEETING:
            ref = a["meeting"]
            assert isinstance(ref, Ref)
            return ("meeting", ref.key)
        case FactKind.MEETING_PLACE:
            return ("meeting-place", _key_of(a["meeting"]), _key_of(a["place"]))
        case FactKind.HOST:
            return ("host", _key_of(a["meeting"]), _key_of(a["host"]))
        case FactKind.CHAIR:
            return ("chair", _key_of(a["meeting"]), _key_of(a["chair"]))
        case FactKind.PARTICIPATION:
            return ("participation", _key_of(a["meeting"]), _key_of(a["participant"]))
        case FactKind.NON_ATTENDANCE:
            return ("non-attendance", _key_of(a["meeting"]), _key_of(a["party"]))
        case FactKind.COUNT_CLAIM:
            quantity = a["quantity"]
            assert isinstance(quantity, Quantity)
            return ("count-claim", _key_of(a["about"]), f"{quantity.minimum}")
        case FactKind.PLEDGE:
            what = a.get("amount") or a.get("quantity")
            return ("pledge", _key_of(a["pledger"]), _key_of(what))
        case FactKind.POST_HOLDING:
            org = a.get("organization")
            return (
                "post-holding",
                _key_of(a["person"]),
                _key_of(a["role"]),
                _key_of(org) if org else "",
            )
        case FactKind.LEADS:
            return ("leads", _key_of(a["leader"]))
        case FactKind.MEMBERSHIP:
            return ("membership", _key_of(a["member"]))
    return None


def gold_key(entry: dict[str, object]) -> Key:
    """The same identity for a gold entry."""
    kind = str(entry["kind"])
    fields = {
        "meeting": ("meeting",),
        "meeting-place": ("meeting", "place"),
        "host": ("meeting", "host"),
        "chair": ("meeting", "chair"),
        "participation": ("meeting", "participant"),
        "non-attendance": ("meeting", "party"),
        "count-claim": ("about", "minimum"),
        "post-holding": ("person", "role", "organization"),
        "leads": ("leader",),
        "membership": ("member",),
    }
    if kind == "pledge":
        what = entry.get("amount", entry.get("quantity"))
        return (
            "pledge",
            str(entry["pledger"]),
            str(Decimal(str(what))) if "quantity" in entry else str(what),
        )
    return (kind, *(str(entry.get(f, "")) for f in fields[kind]))


def score(predicted: Iterable[Key], gold: Iterable[Key]) -> dict[str, tuple[int, int, int]]:
    """Per kind: (true positives, predicted, gold)."""
    pred, true = set(predicted), set(gold)
    kinds = sorted({k[0] for k in pred | true})
    return {
        kind: (
            len({p for p in pred if p[0] == kind} & true),
            sum(1 for p in pred if p[0] == kind),
            sum(1 for t in true if t[0] == kind),
        )
        for kind in kinds
    }


@pytest.fixture(scope="module")
def results() -> dict[str, tuple[int, int, int]]:
    sources = load_sources(ARTICLES)
    shared = shared_context(sources)
    facts = [
        f
        for source, mentions in zip(sources, shared.mentions, strict=True)
        for f in extract_text_facts(source, mentions, shared.affiliations)
    ]
    predicted = {k for f in facts if f.kind in SCORED and (k := fact_key(f)) is not None}
    gold: set[Key] = set()
    for path in sorted(ARTICLES.glob("*.gold.yaml")):
        gold |= {gold_key(e) for e in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]}
    return score(predicted, gold)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def test_new_articles_precision_and_recall(results: dict[str, tuple[int, int, int]]) -> None:
    totals = Counter[str]()
    print(f"\n{'kind':16} {'P':>5} {'R':>5}  tp/pred/gold")
    for kind, (tp, pred, gold) in results.items():
        totals.update({"tp": tp, "pred": pred, "gold": gold})
        print(f"{kind:16} {_ratio(tp, pred):5.2f} {_ratio(tp, gold):5.2f}  {tp}/{pred}/{gold}")
    precision = _ratio(totals["tp"], totals["pred"])
    recall = _ratio(totals["tp"], totals["gold"])
    print(
        f"{'overall':16} {precision:5.2f} {recall:5.2f}  "
        f"{totals['tp']}/{totals['pred']}/{totals['gold']}"
    )
    floor_p, floor_r = FLOORS["overall"]
    assert precision >= floor_p and recall >= floor_r, (precision, recall)


def test_articles_are_not_seeds(project_root: Path) -> None:
    """The evaluation articles are fiction: none may be copied into the published seeds."""
    seeds = {p.read_text(encoding="utf-8") for p in (project_root / "seeds").glob("*.txt")}
    for article in ARTICLES.glob("*.txt"):
        assert article.read_text(encoding="utf-8") not in seeds, article.name
