"""Per-request latency of the HTTP sandbox, next to the minimal loopback server.

What a user's integration test pays per call: one ``httpx.Client`` keeps its connection alive and
sends ``POST /send/text`` one request at a time; each request is timed from send to the last
byte of the answer. The same client against :mod:`benchmarks.server` (no framework, answers
prepared in advance) shows what the loopback round trip alone costs.
"""

from __future__ import annotations

import statistics
import time

import httpx

__all__ = ["median_latency"]

_BODY = {"to": "+15555550100", "message": "benchmark"}


def median_latency(base_url: str, *, calls: int, warmup: int) -> float:
    """Median seconds per ``POST /send/text`` on one reused connection."""
    samples: list[float] = []
    with httpx.Client(base_url=base_url, headers={"Authorization": "Token bench"}) as client:
        for index in range(warmup + calls):
            started = time.perf_counter()
            response = client.post("/send/text", json=_BODY)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise RuntimeError(f"{base_url} answered {response.status_code}: {response.text[:200]}")
            if index >= warmup:
                samples.append(elapsed)
    return statistics.median(samples)
