"""cowkg: a knowledge graph of the Coalition of the Willing for Ukraine.

Seeds (source texts) are turned into an evidence-backed RDF graph under an OWL 2 DL ontology,
validated with SHACL and served read-only over SPARQL 1.1 and linked data.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
