"""The exception hierarchy, and the exit code each error maps to in the CLI.

Exit codes: 0 success (graph conforms), 1 the graph does not conform to the shapes, 2 any other
error (bad seed, bad curation entry, bad setting, unreadable store). Every message says what was
wrong, where (file, line, offset or IRI), and what to do.
"""

from __future__ import annotations


class CowkgError(Exception):
    """Base class: an error the user can act on. ``exit_code`` is what the CLI exits with."""

    exit_code = 2


class SeedError(CowkgError):
    """A seed file or its source record is unusable (binary, empty, too large, bad encoding...)."""


class CurationError(CowkgError):
    """An entry of the curation file is malformed or its quote is not in its seed."""


class EvidenceError(CowkgError):
    """A span's text is not what the seed holds at its offsets: the fact cannot be trusted."""


class OntologyError(CowkgError):
    """The ontology or the shapes file cannot be parsed or fails a quality check."""


class ValidationFailed(CowkgError):
    """The built graph does not conform to the SHACL shapes; the last good graph is kept."""

    exit_code = 1


class StoreError(CowkgError):
    """The triple store is missing, corrupt, or an external SPARQL server cannot be reached."""


class SettingsError(CowkgError):
    """A setting is unknown or has a wrong value."""


class RequestError(CowkgError):
    """A request the endpoint refuses (bad query, update, SERVICE...); ``status``: HTTP code."""

    def __init__(
        self,
        message: str,
        status: int = 400,
        errors: list[str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.errors = errors or [message]
        self.headers = headers


class QueryTimeout(RequestError):
    """A query ran past ``query_timeout``; it was abandoned."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"query ran longer than {seconds:g} s and was cut off. Hint: add LIMIT, narrow the "
            "patterns, or ask the operator to raise COWKG_QUERY_TIMEOUT.",
            status=503,
        )
