"""``contiguity text send-bulk`` against the HTTP sandbox, including runs killed half-way.

The guarantees are proven by counting what the sandbox received: each process is a real
subprocess, stopped with SIGKILL (a crash) or SIGINT (Ctrl-C) once its journal shows progress.
"""

from __future__ import annotations

import contextlib
import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from contiguity_ext.cli import main

TEMPLATE = "Hi {name}, your code is {code}"
DEADLINE = 60.0
# Answers after 60 s: the send takes effect, the client is still waiting when it is killed.
NO_ANSWER = "+15555550183"


@pytest.fixture
def base_url(sandbox_url: str) -> str:
    httpx.post(f"{sandbox_url}/_sandbox/reset").raise_for_status()
    return sandbox_url


def received(base_url: str) -> Counter[str]:
    messages = httpx.get(f"{base_url}/_sandbox/messages").json()["data"]["messages"]
    return Counter(m["to"] for m in messages if m["kind"] == "text")


def write_csv(path: Path, numbers: list[str]) -> Path:
    lines = ["phone,name,code", *(f"{n},Name{i},{1000 + i}" for i, n in enumerate(numbers))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def numbers(count: int, start: int = 200) -> list[str]:
    return [f"+1202555{n:04d}" for n in range(start, start + count)]


def journal_states(journal: Path) -> dict[int, str]:
    if not journal.exists():
        return {}
    with contextlib.closing(sqlite3.connect(journal)) as db:  # 3.13 warns of an unclosed one
        try:
            return dict(db.execute("SELECT line, state FROM rows"))
        except sqlite3.OperationalError:  # the table is not created yet
            return {}


def command(base_url: str, csv: Path, journal: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "contiguity_ext.cli", "--token", "contiguity_sk_bulk", "--base-url", base_url,
        "text", "send-bulk", str(csv), "--message", TEMPLATE, "--to-column", "phone",
        "--journal", str(journal), *extra,
    ]  # fmt: skip


def run_to_end(argv: list[str]) -> tuple[int, dict[str, Any]]:
    done = subprocess.run([*argv, "--json"], capture_output=True, text=True, timeout=DEADLINE, check=False)
    return done.returncode, json.loads(done.stdout)


def stop_when(process: subprocess.Popen[str], ready: Callable[[], bool], signal_number: int) -> None:
    """Poll until ``ready()`` (bounded by DEADLINE), then send ``signal_number`` and reap."""
    deadline = time.monotonic() + DEADLINE
    while not ready():
        assert process.poll() is None, "the run ended before the test could stop it"
        assert time.monotonic() < deadline, "the run made no progress"
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.02)  # a pause that also notices an early exit
    process.send_signal(signal_number)
    process.wait(timeout=DEADLINE)


def start(argv: list[str]) -> subprocess.Popen[str]:
    # As from a terminal: a run launched in the background of a script inherits an ignored
    # SIGINT, and Python then installs no KeyboardInterrupt handler, so Ctrl-C could not be tested.
    return subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint
    )


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def reap(process: subprocess.Popen[str]) -> tuple[str, str]:
    out, err = process.communicate(timeout=DEADLINE)
    return out, err


def test_killed_run_resumes_sending_each_row_once(base_url: str, tmp_path: Path) -> None:
    recipients = numbers(40)
    csv, journal = write_csv(tmp_path / "r.csv", recipients), tmp_path / "journal.sqlite"
    process = start(command(base_url, csv, journal, "--rate", "40/s", "--concurrency", "2", "--json"))
    stop_when(process, lambda: list(journal_states(journal).values()).count("sent") >= 10, signal.SIGKILL)
    reap(process)
    assert process.returncode == -signal.SIGKILL

    states = journal_states(journal)
    line_of = {number: line for line, number in enumerate(recipients, start=2)}
    got = received(base_url)
    assert max(got.values()) == 1
    # Nothing reached the API without being journaled first; every answered row did reach it.
    assert {line_of[n] for n in got} <= states.keys()
    assert {line for line, state in states.items() if state == "sent"} <= {line_of[n] for n in got}
    in_flight = sorted(line for line, state in states.items() if state == "sending")
    assert len(in_flight) <= 2

    code, report = run_to_end(command(base_url, csv, journal, "--rate", "1000/s"))
    assert [row["line"] for row in report["unknown"]] == in_flight
    assert code == (1 if in_flight else 0)
    assert sorted(row["line"] for row in report["sent"]) == sorted(line_of.values() - states.keys())
    assert report["answered_before"] == list(states.values()).count("sent")
    got = received(base_url)
    unknown = {recipients[line - 2] for line in in_flight}
    assert all(got[n] == 1 for n in recipients if n not in unknown)
    assert all(got[n] <= 1 for n in unknown)

    before_retry = got
    code, report = run_to_end(command(base_url, csv, journal, "--rate", "1000/s", "--retry-unknown"))
    assert (code, report["unknown"], len(report["sent"])) == (0, [], len(in_flight))
    got = received(base_url)
    assert got == before_retry + Counter(unknown)
    assert set(got) == set(recipients)


def test_a_row_without_an_answer_is_listed_and_not_sent_again(base_url: str, tmp_path: Path) -> None:
    recipients = [*numbers(2), NO_ANSWER, *numbers(3, start=300)]
    csv, journal = write_csv(tmp_path / "r.csv", recipients), tmp_path / "journal.sqlite"
    process = start(command(base_url, csv, journal, "--rate", "1000/s", "--concurrency", "2", "--json"))

    def stuck_on_the_silent_row() -> bool:
        states = journal_states(journal)
        return (
            states.get(4) == "sending"
            and list(states.values()).count("sent") == 5
            and NO_ANSWER in received(base_url)
        )

    stop_when(process, stuck_on_the_silent_row, signal.SIGKILL)
    reap(process)

    code, report = run_to_end(command(base_url, csv, journal, "--rate", "1000/s"))
    assert (code, report["unknown"], report["sent"], report["answered_before"]) == (
        1, [{"line": 4, "to": NO_ANSWER}], [], 5,
    )  # fmt: skip
    assert received(base_url) == Counter(recipients)

    human = subprocess.run(command(base_url, csv, journal), capture_output=True, text=True, timeout=DEADLINE)
    assert human.returncode == 1
    [row] = [line for line in human.stdout.splitlines() if NO_ANSWER in line]
    assert "unknown" in row
    assert row.split()[1] == "4"
    assert received(base_url) == Counter(recipients)


def test_ctrl_c_records_what_is_in_flight_and_resumes(base_url: str, tmp_path: Path) -> None:
    recipients = numbers(30, start=400)
    csv, journal = write_csv(tmp_path / "r.csv", recipients), tmp_path / "journal.sqlite"
    # 10/s leaves the run 2.5 s after the fifth send for the interrupt to land on a busy machine.
    process = start(command(base_url, csv, journal, "--rate", "10/s", "--concurrency", "3"))
    stop_when(process, lambda: list(journal_states(journal).values()).count("sent") >= 5, signal.SIGINT)
    _, err = reap(process)
    assert process.returncode == 130
    assert "interrupted: every answer so far is recorded; re-run the same command to go on" in err
    states = journal_states(journal)
    assert set(states.values()) == {"sent"}  # requests in flight finished and were recorded
    assert sum(received(base_url).values()) == len(states)

    code, report = run_to_end(command(base_url, csv, journal, "--rate", "1000/s"))
    assert (code, report["answered_before"], len(report["sent"])) == (0, len(states), 30 - len(states))
    assert received(base_url) == Counter(recipients)


# ---- in-process: checks, output and options ------------------------------------------------


def cli(base_url: str, *args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(
        main, ["--token", "contiguity_sk_bulk", "--base-url", base_url, "text", "send-bulk", *args],
        env={"COLUMNS": "200", **(env or {})}, catch_exceptions=False,
    )  # fmt: skip


def test_a_terminal_gets_a_progress_bar(base_url: str, tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "r.csv", numbers(2))
    # rich 14+ reads the TTY_ variables; FORCE_COLOR stands in for a terminal on rich 13 too.
    terminal = {"TTY_INTERACTIVE": "1", "TTY_COMPATIBLE": "1", "FORCE_COLOR": "1"}
    result = cli(base_url, str(csv), "-m", TEMPLATE, "--to-column", "phone", "--rate", "100/s", env=terminal)
    assert result.exit_code == 0
    assert "Sending" in result.stderr
    assert "2/2" in result.stderr
    assert result.stdout == "Sent 2, refused 0, not sent 0, unknown 0; 0 answered in an earlier run.\n"
    quiet = cli(base_url, str(csv), "-m", TEMPLATE, "--to-column", "phone", "--json", env=terminal)
    assert quiet.stderr == ""


def test_dry_run_checks_every_row_and_sends_nothing(base_url: str, tmp_path: Path) -> None:
    csv = tmp_path / "r.csv"
    csv.write_text(
        "to,name,code\n+12025550200,Ada,1\nnot a number,Bob,2\n+12025550201,,3\n", encoding="utf-8"
    )
    result = cli(base_url, str(csv), "-m", TEMPLATE, "--dry-run")
    assert result.exit_code == 2
    assert result.stdout == "1 row(s) ready, 2 bad; nothing sent (dry run)\n"
    assert result.stderr.startswith("line 3: to: 'not a number' contains letters")
    assert "line 4: name: no value on line 4" in result.stderr
    as_json = cli(base_url, str(csv), "-m", TEMPLATE, "--dry-run", "--json")
    assert json.loads(as_json.stdout)["problems"][1] == {"line": 4, "reason": "name: no value on line 4"}
    assert received(base_url) == Counter()


def test_bad_rows_stop_a_real_run_before_anything_is_sent(base_url: str, tmp_path: Path) -> None:
    csv = tmp_path / "r.csv"
    csv.write_text("to,name,code\n+12025550200,Ada,1\nnot a number,Bob,2\n", encoding="utf-8")
    result = cli(base_url, str(csv), "-m", TEMPLATE, "--json")
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "InputError"
    assert error["message"].startswith("1 bad row(s), nothing was sent (line 3: to: 'not a number'")
    assert received(base_url) == Counter()
    clean = cli(base_url, str(csv), "-m", TEMPLATE, "--dry-run")
    assert clean.exit_code == 2


def test_a_clean_run_reports_each_row(base_url: str, tmp_path: Path) -> None:
    csv = write_csv(tmp_path / "r.csv", numbers(3))
    result = cli(base_url, str(csv), "-m", TEMPLATE, "--to-column", "phone", "--rate", "600/min", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [(row["line"], row["to"]) for row in report["sent"]] == list(
        zip(range(2, 5), numbers(3), strict=True)
    )
    assert all(row["message_id"].startswith("text_") for row in report["sent"])
    texts = httpx.get(f"{base_url}/_sandbox/messages").json()["data"]["messages"]
    assert sorted(m["message"] for m in texts) == [f"Hi Name{i}, your code is {1000 + i}" for i in range(3)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--rate", "fast"], "Invalid value for '--rate': 'fast' is not a rate such as 10/s or 600/min"),
        (["--rate", "0/s"], "Invalid value for '--rate': '0/s' is not a rate such as 10/s or 600/min"),
        (["--concurrency", "0"], "Invalid value for '--concurrency': 0 is not in the range x>=1."),
        (["--to-column", "mobile"], "to_column: no column 'mobile' (the columns are: phone, name, code)"),
        (
            ["--journal", "no-such-directory/journal.sqlite"],
            "journal: cannot use no-such-directory/journal.sqlite as a journal: unable to open database file",
        ),
    ],
)
def test_bad_options_are_usage_errors(base_url: str, tmp_path: Path, args: list[str], message: str) -> None:
    csv = write_csv(tmp_path / "r.csv", numbers(1))
    result = cli(
        base_url,
        str(csv),
        "-m",
        TEMPLATE,
        *(args if "--to-column" in args else ["--to-column", "phone", *args]),
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {message}")
    assert received(base_url) == Counter()
