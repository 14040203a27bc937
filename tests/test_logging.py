"""The ``contiguity`` logger: what each level prints, how it is turned on, and never the token."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext.hooks import Hooks
from tests.support.driven import Clients
from tests.support.recording import (
    Answer,
    Recorder,
    call_with,
    envelope,
    error_envelope,
    in_turn,
    message_sent,
)

PHONE = "+15555555555"
TOKEN = "contiguity_sk_LOGSECRET_81c"


def messages(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "contiguity" and r.levelno >= level]


def run(*answers: Answer, is_async: bool, call: str = "send", **options: Any) -> None:
    """One call on a client whose server gives ``answers`` in turn; its error, if any, is ignored."""

    def one_call(client: Any) -> Any:
        return client.text.send(to=PHONE, message="hi") if call == "send" else client.numbers.leased()

    with contextlib.suppress(contiguity.ContiguityError):
        call_with(Recorder(in_turn(*answers)), one_call, is_async=is_async, token=TOKEN, **options)


def test_info_is_silent_for_a_call_that_succeeds_first_time(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    with caplog.at_level(logging.INFO, logger="contiguity"):
        run(message_sent(), is_async=is_async)
    assert messages(caplog, logging.INFO) == []


def test_info_reports_each_retry_with_its_reason_number_and_delay(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    with caplog.at_level(logging.INFO, logger="contiguity"):
        run(
            httpx.Response(503, headers={"retry-after": "0.5"}),
            httpx.ConnectError("refused"),
            httpx.Response(200, json=envelope({"numbers": []})),
            call="leased",
            is_async=is_async,
        )
    [first, second] = messages(caplog, logging.INFO)
    assert first == "GET /numbers/leased: HTTP 503; retry 1/2 in 0.50 s"
    assert second.startswith("GET /numbers/leased: ConnectError; retry 2/2 in ")


def test_info_reports_a_call_that_failed_with_its_request_id(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    with caplog.at_level(logging.INFO, logger="contiguity"):
        run(httpx.Response(403, json=error_envelope(403, "no entitlement")), is_async=is_async)
    assert messages(caplog, logging.INFO) == ["POST /send/text failed: HTTP 403 (request id err_test)"]


def test_info_shows_a_dash_for_a_failed_call_without_a_request_id(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    with caplog.at_level(logging.INFO, logger="contiguity"):
        run(httpx.Response(403, json={"message": "no entitlement"}), is_async=is_async)
    assert messages(caplog, logging.INFO) == ["POST /send/text failed: HTTP 403 (request id -)"]


def test_info_reports_a_call_that_got_no_answer(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    with caplog.at_level(logging.INFO, logger="contiguity"):
        run(httpx.ReadTimeout("slow"), is_async=is_async)
    assert messages(caplog, logging.INFO) == [
        "POST /send/text timed out; the request may have been processed, so it was not retried"
    ]


def test_debug_adds_one_line_per_answer(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    with caplog.at_level(logging.DEBUG, logger="contiguity"):
        run(httpx.Response(429, headers={"retry-after": "0"}), message_sent(), is_async=is_async)
    lines = messages(caplog, logging.DEBUG)
    assert [line.split(" in ")[0] for line in lines] == [
        "POST /send/text -> 429 (request id -)",
        "POST /send/text: HTTP 429; retry 1/2",
        "POST /send/text -> 200 (request id req_test)",
    ]
    assert [r.levelno for r in caplog.records if r.name == "contiguity"] == [
        logging.DEBUG,
        logging.INFO,
        logging.DEBUG,
    ]


def test_no_level_shows_the_token_even_when_everything_goes_wrong(
    sdk_logger: logging.Logger, caplog: pytest.LogCaptureFixture, is_async: bool
) -> None:
    def broken(event: object) -> None:
        raise RuntimeError(f"hook saw {event!r}")

    hooks = Hooks(on_request=broken, on_response=broken, on_retry=broken)
    with caplog.at_level(logging.DEBUG, logger="contiguity"):
        run(
            httpx.Response(429, headers={"retry-after": "0"}),
            httpx.ConnectError("refused"),
            httpx.Response(401, json=error_envelope(401, "bad token")),
            hooks=hooks,
            debug=True,
            is_async=is_async,
        )
    assert len(caplog.records) >= 8
    assert "LOGSECRET" not in caplog.text
    for record in caplog.records:
        assert "LOGSECRET" not in repr(record.__dict__)


@pytest.mark.parametrize(
    ("setting", "debug", "level"),
    [
        ("info", False, logging.INFO),
        (" INFO ", False, logging.INFO),
        ("debug", False, logging.DEBUG),
        ("Debug", False, logging.DEBUG),
        ("info", True, logging.DEBUG),
        ("", True, logging.DEBUG),
        ("", False, logging.NOTSET),
    ],
)
def test_contiguity_log_sets_the_level(
    sdk_logger: logging.Logger,
    monkeypatch: pytest.MonkeyPatch,
    clients: Clients,
    setting: str,
    debug: bool,
    level: int,
) -> None:
    monkeypatch.setenv("CONTIGUITY_LOG", setting)
    clients.login("t", debug=debug)
    assert sdk_logger.level == level
    assert len(sdk_logger.handlers) == (0 if level == logging.NOTSET else 1)


def test_the_sdk_handler_prints_time_logger_level_and_message(
    sdk_logger: logging.Logger, clients: Clients
) -> None:
    clients.login("t", debug=True)
    (handler,) = sdk_logger.handlers
    record = sdk_logger.makeRecord("contiguity", logging.INFO, __file__, 1, "retry %d", (2,), None)
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} contiguity INFO retry 2", handler.format(record)
    )


def test_a_level_the_program_chose_is_never_raised(
    sdk_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, clients: Clients
) -> None:
    sdk_logger.setLevel(logging.DEBUG)
    monkeypatch.setenv("CONTIGUITY_LOG", "info")
    clients.login("t")
    assert sdk_logger.level == logging.DEBUG


def test_an_unknown_setting_is_ignored_with_a_warning(
    sdk_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, clients: Clients
) -> None:
    monkeypatch.setenv("CONTIGUITY_LOG", "verbose")
    with pytest.warns(UserWarning, match="CONTIGUITY_LOG='verbose' is ignored: use one of debug, info"):
        clients.login("t")
    assert sdk_logger.level == logging.NOTSET


@pytest.mark.skipif(
    "MUTANT_UNDER_TEST" in os.environ, reason="mutmut's trampolines stand between the package's frames"
)
@pytest.mark.parametrize(
    "make", [contiguity.login, contiguity.login_async, contiguity.Contiguity, contiguity.AsyncContiguity]
)
def test_the_warning_points_at_the_line_that_made_the_client(
    sdk_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, make: Callable[[str], object]
) -> None:
    monkeypatch.setenv("CONTIGUITY_LOG", "verbose")
    with pytest.warns(UserWarning, match="is ignored") as caught:
        make("t")
    assert [warning.filename for warning in caught] == [__file__]


def test_contiguity_log_prints_to_stderr_in_a_fresh_program() -> None:
    """What a user sees: nothing on stdout, the documented line format on stderr."""
    program = textwrap.dedent(
        f"""
        import httpx
        import contiguity_ext as contiguity

        def answer(request):
            return httpx.Response(400, json={{"id": "req_9", "data": {{"error": "no", "status": 400}}}})

        client = contiguity.login("{TOKEN}", http_client=httpx.Client(transport=httpx.MockTransport(answer)))
        try:
            client.text.send(to="{PHONE}", message="hi")
        except contiguity.BadRequestError:
            print("raised")
        """
    )
    environment = {**os.environ, "CONTIGUITY_LOG": "info"}
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=True,
    )
    assert done.stdout == "raised\n"
    [line] = done.stderr.splitlines()
    assert line.endswith(" contiguity INFO POST /send/text failed: HTTP 400 (request id req_9)")
    assert "LOGSECRET" not in done.stderr
