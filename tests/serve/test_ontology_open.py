"""The ontology opens anywhere, offline: from the repository source (with its catalog), from
``ontology/release/`` (with its own catalog), and from a running server (``/ontology``, whose
imports it answers under ``/ontology/imports/``) — each loaded by the OWL API (what Protégé uses;
its OWL 2 DL profile checked) and by owlready2 with HermiT, exactly as README.md says.

Offline means: the JVM sends every non-loopback fetch to a closed port (``OFFLINE_JAVA``), and
the owlready2 child process refuses any connection that is not to 127.0.0.1.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, URIRef
from rdflib.namespace import OWL
from serve_helpers import FIXTURE, LiveServer

from cowkg.serve.app import create_app
from cowkg.settings import load_settings

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY = ROOT / "ontology"
IMPORTS = sorted(p.stem for p in (ONTOLOGY / "imports").glob("*.ttl"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with LiveServer(create_app(load_settings(dataset=FIXTURE))) as s:
        yield s


def _owlapi(command: list[str], catalog: str, target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*command, catalog, target], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("where", ["source", "release", "server"])
def test_the_owl_api_opens_the_ontology_offline(
    owlapi_java: list[str], server: LiveServer, where: str
) -> None:
    catalog, target = {
        "source": (ONTOLOGY / "catalog-v001.xml", ONTOLOGY / "cowkg.ttl"),
        "release": (ONTOLOGY / "release" / "catalog-v001.xml", ONTOLOGY / "release" / "cowkg.owl"),
        "server": ("-", f"{server.url}/ontology"),  # Protégé's Open from URL: no catalog
    }[where]
    done = _owlapi(owlapi_java, str(catalog), str(target))
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"IN PROFILE: OWL 2 DL, {len(IMPORTS) + 1} ontologies, 0 violations" in done.stdout


def test_without_its_catalog_the_release_would_need_the_network(owlapi_java: list[str]) -> None:
    """The offline guard works: the import IRIs point to w3id.org, which the JVM cannot reach."""
    done = _owlapi(owlapi_java, "-", str(ONTOLOGY / "release" / "cowkg.owl"))
    assert done.returncode == 2 and "UnloadableImportException" in done.stderr


def _readme_python(marker: str) -> str:
    """The README's owlready2 code block that contains ``marker``, as written."""
    blocks = [b for b in re.findall(r"```python\n(.*?)```", README, re.S) if marker in b]
    assert len(blocks) == 1, f"README.md must give one owlready2 block with {marker!r}"
    assert "import owlready2" in blocks[0]
    return blocks[0]


OWLREADY2_CHILD = """
import socket, sys
connect = socket.socket.connect
def loopback_only(sock, address):
    if address[0] not in ("127.0.0.1", "localhost"):
        raise OSError(f"offline test: no connection to {address}")
    return connect(sock, address)
socket.socket.connect = loopback_only
exec(sys.argv[1])
owlready2.sync_reasoner_hermit(infer_property_values=False, debug=0)
world = owlready2.default_world
unsatisfiable = [c for c in world.inconsistent_classes() if c is not owlready2.Nothing]
meeting = onto.search_one(iri="https://w3id.org/cowkg/ontology#Meeting")
print(len(onto.imported_ontologies), len(unsatisfiable), [c.iri for c in meeting.is_a])
"""


@pytest.mark.parametrize("where", ["release", "server"])
def test_owlready2_opens_the_ontology_as_documented_and_hermit_agrees(
    server: LiveServer, where: str
) -> None:
    code = _readme_python("ontology/release/cowkg.owl" if where == "release" else ":8000/ontology")
    code = code.replace("http://127.0.0.1:8000", server.url)
    done = subprocess.run(
        [sys.executable, "-c", OWLREADY2_CHILD, code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    imports, unsatisfiable, parents = done.stdout.strip().split(" ", 2)
    assert int(imports) == len(IMPORTS)  # every import loaded (from onto_path or the server)
    assert int(unsatisfiable) == 0  # HermiT: consistent, nothing unsatisfiable
    assert "https://schema.org/Event" in parents  # the alignment axioms came through


def test_the_served_ontology_names_imports_the_server_answers() -> None:
    with TestClient(create_app(load_settings(dataset=FIXTURE))) as c:
        served = Graph().parse(
            data=c.get("/ontology", headers={"Accept": "text/turtle"}).text, format="turtle"
        )
        ontology = URIRef("https://w3id.org/cowkg/ontology")
        imports = sorted(str(i) for i in served.objects(ontology, OWL.imports))
        assert imports == [f"http://testserver/ontology/imports/{name}" for name in IMPORTS]
        for iri in imports:
            path = iri.removeprefix("http://testserver")
            extract = c.get(path)  # no Accept: RDF/XML, what owlready2 reads
            assert extract.headers["content-type"].startswith("application/rdf+xml")
            graph = Graph().parse(data=extract.text, format="xml")
            assert (URIRef(iri), None, OWL.Ontology) in graph
            assert all(
                str(i).startswith("http://testserver/") for i in graph.objects(None, OWL.imports)
            )
            assert c.get(f"{path}.ttl").headers["content-type"].startswith("text/turtle")
        assert c.get("/ontology/imports/nothing").status_code == 404
        assert c.get("/ontology").headers["content-type"].startswith("application/rdf+xml")
        browser = c.get("/ontology", headers={"Accept": "text/html"})
        assert browser.headers["content-type"].startswith("text/html")
