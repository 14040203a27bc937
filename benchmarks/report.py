"""The results table, the machine it was measured on, and ``docs/benchmarks.md``."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

import attrs

__all__ = ["Row", "machine", "render_doc", "render_table"]

_DISTRIBUTIONS = ("httpx", "httpcore", "h11", "anyio", "sniffio", "attrs", "fastjsonschema", "phonenumbers")


@attrs.frozen
class Row:
    """One line of the table; ``met`` is None for figures reported without a target."""

    benchmark: str
    measured: str
    target: str = "—"
    met: bool | None = None

    @property
    def status(self) -> str:
        return "—" if self.met is None else ("met" if self.met else "**not met**")


def render_table(rows: Sequence[Row]) -> str:
    """``rows`` as a markdown table."""
    lines = ["| Benchmark | Measured | Target | Status |", "| --- | --- | --- | --- |"]
    lines += [f"| {r.benchmark} | {r.measured} | {r.target} | {r.status} |" for r in rows]
    return "\n".join(lines)


def machine() -> dict[str, str]:
    """CPU, cores, OS, Python and the versions of the packages on the measured path."""
    versions = []
    for name in _DISTRIBUTIONS:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": _cpu_model(),
        "Cores": f"{os.cpu_count()} (usable by this process: {affinity})",
        "OS": platform.platform(),
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "Packages": ", ".join(versions),
    }


def _cpu_model() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


_DOC = """\
# Benchmarks

`make bench` (`python -m benchmarks.run`) measures what the SDK adds to each call, compared with
raw httpx doing the same work, against a loopback HTTP/1.1 server that answers `POST /send/text`
with a fixed success envelope. The server is an asyncio protocol over raw bytes running in a
process of its own; its capacity is measured first, so it is known not to be the bottleneck.
The figures below are from the latest run; `make bench` rewrites this file.

- **Sequential sends**: `client.text.send(to=..., message=...)` on the sync client against
  `httpx.Client.post` with the same JSON and token, the status checked and the JSON reply
  parsed. One long-lived client each, warmed up first. Each of {seq_rounds} rounds gives each side
  {seq_calls:,} calls in blocks that alternate between the sides, and the round whose SDK-over-raw
  ratio is the median is reported (its ratio and both per-call times), so a burst of load on
  the machine lands on both sides rather than on one side's whole round.
- **Concurrent sends**: the async client against `httpx.AsyncClient`, {conc_calls:,} sends per
  side and round through `asyncio.gather` with a semaphore of {concurrency}; {conc_rounds} rounds,
  interleaved and paired the same way.
- **Overhead without network**: the same two sequential loops sending through an in-memory
  `httpx.MockTransport`, CPU time only; the fastest of {overhead_rounds} alternating rounds of
  {overhead_calls} calls each. The SDK is given that client, so it pays httpx's per-request costs
  just as raw httpx does: this row is the SDK's own layer (argument checks, validation against
  the spec, typed models). `python -m benchmarks.overhead` also profiles where it goes.
- **Why the SDK can beat raw httpx over a socket**: the client the SDK creates for itself
  carries its headers (httpx merges per-request headers anew on every call) and skips httpx's
  cookie extraction for answers that set no cookie (httpx otherwise wraps every response and
  request in urllib's cookie classes, the largest single cost of a small call). The SDK's own
  layer costs the figure in the overhead row, and after socket I/O has evicted it from the CPU
  caches, about two to three times that.
- **Start-up**: time around the statements in a fresh interpreter (start-up of Python itself
  excluded), median of {import_runs} child processes, with bytecode caches in place as in an
  installed package. `import contiguity_ext` is lazy; the client loads at `login()`, with the
  generated models its operations name (each further model loads when a response first needs
  it), so the row with `login()` is what a program pays before its first call. When click and
  rich are installed (the `cli` extra), `import httpx` loads them too, for its own command line.
- **Phone numbers**: `contiguity_ext.phone.to_e164` on numbers already in E.164 and on 1,000
  national numbers in five formats (repeated, as a batch to a recipient list is; the uncached
  row clears the parse cache before every call).
- **Memory**: peak resident set size (`ru_maxrss`) of a child that imports and logs in, and of
  one that then sends {memory_sends:,} texts; the growth row compares resident size after a
  tenth of those sends with the end, which stays flat when nothing leaks.
- **HTTP sandbox latency**: one `httpx.Client` on a kept-alive connection sends `POST /send/text`
  to `python -m contiguity_ext.sandbox` one request at a time, {latency_calls:,} requests after a
  warm-up; the median from send to the answer's last byte. The same client against the loopback
  server above is the reference: what the round trip costs with no framework at all.

On a busy or shared machine single rounds still move by 10% or more (other processes take turns
with the client and the server); the paired median damps that, but read a ratio from one run
with it in mind.

## Results

{server}

{table}

## Machine

{machine}
"""


def render_doc(
    *,
    table: str,
    server: str,
    machine_info: dict[str, str],
    settings: dict[str, int],
) -> str:
    """The contents of ``docs/benchmarks.md``."""
    machine_lines = "\n".join(f"- **{key}**: {value}" for key, value in machine_info.items())
    return _DOC.format(table=table, server=server, machine=machine_lines, **settings)
