"""Turning RDF terms into what the HTML pages show: short names, labels, internal links.

Templates autoescape every value (seed text is untrusted); nothing here builds HTML. Values
inlined into the SPARQL the pages send are Oxigraph terms printed in N-Triples form, which escapes
quotes, backslashes and newlines, so user input (the search text) cannot change a query.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from cowkg.serve.deps import ServeState
from cowkg.serve.renderers import Term
from cowkg.store import prefixes

XSD = "http://www.w3.org/2001/XMLSchema#"
PROLOGUE = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX cow: <https://w3id.org/cowkg/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""


@dataclass(frozen=True, slots=True)
class TermView:
    """One RDF term as shown: text, an href (internal path when under the base), notes."""

    text: str
    href: str | None = None
    note: str = ""
    iri: str | None = None


@functools.cache
def _longest_first() -> tuple[tuple[str, str], ...]:
    """The prefixes, longest namespace first (computed once: pages call short_name a lot)."""
    return tuple(sorted(prefixes().items(), key=lambda kv: -len(kv[1])))


def short_name(iri: str) -> str:
    """``schema:startDate`` for a known namespace, else the IRI itself."""
    for prefix, namespace in _longest_first():
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def view(state: ServeState, term: Term | None, labels: dict[str, str]) -> TermView:
    """How ``term`` appears on a page; IRIs show their English label when there is one."""
    if term is None:
        return TermView("")
    if isinstance(term, ox.NamedNode):
        local = state.local_path(term.value)
        text = labels.get(term.value) or short_name(term.value)
        return TermView(text, href=local or term.value, iri=term.value)
    if isinstance(term, ox.Literal):
        note = f"@{term.language}" if term.language else ""
        datatype = term.datatype.value
        if not note and not datatype.endswith(("#string", "#langString")):
            note = short_name(datatype)
        return TermView(term.value, note=note)
    return TermView(str(term))


async def english_labels(state: ServeState, iris: Iterable[str]) -> dict[str, str]:
    """The English (or untagged) ``rdfs:label`` of each IRI that has one."""
    wanted = sorted(set(iris))
    if not wanted:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in wanted)
    result = await state.select(
        PROLOGUE + f"SELECT ?x (SAMPLE(?l) AS ?label) {{ VALUES ?x {{ {values} }} ?x rdfs:label ?l "
        "FILTER(lang(?l) = 'en' || lang(?l) = '') } GROUP BY ?x"
    )
    return {
        row[0].value: row[1].value
        for row in result.rows
        if isinstance(row[0], ox.NamedNode) and isinstance(row[1], ox.Literal)
    }


def iris_in(rows: Iterable[tuple[Term | None, ...]]) -> set[str]:
    """Every IRI appearing in ``rows``."""
    return {t.value for row in rows for t in row if isinstance(t, ox.NamedNode)}
