"""The web layer: REST API and analyst pages over a store (``newsevents serve``).

Needs the ``web`` extra (FastAPI, uvicorn). See :func:`newsevents.web.app.create_app`.
"""
