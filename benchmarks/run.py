"""``make bench``: run every benchmark once, print the table, write ``docs/benchmarks.md``.

``python -m benchmarks.run --quick`` runs each benchmark briefly (a check that the harness works;
its figures mean little) and leaves the docs alone.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from contiguity_ext.sandbox.process import running_sandbox

from . import phone_throughput
from .compare import Comparison, compare_async, compare_sync
from .imports import cold_start_times, startup_times
from .memory import measure_memory
from .overhead import measure_overhead
from .report import Row, machine, render_doc, render_table
from .sandbox_latency import median_latency
from .server import ROOT, BenchServer, measure_capacity

FULL = {
    "seq_calls": 2_000,
    "seq_rounds": 5,
    "seq_warmup": 200,
    "conc_calls": 5_000,
    "conc_rounds": 3,
    "conc_warmup": 300,
    "concurrency": 64,
    "import_runs": 10,
    "memory_sends": 10_000,
    "overhead_rounds": 30,
    "overhead_calls": 300,
    "latency_calls": 500,
}
QUICK = {
    "seq_calls": 20,
    "seq_rounds": 2,
    "seq_warmup": 5,
    "conc_calls": 20,
    "conc_rounds": 2,
    "conc_warmup": 8,
    "concurrency": 8,
    "import_runs": 1,
    "memory_sends": 20,
    "overhead_rounds": 2,
    "overhead_calls": 5,
    "latency_calls": 5,
}
TARGET_RATIO = 1.10
TARGET_IMPORT = 0.050
TARGET_COLD_START = 1.25
TARGET_E164 = 200_000
TARGET_NATIONAL = 50_000
TARGET_SANDBOX_LATENCY = 0.002


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny rounds; do not write the docs")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md")
    options = parser.parse_args(argv)
    settings = QUICK if options.quick else FULL
    started = time.perf_counter()

    with BenchServer() as server:
        _progress("server capacity")
        capacity = measure_capacity(server.port, seconds=0.1 if options.quick else 1.0)
        _progress(f"sequential sends ({settings['seq_rounds']} rounds of {settings['seq_calls']:,} each)")
        sequential = compare_sync(
            server.url,
            calls=settings["seq_calls"],
            rounds=settings["seq_rounds"],
            warmup=settings["seq_warmup"],
        )
        _progress(f"concurrent sends ({settings['conc_rounds']} rounds of {settings['conc_calls']:,} each)")
        concurrent = compare_async(
            server.url,
            calls=settings["conc_calls"],
            rounds=settings["conc_rounds"],
            warmup=settings["conc_warmup"],
            concurrency=settings["concurrency"],
        )
        _progress("SDK overhead without network")
        overhead = measure_overhead(rounds=settings["overhead_rounds"], calls=settings["overhead_calls"])
        _progress(f"start-up ({settings['import_runs']} interpreters per figure)")
        startup = startup_times(server.url, runs=settings["import_runs"])
        cold = cold_start_times(server.url, runs=settings["import_runs"] * 2)
        _progress("phone numbers")
        phones = phone_throughput.measure(seconds=0.05 if options.quick else 1.0)
        _progress("memory")
        imported = measure_memory(server.url, 0)
        sending = measure_memory(server.url, settings["memory_sends"])
        _progress(f"HTTP sandbox latency ({settings['latency_calls']:,} requests)")
        loopback_latency = median_latency(server.url, calls=settings["latency_calls"], warmup=20)
    with running_sandbox() as sandbox_url:
        sandbox_latency = median_latency(sandbox_url, calls=settings["latency_calls"], warmup=20)

    rows = [
        _ratio_row(f"Sequential `text.send`, {settings['seq_calls']:,} calls (SDK ÷ raw httpx)", sequential),
        _ratio_row(
            f"Concurrent `text.send`, {settings['conc_calls']:,} calls at concurrency "
            f"{settings['concurrency']} (SDK ÷ raw httpx)",
            concurrent,
        ),
        Row(
            "SDK CPU time per call over raw httpx, no network (in-memory transport)",
            f"{(overhead['sdk'] - overhead['raw']) * 1e6:+,.0f} µs (raw {overhead['raw'] * 1e6:,.0f} µs, "
            f"SDK {overhead['sdk'] * 1e6:,.0f} µs)",
        ),
        Row(
            "`import contiguity_ext`",
            _ms(startup["import contiguity_ext"]),
            f"≤ {TARGET_IMPORT * 1000:.0f} ms",
            startup["import contiguity_ext"] <= TARGET_IMPORT,
        ),
        Row(
            "`import contiguity_client` (generated package; loads httpx)",
            _ms(startup["import contiguity_client"]),
        ),
        Row(
            "Cold start: `import contiguity_ext; login()` ÷ `import httpx; httpx.Client()`",
            f"{cold['sdk'] / cold['httpx']:.2f}× (httpx {_ms(cold['httpx'])}, SDK {_ms(cold['sdk'])})",
            f"≤ {TARGET_COLD_START:.2f}×",
            cold["sdk"] / cold["httpx"] <= TARGET_COLD_START,
        ),
        Row("`import contiguity_ext` + `login()`", _ms(startup["import contiguity_ext + login()"])),
        Row("… + first `text.send` (local server)", _ms(startup["import + login() + first text.send"])),
        Row("`import httpx`, for reference", _ms(startup["import httpx"])),
        Row(
            "`to_e164`, input already E.164",
            _rate(phones["e164"]),
            f"≥ {TARGET_E164:,}/s",
            phones["e164"] >= TARGET_E164,
        ),
        Row(
            "`to_e164`, national formats",
            _rate(phones["national"]),
            f"≥ {TARGET_NATIONAL:,}/s",
            phones["national"] >= TARGET_NATIONAL,
        ),
        Row("`to_e164`, national, each number new (cache cleared)", _rate(phones["national_uncached"])),
        Row("Peak RSS, import + `login()`", f"{imported['peak']:.1f} MiB"),
        Row(f"Peak RSS, {settings['memory_sends']:,} sync sends", f"{sending['peak']:.1f} MiB"),
        Row(
            f"RSS growth from send {settings['memory_sends'] // 10:,} to {settings['memory_sends']:,}",
            f"{sending['after_all'] - sending['after_tenth']:+.1f} MiB",
        ),
        Row(
            "HTTP sandbox, `POST /send/text` on a reused connection (median per request)",
            f"{sandbox_latency * 1000:.2f} ms (minimal loopback server: {loopback_latency * 1000:.2f} ms)",
            f"≤ {TARGET_SANDBOX_LATENCY * 1000:.0f} ms",
            sandbox_latency <= TARGET_SANDBOX_LATENCY,
        ),
    ]
    table = render_table(rows)
    server_line = (
        f"Loopback server capacity (raw-socket client): {capacity['pipelined']:,.0f} requests/s "
        f"pipelined, {capacity['ping_pong']:,.0f} requests/s one at a time; the fastest client "
        f"above sends {1 / min(sequential.raw_per_call, concurrent.raw_per_call):,.0f} requests/s."
    )
    if options.quick:
        print("\n--quick: rounds too small for the figures to mean anything")
    print(f"\n{server_line}\n\n{table}\n")
    if not options.quick:
        info = machine()
        options.output.write_text(
            render_doc(table=table, server=server_line, machine_info=info, settings=settings),
            encoding="utf-8",
        )
        print("\n".join(f"{key}: {value}" for key, value in info.items()))
        print(f"\nwritten to {options.output}")
    _progress(f"done in {time.perf_counter() - started:.0f} s")


def _ratio_row(name: str, comparison: Comparison) -> Row:
    raw_us, sdk_us = comparison.raw_per_call * 1e6, comparison.sdk_per_call * 1e6
    return Row(
        name,
        f"{comparison.ratio:.2f}× (raw {raw_us:,.0f} µs, SDK {sdk_us:,.0f} µs per call; "
        f"{sdk_us - raw_us:+,.0f} µs)",
        f"≤ {TARGET_RATIO:.2f}×",
        comparison.ratio <= TARGET_RATIO,
    )


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _rate(per_second: float) -> str:
    return f"{per_second:,.0f} numbers/s"


_STARTED = time.perf_counter()


def _progress(message: str) -> None:
    print(f"[bench {time.perf_counter() - _STARTED:5.1f} s] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
