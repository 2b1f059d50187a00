"""Validate: run the SHACL shapes over the whole dataset and report, sorted and stable.

The data graph is the union of every named graph (facts, provenance, inferred, alignment): shapes
speak of the export contract (schema.org types come from ``graph/inferred``) and of provenance
(every fact graph has evidence), so no single graph would do. The class hierarchy is already
materialised by :mod:`cowkg.reason`, so pySHACL runs with ``inference="none"`` and gets only the
ontology's ``rdfs:subClassOf`` links (``ont_graph``) for ``sh:targetClass`` and ``sh:class``.
Warnings and infos are reported but do not make the graph non-conforming.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import BNode, Dataset, Graph
from rdflib.compare import to_canonical_graph
from rdflib.namespace import RDFS
from rdflib.term import Node

from cowkg.namespaces import DEFAULT_BASE, SH, bind_prefixes
from cowkg.ontology import parse_turtle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of SHACL validation: ``report_text`` lists one result per line, sorted."""

    conforms: bool
    report_graph: Graph
    report_text: str


def union_graph(dataset: Dataset, graphs: Iterable[Graph] = ()) -> Graph:
    """Every triple of every named graph of ``dataset`` (plus ``graphs``) in one graph."""
    union = Graph()
    for context in dataset.graphs():
        for triple in context:
            union.add(triple)
    for graph in graphs:
        for triple in graph:
            union.add(triple)
    return union


def _short(term: Node | None, graph: Graph) -> str:
    if term is None:
        return "-"
    return term.n3(graph.namespace_manager)


def _shape_name(shape: Node | None, shapes: Graph, report: Graph) -> str:
    """A shape by name: a blank property shape is named by the node shape that holds it."""
    if isinstance(shape, BNode):
        owner = shapes.value(None, SH.property, shape)
        return _short(owner, report) if owner is not None else "(anonymous shape)"
    return _short(shape, report)


def _result_lines(report: Graph, shapes: Graph) -> list[str]:
    """One line per validation result: severity, shape, focus node, path, value, message."""
    lines = []
    for result in report.subjects(SH.resultSeverity, None):
        parts = [
            _short(report.value(result, SH.resultSeverity), report).replace("sh:", ""),
            _shape_name(report.value(result, SH.sourceShape), shapes, report),
            "focus " + _short(report.value(result, SH.focusNode), report),
            "path " + _short(report.value(result, SH.resultPath), report),
            "value " + _short(report.value(result, SH.value), report),
            str(report.value(result, SH.resultMessage) or ""),
        ]
        lines.append(" | ".join(parts))
    return sorted(lines)


def _hierarchy(ontology: Graph) -> Graph:
    """Only the ``rdfs:subClassOf`` links of the ontology: all that SHACL needs from it."""
    out = Graph()
    for triple in ontology.triples((None, RDFS.subClassOf, None)):
        out.add(triple)
    return out


def validate(
    dataset: Dataset, shapes_path: Path, ontology: Graph | None = None, base: str = DEFAULT_BASE
) -> ValidationResult:
    """Validate the union of ``dataset``'s named graphs against the shapes at ``shapes_path``."""
    started = time.perf_counter()
    data = union_graph(dataset)
    validated = len(data)
    shapes = parse_turtle(shapes_path, "shapes file")
    conforms, report, _text = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=_hierarchy(ontology) if ontology is not None else None,
        inference="none",
        inplace=True,  # ``data`` is this call's own union: mix the hierarchy in, do not copy it
        allow_warnings=True,
        allow_infos=True,
    )
    assert isinstance(report, Graph)
    lines = _result_lines(bind_prefixes(report, base), shapes)
    stable = bind_prefixes(Graph(), base)
    for triple in to_canonical_graph(report):
        stable.add(triple)
    verdict = "Conforms: True" if conforms else "Conforms: False"
    text = "\n".join([f"{verdict} ({len(lines)} results, {validated} triples validated)", *lines])
    log.info(
        "validate: %s, %d results, %d triples in %.2f s",
        verdict,
        len(lines),
        validated,
        time.perf_counter() - started,
    )
    return ValidationResult(bool(conforms), stable, text + "\n")
