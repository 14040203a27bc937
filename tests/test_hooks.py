"""Hooks see every attempt, answer and retry of a call, sync and async, and never change its outcome."""

from __future__ import annotations

import asyncio
import logging
import subprocess
import sys
import time
from typing import Any

import attrs
import httpx
import pytest

import contiguity_ext as contiguity
from contiguity_ext._transport import USER_AGENT
from contiguity_ext.hooks import (
    REDACTED,
    Call,
    ConnectionErrorEvent,
    Hooks,
    RequestEvent,
    ResponseEvent,
    RetryEvent,
)
from tests.support.driven import Clients
from tests.support.recording import Recorder, envelope, error_envelope, in_turn, message_sent, send_text

PHONE = "+15555555555"
TOKEN = "contiguity_sk_HOOKSECRET"


def recording_hooks(events: list[object]) -> Hooks:
    return Hooks(
        on_request=events.append,
        on_response=events.append,
        on_retry=events.append,
        on_connection_error=events.append,
    )


def summary(events: list[object]) -> list[tuple[Any, ...]]:
    """Each event as (kind, attempt, what matters about it)."""
    rows: list[tuple[Any, ...]] = []
    for event in events:
        if isinstance(event, RequestEvent):
            rows.append(("request", event.attempt))
        elif isinstance(event, ResponseEvent):
            rows.append(("response", event.attempt, event.status_code, event.request_id, event.retrying))
        elif isinstance(event, RetryEvent):
            rows.append(("retry", event.attempt, event.reason, event.delay))
        elif isinstance(event, ConnectionErrorEvent):
            rows.append(("connection error", event.attempt, type(event.error).__name__))
    return rows


def test_a_successful_call_is_one_request_and_one_final_response(recorder: Recorder, is_async: bool) -> None:
    events: list[object] = []
    before = time.perf_counter()
    result = send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    took = time.perf_counter() - before
    assert result.data.message_id == "text_1"
    assert summary(events) == [("request", 1), ("response", 1, 200, "req_test", False)]
    response = events[1]
    assert isinstance(response, ResponseEvent)
    assert response.is_success
    assert 0 <= response.elapsed <= took
    assert response.headers["content-type"] == "application/json"


def test_every_event_of_a_call_shares_one_call_naming_the_operation(
    recorder: Recorder, is_async: bool
) -> None:
    events: list[Any] = []
    send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    calls = [event.call for event in events]
    assert calls[0] is calls[1]
    assert calls[2] is calls[3]
    assert calls[0] is not calls[2]
    assert isinstance(calls[0], Call)
    assert (calls[0].operation_id, calls[0].method, calls[0].url) == (
        "sendText",
        "POST",
        "https://api.contiguity.com/send/text",
    )


def test_a_rate_limited_call_reports_the_answer_the_retry_and_the_next_attempt(
    recorder: Recorder, is_async: bool
) -> None:
    recorder.handler = in_turn(
        httpx.Response(429, headers={"retry-after": "0.25"}, json=error_envelope(429, "slow down")),
        message_sent(),
    )
    events: list[object] = []
    send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    assert summary(events) == [
        ("request", 1),
        ("response", 1, 429, "err_test", True),
        ("retry", 2, "HTTP 429", 0.25),
        ("request", 2),
        ("response", 2, 200, "req_test", False),
    ]


def test_an_error_status_ends_the_call_with_a_final_response(recorder: Recorder, is_async: bool) -> None:
    recorder.handler = in_turn(httpx.Response(400, json=error_envelope(400, "bad number")))
    events: list[object] = []
    with pytest.raises(contiguity.BadRequestError):
        send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    assert summary(events) == [("request", 1), ("response", 1, 400, "err_test", False)]


def test_failed_connections_are_retried_then_end_with_a_connection_error_event(
    recorder: Recorder, is_async: bool
) -> None:
    refused = httpx.ConnectError("refused")
    recorder.handler = in_turn(refused, refused, refused)
    events: list[object] = []
    with pytest.raises(contiguity.APIConnectionError) as raised:
        send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    rows = summary(events)
    assert [row[:3] for row in rows] == [
        ("request", 1),
        ("retry", 2, "ConnectError"),
        ("request", 2),
        ("retry", 3, "ConnectError"),
        ("request", 3),
        ("connection error", 3, "APIConnectionError"),
    ]
    assert events[-1].error is raised.value  # type: ignore[attr-defined]
    assert len({id(event.call) for event in events}) == 1  # type: ignore[attr-defined]


def test_a_send_that_may_have_arrived_ends_at_once_with_the_timeout(
    recorder: Recorder, is_async: bool
) -> None:
    recorder.handler = in_turn(httpx.ReadTimeout("slow"))
    events: list[object] = []
    with pytest.raises(contiguity.APITimeoutError):
        send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events))
    assert summary(events) == [("request", 1), ("connection error", 1, "APITimeoutError")]
    final = events[-1]
    assert isinstance(final, ConnectionErrorEvent)
    assert final.error.may_have_been_sent


def test_request_events_show_the_headers_sent_without_the_token(recorder: Recorder, is_async: bool) -> None:
    events: list[Any] = []
    send_text(recorder, is_async=is_async, token=TOKEN, hooks=recording_hooks(events), app_info="shop/2.1")
    request = events[0]
    assert isinstance(request, RequestEvent)
    assert request.headers["Authorization"] == REDACTED
    assert request.headers["User-Agent"].endswith(" shop/2.1")
    assert recorder.requests[0].headers["authorization"] == f"Token {TOKEN}"
    for event in events:
        assert "HOOKSECRET" not in repr(event)


def test_async_hooks_may_be_coroutines_and_are_awaited_in_order(recorder: Recorder) -> None:
    seen: list[str] = []

    async def on_request(event: RequestEvent) -> None:
        await asyncio.sleep(0)
        seen.append(f"request {event.attempt}")

    def on_response(event: ResponseEvent) -> None:
        seen.append(f"response {event.status_code}")

    send_text(
        recorder, is_async=True, token=TOKEN, hooks=Hooks(on_request=on_request, on_response=on_response)
    )
    assert seen == ["request 1", "response 200"]


async def _coroutine_hook(event: RequestEvent) -> None:
    return None


@pytest.mark.parametrize(
    ("hooks", "message"),
    [
        (Hooks(on_request=_coroutine_hook), "on_request is a coroutine function"),
        ({"on_request": print}, "must be a contiguity_ext.hooks.Hooks, not dict"),
        (Hooks(on_retry=42), "on_retry must be callable, not int"),  # type: ignore[arg-type]
    ],
)
def test_the_sync_client_rejects_hooks_it_cannot_run(hooks: Any, message: str) -> None:
    with pytest.raises(contiguity.ValidationError, match=message) as raised:
        contiguity.login("t", hooks=hooks)
    assert raised.value.field == "hooks"


def test_the_async_client_rejects_uncallable_hooks() -> None:
    with pytest.raises(contiguity.ValidationError, match="on_response must be callable"):
        contiguity.login_async("t", hooks=Hooks(on_response="print"))  # type: ignore[arg-type]


def test_hooks_without_a_callback_keep_the_default_path(clients: Clients) -> None:
    client = clients.login("t", hooks=Hooks())
    assert client._context.transport._hooks is None


@pytest.mark.parametrize("name", ["on_request", "on_response"])
def test_a_failing_hook_is_logged_and_the_call_goes_on(
    recorder: Recorder, is_async: bool, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(event: object) -> None:
        raise RuntimeError("tracing backend down")

    with caplog.at_level(logging.WARNING, logger="contiguity"):
        result = send_text(recorder, is_async=is_async, token=TOKEN, hooks=Hooks(**{name: broken}))
    assert result.data.message_id == "text_1"
    assert len(recorder.requests) == 1
    [record] = [r for r in caplog.records if r.name == "contiguity"]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == f"the {name} hook raised; the call goes on"
    assert record.exc_info is not None
    assert "tracing backend down" in str(record.exc_info[1])


def test_a_failing_async_coroutine_hook_is_logged_too(
    recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(event: RetryEvent) -> None:
        raise RuntimeError("metrics down")

    recorder.handler = in_turn(httpx.Response(429, headers={"retry-after": "0"}), message_sent())
    with caplog.at_level(logging.WARNING, logger="contiguity"):
        result = send_text(recorder, is_async=True, token=TOKEN, hooks=Hooks(on_retry=broken))
    assert result.data.message_id == "text_1"
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "the on_retry hook raised; the call goes on"
    ]


# ---- default_headers and app_info ------------------------------------------------------------


def test_default_headers_go_with_every_request(recorder: Recorder, is_async: bool) -> None:
    send_text(
        recorder,
        is_async=is_async,
        token=TOKEN,
        default_headers={"X-Tenant": "acme", "user-agent": "custom/1"},
    )
    send_text(recorder, is_async=is_async, token=TOKEN, default_headers={"X-Tenant": "acme"})
    first, second = recorder.requests
    assert first.headers["x-tenant"] == second.headers["x-tenant"] == "acme"
    # Names match case-insensitively: the caller's User-Agent replaces the SDK's, not joins it.
    assert first.headers.get_list("user-agent") == ["custom/1"]
    assert second.headers["user-agent"].startswith("contiguity-typed-python/")


def test_default_headers_reach_the_client_the_sdk_creates_itself(
    recorder: Recorder, clients: Clients
) -> None:
    client = clients.login("t", default_headers={"X-Tenant": "acme"}, app_info="shop/2.1")
    client._context.transport._client._transport = httpx.MockTransport(recorder)
    client.text.send(to=PHONE, message="hi")
    [request] = recorder.requests
    assert request.headers["x-tenant"] == "acme"
    assert request.headers["user-agent"].endswith(" shop/2.1")
    assert request.headers["authorization"] == "Token t"


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        ({"Authorization": "Bearer other"}, "cannot set Authorization"),
        ({"AUTHORIZATION": "Token other"}, "cannot set Authorization"),
        ({"X-Note": "a\r\nX-Injected: 1"}, "the value of X-Note must be a str without line breaks"),
        ({"X-Count": 3}, "the value of X-Count must be a str"),
        ({"Bad Name": "x"}, "'Bad Name' is not a valid header name"),
        ([("X-Note", "a")], "must be a mapping of header names to values, not list"),
    ],
)
def test_bad_default_headers_are_rejected_before_anything_is_sent(
    is_async: bool, headers: Any, message: str
) -> None:
    make = contiguity.login_async if is_async else contiguity.login
    with pytest.raises(contiguity.ValidationError, match=message) as raised:
        make("t", default_headers=headers)
    assert raised.value.field == "default_headers"


def test_app_info_is_appended_to_the_user_agent(recorder: Recorder, is_async: bool) -> None:
    send_text(recorder, is_async=is_async, token=TOKEN, app_info="  my-shop/2.1 (+https://shop.example) ")
    assert recorder.requests[0].headers["user-agent"] == f"{USER_AGENT} my-shop/2.1 (+https://shop.example)"


@pytest.mark.parametrize("app_info", ["", "   ", "shop\r\nX-Injected: 1", "caf\u00e9/1", 21])
def test_bad_app_info_is_rejected(is_async: bool, app_info: Any) -> None:
    make = contiguity.login_async if is_async else contiguity.login
    with pytest.raises(contiguity.ValidationError) as raised:
        make("t", app_info=app_info)
    expected = (
        "must be a str, not int" if app_info == 21 else "must be printable ASCII text such as 'my-app/1.2'"
    )
    assert str(raised.value) == f"app_info: {expected}"


def test_hooks_work_without_opentelemetry_installed_or_imported() -> None:
    """Tracing is the user's choice: the SDK neither depends on nor loads OpenTelemetry."""
    from importlib.metadata import requires

    assert not [r for r in requires("contiguity-typed") or [] if "opentelemetry" in r.lower()]
    program = (
        "import sys, httpx, contiguity_ext as c\n"
        "from contiguity_ext.hooks import Hooks\n"
        "seen = []\n"
        f"answer = lambda r: httpx.Response(200, json={envelope({'message_id': 'm'})!r})\n"
        "client = c.login('t', hooks=Hooks(on_response=seen.append),\n"
        "                 http_client=httpx.Client(transport=httpx.MockTransport(answer)))\n"
        "client.text.send(to='+15555555555', message='hi')\n"
        "assert len(seen) == 1, seen\n"
        "assert not [m for m in sys.modules if m.startswith('opentelemetry')]\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True, timeout=60)


def test_a_callable_attrs_instance_is_a_hook_like_any_other(recorder: Recorder, is_async: bool) -> None:
    @attrs.define
    class Counter:
        calls: int = 0

        def __call__(self, event: object) -> None:
            self.calls += 1

    counter = Counter()
    send_text(recorder, is_async=is_async, hooks=Hooks(on_request=counter))
    assert counter.calls == 1
