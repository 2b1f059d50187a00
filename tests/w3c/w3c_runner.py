"""Runs the W3C SPARQL 1.1 Protocol, Service Description and Graph Store Protocol manifests
(copied unchanged into tests/w3c/suite/, see its README.md) against a LIVE cowkg server.

The manifests are parsed with rdflib; each ``ht:Request`` is sent over HTTP (httpx) to uvicorn
serving :func:`cowkg.serve.app.create_app` on a free loopback port. The endpoint is read-only, so:

* protocol **query** tests must pass as written (status class, result format, ASK answer), with
  the ``data*.nt`` files loaded as the named graphs their ``rdfs:label`` names;
* protocol **update** tests (``update=``, ``application/sparql-update``) must be refused with a
  4xx — those that expect 2xx on a writable store count as "refused as required";
* **Graph Store** tests: every write (PUT/POST/DELETE) must get 405; every read (GET/HEAD) must
  give the status, Content-Type and graph (by isomorphism) the manifest expects, from a server
  loaded with the state the preceding writes would have produced on a writable store (the runner
  applies them to its own model). Tests needing ``mf:POSTGraphCreation`` cannot apply: their
  write is still checked to be refused;
* **Service Description** tests: RDF comes back, it has an ``sd:endpoint`` triple naming the
  endpoint URL, and it conforms to ``sd-shapes.ttl`` (SHACL, run with pySHACL).

``python tests/w3c/w3c_runner.py`` prints the counts; ``tests/w3c/test_w3c.py`` asserts them.
"""

from __future__ import annotations

import email.parser
import email.policy
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx
from rdflib import RDFS, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.term import Node

TESTS_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS_DIR))

from serve.serve_helpers import LiveServer  # noqa: E402

from cowkg.serve.app import create_app  # noqa: E402
from cowkg.settings import load_settings  # noqa: E402

SUITE = Path(__file__).parent / "suite"  # the W3C manifests, copied unchanged (suite/README.md)
SD_SHAPES = Path(__file__).parent / "sd-shapes.ttl"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
GSP_BASE = "http://www.example/"

STATUS = {"OK": 200, "Created": 201, "NoContent": 204, "NotFound": 404}
FORMATS = {
    "boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
    "tabular": (
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ),
    "RDF": ("application/rdf+xml", "text/turtle", "application/n-triples", "text/html"),
}
RDF_PARSERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}


@dataclass
class Request:
    """One ht:Request of a manifest and the response it expects."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: list[str]
    expected_format: str | None = None
    expected_boolean: bool | None = None
    expected_type: str | None = None
    expected_body: str | None = None


@dataclass
class Test:
    name: str
    iri: str
    requests: list[Request]
    requires: set[str] = field(default_factory=set)
    graph_data: dict[str, Path] = field(default_factory=dict)


@dataclass
class Outcome:
    manifest: str
    test: str
    verdict: str  # "pass", "refused" (update/write refused as required), "n/a", "fail"
    detail: str = ""


def _items(graph: Graph, head: Node | None) -> list[Node]:
    return list(Collection(graph, head)) if head is not None else []


def _request(graph: Graph, node: Node) -> Request:
    headers = {
        str(graph.value(h, HT.fieldName)).lower(): str(graph.value(h, HT.fieldValue))
        for h in _items(graph, graph.value(node, HT.headers))
    }
    body_node = graph.value(node, HT.body)
    body = None
    if body_node is not None:
        encoding = str(graph.value(body_node, CNT.characterEncoding) or "UTF-8")
        body = str(graph.value(body_node, CNT.chars)).encode(encoding.lower())
    resp = graph.value(node, HT.resp)
    expected_type = expected_body = None
    for h in _items(graph, graph.value(resp, HT.headers)):
        if str(graph.value(h, HT.fieldName)).lower() == "content-type":
            expected_type = str(graph.value(h, HT.fieldValue))
    resp_body = graph.value(resp, HT.body)
    if resp_body is not None:
        expected_body = str(graph.value(resp_body, CNT.chars))
    boolean = graph.value(resp, MF.expectedBoolean)
    fmt = graph.value(resp, MF.expectedFormat)
    return Request(
        method=str(graph.value(node, HT.methodName)),
        path=str(graph.value(node, HT.absolutePath)),
        headers=headers,
        body=body,
        statuses=sorted(str(s).rsplit("#", 1)[1] for s in graph.objects(resp, MF.expectedStatus)),
        expected_format=str(fmt) if fmt is not None else None,
        expected_boolean=boolean.toPython() if isinstance(boolean, Literal) else None,
        expected_type=expected_type,
        expected_body=expected_body,
    )


def load_manifest(path: Path) -> list[Test]:
    """The tests of a manifest, in order, following ``mf:include``."""
    graph = Graph().parse(path, format="turtle", publicID=path.as_uri())
    manifest = URIRef(path.as_uri())
    tests: list[Test] = []
    for included in _items(graph, graph.value(manifest, MF.include)):
        tests += load_manifest(Path(str(included).removeprefix("file://")))
    for entry in _items(graph, graph.value(manifest, MF.entries)):
        action = graph.value(entry, MF.action)
        requests = [_request(graph, r) for r in _items(graph, graph.value(action, HT.requests))]
        data = {
            str(graph.value(d, RDFS.label)): Path(
                str(graph.value(d, UT.graph)).removeprefix("file://")
            )
            for d in graph.objects(entry, UT.graphData)
        }
        tests.append(
            Test(
                name=str(graph.value(entry, MF.name)),
                iri=str(entry),
                requests=requests,
                requires={str(r).rsplit("#", 1)[1] for r in graph.objects(entry, MF.requires)},
                graph_data=data,
            )
        )
    return tests


def _status_ok(status: int, expected: list[str]) -> bool:
    for name in expected:
        if name.startswith("StatusCode") and status // 100 == int(name[len("StatusCode")]):
            return True
        if STATUS.get(name) == status:
            return True
    return False


def _media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def _is_update(request: Request) -> bool:
    body = (request.body or b"").decode("utf-8", "replace")
    content_type = request.headers.get("content-type", "")
    return (
        "update=" in request.path
        or "using-" in request.path
        or body.startswith("update=")
        or content_type.startswith("application/sparql-update")
    )


def _boolean(response: httpx.Response) -> bool | None:
    if _media_type(response) == "application/sparql-results+json":
        value = response.json().get("boolean")
        return value if isinstance(value, bool) else None
    if "<boolean>true</boolean>" in response.text:
        return True
    return False if "<boolean>false</boolean>" in response.text else None


def _send(client: httpx.Client, request: Request, path: str) -> httpx.Response:
    return client.request(request.method, path, headers=request.headers, content=request.body)


def run_protocol(manifest: Path = SUITE / "protocol" / "manifest.ttl") -> list[Outcome]:
    """Every Protocol test against one live server holding the manifest's named graphs."""
    tests = load_manifest(manifest)
    graphs: dict[str, Path] = {}
    for test in tests:
        graphs.update(test.graph_data)
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Path(tmp) / "protocol.nq"
        ds = Dataset()
        for name, source in graphs.items():
            ds.graph(URIRef(name)).parse(source, format="nt")
        ds.serialize(dataset, format="nquads")
        with (
            LiveServer(create_app(load_settings(dataset=dataset))) as server,
            httpx.Client(base_url=server.url) as client,
        ):
            return [_protocol_test(client, test) for test in tests]


def _protocol_test(client: httpx.Client, test: Test) -> Outcome:
    for request in test.requests:
        path = request.path.replace("/sparql/", "/sparql", 1)
        response = _send(client, request, path)
        if _is_update(request):
            ok = 400 <= response.status_code < 500 and response.json().get("ok") is False
            verdict = "refused" if ok else "fail"
            return Outcome("protocol", test.name, verdict, f"update got {response.status_code}")
        if not _status_ok(response.status_code, request.statuses):
            return Outcome("protocol", test.name, "fail", f"status {response.status_code}")
        if (
            request.expected_format
            and _media_type(response) not in FORMATS[request.expected_format]
        ):
            return Outcome("protocol", test.name, "fail", f"format {_media_type(response)}")
        if request.expected_boolean is not None and _boolean(response) != request.expected_boolean:
            return Outcome("protocol", test.name, "fail", f"answer {response.text[:80]}")
    return Outcome("protocol", test.name, "pass")


def run_service_description() -> list[Outcome]:
    """The three SD checks against the live server's ``/sparql`` (no query)."""
    import pyshacl

    tests = load_manifest(SUITE / "service-description" / "manifest.ttl")
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Path(tmp) / "empty.nq"
        dataset.write_text("")
        with LiveServer(create_app(load_settings(dataset=dataset))) as server:
            endpoint = f"{server.url}/sparql"
            response = httpx.get(endpoint, headers={"Accept": "text/turtle, application/rdf+xml"})
    parser = RDF_PARSERS.get(_media_type(response))
    sd = Graph().parse(data=response.text, format=parser) if parser else Graph()
    conforms, _, report = pyshacl.validate(sd, shacl_graph=Graph().parse(SD_SHAPES))
    checks = {
        "returns-rdf": (response.status_code == 200 and len(sd) > 0, _media_type(response)),
        "has-endpoint-triple": ((None, SD.endpoint, URIRef(endpoint)) in sd, endpoint),
        "conforms-to-schema": (conforms, str(report)[:300]),
    }
    outcomes = []
    for test in tests:
        ok, detail = checks[test.iri.rsplit("#", 1)[1]]
        outcomes.append(Outcome("service-description", test.name, "pass" if ok else "fail", detail))
    return outcomes


class GraphStoreModel:
    """What a writable Graph Store would hold after the writes: the state reads are checked on."""

    def __init__(self) -> None:
        self.graphs: dict[str | None, Graph] = {}

    def apply(self, method: str, graph: str | None, request: Request) -> None:
        if method == "DELETE":
            self.graphs.pop(graph, None)
            return
        content = Graph()
        for media_type, text in _bodies(request):
            content.parse(data=text, format=RDF_PARSERS[media_type], publicID=graph or GSP_BASE)
        if method == "PUT" or graph not in self.graphs:
            self.graphs[graph] = content
        else:
            self.graphs[graph] += content

    def dataset_text(self) -> str:
        ds = Dataset()
        for name, graph in self.graphs.items():
            target = ds.default_graph if name is None else ds.graph(URIRef(name))
            for triple in graph:
                target.add(triple)
        return ds.serialize(format="nquads")


def _bodies(request: Request) -> Iterator[tuple[str, str]]:
    """(media type, text) of a request body, one per part of a multipart body."""
    content_type = request.headers.get("content-type", "text/turtle")
    body = request.body or b""
    if not content_type.startswith("multipart/"):
        yield content_type.split(";")[0].strip(), body.decode("utf-8")
        return
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    for part in message.iter_parts():  # type: ignore[attr-defined]
        yield part.get_content_type(), part.get_content()


def _gsp_target(path: str, requires: set[str]) -> tuple[str, str | None]:
    """The server path for a manifest path, and the graph IRI it names (None: default graph)."""
    if "DirectGraphIdentification" in requires:
        local = path.replace("/gsp/", "/graph/", 1)
        return local, GSP_BASE.rstrip("/") + local
    query = dict(parse_qsl(urlsplit(path).query, keep_blank_values=True))
    local = path.replace("/gsp", "/rdf-graphs/service", 1)
    return local, query.get("graph")


def run_graph_store(
    manifest: Path = SUITE / "graph-store-protocol" / "manifest.ttl",
) -> list[Outcome]:
    """Writes refused with 405; reads checked against servers holding the modelled state."""
    settings_base = {"base_iri": GSP_BASE}
    writer_target = LiveServer(create_app(load_settings(dataset=_empty_dataset(), **settings_base)))
    outcomes = []
    servers: dict[str, LiveServer] = {}
    with writer_target as writer, tempfile.TemporaryDirectory() as tmp:
        for test in load_manifest(manifest):
            outcomes.append(_gsp_test(test, writer, servers, Path(tmp), settings_base))
        for server in servers.values():
            server.__exit__()
    return outcomes


def _empty_dataset() -> Path:
    path = Path(tempfile.mkdtemp()) / "empty.nq"
    path.write_text("")
    return path


def _gsp_test(
    test: Test,
    writer: LiveServer,
    servers: dict[str, LiveServer],
    tmp: Path,
    settings_base: dict[str, str],
) -> Outcome:
    model = GraphStoreModel()
    for request in test.requests:
        local, graph = _gsp_target(request.path, test.requires)
        if request.method in ("PUT", "POST", "DELETE"):
            response = httpx.request(
                request.method, writer.url + local, headers=request.headers, content=request.body
            )
            if response.status_code != 405 or response.json().get("ok") is not False:
                return Outcome(
                    "graph-store", test.name, "fail", f"write got {response.status_code}"
                )
            if "POSTGraphCreation" in test.requires:
                return Outcome(
                    "graph-store",
                    test.name,
                    "n/a",
                    "needs POST graph creation; the POST was refused with 405",
                )
            model.apply(request.method, graph, request)
            continue
        state = model.dataset_text()
        if state not in servers:
            path = tmp / f"state-{len(servers)}.nq"
            path.write_text(state)
            app = create_app(load_settings(dataset=path, **settings_base))
            servers[state] = LiveServer(app).__enter__()
        response = httpx.request(
            request.method, servers[state].url + local, headers=request.headers
        )
        problem = _check_read(request, response)
        if problem:
            return Outcome("graph-store", test.name, "fail", problem)
    return Outcome("graph-store", test.name, "pass")


def _check_read(request: Request, response: httpx.Response) -> str:
    if not _status_ok(response.status_code, request.statuses):
        return f"{request.method} status {response.status_code}"
    if request.expected_type and response.headers.get("content-type") != request.expected_type:
        return f"content-type {response.headers.get('content-type')}"
    if request.expected_body is not None:
        got = Graph().parse(data=response.text, format=RDF_PARSERS[_media_type(response)])
        want = Graph().parse(data=request.expected_body, format="turtle")
        if not isomorphic(got, want):
            return "graph differs"
    return ""


def run_all() -> list[Outcome]:
    return run_protocol() + run_service_description() + run_graph_store()


def summary(outcomes: list[Outcome]) -> dict[str, Counter[str]]:
    by_manifest: dict[str, Counter[str]] = {}
    for outcome in outcomes:
        by_manifest.setdefault(outcome.manifest, Counter())[outcome.verdict] += 1
    return by_manifest


if __name__ == "__main__":
    results = run_all()
    for result in results:
        sys.stdout.write(
            f"{result.verdict:8} {result.manifest:20} {result.test}  {result.detail}\n"
        )
    for manifest, counts in summary(results).items():
        sys.stdout.write(f"{manifest}: {dict(counts)}\n")
