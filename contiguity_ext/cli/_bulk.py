"""``contiguity text send-bulk``: a CSV of recipients, one templated text each, journaled."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from rich.console import Console, Group, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from .. import bulk
from ._app import InputError, client, emit, options, table

_RATE = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*(?:/\s*(s|sec|second|m|min|minute))?\s*")
_PER_MINUTE = {"m", "min", "minute"}


def _rate(ctx: click.Context, param: click.Parameter, value: str) -> float:
    """Sends per second, from ``10``, ``10/s`` or ``600/min``."""
    match = _RATE.fullmatch(value)
    rate = float(match.group(1)) if match else 0.0
    if match is None or not rate > 0:
        raise click.BadParameter(f"{value!r} is not a rate such as 10/s or 600/min", ctx, param)
    return rate / 60 if match.group(2) in _PER_MINUTE else rate


@click.command("send-bulk")
@click.argument("recipients_csv", metavar="RECIPIENTS.csv", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--message",
    "-m",
    required=True,
    metavar="TEMPLATE",
    help="The text, with {column} placeholders filled from each row, e.g. 'Hi {name}'.",
)
@click.option(
    "--to-column", default="to", show_default=True, metavar="COLUMN", help="The phone number column."
)
@click.option("--from", "from_", metavar="NUMBER", help="One of your leased numbers [default: any of yours]")
@click.option(
    "--rate",
    callback=_rate,
    metavar="N/s",
    default=f"{bulk.DEFAULT_RATE:g}/s",
    show_default=True,
    help="Most sends per second (also N/min); the default is the API's documented per-line limit.",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=bulk.DEFAULT_CONCURRENCY,
    show_default=True,
    help="Requests in flight at once.",
)
@click.option("--dry-run", is_flag=True, help="Check every row and report bad ones; send nothing.")
@click.option(
    "--journal",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="SQLite file recording every row before it is sent and when answered; re-run the same "
    "command with it after a crash or Ctrl-C to send only the rows never attempted.",
)
@click.option(
    "--retry-unknown",
    is_flag=True,
    help="Also send again the rows sent without an answer in an earlier run (they may arrive twice).",
)
@click.pass_context
def send_bulk(
    ctx: click.Context,
    recipients_csv: Path,
    message: str,
    to_column: str,
    from_: str | None,
    rate: float,
    concurrency: int,
    dry_run: bool,
    journal: Path | None,
    retry_unknown: bool,
) -> None:
    """Text everyone in a CSV file (with a header row), one message each.

    Every row is checked first; if any is bad, they are listed with their line numbers and
    nothing is sent. Exit status: 0 when every row has been sent, 1 when some were refused,
    failed (now or in an earlier run) or have no known outcome, 2 for bad rows or options.
    """
    recipients = bulk.read_csv(recipients_csv, message=message, to_column=to_column)
    if dry_run or recipients.problems:
        _report_check(ctx, recipients, dry_run)
        return
    sdk = client(ctx)
    with _ProgressBar(ctx, len(recipients.rows)) as on_outcome:
        try:
            report = bulk.send(
                sdk,
                recipients.rows,
                journal=journal,
                from_=from_,
                rate=rate,
                concurrency=concurrency,
                retry_unknown=retry_unknown,
                on_outcome=on_outcome,
            )
        except KeyboardInterrupt:
            click.echo(
                "interrupted: every answer so far is recorded"
                + ("; re-run the same command to go on" if journal is not None else ""),
                err=True,
            )
            raise click.exceptions.Exit(130) from None
    emit(ctx, _report_json(report), _report_human(report, journal))
    ctx.exit(0 if report.complete else 1)


def _report_check(ctx: click.Context, recipients: bulk.Recipients, dry_run: bool) -> None:
    problems = [{"line": p.line, "reason": p.reason} for p in recipients.problems]
    if recipients.problems and not options(ctx).as_json:
        click.echo("\n".join(f"line {p.line}: {p.reason}" for p in recipients.problems), err=True)
    if not dry_run:
        detail = "; ".join(str(p) for p in recipients.problems) if options(ctx).as_json else "see above"
        raise InputError(f"{len(problems)} bad row(s), nothing was sent ({detail})")
    summary = f"{len(recipients.rows)} row(s) ready, {len(problems)} bad; nothing sent (dry run)"
    emit(ctx, {"ready": len(recipients.rows), "problems": problems}, Text(summary))
    ctx.exit(2 if problems else 0)


class _ProgressBar:
    """A progress bar on stderr, advanced by each row's outcome (none under --json).

    It appears with the first outcome, so a run that fails before sending prints nothing else.
    """

    def __init__(self, ctx: click.Context, total: int) -> None:
        self._bar: Progress | None = None
        self._started = threading.Lock()
        if not options(ctx).as_json:
            self._bar = Progress(
                TextColumn("Sending"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("send", total=total)

    def __enter__(self) -> Callable[[bulk.Outcome], None] | None:
        bar = self._bar
        if bar is None:
            return None
        task = self._task

        def advance(_outcome: bulk.Outcome) -> None:
            with self._started:
                if not bar.live.is_started:
                    bar.start()
            bar.advance(task)

        return advance

    def __exit__(self, *exc_info: object) -> None:
        if self._bar is not None and self._bar.live.is_started:
            self._bar.stop()


def _report_json(report: bulk.Report) -> dict[str, Any]:
    def rows(outcomes: tuple[bulk.Outcome, ...]) -> list[dict[str, Any]]:
        return [
            {
                "line": o.recipient.line,
                "to": o.recipient.to,
                "message_id": o.message_id,
                "error": o.error,
                "status_code": o.status_code,
            }
            for o in outcomes
        ]

    return {
        "sent": rows(report.sent),
        "failed": rows(report.failed),
        "not_sent": rows(report.not_sent),
        "unknown": [{"line": r.line, "to": r.to} for r in report.unknown],
        "answered_before": len(report.answered_before),
        "failed_before": rows(report.failed_before),
    }


def _report_human(report: bulk.Report, journal: Path | None) -> RenderableType:
    summary = (
        f"Sent {len(report.sent)}, refused {len(report.failed)}, not sent {len(report.not_sent)}, "
        f"unknown {len(report.unknown)}; {len(report.answered_before)} answered in an earlier run."
    )
    parts: list[RenderableType] = [Text(summary)]
    trouble = [
        *((str(o.recipient.line), o.recipient.to, "refused", o.error or "") for o in report.failed),
        *(
            (str(o.recipient.line), o.recipient.to, "refused earlier", o.error or "")
            for o in report.failed_before
        ),
        *((str(o.recipient.line), o.recipient.to, "not sent", o.error or "") for o in report.not_sent),
        *(
            (str(r.line), r.to, "unknown", "sent, no answer; not sent again unless --retry-unknown")
            for r in report.unknown
        ),
    ]
    if trouble:
        parts.append(table("Rows to look at", ("Line", "To", "Outcome", "Detail"), trouble))
    if report.not_sent and journal is not None:
        parts.append(Text("Re-run the same command to send the rows not sent."))
    return Group(*parts)
