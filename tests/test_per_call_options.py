"""Per-call options, ``with_options`` and raw responses: each affects one call or one copy only."""

from __future__ import annotations

import datetime
import gc
import json
from typing import Any

import httpx
import pytest
from contiguity_client.models import MessageSentResponse

import contiguity_ext as contiguity
from contiguity_ext.testing import FakeClock
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
def test_options_reach_that_request_only(recorder: Recorder, owned: bool) -> None:
    client = contiguity.login("tok_test") if owned else recorder.client()
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


async def test_async_options_reach_that_request_only(recorder: Recorder) -> None:
    client = recorder.async_client()
    await client.text.send(to=PHONE, message="hi", timeout=2.0, extra_headers={"X-Trace": "1"})
    assert recorder.requests[-1].headers["X-Trace"] == "1"
    assert recorder.requests[-1].extensions["timeout"]["read"] == 2.0
    await client.text.send(to=PHONE, message="hi")
    assert "X-Trace" not in recorder.requests[-1].headers


def test_extra_body_values_are_validated_like_the_rest(recorder: Recorder) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        recorder.client().text.send(to=PHONE, message="hi", extra_body={"fast_track": "yes"})
    assert caught.value.field == "fast_track"
    assert recorder.requests == []


def test_extra_body_on_an_operation_without_a_body_is_refused(recorder: Recorder) -> None:
    with pytest.raises(contiguity.ValidationError, match="sends no body"):
        recorder.client().numbers.get(PHONE, extra_body={"x": 1})


@pytest.mark.parametrize("name", ["Authorization", "authorization", "AUTHORIZATION"])
def test_extra_headers_cannot_replace_the_token(recorder: Recorder, name: str) -> None:
    with pytest.raises(contiguity.ValidationError, match="Authorization") as caught:
        recorder.client().text.send(to=PHONE, message="hi", extra_headers={name: "Token stolen"})
    assert caught.value.field == "extra_headers"
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timeout": -1}, "timeout"),
        ({"timeout": "5"}, "timeout"),
        ({"timeout": float("nan")}, "timeout"),
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": True}, "max_retries"),
        ({"extra_headers": {"X-A": 1}}, "extra_headers"),
        ({"extra_headers": {"X-A": "a\r\nInjected: 1"}}, "extra_headers"),
        ({"extra_headers": {"Bad Name": "a"}}, "extra_headers"),
        ({"extra_query": {"a": 1}}, "extra_query"),
        ({"extra_body": ["x"]}, "extra_body"),
    ],
)
def test_bad_option_values_are_validation_errors(
    recorder: Recorder, options: dict[str, Any], field: str
) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        recorder.client().text.send(to=PHONE, message="hi", **options)
    assert caught.value.field == field
    assert recorder.requests == []


def test_max_retries_per_call_for_reads() -> None:
    recorder = _status_then_ok(503)
    client = recorder.client(max_retries=0, clock=FakeClock())
    with pytest.raises(contiguity.InternalServerError):
        client.numbers.get(PHONE, max_retries=3)
    assert len(recorder.requests) == 4
    with pytest.raises(contiguity.InternalServerError):
        client.numbers.get(PHONE)
    assert len(recorder.requests) == 5


def test_max_retries_zero_per_call_stops_retrying() -> None:
    recorder = _status_then_ok(429)
    client = recorder.client(clock=FakeClock())
    with pytest.raises(contiguity.RateLimitError):
        client.text.send(to=PHONE, message="hi", max_retries=0)
    assert len(recorder.requests) == 1


@pytest.mark.parametrize("max_retries", [0, 5, 10])
def test_a_send_is_never_repeated_once_it_may_have_arrived(max_retries: int) -> None:
    recorder = _status_then_ok(503)
    client = recorder.client(clock=FakeClock())
    with pytest.raises(contiguity.InternalServerError):
        client.text.send(to=PHONE, message="hi", max_retries=max_retries)
    assert len(recorder.requests) == 1


async def test_async_max_retries_per_call() -> None:
    recorder = _status_then_ok(503)
    client = recorder.async_client(max_retries=0, clock=FakeClock())
    with pytest.raises(contiguity.InternalServerError):
        await client.numbers.get(PHONE, max_retries=2)
    assert len(recorder.requests) == 3
    with pytest.raises(contiguity.InternalServerError):
        await client.text.send(to=PHONE, message="hi", max_retries=9)
    assert len(recorder.requests) == 4


def test_options_reach_dict_style_and_adapted_calls(recorder: Recorder) -> None:
    client = recorder.client()
    client.send.text({"to": PHONE, "message": "hi"}, extra_headers={"X-Seed": "1"})
    assert recorder.requests[-1].headers["X-Seed"] == "1"
    recorder.answer({"otp_id": "otp_1"})
    assert client.otp.send({"to": PHONE, "language": "en"}, extra_query={"q": "1"}) == "otp_1"
    assert recorder.requests[-1].url.params["q"] == "1"


# ---- with_options ----------------------------------------------------------------------------


def test_with_options_shares_the_pool_and_leaves_the_original_alone(recorder: Recorder) -> None:
    client = recorder.client(max_retries=2)
    copy = client.with_options(timeout=3.0, max_retries=0, default_headers={"X-Team": "growth"})
    assert type(copy) is contiguity.Contiguity
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


def test_with_options_of_an_own_pool_survives_the_original(recorder: Recorder) -> None:
    client = contiguity.login("tok_test")
    _owned_pool(recorder, client)
    copy = client.with_options(default_headers={"X-Team": "growth"})
    pool = client._context.transport._client
    del client
    gc.collect()
    assert not pool.is_closed
    copy.text.send(to=PHONE, message="hi")
    assert recorder.requests[-1].headers["X-Team"] == "growth"
    copy.close()
    assert pool.is_closed


def test_with_options_cannot_replace_the_token(recorder: Recorder) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        recorder.client().with_options(default_headers={"authorization": "Token other"})
    assert caught.value.field == "default_headers"


async def test_async_with_options(recorder: Recorder) -> None:
    client = recorder.async_client()
    copy = client.with_options(max_retries=0, default_headers={"X-Team": "growth"})
    assert type(copy) is contiguity.AsyncContiguity
    assert copy._context.transport._client is client._context.transport._client
    await copy.text.send(to=PHONE, message="hi")
    assert recorder.requests[-1].headers["X-Team"] == "growth"
    await client.text.send(to=PHONE, message="hi")
    assert "X-Team" not in recorder.requests[-1].headers


# ---- raw responses ---------------------------------------------------------------------------


def _answer_with_headers(request: httpx.Request) -> httpx.Response:
    return httpx.Response(
        200,
        json=envelope({"message_id": "text_1"}),
        headers={"x-request-id": "hdr_1", "x-ratelimit-remaining": "99"},
    )


def test_raw_response_shows_the_http_exchange() -> None:
    recorder = Recorder(_answer_with_headers)
    client = recorder.client("contiguity_sk_secret")
    raw = client.text.with_raw_response.send(to=PHONE, message="hi")
    assert raw.status_code == 200
    assert raw.headers["x-ratelimit-remaining"] == "99"
    assert raw.request_id == "req_test"  # the envelope's id comes first
    assert raw.api_version == "v2026.8.2"
    assert isinstance(raw.elapsed, datetime.timedelta)
    assert raw.http_request.method == "POST"
    assert raw.http_request.url == "https://api.contiguity.com/send/text"
    assert raw.http_request.headers["authorization"] == "<redacted>"
    assert "contiguity_sk_secret" not in repr(raw) + repr(raw.http_request)
    parsed = raw.parse()
    assert isinstance(parsed, MessageSentResponse)
    assert parsed == client.text.send(to=PHONE, message="hi")


def test_raw_response_of_the_original_sdk_calls(recorder: Recorder) -> None:
    client = recorder.client()
    raw = client.send.with_raw_response.text({"to": PHONE, "message": "hi"})
    assert raw.parse().data.message_id == "text_1"
    recorder.answer({"otp_id": "otp_1"})
    assert client.otp.with_raw_response.send({"to": PHONE, "language": "en"}).parse() == "otp_1"


def test_raw_response_errors_are_raised_as_usual() -> None:
    recorder = Recorder(lambda _request: httpx.Response(404, json={"message": "nope"}))
    with pytest.raises(contiguity.NotFoundError):
        recorder.client().numbers.with_raw_response.get(PHONE)


def test_raw_parse_checks_the_answer_like_the_plain_call() -> None:
    recorder = Recorder(lambda _request: httpx.Response(200, json={"unexpected": True}))
    raw = recorder.client().text.with_raw_response.send(to=PHONE, message="hi")
    assert raw.status_code == 200
    with pytest.raises(contiguity.APIResponseValidationError):
        raw.parse()


async def test_async_raw_response() -> None:
    recorder = Recorder(_answer_with_headers)
    raw = await recorder.async_client().text.with_raw_response.send(to=PHONE, message="hi", timeout=4.0)
    assert raw.status_code == 200
    assert raw.parse().data.message_id == "text_1"
    assert recorder.requests[-1].extensions["timeout"]["read"] == 4.0


def test_raw_request_never_shows_the_token_even_where_a_caller_put_it() -> None:
    recorder = Recorder(_answer_with_headers)
    client = recorder.client("contiguity_sk_secret_token")
    raw = client.text.with_raw_response.send(
        to=PHONE, message="hi", extra_query={"echo": "contiguity_sk_secret_token"}
    )
    assert "contiguity_sk_secret_token" not in raw.http_request.url
    assert "contiguity_sk_secret_token" not in str(raw.http_request.headers)
    assert "echo=" in raw.http_request.url
