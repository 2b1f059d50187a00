"""The pages for people: home, search by label, timeline of meetings, query editor, downloads.

Every page is a Jinja template with autoescaping; the query page runs YASGUI from
``/static/yasgui/`` (served here: nothing is loaded from a CDN) with the example queries of
``queries/*.rq`` one click away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse

from cowkg.errors import RequestError
from cowkg.serve.deps import ServeState, StateDep
from cowkg.serve.renderers import DATASET_FORMATS, HTML, RESULTS_JSON, Format
from cowkg.serve.routes.sparql import choose_format
from cowkg.serve.search import build_index
from cowkg.serve.views import PROLOGUE, TermView, english_labels, iris_in, view
from cowkg.store import prefixes

router = APIRouter(tags=["Pages"])

TIMELINE = """SELECT ?m ?date ?end ?type ?place ?name WHERE {
  ?m a schema:Event ; schema:startDate ?date .
  OPTIONAL { ?m schema:endDate ?end }
  OPTIONAL { ?m a ?type FILTER(STRSTARTS(STR(?type), STR(cow:))) }
  OPTIONAL { ?m schema:location ?place }
  OPTIONAL { ?m schema:name ?name }
} ORDER BY ?date ?m"""

CLASS_COUNTS = """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?s a ?c FILTER(STRSTARTS(STR(?c), STR(cow:)))
} GROUP BY ?c ORDER BY DESC(?n) ?c"""

QUERY_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class ExampleQuery:
    """One ``queries/*.rq`` file: its name, the question its leading comment asks, the rest of
    that comment, its text."""

    name: str
    question: str
    note: str
    text: str


def example_queries(folder: Path) -> list[ExampleQuery]:
    """The example queries, each titled by the question of its leading comment."""
    out = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        question, note = title_of(leading_comment(text) or path.stem)
        out.append(ExampleQuery(path.stem, question, note, text))
    return out


def leading_comment(text: str) -> str:
    """The first block of ``#`` lines of a query, joined into one paragraph."""
    lines = text.lstrip().splitlines()
    block = []
    for line in lines:
        if not line.startswith("#"):
            break
        block.append(line.lstrip("#").strip())
    return " ".join(part for part in block if part)


def title_of(comment: str) -> tuple[str, str]:
    """(the first sentence — up to a question mark, else a full stop — and the rest): a title
    never cut mid-sentence, however the comment was wrapped."""
    match = re.match(r"(.+?[?.])(?:\s+|$)(.*)", comment, re.S)
    if not match:
        return comment, ""
    return match.group(1), match.group(2).strip()


def _page(state: ServeState, request: Request, template: str, **context: object) -> HTMLResponse:
    html = state.templates.get_template(template).render(request=request, **context)
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse, summary="Home page")
async def home(request: Request, state: StateDep) -> HTMLResponse:
    async def class_counts() -> list[tuple[TermView, int]]:
        classes = await state.select(PROLOGUE + CLASS_COUNTS)
        labels = await english_labels(state, iris_in(classes.rows))
        return [
            (view(state, row[0], labels), int(getattr(row[1], "value", 0))) for row in classes.rows
        ]

    counts = await state.memo("home classes", class_counts)
    return _page(
        state,
        request,
        "home.html",
        title="Coalition of the Willing knowledge graph",
        counts=state.counts,
        classes=counts,
        downloads=DATASET_FORMATS,
    )


@router.get("/search", summary="Search entities by any name (HTML, or JSON with format=json)")
async def search(request: Request, state: StateDep, q: str = Query("", max_length=200)) -> Response:
    index = await state.memo("search index", lambda: build_index(state))
    found = index.search(q)
    labels = await english_labels(
        state, {h.iri for h in found} | {t for h in found for t in h.types}
    )
    hits = [
        (
            view(state, ox.NamedNode(h.iri), labels),
            h.matched,
            [view(state, ox.NamedNode(t), labels) for t in h.types],
        )
        for h in found
    ]
    fmt: Format = choose_format(
        request, list(request.query_params.multi_items()), (HTML, RESULTS_JSON)
    )
    if fmt is RESULTS_JSON:
        return JSONResponse(
            {
                "q": q,
                "count": len(hits),
                "data": [
                    {
                        "iri": e.iri,
                        "path": e.href,
                        "label": e.text,
                        "matched": name.text,
                        "lang": name.lang,
                        "via": name.via,
                    }
                    for e, name, _ in hits
                ],
            }
        )
    return _page(state, request, "search.html", title="Search", q=q, hits=hits)


@router.get("/timeline", response_class=HTMLResponse, summary="Timeline of the meetings")
async def timeline(request: Request, state: StateDep) -> HTMLResponse:
    meetings = await state.memo("timeline", lambda: _meetings(state))
    return _page(state, request, "timeline.html", title="Timeline", meetings=meetings)


async def _meetings(state: ServeState) -> list[dict[str, object]]:
    """Every meeting in date order with its types and places (the timeline's rows)."""
    result = await state.select(PROLOGUE + TIMELINE)
    labels = await english_labels(state, iris_in(result.rows))
    meetings: dict[str, dict[str, object]] = {}
    for m, date, end, kind, place, name in result.rows:
        if not isinstance(m, ox.NamedNode):
            continue
        entry = meetings.setdefault(
            m.value,
            {
                "meeting": view(state, m, labels),
                "date": getattr(date, "value", ""),
                "end": getattr(end, "value", ""),
                "name": getattr(name, "value", ""),
                "types": {},
                "places": {},
            },
        )
        if kind is not None:
            entry["types"][str(kind)] = view(state, kind, labels)  # type: ignore[index]
        if place is not None:
            entry["places"][str(place)] = view(state, place, labels)  # type: ignore[index]
    return list(meetings.values())


@router.get("/query", response_class=HTMLResponse, summary="Query editor (YASGUI)")
def query_page(request: Request, state: StateDep) -> HTMLResponse:
    examples = example_queries(state.settings.queries_dir)
    return _page(
        state,
        request,
        "query.html",
        title="Query",
        examples=examples,
        example_texts={ex.name: ex.text for ex in examples},
        endpoint=str(request.url_for("sparql_get")),
        base=state.base,
    )


@router.get("/queries/{name}.rq", summary="One example query, as SPARQL text")
def example_query(name: str, state: StateDep) -> Response:
    path = state.settings.queries_dir / f"{name}.rq"
    if not QUERY_NAME.match(name) or not path.is_file():
        raise RequestError(f"no example query named {name!r}", status=404)
    return Response(path.read_text(encoding="utf-8"), media_type="application/sparql-query")


@router.get("/prefixes.json", summary="Prefixes for the query editor's autocompletion")
def prefix_list() -> JSONResponse:
    """In prefix.cc's format, so YASGUI completes prefixes without calling out to prefix.cc."""
    return JSONResponse(prefixes())


@router.get("/data", response_class=HTMLResponse, summary="Downloads and named graphs")
def data_page(request: Request, state: StateDep) -> HTMLResponse:
    special = [g for g in state.graph_names if "/graph/fact/" not in g]
    facts = len(state.graph_names) - len(special)
    return _page(
        state,
        request,
        "data.html",
        title="Downloads",
        downloads=DATASET_FORMATS,
        graphs=[(g, state.local_path(g) or g) for g in special],
        fact_graphs=facts,
    )
