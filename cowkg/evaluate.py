"""``cowkg eval``: measure what the real build reads from real news articles, against gold facts.

The development corpus (setting ``articles_dir``, default ``../shared/articles``) holds third-party
articles ``*.txt`` and ``gold-*.yaml``: per article its record (``doc``, ``title``, ``publisher``,
``published``, ``language``) and what a careful reader takes from it (meetings, pledges, counts,
statements, each with verbatim evidence). The articles are never copied into the repository.

How it measures (no evaluation-only extraction path):

1. A scratch folder ``var/eval/`` is emptied; the project's ``seeds/`` are copied to
   ``var/eval/seeds/``, the articles beside them, and each article's record is appended to the
   scratch ``sources.yaml`` from its gold metadata (file, title, publisher, date = ``published``,
   language, kind news) — exactly what a user adding an article does.
2. :func:`cowkg.pipeline.build` builds that folder into ``var/eval/graph/`` with an empty cache
   (a cold build; its time is printed).
3. The built ``cowkg.nq`` is loaded into Oxigraph and the facts are read back with SPARQL, per
   article: only fact graphs that are ``prov:wasDerivedFrom`` the article's source document count,
   so a meeting the seeds also report is scored on what this article yields.

Matching rules (one-to-one: each gold item matches at most one graph item and vice versa; a
maximum bipartite matching, so the order of items does not matter):

- **States**: ISO 3166-1 alpha-3 code; gold names go through :func:`cowkg.mentions.state_key`
  (pycountry names plus the aliases of ``cowkg/data/states.yaml``: UK/Britain/United Kingdom,
  Turkey/Türkiye …); graph states by their IRI key (the alpha-3 code).
- **Organisations**: the key of ``cowkg/data/organizations.yaml`` whose label or an alias is the
  name (case-insensitive), else the slug of the name; graph organisations (and the coalition) by
  IRI key.
- **People**: names are transliterated and folded (:func:`cowkg.mentions.slug`: case, diacritics,
  ø…), titles and honorifics ("King", "President", "Sir"…) and regnal numbers dropped; the last
  token is the surname, the first (if any other) the first name. Two names are one person when
  the surnames are equal, or at least 0.85 similar (``difflib`` ratio) *with the same first and
  last letter* (Zelensky / Zelenskiy / Zelenskyy meet; Zelensky / Zelenska do not), and the first
  names are compatible: equal, one missing (a surname alone), one an initial of the other, or at
  least 0.8 similar (Lindsay / Lindsey).
- **An agent** (host, chair, pledger, speaker) is a state, organisation or person by the rules
  above; a gold name that is neither a state nor a listed organisation is taken as a person.
- **Places**: a graph place's names are its labels and those of the place it is
  ``schema:containedInPlace``, each also split at commas ("Lancaster House, London" → both
  parts); a gold place (or, when it has none, its venue) matches when its slug is one of them, so
  a venue within the gold city matches the city.

Categories:

- **coalition meetings** — gold meetings with ``coalition_meeting: true`` against the graph's
  meetings of this article (the subject of a meeting fact — date, place, format, host, chair,
  participation — derived from it) that the graph makes ``cow:meetingOf`` a ``cow:Coalition``
  (in any fact). A pair matches when the dates are equal (a gold meeting without a date matches
  only an undated one) and the places agree: the gold place (or venue) matches a place this article
  gives the meeting, or, when gold gives neither, this article gives none.
- **meeting alignment** for the attribute categories below: the pairs matched as above, then the
  remaining gold coalition meetings and graph coalition meetings of equal date whose places do not
  contradict (either side has none). Attributes of graph meetings aligned with no gold coalition
  meeting are not scored here (the meeting itself is a false positive above).
- **format** (in-person | virtual | hybrid, from ``schema:eventAttendanceMode``), **hosts/chairs**
  (gold ``host_country`` and ``chairs`` as one set of agents against ``cow:hostedBy`` and
  ``cow:chairedBy``), **attending states** (``cow:participant`` or ``cow:onBehalfOf`` states),
  **people** and **organisations** (participants, and organisations on whose behalf one attends):
  for each aligned pair, what gold lists against what facts of this article give that meeting.
- **pledges (pledger+kind)**: gold pledger and kind (troops | money | equipment | capability |
  other) against ``cow:Pledge`` ``cow:pledgedBy`` and the label of ``cow:pledgeKind``;
  **pledges (+amount)** also needs the amount: gold ``value`` equal to the money value
  (``schema:value``) or a bound of the quantity (``schema:minValue``/``maxValue``), currencies
  equal when both are given; a gold pledge without a value matches a pledge without an amount.
- **counts**: gold ``value`` equal to ``cow:countValue``, ``cow:countMinimum`` or
  ``cow:countMaximum`` of a ``cow:CountClaim``, and an evidence passage of the claim overlapping
  (by offsets) a gold evidence string — so the counted thing is the one gold means.
- **statements**: a ``cow:Statement`` whose ``cow:statedBy`` is the gold speaker (agent rules) and
  whose evidence overlaps the gold evidence.

Checks beside the scores: **non-coalition attendees** — participations this article gives a graph
coalition meeting that gold records as *not* a coalition meeting (aligned by date and place as
above, and aligned with no gold coalition meeting); **evidence verified** — the share of this
article's fact graphs whose every evidence passage is the article's text at its offsets.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import logging
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Generic, TypeVar

import pyoxigraph as ox
import yaml

from cowkg.assemble import source_iri
from cowkg.errors import CowkgError
from cowkg.mentions import DATA_DIR, slug, state_key
from cowkg.settings import PROJECT_ROOT, Settings
from cowkg.sources import RECORDS_FILE

log = logging.getLogger(__name__)

SCRATCH_DIR = PROJECT_ROOT / "var" / "eval"
RESULT_FILE = PROJECT_ROOT / "var" / "eval.json"
GOLD_GLOB = "gold-*.yaml"
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
SURNAME_SIMILARITY = 0.85
FIRST_NAME_SIMILARITY = 0.8
_DROPPED_NAME_TOKENS = frozenset(
    re.split(
        r"\s+",
        "king queen prince princess president prime minister chancellor mr mrs ms dr sir dame "
        "lord lady general gen admiral adm ii iii iv",
    )
)
_MODES = {
    "https://schema.org/OfflineEventAttendanceMode": "in-person",
    "https://schema.org/OnlineEventAttendanceMode": "virtual",
    "https://schema.org/MixedEventAttendanceMode": "hybrid",
}
_PREFIXES = """\
PREFIX cow: <https://w3id.org/cowkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


class CorpusMissing(CowkgError):
    """The development corpus (articles and gold files) is not where the setting says."""


# --------------------------------------------------------------------------------------------
# Names: states, organisations, people, agents, places
# --------------------------------------------------------------------------------------------

Agent = tuple[str, str]
"""(kind, key): ``("state", "GBR")``, ``("organization", "nato")``, ``("person", "Keir
Starmer")`` (people by name: they are compared by :func:`same_person`)."""


@functools.cache
def _organisation_names() -> dict[str, str]:
    """Folded label or alias → key, from ``cowkg/data/organizations.yaml``."""
    specs = yaml.safe_load((DATA_DIR / "organizations.yaml").read_text(encoding="utf-8"))
    names: dict[str, str] = {}
    for spec in specs:
        for name in [spec["label"], *spec["aliases"]]:
            names.setdefault(name.strip("“”‘’\"' ").casefold(), spec["key"])
    return names


def organisation_key(name: str) -> str | None:
    """The key of a listed organisation named ``name`` (label or alias), or None."""
    return _organisation_names().get(name.strip().casefold())


def agent_of(name: str) -> Agent:
    """A gold name as an agent: a state, else a listed organisation, else a person."""
    code = state_key(name)
    if code:
        return ("state", code)
    org = organisation_key(name)
    return ("organization", org) if org else ("person", name)


def name_parts(name: str) -> tuple[str, str]:
    """(first name, surname) of a person's name, folded; first name '' for a surname alone."""
    tokens = [t for t in slug(name).split("-") if t and t not in _DROPPED_NAME_TOKENS]
    if not tokens:
        return ("", "")
    return (tokens[0] if len(tokens) > 1 else "", tokens[-1])


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def same_surname(a: str, b: str) -> bool:
    """Equal, or spelling variants: similar enough, with the same first and last letter."""
    if a == b:
        return True
    return bool(a and b) and (
        a[0] == b[0] and a[-1] == b[-1] and _similar(a, b) >= SURNAME_SIMILARITY
    )


def _compatible_first(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return _similar(a, b) >= FIRST_NAME_SIMILARITY


def same_person(a: str, b: str) -> bool:
    """Whether two names are one person (module docstring: surname, then first name)."""
    (first_a, sur_a), (first_b, sur_b) = name_parts(a), name_parts(b)
    return bool(sur_a) and same_surname(sur_a, sur_b) and _compatible_first(first_a, first_b)


def same_agent(a: Agent, b: Agent) -> bool:
    """Same kind and key; people by :func:`same_person`."""
    if a[0] != b[0]:
        return False
    return same_person(a[1], b[1]) if a[0] == "person" else a[1] == b[1]


def place_names(labels: Iterable[str]) -> frozenset[str]:
    """Slugs of place labels and of each comma-separated part of them."""
    names = set()
    for label in labels:
        names.add(slug(label))
        names.update(slug(part) for part in label.split(","))
    return frozenset(n for n in names if n)


def place_matches(gold_place: str | None, gold_venue: str | None, graph: frozenset[str]) -> bool:
    """Whether the gold place (or, without one, the venue) is among a graph place's names."""
    wanted = gold_place or gold_venue
    return wanted is not None and bool(place_names([wanted]) & graph)


# --------------------------------------------------------------------------------------------
# Matching and scores
# --------------------------------------------------------------------------------------------

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


# --------------------------------------------------------------------------------------------
# The corpus
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldArticle:
    """One article of the corpus: its file, text, record and gold entry (as in the YAML)."""

    doc: str
    text: str
    entry: Mapping[str, Any]

    def record(self) -> dict[str, object]:
        """Its source record, as a user adding the article writes it in ``sources.yaml``."""
        published = self.entry.get("published")
        return {
            "file": self.doc,
            "title": str(self.entry.get("title") or self.doc),
            "publisher": self.entry.get("publisher"),
            "date": dt.date.fromisoformat(str(published)) if published else None,
            "language": str(self.entry.get("language") or "en"),
            "kind": "news",
        }


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
    """The settings of the scratch build: its own seeds, graph and (empty) cache, no remote."""
    return settings.model_copy(
        update={
            "seeds_dir": scratch / "seeds",
            "graph_dir": scratch / "graph",
            "cache_dir": scratch / "cache",
            "store": "embedded",
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


def build_scratch(settings: Settings) -> float:
    """Build the scratch graph through the real pipeline; the seconds it took (cold)."""
    from cowkg.pipeline import build

    started = time.perf_counter()
    build(settings, force=True)
    return time.perf_counter() - started


# --------------------------------------------------------------------------------------------
# Reading the graph back (SPARQL)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    """One passage of a fact graph in the article: quote and code-point offsets."""

    quote: str
    start: int
    end: int


@dataclass
class GraphMeeting:
    """A meeting as the graph gives it from one article."""

    iri: str
    date: str | None
    coalition: bool
    places: dict[frozenset[str], str] = field(default_factory=dict)
    formats: dict[str, str] = field(default_factory=dict)
    leaders: list[Item[Agent]] = field(default_factory=list)
    attendees: list[Item[Agent]] = field(default_factory=list)
    passage: str = ""


@dataclass
class GraphArticle:
    """What the graph holds from one article, read back with SPARQL."""

    meetings: dict[str, GraphMeeting]
    pledges: list[
        Item[tuple[Agent, str, Decimal | None, str | None, Decimal | None, Decimal | None]]
    ]
    counts: list[Item[tuple[set[Decimal], list[Evidence]]]]
    statements: list[Item[tuple[Agent, list[Evidence]]]]
    evidence: dict[str, list[Evidence]]


def _value(term: object) -> str | None:
    """The lexical value of a term, None when unbound."""
    return None if term is None else str(getattr(term, "value", term))


def _rows(store: ox.Store, query: str) -> list[dict[str, str | None]]:
    solutions = store.query(_PREFIXES + query)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: _value(row[n]) for n in names} for row in solutions]


def _agent(kind_iri: str | None, iri: str, label: str | None) -> Agent:
    """An agent of the graph: states and organisations by IRI key, people by label."""
    key = iri.rstrip("/").rsplit("/", 1)[-1]
    kind = (kind_iri or "").rsplit("#", 1)[-1]
    if kind == "State":
        return ("state", key)
    if kind == "Person":
        return ("person", label or key.replace("-", " "))
    return ("organization", key)


_AGENT_PATTERN = """
  OPTIONAL {{ ?{v} a ?{v}Type . FILTER(?{v}Type IN (cow:State, cow:Person,
      cow:InternationalOrganization, cow:Coalition)) }}
  OPTIONAL {{ ?{v} rdfs:label ?{v}Label . FILTER(lang(?{v}Label) = "en") }}"""


def _agent_pattern(var: str) -> str:
    return _AGENT_PATTERN.format(v=var)


def read_evidence(store: ox.Store, src: str) -> dict[str, list[Evidence]]:
    """Each fact graph derived from the source → its passages in that source."""
    rows = _rows(
        store,
        f"""SELECT ?f ?quote ?start ?end WHERE {{
  ?f a cow:Fact ; prov:wasDerivedFrom <{src}> ; cow:evidence/oa:hasTarget ?t .
  ?t oa:hasSource <{src}> ; oa:hasSelector ?q, ?pos .
  ?q oa:exact ?quote . ?pos oa:start ?start ; oa:end ?end .
}}""",
    )
    evidence: dict[str, list[Evidence]] = {}
    for r in rows:
        ev = Evidence(r["quote"] or "", int(r["start"] or 0), int(r["end"] or 0))
        evidence.setdefault(r["f"] or "", []).append(ev)
    return {f: sorted(set(evs), key=lambda e: e.start) for f, evs in evidence.items()}


def _passage(evidence: Mapping[str, list[Evidence]], facts: Iterable[str | None]) -> str:
    quotes = dict.fromkeys(e.quote for f in facts for e in evidence.get(f or "", []))
    return " … ".join(quotes)


def _read_meetings(
    store: ox.Store, src: str, evidence: Mapping[str, list[Evidence]]
) -> dict[str, GraphMeeting]:
    rows = _rows(
        store,
        f"""SELECT DISTINCT ?m ?date ?coalition ?f WHERE {{
  GRAPH ?f {{ ?m ?p ?o }} ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  VALUES ?p {{ schema:startDate schema:location schema:eventAttendanceMode cow:hostedBy
              cow:chairedBy cow:hasParticipation cow:notAttendedBy }}
  OPTIONAL {{ ?m schema:startDate ?date }}
  BIND(EXISTS {{ ?m cow:meetingOf ?c . ?c a cow:Coalition }} AS ?coalition)
}}""",
    )
    meetings: dict[str, GraphMeeting] = {}
    facts: dict[str, list[str | None]] = {}
    for r in rows:
        iri = r["m"] or ""
        meetings.setdefault(iri, GraphMeeting(iri, r["date"], r["coalition"] == "true"))
        facts.setdefault(iri, []).append(r["f"])
    for iri, meeting in meetings.items():
        meeting.passage = _passage(evidence, facts[iri])
    return meetings


def _read_places(store: ox.Store, src: str, meetings: Mapping[str, GraphMeeting]) -> None:
    rows = _rows(
        store,
        f"""SELECT ?m ?place ?label ?f WHERE {{
  GRAPH ?f {{ ?m schema:location ?place }} ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  {{ ?place rdfs:label ?label }} UNION {{ ?place schema:containedInPlace/rdfs:label ?label }}
}}""",
    )
    labels: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        labels.setdefault((r["m"] or "", r["place"] or ""), []).append(r["label"] or "")
    for (m, place), names in labels.items():
        meetings[m].places[place_names(names)] = place.rsplit("/", 1)[-1]


def _read_formats(
    store: ox.Store,
    src: str,
    meetings: Mapping[str, GraphMeeting],
    ev: Mapping[str, list[Evidence]],
) -> None:
    rows = _rows(
        store,
        f"""SELECT ?m ?mode ?f WHERE {{
  GRAPH ?f {{ ?m schema:eventAttendanceMode ?mode }} ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
}}""",
    )
    for r in rows:
        mode = _MODES.get(r["mode"] or "", r["mode"] or "")
        meetings[r["m"] or ""].formats[mode] = _passage(ev, [r["f"]])


def _read_leaders(
    store: ox.Store,
    src: str,
    meetings: Mapping[str, GraphMeeting],
    ev: Mapping[str, list[Evidence]],
) -> None:
    rows = _rows(
        store,
        f"""SELECT ?m ?rel ?a ?aType ?aLabel ?f WHERE {{
  GRAPH ?f {{ ?m ?rel ?a }} ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  VALUES ?rel {{ cow:hostedBy cow:chairedBy }} {_agent_pattern("a")}
}}""",
    )
    for r in rows:
        agent = _agent(r["aType"], r["a"] or "", r["aLabel"])
        role = "host" if (r["rel"] or "").endswith("hostedBy") else "chair"
        item = Item(f"{role} {agent[1]}", agent, _passage(ev, [r["f"]]))
        meetings[r["m"] or ""].leaders.append(item)


def _read_attendees(
    store: ox.Store,
    src: str,
    meetings: Mapping[str, GraphMeeting],
    ev: Mapping[str, list[Evidence]],
) -> None:
    rows = _rows(
        store,
        f"""SELECT ?m ?a ?aType ?aLabel ?f WHERE {{
  GRAPH ?f {{ ?m cow:hasParticipation ?p .
              {{ ?p cow:participant ?a }} UNION {{ ?p cow:onBehalfOf ?a }} }}
  ?f a cow:Fact ; prov:wasDerivedFrom <{src}> . {_agent_pattern("a")}
}}""",
    )
    seen: dict[tuple[str, Agent], list[str | None]] = {}
    for r in rows:
        agent = _agent(r["aType"], r["a"] or "", r["aLabel"])
        seen.setdefault((r["m"] or "", agent), []).append(r["f"])
    for (m, agent), facts in seen.items():
        meetings[m].attendees.append(Item(agent[1], agent, _passage(ev, facts)))


def _decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text is not None else None
    except InvalidOperation:
        return None


def _read_pledges(
    store: ox.Store, src: str, ev: Mapping[str, list[Evidence]]
) -> list[Item[tuple[Agent, str, Decimal | None, str | None, Decimal | None, Decimal | None]]]:
    rows = _rows(
        store,
        f"""SELECT ?f ?by ?byType ?byLabel ?kind ?value ?currency ?min ?max WHERE {{
  GRAPH ?f {{ ?pl a cow:Pledge ; cow:pledgedBy ?by }} ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  {_agent_pattern("by")}
  OPTIONAL {{ ?pl cow:pledgeKind/rdfs:label ?kind }}
  OPTIONAL {{ ?pl cow:pledgeAmount ?amt . ?amt schema:value ?value .
             OPTIONAL {{ ?amt schema:currency ?currency }} }}
  OPTIONAL {{ ?pl cow:pledgeQuantity ?q .
             OPTIONAL {{ ?q schema:minValue ?min }} OPTIONAL {{ ?q schema:maxValue ?max }} }}
}}""",
    )
    items = []
    for r in rows:
        agent = _agent(r["byType"], r["by"] or "", r["byLabel"])
        amount = r["value"] and f" {r['currency'] or ''} {r['value']}"
        quantity = (r["min"] or r["max"]) and f" {r['min']}–{r['max']}"
        what = f"{agent[1]}: {r['kind']}{amount or ''}{quantity or ''}"
        value = (
            agent,
            r["kind"] or "",
            _decimal(r["value"]),
            r["currency"],
            _decimal(r["min"]),
            _decimal(r["max"]),
        )
        items.append(Item(what, value, _passage(ev, [r["f"]])))
    return items


def _read_counts(
    store: ox.Store, src: str, ev: Mapping[str, list[Evidence]]
) -> list[Item[tuple[set[Decimal], list[Evidence]]]]:
    rows = _rows(
        store,
        f"""SELECT ?f ?c ?thing ?v ?min ?max WHERE {{
  GRAPH ?f {{ ?c a cow:CountClaim }} ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  OPTIONAL {{ ?c cow:countedThing ?thing }} OPTIONAL {{ ?c cow:countValue ?v }}
  OPTIONAL {{ ?c cow:countMinimum ?min }} OPTIONAL {{ ?c cow:countMaximum ?max }}
}}""",
    )
    items = []
    for r in rows:
        values = {d for d in (_decimal(r[k]) for k in ("v", "min", "max")) if d is not None}
        shown = "/".join(sorted({str(v) for v in values}))
        items.append(
            Item(
                f"{shown} {r['thing'] or ''}".strip(),
                (values, ev.get(r["f"] or "", [])),
                _passage(ev, [r["f"]]),
            )
        )
    return items


def _read_statements(
    store: ox.Store, src: str, ev: Mapping[str, list[Evidence]]
) -> list[Item[tuple[Agent, list[Evidence]]]]:
    rows = _rows(
        store,
        f"""SELECT ?f ?who ?whoType ?whoLabel ?text WHERE {{
  GRAPH ?f {{ ?s a cow:Statement ; cow:statedBy ?who }}
  ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  {_agent_pattern("who")} OPTIONAL {{ ?s cow:statementText ?text }}
}}""",
    )
    items = []
    for r in rows:
        agent = _agent(r["whoType"], r["who"] or "", r["whoLabel"])
        text = (r["text"] or "")[:80]
        items.append(
            Item(f"{agent[1]}: {text}", (agent, ev.get(r["f"] or "", [])), _passage(ev, [r["f"]]))
        )
    return items


def read_article(store: ox.Store, src: str) -> GraphArticle:
    """Everything the graph holds from the source document ``src`` (an IRI)."""
    evidence = read_evidence(store, src)
    meetings = _read_meetings(store, src, evidence)
    _read_places(store, src, meetings)
    _read_formats(store, src, meetings, evidence)
    _read_leaders(store, src, meetings, evidence)
    _read_attendees(store, src, meetings, evidence)
    return GraphArticle(
        meetings,
        _read_pledges(store, src, evidence),
        _read_counts(store, src, evidence),
        _read_statements(store, src, evidence),
        evidence,
    )


# --------------------------------------------------------------------------------------------
# Scoring one article
# --------------------------------------------------------------------------------------------

GoldMeeting = Mapping[str, Any]
PledgeValue = tuple[Agent, str, Decimal | None, str | None, Decimal | None, Decimal | None]
_GROUP_NAME = re.compile(r"[\d()]|\bcountries\b|\ballies\b|\bleaders\b|\bparties\b", re.I)


def gold_agent(name: str) -> Agent:
    """A gold speaker, pledger, host or chair as an agent; a group ("26 of Ukraine's allies
    (not named)", "European leaders") is kept as a group, which no graph agent equals."""
    return ("group", name) if _GROUP_NAME.search(name) else agent_of(name)


def gold_spans(text: str, evidence: Iterable[str]) -> list[Evidence]:
    """The offsets of each gold evidence string in the article (its first occurrence)."""
    spans = []
    for quote in evidence:
        start = text.find(quote)
        if start >= 0:
            spans.append(Evidence(quote, start, start + len(quote)))
    return spans


def overlaps(a: Iterable[Evidence], b: Iterable[Evidence]) -> bool:
    """Whether any passage of ``a`` shares a code point with any passage of ``b``."""
    b = list(b)
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def gold_passage(text: str, name: str, evidence: Sequence[str]) -> str:
    """The gold evidence string that names ``name`` (or its surname), else the article's
    sentence that does, else all the evidence."""
    needles = [n for n in (name, name_parts(name)[1]) if len(n) > 2]
    for needle in needles:
        for quote in evidence:
            if needle.casefold() in quote.casefold():
                return quote
    for needle in needles:
        found = re.search(re.escape(needle), text, re.I)
        if found:
            start = max(
                text.rfind(". ", 0, found.start()) + 2, text.rfind("\n", 0, found.start()) + 1
            )
            ends = [
                i for i in (text.find(". ", found.end()), text.find("\n", found.end())) if i >= 0
            ]
            return text[start : min(min(ends, default=len(text)) + 1, start + 400)].strip()
    return " … ".join(evidence)


def _gold_date(meeting: GoldMeeting) -> str | None:
    return str(meeting["date"]) if meeting.get("date") else None


def _gold_where(meeting: GoldMeeting) -> tuple[str | None, str | None]:
    return meeting.get("place") or None, meeting.get("venue") or None


def same_meeting(gold: GoldMeeting, graph: GraphMeeting) -> bool:
    """Dates equal and places agree (module docstring, 'coalition meetings')."""
    if _gold_date(gold) != graph.date:
        return False
    place, venue = _gold_where(gold)
    if place or venue:
        return any(place_matches(place, venue, names) for names in graph.places)
    return not graph.places


def compatible_meeting(gold: GoldMeeting, graph: GraphMeeting) -> bool:
    """Dates equal and places not contradicting: either side has none, or they match."""
    if _gold_date(gold) != graph.date:
        return False
    return not any(_gold_where(gold)) or not graph.places or same_meeting(gold, graph)


def same_amount(gold: Mapping[str, Any], value: PledgeValue) -> bool:
    """The gold pledge's value against the graph pledge's money value or quantity bounds."""
    _, _, money, currency, low, high = value
    if gold.get("value") is None:
        return money is None and low is None and high is None
    wanted = Decimal(str(gold["value"]))
    if money is not None and money == wanted:
        return not (gold.get("currency") and currency) or gold["currency"] == currency
    return wanted in {low, high}


def _describe_meeting(gold: GoldMeeting) -> str:
    place, venue = _gold_where(gold)
    where = ", ".join(p for p in (venue, place) if p) or "no place"
    return f"{_gold_date(gold) or 'undated'} {where}"


def _describe_graph_meeting(meeting: GraphMeeting) -> str:
    places = "/".join(sorted(meeting.places.values())) or "no place"
    return f"{meeting.date or 'undated'} {places} ({meeting.iri.rsplit('/', 1)[-1]})"


@dataclass
class ArticleScorer:
    """Scores one article's graph facts against its gold entry, into a shared :class:`Outcome`."""

    article: GoldArticle
    graph: GraphArticle
    outcome: Outcome
    violations: list[Miss] = field(default_factory=list)

    @property
    def doc(self) -> str:
        return self.article.doc

    def gold_meetings(self, coalition: bool) -> list[GoldMeeting]:
        return [
            m
            for m in self.article.entry.get("meetings") or []
            if bool(m.get("coalition_meeting")) is coalition
        ]

    def run(self) -> None:
        """Every category and check for this article."""
        aligned = self.meetings()
        for gold, meeting in aligned:
            self.attributes(gold, meeting)
        self.non_coalition({id(m) for _g, m in aligned})
        self.pledges()
        self.counts()
        self.statements()

    def meetings(self) -> list[tuple[GoldMeeting, GraphMeeting]]:
        """Score coalition meetings (date + place) and return the aligned pairs."""
        gold = self.gold_meetings(True)
        graph = [m for m in self.graph.meetings.values() if m.coalition]
        gold_items = [
            Item(_describe_meeting(m), m, " … ".join(m.get("evidence") or [])) for m in gold
        ]
        graph_items = [Item(_describe_graph_meeting(m), m, m.passage) for m in graph]
        strict = self.outcome.score(
            "coalition meetings", self.doc, gold_items, graph_items, same_meeting
        )
        rest_gold = [i for i in range(len(gold)) if i not in strict]
        rest_graph = [j for j in range(len(graph)) if j not in set(strict.values())]
        loose = match(
            [gold[i] for i in rest_gold], [graph[j] for j in rest_graph], compatible_meeting
        )
        pairs = [(gold[i], graph[j]) for i, j in strict.items()]
        return pairs + [(gold[rest_gold[i]], graph[rest_graph[j]]) for i, j in loose.items()]

    def attributes(self, gold: GoldMeeting, meeting: GraphMeeting) -> None:
        """Format, hosts/chairs and attendees of one aligned pair."""
        text, doc = self.article.text, self.doc
        quotes = [str(q) for q in gold.get("evidence") or []]
        evidence = " … ".join(quotes)
        label = _describe_meeting(gold)

        def items(
            names: Iterable[str], kind: Callable[[str], Agent], role: str = ""
        ) -> list[Item[Agent]]:
            found: list[Item[Agent]] = []
            for name in names:
                agent = kind(str(name))
                if not any(same_agent(agent, i.value) for i in found):
                    what = f"{role}{name} at {label}"
                    found.append(Item(what, agent, gold_passage(text, str(name), quotes)))
            return found

        fmt = gold.get("format")
        gold_formats = [Item(f"{fmt} at {label}", str(fmt), evidence)] if fmt else []
        graph_formats = [Item(f"{m} at {label}", m, p) for m, p in meeting.formats.items()]
        self.outcome.score("format", doc, gold_formats, graph_formats, str.__eq__)

        leaders = items(gold.get("host_country") or [], gold_agent, "host ")
        leaders += [
            i
            for i in items(gold.get("chairs") or [], gold_agent, "chair ")
            if not any(same_agent(i.value, j.value) for j in leaders)
        ]
        graph_leaders: list[Item[Agent]] = []
        for item in meeting.leaders:
            if not any(same_agent(item.value, j.value) for j in graph_leaders):
                graph_leaders.append(item)
        self.outcome.score("hosts/chairs", doc, leaders, graph_leaders, same_agent)

        for category, key, kind, graph_kind in (
            (
                "attending states",
                "attending_countries",
                lambda n: ("state", state_key(n) or n),
                "state",
            ),
            ("people", "attending_people", lambda n: ("person", n), "person"),
            (
                "organisations",
                "attending_organisations",
                lambda n: ("organization", organisation_key(n) or slug(n)),
                "organization",
            ),
        ):
            graph_items = [
                Item(f"{i.what} at {label}", i.value, i.passage)
                for i in meeting.attendees
                if i.value[0] == graph_kind
            ]
            self.outcome.score(
                category, doc, items(gold.get(key) or [], kind), graph_items, same_agent
            )

    def non_coalition(self, aligned: set[int]) -> None:
        """Participations on graph coalition meetings that gold says are not coalition meetings."""
        others = self.gold_meetings(False)
        graph = [
            m
            for m in self.graph.meetings.values()
            if m.coalition and id(m) not in aligned and m.attendees
        ]
        for i, j in match(others, graph, compatible_meeting).items():
            for attendee in graph[j].attendees:
                what = (
                    f"{attendee.what} at {_describe_graph_meeting(graph[j])}, which gold says "
                    f"is no coalition meeting ({_describe_meeting(others[i])})"
                )
                self.violations.append(
                    Miss("non-coalition attendees", self.doc, "FP", what, attendee.passage)
                )

    def pledges(self) -> None:
        """Pledger + kind, and pledger + kind + amount."""
        gold = self.article.entry.get("pledges") or []
        gold_items = [
            Item(
                f"{p.get('pledger')}: {p.get('kind')} {p.get('amount') or ''}".strip(),
                p,
                " … ".join(p.get("evidence") or []),
            )
            for p in gold
        ]

        def same_pledger_kind(g: Mapping[str, Any], v: PledgeValue) -> bool:
            return same_agent(gold_agent(str(g.get("pledger"))), v[0]) and g.get("kind") == v[1]

        def same_with_amount(g: Mapping[str, Any], v: PledgeValue) -> bool:
            return same_pledger_kind(g, v) and same_amount(g, v)

        self.outcome.score(
            "pledges (pledger+kind)", self.doc, gold_items, self.graph.pledges, same_pledger_kind
        )
        self.outcome.score(
            "pledges (+amount)", self.doc, gold_items, self.graph.pledges, same_with_amount
        )

    def counts(self) -> None:
        """Value equal and evidence overlapping."""
        text = self.article.text
        gold_items = [
            Item(
                f"{c.get('qualifier') or ''} {c.get('value')} {c.get('counted')}".strip(),
                (Decimal(str(c.get("value"))), gold_spans(text, c.get("evidence") or [])),
                " … ".join(c.get("evidence") or []),
            )
            for c in self.article.entry.get("counts") or []
            if c.get("value") is not None
        ]

        def same(g: tuple[Decimal, list[Evidence]], p: tuple[set[Decimal], list[Evidence]]) -> bool:
            return g[0] in p[0] and overlaps(g[1], p[1])

        self.outcome.score("counts", self.doc, gold_items, self.graph.counts, same)

    def statements(self) -> None:
        """Speaker equal and evidence overlapping."""
        text = self.article.text
        gold_items = [
            Item(
                f"{s.get('who')}: {str(s.get('gist') or '')[:80]}",
                (gold_agent(str(s.get("who"))), gold_spans(text, s.get("evidence") or [])),
                " … ".join(s.get("evidence") or []),
            )
            for s in self.article.entry.get("statements") or []
        ]

        def same(g: tuple[Agent, list[Evidence]], p: tuple[Agent, list[Evidence]]) -> bool:
            return same_agent(g[0], p[0]) and overlaps(g[1], p[1])

        self.outcome.score("statements", self.doc, gold_items, self.graph.statements, same)

    def evidence_verified(self) -> tuple[int, int]:
        """(fact graphs whose every passage is the article's text at its offsets, fact graphs)."""
        text = self.article.text
        verified = sum(
            all(text[e.start : e.end] == e.quote for e in evs)
            for evs in self.graph.evidence.values()
        )
        return verified, len(self.graph.evidence)


# --------------------------------------------------------------------------------------------
# The whole run: build, read back, score, report
# --------------------------------------------------------------------------------------------


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
    seconds = build_scratch(target)
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
    return Evaluation(str(directory), seconds, seeds, results)


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


def format_per_article(articles: Sequence[ArticleResult]) -> str:
    """One line per article: F1 per category ('–' where gold and graph both have nothing)."""
    lines = [f"{'article':<9}" + "".join(f"{s:>7}" for s in _SHORT)]
    for a in articles:
        cells = "".join(f"{_fmt(a.outcome.tallies[c].f1):>7}" for c in CATEGORIES)
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


def format_report(evaluation: Evaluation) -> str:
    """The printed report: build time, the overall table, checks, per article, misses."""
    data = evaluation.as_dict()
    ev = data["evidence_verified"]
    assert isinstance(ev, dict)
    share = ev["verified"] / ev["facts"] if ev["facts"] else 1.0
    return "\n\n".join(
        [
            f"cowkg eval: {len(evaluation.articles)} articles from {evaluation.corpus} + "
            f"{evaluation.seeds} seeds; cold build {evaluation.build_seconds:.1f} s",
            "Misses (FN: gold has it, the graph does not; FP: the graph has it, gold does not):\n"
            + format_misses(evaluation.articles),
            "Per article (F1):\n" + format_per_article(evaluation.articles),
            "Overall:\n" + format_table(evaluation.overall()),
            f"non-coalition attendees: {data['non_coalition_attendees']} (participations on "
            "meetings gold says are not coalition meetings)\n"
            f"evidence verified: {ev['verified']}/{ev['facts']} fact graphs ({share:.0%})\n"
            f"cold build of the seeds + {len(evaluation.articles)} articles: "
            f"{evaluation.build_seconds:.1f} s",
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
