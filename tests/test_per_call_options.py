"""Per-call options, ``with_options`` and raw responses: each affects one call or one copy only."""

from __future__ import annotations

import datetime
import inspect
import json
import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx
import pytest
from contiguity_client.models import MessageSentResponse

import contiguity_ext as contiguity
from contiguity_ext import APIResponse, _endpoint
from contiguity_ext.testing import FakeClock
from tests.support.driven import Clients, collect_garbage, underlying
from tests.support.recording import Recorder, envelope

PHONE = "+15555555555"


def _owned_pool(recorder: Recorder, client: Any) -> None:
    """Point the client's own (not injected) pool at ``recorder``: the default fast path."""
    client._context.transport._client._transport = httpx.MockTransport(recorder)


def _status_then_ok(status: int) -> Recorder:
    """A recorder answering ``status`` until told otherwise (a retryable failure by default)."""
    return Recorder(lambda _request: httpx.Response(status, json={"message": "busy"}))


# ---- per-call options ------------------------------------------------------------------------


@pytest.mark.parametrize("owned", [False, True], ids=["injected-client", "own-client"])
def test_options_reach_that_request_only(recorder: Recorder, clients: Clients, owned: bool) -> None:
    client = clients.login() if owned else clients.over(recorder)
    if owned:
        _owned_pool(recorder, client)
    client.text.send(
        to="(555) 555-5555",
        message="hi",
        timeout=1.5,
        extra_headers={"X-Trace": "abc"},
        extra_query={"debug": "1"},
        extra_body={"from": "(555) 555-5556", "future_field": {"nested": True}},
    )
    first = recorder.requests[-1]
    assert first.headers["X-Trace"] == "abc"
    assert first.headers["Authorization"] == "Token tok_test"
    assert first.url.params["debug"] == "1"
    assert first.extensions["timeout"]["read"] == 1.5
    # Merged before validation: the phone number in extra_body is normalised like any other.
    assert json.loads(first.content) == {
        "to": PHONE,
        "message": "hi",
        "from": "+15555555556",
        "future_field": {"nested": True},
    }

    client.text.send(to=PHONE, message="again")
    second = recorder.requests[-1]
    assert "X-Trace" not in second.headers
    assert "debug" not in second.url.params
    assert second.extensions["timeout"]["read"] == 30.0
    assert json.loads(second.content) == {"to": PHONE, "message": "again"}


def test_extra_body_values_are_validated_like_the_rest(recorder: Recorder, clients: Clients) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).text.send(to=PHONE, message="hi", extra_body={"fast_track": "yes"})
    assert caught.value.field == "fast_track"
    assert recorder.requests == []


def test_extra_body_on_an_operation_without_a_body_is_refused(recorder: Recorder, clients: Clients) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).numbers.get(PHONE, extra_body={"x": 1})
    assert (str(caught.value), caught.value.field) == ("extra_body: get() sends no body", "extra_body")
    assert recorder.requests == []


@pytest.mark.parametrize("name", ["Authorization", "authorization", "AUTHORIZATION"])
def test_extra_headers_cannot_replace_the_token(recorder: Recorder, clients: Clients, name: str) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).text.send(to=PHONE, message="hi", extra_headers={name: "Token stolen"})
    assert str(caught.value) == "extra_headers: cannot set Authorization: the client's token is sent there"
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": -1}, "timeout: must be a positive, finite number of seconds, got -1"),
        ({"timeout": "5"}, "timeout: must be a number of seconds or an httpx.Timeout, not str"),
        ({"timeout": float("nan")}, "timeout: must be a positive, finite number of seconds, got nan"),
        ({"max_retries": -1}, "max_retries: must be from 0 (no retries) to 10, got -1"),
        ({"max_retries": True}, "max_retries: must be an int from 0 to 10, not bool"),
        (
            {"extra_headers": {"X-A": 1}},
            "extra_headers: the value of X-A must be a str without line breaks or NUL",
        ),
        (
            {"extra_headers": {"X-A": "a\r\nInjected: 1"}},
            "extra_headers: the value of X-A must be a str without line breaks or NUL",
        ),
        ({"extra_headers": {"Bad Name": "a"}}, "extra_headers: 'Bad Name' is not a valid header name"),
        ({"extra_query": {"a": 1}}, "extra_query: must be a mapping of str to str"),
        ({"extra_query": {1: "a"}}, "extra_query: must be a mapping of str to str"),
        ({"extra_query": "a=1"}, "extra_query: must be a mapping of str to str"),
        ({"extra_body": ["x"]}, "extra_body: must be a mapping with str keys"),
        ({"extra_body": {1: "x"}}, "extra_body: must be a mapping with str keys"),
    ],
)
def test_bad_option_values_are_validation_errors(
    recorder: Recorder, clients: Clients, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).text.send(to=PHONE, message="hi", **options)
    assert str(caught.value) == message
    assert caught.value.field == message.split(":")[0]
    assert recorder.requests == []


def test_max_retries_per_call_for_reads(clients: Clients) -> None:
    recorder = _status_then_ok(503)
    client = clients.over(recorder, max_retries=0, clock=FakeClock())
    with pytest.raises(contiguity.InternalServerError):
        client.numbers.get(PHONE, max_retries=3)
    assert len(recorder.requests) == 4
    with pytest.raises(contiguity.InternalServerError):
        client.numbers.get(PHONE)
    assert len(recorder.requests) == 5


def test_max_retries_zero_per_call_stops_retrying(clients: Clients) -> None:
    recorder = _status_then_ok(429)
    client = clients.over(recorder, clock=FakeClock())
    with pytest.raises(contiguity.RateLimitError):
        client.text.send(to=PHONE, message="hi", max_retries=0)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("max_retries", [0, 5, 10])
def test_a_send_is_never_repeated_once_it_may_have_arrived(clients: Clients, max_retries: int) -> None:
    recorder = _status_then_ok(503)
    client = clients.over(recorder, clock=FakeClock())
    with pytest.raises(contiguity.InternalServerError):
        client.text.send(to=PHONE, message="hi", max_retries=max_retries)
    assert len(recorder.requests) == 1


def test_options_reach_dict_style_and_adapted_calls(recorder: Recorder, clients: Clients) -> None:
    client = clients.over(recorder)
    client.send.text({"to": PHONE, "message": "hi"}, extra_headers={"X-Seed": "1"})
    assert recorder.requests[-1].headers["X-Seed"] == "1"
    recorder.answer({"otp_id": "otp_1"})
    assert client.otp.send({"to": PHONE, "language": "en"}, extra_query={"q": "1"}) == "otp_1"
    assert recorder.requests[-1].url.params["q"] == "1"


# ---- with_options ----------------------------------------------------------------------------


def test_with_options_shares_the_pool_and_leaves_the_original_alone(
    recorder: Recorder, clients: Clients, is_async: bool
) -> None:
    client = clients.over(recorder, max_retries=2)
    copy = client.with_options(timeout=3.0, max_retries=0, default_headers={"X-Team": "growth"})
    assert type(underlying(copy)) is (contiguity.AsyncContiguity if is_async else contiguity.Contiguity)
    assert copy._context.transport._client is client._context.transport._client
    assert client._context.transport.max_retries == 2
    assert copy._context.transport.max_retries == 0

    copy.text.send(to=PHONE, message="hi")
    sent = recorder.requests[-1]
    assert sent.headers["X-Team"] == "growth"
    assert sent.headers["Authorization"] == "Token tok_test"
    assert sent.extensions["timeout"]["read"] == 3.0

    client.text.send(to=PHONE, message="hi")
    assert "X-Team" not in recorder.requests[-1].headers
    assert recorder.requests[-1].extensions["timeout"]["read"] == 30.0


async def test_with_options_of_an_own_pool_survives_the_original(recorder: Recorder, is_async: bool) -> None:
    client = contiguity.login_async("tok_test") if is_async else contiguity.login("tok_test")
    _owned_pool(recorder, client)
    copy = client.with_options(default_headers={"X-Team": "growth"})
    pool = client._context.transport._client
    del client
    await collect_garbage()
    assert not pool.is_closed
    await finished(copy.text.send(to=PHONE, message="hi"))
    assert recorder.requests[-1].headers["X-Team"] == "growth"
    if isinstance(copy, contiguity.AsyncContiguity):
        await copy.aclose()
    else:
        copy.close()
    assert pool.is_closed


async def finished(result: object) -> object:
    """``result``, awaited first when it is awaitable (a call of the async client)."""
    return await result if inspect.isawaitable(result) else result


def test_with_options_cannot_replace_the_token(recorder: Recorder, clients: Clients) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).with_options(default_headers={"authorization": "Token other"})
    assert caught.value.field == "default_headers"


# ---- raw responses ---------------------------------------------------------------------------


def _answer_with_headers(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json=envelope({"message_id": "text_1"}),
        headers={"x-request-id": "hdr_1", "x-ratelimit-remaining": "99"},
    )


def test_raw_response_shows_the_http_exchange(
    clients: Clients, quarter_second_timer: Callable[[ModuleType], None]
) -> None:
    quarter_second_timer(_endpoint)
    recorder = Recorder(_answer_with_headers)
    client = clients.over(recorder, "contiguity_sk_secret")
    raw = client.text.with_raw_response.send(to=PHONE, message="hi", timeout=4.0)
    assert recorder.requests[-1].extensions["timeout"]["read"] == 4.0
    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-remaining"] == "99"
    assert raw.request_id == "req_test"  # the envelope's id comes first
    assert raw.api_version == "v2026.8.2"
    assert raw.elapsed == datetime.timedelta(seconds=0.25)  # a mock's answer: the call's own time
    assert raw.http_request.method == "POST"
    assert raw.http_request.url == "https://api.contiguity.com/send/text"
    assert raw.http_request.headers["authorization"] == "<redacted>"
    assert raw.http_request.headers["content-type"] == "application/json"
    assert "contiguity_sk_secret" not in repr(raw) + repr(raw.http_request)
    parsed = raw.parse()
    assert isinstance(parsed, MessageSentResponse)
    assert parsed == client.text.send(to=PHONE, message="hi")


def test_a_raw_method_takes_the_methods_arguments_and_says_it_returns_an_api_response(
    clients: Clients,
) -> None:
    client: Any = underlying(clients.login())
    plain = inspect.signature(client.text.send)
    raw = inspect.signature(client.text.with_raw_response.send)
    assert plain.return_annotation is MessageSentResponse
    assert raw == plain.replace(return_annotation=APIResponse[MessageSentResponse])


def test_raw_response_of_the_original_sdk_calls(recorder: Recorder, clients: Clients) -> None:
    client = clients.over(recorder)
    raw = client.send.with_raw_response.text({"to": PHONE, "message": "hi"})
    assert raw.parse().data.message_id == "text_1"
    recorder.answer({"otp_id": "otp_1"})
    assert client.otp.with_raw_response.send({"to": PHONE, "language": "en"}).parse() == "otp_1"


def test_raw_response_errors_are_raised_as_usual(clients: Clients) -> None:
    recorder = Recorder(lambda _request: httpx.Response(404, json={"message": "nope"}))
    with pytest.raises(contiguity.NotFoundError):
        clients.over(recorder).numbers.with_raw_response.get(PHONE)


def test_raw_parse_checks_the_answer_like_the_plain_call(clients: Clients) -> None:
    recorder = Recorder(lambda _request: httpx.Response(200, json={"unexpected": True}))
    raw = clients.over(recorder).text.with_raw_response.send(to=PHONE, message="hi")
    assert raw.status_code == 200
    with pytest.raises(contiguity.APIResponseValidationError):
        raw.parse()


def test_raw_request_never_shows_the_token_even_where_a_caller_put_it(clients: Clients) -> None:
    recorder = Recorder(_answer_with_headers)
    client = clients.over(recorder, "contiguity_sk_secret_token")
    raw = client.text.with_raw_response.send(
        to=PHONE, message="hi", extra_query={"echo": "contiguity_sk_secret_token"}
    )
    assert "contiguity_sk_secret_token" not in raw.http_request.url
    assert "contiguity_sk_secret_token" not in str(raw.http_request.headers)
    assert "echo=" in raw.http_request.url


def test_copies_of_a_client_keep_its_address_and_strictness(clients: Clients) -> None:
    recorder = Recorder(lambda _request: httpx.Response(200, json={"data": {"message_id": "text_1"}}))
    client = clients.over(recorder, base_url="http://127.0.0.1:9/v2", strict_response_validation=True)
    copy = client.with_options(timeout=5)
    for send in (copy.text.send, lambda **fields: copy.text.with_raw_response.send(**fields).parse()):
        with pytest.raises(contiguity.APIResponseValidationError, match="does not match the spec"):
            send(to=PHONE, message="hi")
    assert [str(request.url) for request in recorder.requests] == ["http://127.0.0.1:9/v2/send/text"] * 2


def test_a_client_and_its_copies_say_once_that_the_api_is_newer(
    clients: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="contiguity")
    served = {**envelope({"message_id": "text_1"}), "api_version": "v2099.1.1"}
    client = clients.over(Recorder(lambda _request: httpx.Response(200, json=served)))
    client.with_options(timeout=5).text.send(to=PHONE, message="hi")
    client.text.with_raw_response.send(to=PHONE, message="hi").parse()
    client.text.send(to=PHONE, message="hi")
    notices = [record for record in caplog.records if "v2099.1.1" in record.getMessage()]
    assert len(notices) == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": 0}, "timeout: must be a positive, finite number of seconds, got 0"),
        ({"max_retries": 11}, "max_retries: must be from 0 (no retries) to 10, got 11"),
        (
            {"default_headers": {"Authorization": "Token other"}},
            "default_headers: cannot set Authorization: the client's token is sent there",
        ),
    ],
)
def test_with_options_refuses_what_login_refuses(
    recorder: Recorder, clients: Clients, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        clients.over(recorder).with_options(**options)
    assert str(caught.value) == message


async def test_a_copy_collected_by_the_garbage_collector_leaves_the_shared_pool_open(is_async: bool) -> None:
    client = contiguity.login_async("t") if is_async else contiguity.login("t")
    pool = client._context.transport._client
    copy = client.with_options(timeout=5)
    del copy
    await collect_garbage()
    assert not pool.is_closed
    del client
    await collect_garbage()
    assert pool.is_closed


def test_a_transport_shows_its_settings_but_not_the_token(clients: Clients) -> None:
    client = underlying(clients.login("contiguity_sk_secret", max_retries=4))
    transport = client._context.transport  # type: ignore[attr-defined]
    timeout = "Timeout(connect=5.0, read=30.0, write=30.0, pool=30.0)"
    assert repr(transport) == f"<{type(transport).__name__} max_retries=4 timeout={timeout}>"
