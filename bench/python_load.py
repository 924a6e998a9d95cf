"""A small keep-alive HTTP/1.1 load client, for machines without wrk.

Usage: python -m bench.python_load BASE SECONDS CONNECTIONS SPEC.json
(SPEC: a JSON list of {method, path, headers, body}, sent in rotation.)
Prints: requests/s, p50 ms, p99 ms, non-2xx count.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import statistics
import sys
import time
from urllib.parse import urlsplit


async def _worker(
    host: str,
    port: int,
    requests: itertools.cycle[bytes],
    until: float,
    latencies: list[float],
    errors: list[int],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    while (start := time.perf_counter()) < until:
        writer.write(next(requests))
        head = await reader.readuntil(b"\r\n\r\n")
        length = int(head.lower().split(b"content-length:")[1].split(b"\r\n")[0])
        await reader.readexactly(length)
        latencies.append(time.perf_counter() - start)
        if not head.startswith(b"HTTP/1.1 2"):
            errors.append(1)
    writer.close()


def _raw_requests(host: str, spec_path: str) -> list[bytes]:
    """The requests of a JSON spec file: [{method, path, headers, body}, ...]."""
    with open(spec_path) as spec:
        mix = json.load(spec)
    out = []
    for r in mix:
        body = (r["body"] or "").encode()
        lines = "".join(f"{k}: {v}\r\n" for k, v in r["headers"].items())
        head = f"{r['method']} {r['path']} HTTP/1.1\r\nHost: {host}\r\n{lines}"
        out.append(f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)
    return out


async def main(base: str, seconds: int, connections: int, spec_path: str) -> None:
    url = urlsplit(base)
    raw = _raw_requests(url.netloc, spec_path)
    latencies: list[float] = []
    errors: list[int] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(
        *(
            _worker(
                url.hostname or "127.0.0.1",
                url.port or 80,
                itertools.cycle(raw),
                until,
                latencies,
                errors,
            )
            for _ in range(connections)
        )
    )
    cuts = statistics.quantiles(latencies, n=100)
    print(len(latencies) / seconds, cuts[49] * 1000, cuts[98] * 1000, len(errors))


if __name__ == "__main__":
    base, seconds, connections, spec_path = sys.argv[1:]
    asyncio.run(main(base, int(seconds), int(connections), spec_path))
