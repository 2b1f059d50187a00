"""A query worker process: ``python -m cowkg.serve.worker CONFIG`` (started by the pool).

It opens the on-disk store read-only (``pyoxigraph.Store.read_only``: every worker shares the
store's pages through the page cache) and answers requests, one at a time, on its stdin/stdout:
each message is a 4-byte big-endian length and a pickle of plain tuples (both ends are ours).

Request: ``(text, default_graphs, named_graphs, max_rows, negotiation)`` where ``negotiation`` is
``None`` (the server's own query: rows wanted) or ``(accept, asked_formats)`` (the protocol route:
bytes wanted). Reply: ``("ok", kind, body, truncated, content_type)`` or
``("error", status, message, errors)``.

The worker checks the query (:func:`check_query`: updates, SERVICE, nesting) and picks the format
*before* Oxigraph parses it, then has Oxigraph serialise the results (Rust, no Python per row):
SELECT as SPARQL TSV and CONSTRUCT/DESCRIBE as N-Triples — one line per row, so the row cap is a
line count on the bytes as they are written — then converted to the format asked for
(``parse_query_results`` / ``parse`` and Oxigraph's serialisers again). For the server's own
queries the TSV / N-Triples bytes go back as they are; the server parses them into rows.

The worker never enforces the time limit itself: the server kills it (SIGKILL) when its query
passes the deadline or its memory the limit, and starts another. A thread exits the worker if the
server process goes away (its parent changes), even mid-query.
"""

from __future__ import annotations

import json
import os
import pickle
import signal
import struct
import sys
import threading
import time
from typing import IO, Any

import pyoxigraph as ox

from cowkg.errors import RequestError
from cowkg.serve.messages import malformed_query
from cowkg.serve.renderers import (
    Format,
    content_type,
    offers_for,
    pick_format,
    refuse_unfit,
    serialize_boolean,
    serialize_rdf,
)
from cowkg.serve.safety import check_query
from cowkg.serve.sandbox import forbid_network

HEADER = struct.Struct(">I")

Request = tuple[
    str, tuple[str, ...], tuple[str, ...], int, tuple[str | None, tuple[str, ...]] | None
]
Reply = tuple[Any, ...]


def encode(message: object) -> bytes:
    """A message as it travels: length, then pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


class _Full(Exception):
    """Raised by :class:`_Capped` to stop Oxigraph's serialiser once the cap is passed."""


class _Capped:
    """A binary writer that keeps the first ``lines`` lines, and no more than ``size`` bytes of
    whole lines, and stops the writer after them (the row cap and the byte cap)."""

    def __init__(self, lines: int, size: int) -> None:
        self.lines = lines
        self.size = size
        self.parts: list[bytes] = []
        self.seen = 0
        self.written = 0

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        self.parts.append(chunk)
        self.seen += chunk.count(b"\n")
        self.written += len(chunk)
        if self.seen > self.lines or self.written > self.size:
            raise _Full
        return len(chunk)

    def flush(self) -> None:
        pass

    def result(self) -> tuple[bytes, bool]:
        """(the kept lines, whether anything came after them)."""
        data = b"".join(self.parts)
        end = -1
        for _ in range(self.lines):
            end = data.find(b"\n", end + 1)
            if end < 0:
                break
        if end < 0 and len(data) <= self.size:  # fewer lines than the cap, and small enough
            return data, False
        if end < 0 or end + 1 > self.size:  # the byte cap comes first: whole lines within it
            end = data.rfind(b"\n", 0, self.size)
            return data[: end + 1], True
        return data[: end + 1], len(data) > end + 1


def _capped(
    result: ox.QuerySolutions | ox.QueryTriples, lines: int, size: int
) -> tuple[bytes, bool]:
    writer = _Capped(lines, size)
    try:
        if isinstance(result, ox.QuerySolutions):
            result.serialize(writer, format=ox.QueryResultsFormat.TSV)  # type: ignore[arg-type]
        else:
            result.serialize(writer, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[arg-type]
    except _Full:
        pass
    return writer.result()


def _convert(kind: str, body: bytes, fmt: Format, prefix_map: dict[str, str]) -> bytes:
    """TSV / N-Triples / a boolean as ``fmt``; 406 if this kind of result cannot be given so."""
    refuse_unfit(kind, fmt)
    if kind == "boolean":
        return serialize_boolean(body == b"true", fmt)
    if kind == "solutions":
        if fmt.results == ox.QueryResultsFormat.TSV:
            return body
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.TSV)
        return parsed.serialize(format=fmt.results) or b""
    if fmt.rdf == ox.RdfFormat.N_TRIPLES:
        return body
    return serialize_rdf(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES)), fmt, prefix_map)


class Worker:
    """The store and the settings a worker answers with."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.store = ox.Store.read_only(config["store"])
        self.base_iri: str = config["base_iri"]
        self.allowlist = frozenset(config["allowlist"])
        self.prefixes: dict[str, str] = config["prefixes"]
        self.max_bytes: int = config["max_bytes"]

    def evaluate(self, request: Request) -> Reply:
        text, default_graphs, named_graphs, max_rows, negotiation = request
        info = check_query(text, self.allowlist)
        fmt = None
        if negotiation is not None:
            fmt = pick_format(negotiation[0], negotiation[1], offers_for(info.form))
        kwargs: dict[str, Any] = {"base_iri": self.base_iri}
        if default_graphs or named_graphs:
            kwargs["default_graph"] = graph_nodes(default_graphs)
            kwargs["named_graphs"] = graph_nodes(named_graphs)
        # otherwise the store's default graph, which holds the merge of all graphs (store.py),
        # or the graphs the query's own FROM / FROM NAMED pick
        try:
            result = self.store.query(text, **kwargs)
        except SyntaxError as exc:
            raise malformed_query(exc, text) from None
        if not info.services:
            return self._reply(result, max_rows, fmt)
        try:  # an allowed SERVICE: its failure is reported, its answer's text never echoed
            return self._reply(result, max_rows, fmt)
        except (OSError, ValueError, SyntaxError):
            raise RequestError(
                f"a SERVICE call of the query failed ({', '.join(info.services)}); the remote "
                "answer is not shown.",
                status=502,
            ) from None

    def _reply(
        self,
        result: ox.QueryBoolean | ox.QuerySolutions | ox.QueryTriples,
        max_rows: int,
        fmt: Format | None,
    ) -> Reply:
        """Serialise ``result`` under the row and byte caps, then convert it to ``fmt``."""
        truncated = False
        if isinstance(result, ox.QueryBoolean):
            kind, body = "boolean", b"true" if bool(result) else b"false"
        elif isinstance(result, ox.QuerySolutions):
            kind = "solutions"
            body, truncated = _capped(result, max_rows + 1, self.max_bytes)  # + the header
        else:
            kind = "triples"
            body, truncated = _capped(result, max_rows, self.max_bytes)
        if fmt is None:
            return ("ok", kind, body, truncated, None)
        return ("ok", kind, _convert(kind, body, fmt, self.prefixes), truncated, content_type(fmt))

    def answer(self, request: Request) -> Reply:
        try:
            return self.evaluate(request)
        except RequestError as exc:
            return ("error", exc.status, str(exc), exc.errors)
        except (OSError, ValueError) as exc:  # evaluation errors surface while serialising
            return ("error", 500, f"query failed: {exc}", [str(exc)])


def graph_nodes(iris: tuple[str, ...]) -> list[ox.NamedNode]:
    try:
        return [ox.NamedNode(iri) for iri in iris]
    except ValueError as exc:
        raise RequestError(f"bad graph IRI in the protocol dataset: {exc}") from exc


def _read_exactly(stream: IO[bytes], size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _watch_parent(parent: int) -> None:
    """Exit at once when the server is gone (the worker is re-parented), even mid-query."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(3)


def main(argv: list[str]) -> int:
    refused = forbid_network()  # first: nothing below, whatever a query says, reaches the network
    config = json.loads(argv[1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # anything printed goes to stderr, never into the replies
    threading.Thread(target=_watch_parent, args=(config["parent"],), daemon=True).start()
    requests = os.fdopen(0, "rb", buffering=0)
    worker = Worker(config)
    replies.write(encode(("ready", refused)))
    while True:
        header = _read_exactly(requests, HEADER.size)
        if header is None:
            return 0
        data = _read_exactly(requests, HEADER.unpack(header)[0])
        if data is None:
            return 0
        reply = memoryview(encode(worker.answer(pickle.loads(data))))
        while reply:
            reply = reply[replies.write(reply) or 0 :]


if __name__ == "__main__":
    sys.exit(main(sys.argv))
