"""The HTTP endpoint: SPARQL 1.1 Protocol, read-only Graph Store, linked data, pages, downloads.

``create_app(settings)`` builds the FastAPI app (:mod:`cowkg.serve.app`); ``run(settings)``
serves it with uvicorn.
"""
