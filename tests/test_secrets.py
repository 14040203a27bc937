"""The API token never appears in logs, reprs, exception messages or formatted tracebacks."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

import httpx
import pytest

import contiguity_ext as contiguity
from tests.support.driven import Clients, underlying
from tests.support.operations import CALLS, PHONE, Call
from tests.support.prism import PrismServer
from tests.support.recording import Answer, Recorder, call_with, error_envelope, in_turn, message_sent

TOKEN = "contiguity_sk_TOPSECRET_5f2b9c"


def assert_no_token(*texts: str) -> None:
    for text in texts:
        assert TOKEN not in text
        assert "TOPSECRET" not in text


def test_every_operation_with_debug_logging(
    prism: PrismServer, clients: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        client = clients.login(TOKEN, debug=True, base_url=prism.base_url)
        for call in CALLS.values():
            result = call(client)
            assert_no_token(repr(result), str(result))
        itself = underlying(client)
        assert isinstance(itself, (contiguity.Contiguity, contiguity.AsyncContiguity))
        assert_no_token(repr(itself), repr(itself.text), repr(itself._context.transport))
        clients.close()
    logged = [record for record in caplog.records if record.name == "contiguity"]
    assert len(logged) == len(CALLS)
    assert_no_token(caplog.text, *(repr(record.__dict__) for record in caplog.records))


def _raise(error: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return handler


ERROR_ANSWERS: dict[str, Callable[[httpx.Request], httpx.Response]] = {
    "400": lambda r: httpx.Response(400, json=error_envelope(400, "Bad Request")),
    "401-echoing-header": lambda r: httpx.Response(
        401, json=error_envelope(401, "Unauthorized"), headers={"x-request-id": "req_1"}
    ),
    "403-agreement": lambda r: httpx.Response(
        403,
        json=error_envelope(
            403, "Forbidden", agreement_url="https://api.contiguity.com/entitlements/fast_track"
        ),
    ),
    "404": lambda r: httpx.Response(404, json=error_envelope(404, "Not Found")),
    "429": lambda r: httpx.Response(
        429, json=error_envelope(429, "Slow down"), headers={"retry-after": "600"}
    ),
    "500": lambda r: httpx.Response(500, json=error_envelope(500, "Internal Server Error")),
    "502-html": lambda r: httpx.Response(502, text="<html>bad gateway</html>"),
    "200-not-json": lambda r: httpx.Response(200, text="<html>oops</html>"),
    "200-wrong-shape": lambda r: httpx.Response(200, json={"data": {}}),
    "connect-error": _raise(httpx.ConnectError("connection refused")),
    "read-timeout": _raise(httpx.ReadTimeout("timed out")),
    "reset": _raise(httpx.RemoteProtocolError("peer closed connection")),
}


@pytest.mark.parametrize("answer", ERROR_ANSWERS.values(), ids=ERROR_ANSWERS.keys())
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
async def test_error_paths_never_reveal_the_token(
    answer: Callable[[httpx.Request], httpx.Response], is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    transport = httpx.MockTransport(answer)
    with caplog.at_level(logging.DEBUG):
        if is_async:
            async_client = contiguity.login_async(
                TOKEN, True, max_retries=0, http_client=httpx.AsyncClient(transport=transport)
            )
            with pytest.raises(contiguity.ContiguityError) as caught:
                await async_client.text.send(to=PHONE, message="hi")
        else:
            client = contiguity.login(
                TOKEN, True, max_retries=0, http_client=httpx.Client(transport=transport)
            )
            with pytest.raises(contiguity.ContiguityError) as caught:
                client.text.send(to=PHONE, message="hi")
    error = caught.value
    formatted = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    assert_no_token(str(error), repr(error), repr(vars(error)), formatted, caplog.text)


def test_validation_errors_never_reveal_the_token(clients: Clients, caplog: pytest.LogCaptureFixture) -> None:
    client = clients.login(TOKEN, debug=True)
    with caplog.at_level(logging.DEBUG), pytest.raises(contiguity.ValidationError) as caught:
        client.send.text({"to": "not a number", "message": TOKEN[:5]})
    formatted = "".join(traceback.format_exception(caught.value))
    assert_no_token(str(caught.value), formatted, caplog.text)


def test_a_bad_token_is_not_echoed_back() -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        contiguity.login(TOKEN[:12] + "\n" + TOKEN[12:])
    assert_no_token(str(caught.value))


def _echoing(status: int, message: str, **headers: str) -> Callable[[], httpx.Response]:
    """An error answer that repeats the token back, as a careless proxy or server might."""
    return lambda: httpx.Response(
        status, json=error_envelope(status, f"{message} for Token {TOKEN}"), headers=headers
    )


READ: Call = lambda c: c.text.get("text_abc")  # noqa: E731
SEND: Call = lambda c: c.text.send(to=PHONE, message="hi")  # noqa: E731

# Each scenario retries at least once, so the retry line is logged; those ending in an error
# also log the failure line.
RETRIED_ANSWERS: dict[str, tuple[Call, list[Answer]]] = {
    "429-then-ok": (SEND, [_echoing(429, "Slow down", **{"retry-after": "1"}), message_sent]),
    "503-read-then-ok": (READ, [_echoing(503, "Unavailable"), message_sent]),
    "connect-error-then-ok": (SEND, [httpx.ConnectError(f"refused Token {TOKEN}"), message_sent]),
    "429-until-exhausted": (SEND, [_echoing(429, "Slow down", **{"retry-after": "1"})] * 3),
    "503-read-until-exhausted": (READ, [_echoing(503, "Unavailable")] * 3),
    "connect-error-until-exhausted": (SEND, [httpx.ConnectError(f"refused Token {TOKEN}")] * 3),
    "pool-timeout-then-502-read": (
        READ,
        [httpx.PoolTimeout(f"pool Token {TOKEN}"), _echoing(502, "Bad gateway"), _echoing(500, "Boom")],
    ),
}


@pytest.mark.parametrize("scenario", RETRIED_ANSWERS.values(), ids=RETRIED_ANSWERS.keys())
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_retries_never_log_the_token(
    scenario: tuple[Call, list[Answer]], is_async: bool, caplog: pytest.LogCaptureFixture
) -> None:
    call, answers = scenario
    recorder = Recorder(in_turn(*answers))
    with caplog.at_level(logging.DEBUG, logger="contiguity"):
        try:
            call_with(recorder, call, is_async=is_async, token=TOKEN, debug=True, max_retries=2)
        except contiguity.ContiguityError as error:
            formatted = "".join(traceback.format_exception(type(error), error, error.__traceback__))
            assert_no_token(str(error), repr(error), repr(vars(error)), formatted)
    retry_lines = [r for r in caplog.records if r.name == "contiguity" and "retry" in r.getMessage()]
    assert len(retry_lines) == len(recorder.requests) - 1 >= 1
    assert all(r.headers["authorization"] == f"Token {TOKEN}" for r in recorder.requests)
    assert_no_token(caplog.text, *(repr(record.__dict__) for record in caplog.records))
