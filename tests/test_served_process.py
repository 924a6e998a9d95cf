"""The process `serve` runs tunes the interpreter for a server; an app made elsewhere (a test,
an embedder) leaves the interpreter as it found it: those settings are the process owner's."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from app.cli import GC_YOUNG_THRESHOLD, SWITCH_INTERVAL_SECONDS
from app.main import app_factory

_PROBE = """
import gc, json, sys
from app.cli import served_app
served_app()
print(json.dumps([sys.getswitchinterval(), gc.get_threshold()[0], gc.get_freeze_count()]))
"""


def test_a_served_process_hands_the_interpreter_to_its_event_loop_often_and_freezes_startup():
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True, timeout=120
    ).stdout
    switch, young, frozen = json.loads(out.strip().splitlines()[-1])
    # A worker thread validating an import yields the interpreter this often to the loop.
    assert switch == SWITCH_INTERVAL_SECONDS < 0.005  # Python's default is 5 ms
    assert young == GC_YOUNG_THRESHOLD
    assert frozen > 0  # what start-up built is never walked by the collector again


def test_an_app_made_outside_serve_leaves_the_interpreter_alone():
    before = (sys.getswitchinterval(), gc.get_threshold())
    app_factory()
    assert (sys.getswitchinterval(), gc.get_threshold()) == before
