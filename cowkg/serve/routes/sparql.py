"""The SPARQL 1.1 Protocol at ``/sparql`` (query operation only: the endpoint is read-only).

https://www.w3.org/TR/sparql11-protocol/ — query by GET, by POST of a form, or by POST of
``application/sparql-query``; ``default-graph-uri`` / ``named-graph-uri`` choose the dataset among
the store's own graphs (never fetched); the result format follows ``format=`` or ``Accept``; a
request without a query gets the Service Description
(https://www.w3.org/TR/sparql11-service-description/). Updates in any form are refused with 403.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from cowkg.errors import RequestError
from cowkg.namespaces import DATA_LICENSE
from cowkg.serve.backends import Dataset, Negotiation
from cowkg.serve.deps import ServeState, StateDep
from cowkg.serve.renderers import (
    GRAPH_FORMATS,
    HTML,
    Format,
    content_type,
    pick_format,
    serialize_rdf,
)

router = APIRouter(tags=["SPARQL"])

Params = list[tuple[str, str]]

READ_ONLY = (
    "SPARQL Update is not allowed: this endpoint is read-only. Hint: the graph is rebuilt from "
    "the seeds with `cowkg build`; send queries (SELECT, ASK, CONSTRUCT, DESCRIBE) only."
)

W3C_FORMATS = "http://www.w3.org/ns/formats/"
FORMAT_IRIS = {
    "srj": "SPARQL_Results_JSON",
    "srx": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "ttl": "Turtle",
    "nt": "N-Triples",
    "jsonld": "JSON-LD",
    "rdf": "RDF_XML",
    "trig": "TriG",
    "nq": "N-Quads",
}


def _negotiation(request: Request, params: Params) -> Negotiation:
    return Negotiation(request.headers.get("accept"), tuple(v for k, v in params if k == "format"))


def choose_format(request: Request, params: Params, offers: tuple[Format, ...]) -> Format:
    """The output format from ``format=`` (wins) or ``Accept``; 406 if neither can be met."""
    wanted = _negotiation(request, params)
    return pick_format(wanted.accept, wanted.asked, offers)


def _one(params: Params, name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise RequestError(f"{len(values)} '{name}' parameters given; send exactly one.")
    return values[0] if values else None


def dataset_of(params: Params) -> Dataset:
    """The protocol dataset named by ``default-graph-uri`` / ``named-graph-uri``."""
    return Dataset(
        default_graphs=tuple(v for k, v in params if k == "default-graph-uri"),
        named_graphs=tuple(v for k, v in params if k == "named-graph-uri"),
    )


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RequestError(
            f"{what} is not valid UTF-8 (byte {exc.start}). Hint: SPARQL requests are UTF-8.",
            status=400,
        ) from exc


def _check_charset(content_type_header: str) -> None:
    for param in content_type_header.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"').lower() != "utf-8":
            raise RequestError(
                f"charset {value.strip()} is not supported. Hint: send the query as UTF-8.",
                status=415,
            )


async def _post_params(request: Request) -> tuple[Params, str | None]:
    """The parameters and the query of a POST, by its media type (protocol section 2.1)."""
    params: Params = list(request.query_params.multi_items())
    header = request.headers.get("content-type", "")
    media_type = header.split(";")[0].strip().lower()
    if media_type == "application/sparql-update" or (
        media_type == "application/x-www-form-urlencoded" and "update" in request.query_params
    ):
        raise RequestError(READ_ONLY, status=403)
    if media_type == "application/x-www-form-urlencoded":
        _check_charset(header)
        form = parse_qsl(_decode(await request.body(), "the form"), keep_blank_values=True)
        return params + form, None
    if media_type == "application/sparql-query":
        _check_charset(header)
        return params, _decode(await request.body(), "the query")
    raise RequestError(
        f"unsupported Content-Type {header or '(none)'!r}. Hint: POST a query as "
        "application/sparql-query, or as the 'query' field of "
        "application/x-www-form-urlencoded.",
        status=415,
    )


async def answer_query(state: ServeState, request: Request, text: str, params: Params) -> Response:
    """Check, evaluate and serialise ``text`` in the negotiated format, all in a query worker
    (the format is chosen there, from the query form, before evaluation: 406 costs nothing)."""
    client = request.client.host if request.client else None
    answer = await state.answer(text, dataset_of(params), _negotiation(request, params), client)
    return Response(answer.body, media_type=answer.media_type, headers={"Vary": "Accept"})


def _service_description(state: ServeState, endpoint: str) -> list[ox.Triple]:
    """The Service Description: endpoint, language, formats, features, the default dataset."""
    sd = "http://www.w3.org/ns/sparql-service-description#"
    formats = " , ".join(f"<{W3C_FORMATS}{name}>" for name in FORMAT_IRIS.values())
    graphs = " ".join(
        f"sd:namedGraph [ a sd:NamedGraph ; sd:name <{g}> ] ;" for g in state.graph_names
    )
    turtle = f"""
        @prefix sd: <{sd}> . @prefix void: <http://rdfs.org/ns/void#> .
        @prefix dcterms: <http://purl.org/dc/terms/> .
        <{endpoint}> a sd:Service ;
            sd:endpoint <{endpoint}> ;
            dcterms:title "Coalition of the Willing knowledge graph (cowkg), read-only" ;
            sd:supportedLanguage sd:SPARQL11Query ;
            sd:resultFormat {formats} ;
            sd:feature sd:UnionDefaultGraph , sd:DereferencesURIs ;
            sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
            sd:defaultDataset [ a sd:Dataset ; dcterms:license <{DATA_LICENSE}> ;
                sd:defaultGraph [ a sd:Graph ; void:triples {state.counts["triples"]} ] ;
                {graphs}
            ] .
    """
    return [q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]


def service_description(state: ServeState, request: Request, params: Params) -> Response:
    """The SD in an RDF format; a browser asking for HTML is sent to the query page instead."""
    fmt = choose_format(request, params, (*GRAPH_FORMATS, HTML))
    if fmt is HTML:
        return RedirectResponse("/query", status_code=303)
    endpoint = str(request.url_for("sparql_get"))
    body = serialize_rdf(_service_description(state, endpoint), fmt)
    return Response(body, media_type=content_type(fmt), headers={"Vary": "Accept"})


@router.get("/sparql", name="sparql_get", summary="SPARQL query by GET (or Service Description)")
async def sparql_get(request: Request, state: StateDep) -> Response:
    """``?query=`` (with optional ``default-graph-uri``, ``named-graph-uri``, ``format``)."""
    params: Params = list(request.query_params.multi_items())
    if any(k == "update" for k, _ in params):
        raise RequestError(READ_ONLY, status=403)
    query = _one(params, "query")
    if query is None:
        return service_description(state, request, params)
    return await answer_query(state, request, query, params)


@router.post("/sparql", summary="SPARQL query by POST (form or application/sparql-query)")
async def sparql_post(request: Request, state: StateDep) -> Response:
    """A query in the body; updates (form ``update=`` or ``application/sparql-update``): 403."""
    params, direct = await _post_params(request)
    if any(k == "update" for k, _ in params):
        raise RequestError(READ_ONLY, status=403)
    query = direct if direct is not None else _one(params, "query")
    if query is None:
        raise RequestError("no 'query' field in the form. Hint: send query=… (URL-encoded).")
    return await answer_query(state, request, query, params)


@router.api_route("/sparql", methods=["PUT", "DELETE", "PATCH"], include_in_schema=False)
async def sparql_other(request: Request) -> Response:
    raise RequestError(
        f"{request.method} is not a SPARQL Protocol method. Hint: use GET or POST; "
        "this endpoint is read-only.",
        status=405,
        headers={"Allow": "GET, HEAD, POST"},
    )
