"""Keeps the benchmark harness working: tiny runs of every part, no timing asserted."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from benchmarks import run
from benchmarks.compare import Comparison, _schedule, compare_async, compare_sync
from benchmarks.imports import time_snippet
from benchmarks.memory import measure_memory
from benchmarks.overhead import profile_difference
from benchmarks.report import Row, render_table
from benchmarks.sends import AsyncRaw, AsyncSdk, SyncRaw, SyncSdk
from benchmarks.server import ENVELOPE, BenchServer, measure_capacity


@pytest.fixture(scope="module")
def server() -> Iterator[BenchServer]:
    with BenchServer() as running:
        yield running


def sends_served(server: BenchServer) -> int:
    count: int = httpx.get(server.url + "/stats").json()["send_text"]
    return count


def test_server_answers_the_envelope_and_404_otherwise(server: BenchServer) -> None:
    with httpx.Client(base_url=server.url) as client:
        sent = client.post("/send/text", json={"to": "+15555550100", "message": "hi"})
        assert sent.status_code == 200
        assert sent.content == ENVELOPE
        assert client.get("/elsewhere").status_code == 404
        closing = client.post("/send/text", content=b"{}", headers={"Connection": "close"})
        assert closing.json()["data"] == {"message_id": "text_x"}


def test_server_stops_with_its_owner() -> None:
    server = BenchServer()
    server.start()
    url = server.url
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(url + "/stats")


def test_capacity_is_measured_over_raw_sockets(server: BenchServer) -> None:
    before = sends_served(server)
    capacity = measure_capacity(server.port, seconds=0.05, depth=8)
    assert capacity["pipelined"] > 0
    assert capacity["ping_pong"] > 0
    assert sends_served(server) - before >= 9  # at least one batch of 8 and one single request


@pytest.mark.parametrize("mode", [SyncRaw, SyncSdk])
def test_each_sync_mode_sends_every_call(server: BenchServer, mode: type[SyncRaw | SyncSdk]) -> None:
    sender = mode(server.url)
    before = sends_served(server)
    try:
        assert sender.run(20) > 0
    finally:
        sender.close()
    assert sends_served(server) - before == 20


@pytest.mark.parametrize("mode", [AsyncRaw, AsyncSdk])
async def test_each_async_mode_sends_every_call(server: BenchServer, mode: type[AsyncRaw | AsyncSdk]) -> None:
    sender = mode(server.url, 8)
    before = sends_served(server)
    try:
        assert await sender.run(20) > 0
    finally:
        await sender.aclose()
    assert sends_served(server) - before == 20


def test_comparisons_alternate_rounds_and_report_ratios(server: BenchServer) -> None:
    before = sends_served(server)
    sequential = compare_sync(server.url, calls=20, rounds=2, warmup=1)
    concurrent = compare_async(server.url, calls=20, rounds=2, warmup=1, concurrency=4)
    for comparison in (sequential, concurrent):
        assert len(comparison.raw) == len(comparison.sdk) == 2
        assert comparison.ratio > 0
        assert comparison.sdk_per_call > 0
    # Per comparison: one warm-up call per side, then two rounds of 20 per side.
    assert sends_served(server) - before == 2 * (2 + 2 * 2 * 20)


def test_schedule_gives_each_side_every_call_and_alternates_who_goes_first() -> None:
    schedule = list(_schedule(rounds=2, calls=10, blocks=4))
    for round_index in range(2):
        for side in ("raw", "sdk"):
            sizes = [size for r, size, s in schedule if r == round_index and s == side]
            assert sum(sizes) == 10
            assert sizes == [3, 3, 2, 2]
    firsts = [side for _, _, side in schedule[::2]]
    assert firsts == ["raw", "sdk", "raw", "sdk", "sdk", "raw", "sdk", "raw"]


def test_a_comparison_reports_one_round_the_median_by_ratio() -> None:
    comparison = Comparison(calls=100, raw=(1.0, 2.0, 1.0), sdk=(1.5, 2.1, 0.9))

    assert comparison.ratio == pytest.approx(1.05)
    assert comparison.raw_per_call == pytest.approx(0.02)
    assert comparison.sdk_per_call == pytest.approx(0.021)


def test_startup_is_timed_in_a_child_interpreter(server: BenchServer) -> None:
    before = sends_served(server)
    seconds = time_snippet(
        "import contiguity_ext\ncontiguity_ext.login('t').text.send(to='+15555550100', message='m')",
        runs=1,
        base_url=server.url,
    )
    assert seconds > 0
    assert sends_served(server) - before == 1


def test_startup_failure_is_reported(server: BenchServer) -> None:
    with pytest.raises(RuntimeError, match="ModuleNotFoundError"):
        time_snippet("import no_such_module_here", runs=1, base_url=server.url)


def test_memory_child_sends_and_reports(server: BenchServer) -> None:
    before = sends_served(server)
    figures = measure_memory(server.url, 20)
    assert set(figures) == {"peak", "after_tenth", "after_all"}
    assert figures["peak"] >= figures["after_all"] > 0
    assert sends_served(server) - before == 20


def test_table_marks_targets_met_and_missed() -> None:
    table = render_table([Row("a", "1", "≤ 2", True), Row("b", "3", "≤ 2", False), Row("c", "4")])
    assert table.splitlines()[2:] == [
        "| a | 1 | ≤ 2 | met |",
        "| b | 3 | ≤ 2 | **not met** |",
        "| c | 4 | — | — |",
    ]


def test_quick_run_prints_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    run.main(["--quick"])
    printed = capsys.readouterr().out
    rows = [line for line in printed.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) == 1 + 16
    for benchmark in (
        "Sequential `text.send`",
        "Concurrent `text.send`",
        "`import contiguity_ext`",
        "Peak RSS",
        "HTTP sandbox",
    ):
        assert any(row.startswith(f"| {benchmark}") for row in rows), benchmark
    assert "Loopback server capacity" in printed


def test_profile_difference_names_the_sdk_frames() -> None:
    rows = profile_difference(20)
    names = [name for _, name in rows]
    assert any(name.startswith("contiguity_ext/_endpoint.py") for name in names)
    assert [difference for difference, _ in rows] == sorted((d for d, _ in rows), reverse=True)
