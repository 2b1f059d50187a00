"""One router per resource: sparql, data (downloads, Graph Store), meta, resource, pages."""
