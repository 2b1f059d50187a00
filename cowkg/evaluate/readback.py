"""What the built graph holds from one article, read back with SPARQL: only fact graphs
``prov:wasDerivedFrom`` the article count."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from cowkg.evaluate.names import Agent, place_names
from cowkg.evaluate.scores import Item

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
    """An agent of the graph: states and organisations by IRI key, people and unnamed groups of
    states by label."""
    key = iri.rstrip("/").rsplit("/", 1)[-1]
    kind = (kind_iri or "").rsplit("#", 1)[-1]
    if kind == "State":
        return ("state", key)
    if kind == "Person":
        return ("person", label or key.replace("-", " "))
    if kind == "UnnamedStateGroup":
        return ("group", label or key)
    return ("organization", key)


_AGENT_PATTERN = """
  OPTIONAL {{ ?{v} a ?{v}Type . FILTER(?{v}Type IN (cow:State, cow:Person,
      cow:InternationalOrganization, cow:Coalition, cow:UnnamedStateGroup)) }}
  OPTIONAL {{ ?{v} rdfs:label ?{v}Label . FILTER(lang(?{v}Label) = "en") }}"""


def _agent_pattern(var: str) -> str:
    return _AGENT_PATTERN.format(v=var)


def read_evidence(store: ox.Store, src: str) -> dict[str, list[Evidence]]:
    """Each fact graph derived from the source → its passages in that source (none: an empty
    list, so a fact without evidence is counted, and counted as unverified)."""
    rows = _rows(
        store,
        f"""SELECT ?f ?quote ?start ?end WHERE {{
  ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  OPTIONAL {{
    ?f cow:evidence/oa:hasTarget ?t .
    ?t oa:hasSource <{src}> ; oa:hasSelector ?q, ?pos .
    ?q oa:exact ?quote . ?pos oa:start ?start ; oa:end ?end .
  }}
}}""",
    )
    evidence: dict[str, set[Evidence]] = {}
    for r in rows:
        passages = evidence.setdefault(r["f"] or "", set())
        if r["quote"] is not None:
            passages.add(Evidence(r["quote"], int(r["start"] or 0), int(r["end"] or 0)))
    return {f: sorted(evs, key=lambda e: e.start) for f, evs in evidence.items()}


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
        item = Item(f"{role} {r['aLabel'] or agent[1]}", agent, _passage(ev, [r["f"]]))
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
    labels: dict[Agent, str] = {}
    for r in rows:
        agent = _agent(r["aType"], r["a"] or "", r["aLabel"])
        seen.setdefault((r["m"] or "", agent), []).append(r["f"])
        labels[agent] = r["aLabel"] or agent[1]
    for (m, agent), facts in seen.items():
        meetings[m].attendees.append(Item(labels[agent], agent, _passage(ev, facts)))


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
        what = f"{r['byLabel'] or agent[1]}: {r['kind']}{amount or ''}{quantity or ''}"
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
  GRAPH ?f {{ ?s cow:statedBy ?who }} ?s a cow:Statement .
  ?f a cow:Fact ; prov:wasDerivedFrom <{src}> .
  {_agent_pattern("who")} OPTIONAL {{ ?s cow:statementText ?text }}
}}""",
    )
    items = []
    for r in rows:
        agent = _agent(r["whoType"], r["who"] or "", r["whoLabel"])
        text = (r["text"] or "")[:80]
        items.append(
            Item(
                f"{r['whoLabel'] or agent[1]}: {text}",
                (agent, ev.get(r["f"] or "", [])),
                _passage(ev, [r["f"]]),
            )
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
