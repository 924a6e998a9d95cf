"""The process `serve` runs tunes the interpreter for a server; an app made elsewhere (a test,
an embedder) leaves the interpreter as it found it: those settings are the process owner's."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from app.main import app_factory
from app.served import GC_YOUNG_THRESHOLD, SWITCH_INTERVAL_SECONDS

_PROBE = """
import gc, json, sys
from app.cli import served_app
app = served_app()
ready = app.openapi_schema is not None and bool(app.state.openapi_document.written()[0])
print(json.dumps([sys.getswitchinterval(), gc.get_threshold()[0], gc.get_freeze_count(), ready]))
"""


def test_a_served_process_is_ready_before_its_first_request_and_tuned_for_its_event_loop():
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    switch, young, frozen, ready = json.loads(out.strip().splitlines()[-1])
    # A worker thread validating an import yields the interpreter this often to the loop.
    assert switch == SWITCH_INTERVAL_SECONDS < 0.005  # Python's default is 5 ms
    assert young == GC_YOUNG_THRESHOLD
    assert frozen > 0  # what start-up built is never walked by the collector again
    # Every route was readied and the OpenAPI document written before the first request:
    # the first caller of each route (or of /openapi.json) does not hold the event loop.
    assert ready


def test_an_app_made_outside_serve_leaves_the_interpreter_alone():
    before = (sys.getswitchinterval(), gc.get_threshold())
    app_factory()
    assert (sys.getswitchinterval(), gc.get_threshold()) == before
