"""Why the event loop stalls: `serve`'s app, wrapped to record each time the loop woke a 2 ms
heartbeat more than 20 ms late, with how much CPU the loop's own thread and the whole
process used meanwhile, every garbage collection (generation, thread, CPU), and the loop
thread's stack as a watchdog thread saw it during each stall.

- the loop thread's CPU close to the stall: the loop itself ran something that long;
- the process's CPU close to it, the loop's not: worker threads held the interpreter (a
  collection, or a C call over a whole batch);
- neither: the operating system ran other processes (a busy machine, not the service).

`GET /bench/stalls` answers (as JSON) what was recorded since the last call. For
`python -m bench.isolation --stalls`; a diagnostic, never served.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
import threading
import time
import traceback
from typing import Any

from starlette.types import Receive, Scope, Send

from app.cli import served_app as served

HEARTBEAT_SECONDS = 0.002
STALL_SECONDS = 0.02
_LOOP_THREAD = threading.main_thread().ident or 0
_record: dict[str, list[Any]] = {"stalls": [], "collections": [], "stacks": []}
_collecting: dict[int | None, tuple[float, float]] = {}
_beat = [time.perf_counter()]


def _collected(phase: str, info: dict[str, Any]) -> None:
    thread, now, cpu = threading.get_ident(), time.perf_counter(), time.thread_time()
    if phase == "start":
        _collecting[thread] = (now, cpu)
        return
    began, cpu_before = _collecting.pop(thread, (now, cpu))
    on_loop = thread == _LOOP_THREAD
    _record["collections"].append((began, now, info["generation"], on_loop, cpu - cpu_before))


def _watch() -> None:
    """The loop thread's stack while the heartbeat is late (the frame it is stuck in)."""
    while True:
        time.sleep(HEARTBEAT_SECONDS)
        if time.perf_counter() - _beat[0] > STALL_SECONDS:
            frame = sys._current_frames().get(_LOOP_THREAD)
            if frame is not None:
                stack = traceback.format_stack(frame, limit=30)
                _record["stacks"].append((_beat[0], "".join(stack[-6:])))


async def _heartbeat() -> None:
    while True:
        wall, loop_cpu, cpu = time.perf_counter(), time.thread_time(), time.process_time()
        _beat[0] = wall
        await asyncio.sleep(HEARTBEAT_SECONDS)
        now = _beat[0] = time.perf_counter()
        if now - wall > STALL_SECONDS + HEARTBEAT_SECONDS:
            _record["stalls"].append(
                (wall, now, time.thread_time() - loop_cpu, time.process_time() - cpu)
            )


def served_app() -> Any:
    app = served()
    gc.callbacks.append(_collected)
    threading.Thread(target=_watch, daemon=True).start()
    started: list[asyncio.Task[None]] = []

    async def recorded(scope: Scope, receive: Receive, send: Send) -> None:
        if not started and scope["type"] in ("lifespan", "http"):
            started.append(asyncio.get_running_loop().create_task(_heartbeat()))
        if scope["type"] == "http" and scope["path"] == "/bench/stalls":
            body = json.dumps(_record).encode()
            for kept in _record.values():
                kept.clear()
            await send({"type": "http.response.start", "status": 200, "headers": []})
            await send({"type": "http.response.body", "body": body})
            return
        await app(scope, receive, send)

    return recorded


def summary(record: dict[str, list[Any]], over: float = 0.05) -> str:
    """The stalls over `over` seconds, sorted by what the CPU figures say held the loop."""
    kinds = {"the loop itself": 0, "worker threads": 0, "other processes": 0}
    worst = 0.0
    for began, ended, loop_cpu, cpu in record["stalls"]:
        if ended - began <= over:
            continue
        worst = max(worst, ended - began)
        if loop_cpu >= (ended - began) / 2:
            kinds["the loop itself"] += 1
        elif cpu >= (ended - began) / 2:
            kinds["worker threads"] += 1
        else:
            kinds["other processes"] += 1
    loop_cpu = max((s[2] for s in record["stalls"]), default=0.0)
    collections = record["collections"]
    slowest = max((c[4] for c in collections if c[2] >= 1), default=0.0)
    full = sum(1 for c in collections if c[2] == 2)
    held = ", ".join(f"{n} by {kind}" for kind, n in kinds.items() if n) or "none"
    return (
        f"loop stalls over {over * 1000:.0f} ms: {held} (worst {worst * 1000:.0f} ms); "
        f"the loop's own CPU in one stall at most {loop_cpu * 1000:.0f} ms; "
        f"slowest older-generation collection {slowest * 1000:.0f} ms CPU, {full} full"
    )
