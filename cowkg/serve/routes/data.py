"""Downloads and the read-only Graph Store HTTP Protocol.

* ``/data/cowkg.{ext}``: the whole dataset — TriG, N-Quads and JSON-LD keep the named graphs,
  Turtle, N-Triples and RDF/XML give the union of all graphs. Serialised once, then cached. The
  data states its licence (``{base}dataset dcterms:license``, in the provenance graph); the answer
  says it too, in a ``Link: <…>; rel="license"`` header (RFC 8288).
* ``/graph/{path}``: each named graph ``{base}graph/{path}`` answered at its own IRI's path (direct
  graph identification), by content negotiation or with a format suffix (``….ttl``).
* ``/rdf-graphs/service?graph=IRI`` or ``?default``: indirect graph identification
  (https://www.w3.org/TR/sparql11-http-rdf-update/). GET and HEAD only: PUT, POST, DELETE and PATCH
  get 405 with an ``Allow`` header — the graph is rebuilt from the seeds, never edited over HTTP.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from cowkg.errors import RequestError
from cowkg.namespaces import DATA_LICENSE
from cowkg.serve.deps import ServeState, StateDep
from cowkg.serve.renderers import (
    DATASET_FORMATS,
    GRAPH_FORMATS,
    Format,
    by_name,
    content_type,
    serialize_rdf,
)
from cowkg.serve.routes.sparql import choose_format

router = APIRouter(tags=["Data"])

LICENSE_LINK = {"Link": f'<{DATA_LICENSE}>; rel="license"'}
"""The data's licence on every download (RFC 8288 ``license`` relation), beside the statement the
data itself carries."""

WRITE_METHODS = ["PUT", "POST", "DELETE", "PATCH"]
READ_ONLY_GRAPHS = (
    "the graph store is read-only: {method} is not allowed. Hint: the graph is built from the "
    "seeds (`cowkg build`); use GET or HEAD to read a graph."
)


def _refuse_write(request: Request) -> RequestError:
    return RequestError(
        READ_ONLY_GRAPHS.format(method=request.method), status=405, headers={"Allow": "GET, HEAD"}
    )


def graph_response(state: ServeState, graph: str | None, fmt: Format) -> Response:
    """One graph (``None``: the default graph, i.e. the union) in ``fmt``, cached."""
    key = f"{graph or '(default)'} {fmt.name} {fmt.media_type}"

    def make() -> bytes:
        triples = list(dict.fromkeys(q.triple for q in state.backend.quads(graph)))
        return serialize_rdf(triples, fmt)

    body = state.cached(key, make)
    return Response(body, media_type=content_type(fmt), headers={"Vary": "Accept", **LICENSE_LINK})


@router.get("/data/cowkg.{ext}", summary="The whole dataset in one RDF format")
def dataset_download(ext: str, state: StateDep) -> Response:
    """``trig``, ``nq``, ``jsonld`` (named graphs kept) or ``ttl``, ``nt``, ``rdf`` (union)."""
    fmt = by_name(ext, DATASET_FORMATS)
    if fmt is None:
        raise RequestError(
            f"no download in format {ext!r}. Hint: use one of "
            + ", ".join(f"cowkg.{f.name}" for f in DATASET_FORMATS),
            status=404,
        )
    key = f"dataset {fmt.name}"
    body = state.cached(key, lambda: serialize_rdf(state.backend.quads(None), fmt))
    return Response(
        body,
        media_type=content_type(fmt),
        headers={"Content-Disposition": f'inline; filename="cowkg.{fmt.name}"', **LICENSE_LINK},
    )


def _named_graph(state: ServeState, iri: str) -> tuple[str, Format | None]:
    """The graph an IRI names, and the format its suffix asks for (exact names win)."""
    if iri in state.graph_set:
        return iri, None
    stem, _, ext = iri.rpartition(".")
    fmt = by_name(ext, GRAPH_FORMATS) if stem else None
    if fmt is not None and stem in state.graph_set:
        return stem, fmt
    raise RequestError(f"no graph named <{iri}> in this dataset", status=404)


@router.api_route("/graph/{path:path}", methods=["GET", "HEAD"], summary="One named graph")
def named_graph(path: str, request: Request, state: StateDep) -> Response:
    """The named graph ``{base}graph/{path}`` (Turtle unless Accept or a suffix says otherwise)."""
    graph, fmt = _named_graph(state, f"{state.base}graph/{path}")
    params = list(request.query_params.multi_items())
    return graph_response(state, graph, fmt or choose_format(request, params, GRAPH_FORMATS))


@router.api_route("/graph/{path:path}", methods=WRITE_METHODS, include_in_schema=False)
def named_graph_write(request: Request) -> Response:
    raise _refuse_write(request)


@router.api_route(
    "/rdf-graphs/service", methods=["GET", "HEAD"], summary="Graph Store Protocol (read-only)"
)
def graph_store(request: Request, state: StateDep) -> Response:
    """``?graph=IRI`` for a named graph, ``?default`` for the default graph (the union)."""
    params = list(request.query_params.multi_items())
    graphs = [v for k, v in params if k == "graph"]
    default = any(k == "default" for k, _ in params)
    if len(graphs) + default != 1:
        raise RequestError(
            "name exactly one graph: ?graph=IRI (URL-encoded) or ?default",
            status=400,
        )
    fmt = choose_format(request, params, GRAPH_FORMATS)
    if default:
        return graph_response(state, None, fmt)
    if graphs[0] not in state.graph_set:
        raise RequestError(f"no graph named <{graphs[0]}> in this dataset", status=404)
    return graph_response(state, graphs[0], fmt)


@router.api_route("/rdf-graphs/service", methods=WRITE_METHODS, include_in_schema=False)
def graph_store_write(request: Request) -> Response:
    raise _refuse_write(request)
