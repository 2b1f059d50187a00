"""Content negotiation and the result serialisers."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest

from cowkg.serve.renderers import (
    GRAPH_FORMATS,
    RESULTS_JSON,
    RESULTS_TSV,
    RESULTS_XML,
    SELECT_FORMATS,
    TURTLE,
    by_name,
    negotiate,
    serialize_solutions,
)


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "srj"),
        ("", "srj"),
        ("text/csv", "csv"),
        ("application/json", "srj"),
        ("text/*", "srx"),  # SPARQL XML is also served as text/xml, the first text/ offer
        ("text/csv;q=0.1, application/sparql-results+xml;q=0.2", "srx"),
        ("text/csv;q=0, */*;q=0.1", "srj"),
        ("application/sparql-results+json;q=0.5, text/tab-separated-values", "tsv"),
        ("text/csv;q=abc, text/tab-separated-values;q=0.2", "tsv"),
    ],
)
def test_negotiate_select(accept: str | None, expected: str) -> None:
    fmt = negotiate(accept, SELECT_FORMATS)
    assert fmt is not None and fmt.name == expected


def test_negotiate_nothing_acceptable() -> None:
    assert negotiate("image/png, text/csv;q=0", SELECT_FORMATS) is None


def test_browser_accept_picks_turtle_for_graphs() -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert negotiate(browser, GRAPH_FORMATS) is TURTLE


def test_by_name_accepts_short_names_aliases_and_media_types() -> None:
    assert by_name("json", SELECT_FORMATS) is RESULTS_JSON
    assert by_name("XML", SELECT_FORMATS) is RESULTS_XML
    assert by_name("text/tab-separated-values", SELECT_FORMATS) is RESULTS_TSV
    assert by_name("turtle", GRAPH_FORMATS) is TURTLE
    assert by_name("docx", GRAPH_FORMATS) is None


def test_solutions_keep_every_kind_of_term() -> None:
    rows = [
        (ox.NamedNode("http://e/a"), ox.Literal('tab\there\nnewline "q" é', language="fr")),
        (ox.BlankNode("b0"), None),
        (
            ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
            ox.Literal(""),
        ),
    ]
    data = json.loads(serialize_solutions(["s", "o"], rows, RESULTS_JSON))
    b = data["results"]["bindings"]
    assert data["head"]["vars"] == ["s", "o"]
    assert b[0]["o"] == {"type": "literal", "value": 'tab\there\nnewline "q" é', "xml:lang": "fr"}
    assert b[1] == {"s": {"type": "bnode", "value": "b0"}}
    assert b[2]["s"]["datatype"].endswith("#integer") and b[2]["o"]["value"] == ""
