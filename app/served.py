"""The app of each process `serve` runs, readied before its first request, with the
interpreter tuned for a server. Both are the process owner's to decide, not the app's: tests
and embedders keep their own settings and pay for what they use."""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

# Young-generation threshold of the processes `serve` runs (Python's default is 700).
GC_YOUNG_THRESHOLD = 10_000
SWITCH_INTERVAL_SECONDS = 0.001


def served_app() -> FastAPI:
    """`app_factory`'s app, ready to serve, in a process tuned to serve it."""
    from app.main import app_factory

    app = app_factory()
    # FastAPI readies each route (its validators and serializers) when a request first walks
    # past it, and writes the OpenAPI document when it is first asked for: on the event loop,
    # holding every tenant's requests for as long. Writing the document here (and its JSON, as
    # /openapi.json serves it) walks every route, readying each, before the server listens.
    app.state.openapi_document.written()
    # What start-up built (routes, schemas, GraphQL types) lives as long as the process;
    # frozen, the collector stops re-walking it, which otherwise pauses requests.
    gc.collect()
    gc.freeze()
    # Most of a request's objects go with it by reference counting; the young generation
    # fills with those of the requests in flight, and collecting it at Python's default
    # threshold walks them again and again. A larger one is collected less often.
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    # While a worker thread validates an import in Python, the event loop waits up to one
    # switch interval for the interpreter each time it wakes; a shorter one keeps every other
    # tenant's request from queueing behind that thread.
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    return app
