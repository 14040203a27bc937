"""The API token: checked at login(), never shown.

A token must be printable ASCII without whitespace (surrounding whitespace, as from a file or
an environment variable, is stripped). Anything else is a ValidationError at login() that does
not echo the token, with nothing printed to stderr by a half-built client. The token is masked
as ``***`` in every error message, log line and repr, including text the server sent back.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest

import contiguity_ext as contiguity
from tests.support.driven import Clients, underlying
from tests.support.recording import Recorder, envelope, error_envelope
from tests.support.refusals import assert_refused

SECRET = "contiguity_sk_ECHOED_7a1c"

BAD_TOKENS = {
    "inner-space": "contiguity_sk abc",
    "inner-tab": "contiguity_sk\tabc",
    "vertical-tab": "contiguity_sk\x0babc",
    "form-feed": "contiguity_sk\x0cabc",
    "nul": "contiguity_sk\x00abc",
    "escape": "contiguity_sk\x1b[31m",
    "del": "contiguity_sk\x7f",
    "newline": "contiguity_sk\nInjected: header",
    "carriage-return": "contiguity_sk\rabc",
    "non-ascii": "contiguity_sk_é",
    "non-ascii-digit": "contiguity_sk_\u0663",
    "zero-width-space": "contiguity_sk\u200babc",
    "non-breaking-space": "contiguity_sk\u00a0abc",
    "emoji": "contiguity_sk_🔑",
    "blank": "   ",
    "empty": "",
    "bytes": b"contiguity_sk_abc",
    "int": 42,
}


@pytest.mark.parametrize("token", BAD_TOKENS.values(), ids=BAD_TOKENS.keys())
@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_malformed_token_is_refused_at_login_without_echoing_it(
    recorder: Recorder, token: Any, is_async: bool
) -> None:
    make = recorder.async_client if is_async else recorder.client
    error = assert_refused(recorder, lambda: make(token), "token")
    if not isinstance(token, str):
        assert str(error) == f"token: the token must be a str, not {type(token).__name__}"
    elif not token.strip():
        assert str(error) == "token: the token is blank"
    else:
        assert str(error) == (
            "token: must be printable ASCII without spaces or control characters (the value is not shown)"
        )
    if isinstance(token, str) and token.strip():
        assert token.strip() not in str(error)
        assert "abc" not in str(error)


def test_no_token_anywhere_says_where_one_can_be_given(recorder: Recorder, is_async: bool) -> None:
    make = recorder.async_client if is_async else recorder.client
    error = assert_refused(recorder, lambda: make(None), "token")
    assert (
        str(error)
        == "token: no API token: pass one to login() or set CONTIGUITY_API_KEY (or CONTIGUITY_TOKEN)"
    )


@pytest.mark.parametrize("token", ["contiguity_sk_é", "a b", "a\x0bb"])
def test_a_refused_token_prints_nothing_to_stderr(token: str) -> None:
    program = (
        "import contiguity_ext as c, gc\n"
        "try:\n"
        f"    c.login({token!r})\n"
        "except c.ValidationError as e:\n"
        "    print(e.field)\n"
        "gc.collect()\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "token"
    assert done.stderr == ""


def test_a_token_with_surrounding_whitespace_is_stripped(recorder: Recorder, clients: Clients) -> None:
    clients.over(recorder, " \tcontiguity_sk_abc\r\n").text.send(to="+15555555555", message="hi")
    assert recorder.requests[0].headers["authorization"] == "Token contiguity_sk_abc"


def _echo(status: int) -> Callable[[httpx.Request], httpx.Response]:
    """A server (or proxy) that quotes the credentials it was sent in its answer."""

    def answer(request: httpx.Request) -> httpx.Response:
        credentials = request.headers["authorization"]
        body = error_envelope(status, f"invalid key {credentials} (key={SECRET})", hint=[SECRET])
        return httpx.Response(status, json=body, headers={"x-request-id": f"req-{SECRET}"})

    return answer


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422, 429, 500])
def test_a_token_the_server_echoes_is_masked_in_the_error(
    status: int, clients: Clients, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder(_echo(status))
    client = clients.over(recorder, SECRET, max_retries=0, debug=True)
    with caplog.at_level(logging.DEBUG), pytest.raises(contiguity.APIError) as caught:
        client.domains.list()
    error = caught.value
    shown = [
        str(error),
        repr(error),
        error.message,
        json.dumps(error.body),
        str(error.request_id),
        caplog.text,
    ]
    for text in shown:
        assert SECRET not in text
    assert "***" in error.message
    assert error.body["data"]["hint"] == ["***"]  # masked where it stood, nothing else lost
    assert len(recorder.requests) == 1


def test_a_request_id_header_that_echoes_the_token_is_masked(clients: Clients) -> None:
    # No envelope to take the id from: it comes from the header alone.
    recorder = Recorder(
        lambda r: httpx.Response(502, text="Bad gateway", headers={"x-request-id": f"req-{SECRET}"})
    )
    with pytest.raises(contiguity.APIError) as caught:
        clients.over(recorder, SECRET, max_retries=0).domains.list()
    assert caught.value.request_id == "req-***"


@pytest.mark.parametrize(("token", "shown"), [("tok_1234", "***"), ("tok_123", "tok_123")])
def test_tokens_shorter_than_eight_characters_are_not_masked(
    clients: Clients, token: str, shown: str
) -> None:
    # Such placeholders would mask ordinary words; real keys are far longer.
    recorder = Recorder(lambda r: httpx.Response(401, json=error_envelope(401, f"unknown key {token}")))
    with pytest.raises(contiguity.AuthenticationError) as caught:
        clients.over(recorder, token).domains.list()
    assert caught.value.message == f"unknown key {shown}"


def test_a_2xx_answer_that_echoes_the_token_is_masked_in_the_shape_error(clients: Clients) -> None:
    recorder = Recorder(lambda r: httpx.Response(200, json=envelope({"unexpected": SECRET})))
    with pytest.raises(contiguity.APIResponseValidationError) as caught:
        clients.over(recorder, SECRET).domains.list()
    assert SECRET not in str(caught.value)
    assert SECRET not in caught.value.body


def test_the_client_repr_never_shows_the_token(recorder: Recorder, clients: Clients) -> None:
    client = underlying(clients.over(recorder, SECRET, base_url="http://127.0.0.1:8787"))
    assert isinstance(client, (contiguity.Contiguity, contiguity.AsyncContiguity))
    for text in (repr(client), repr(client._context), repr(client._context.transport), repr(client.text)):
        assert SECRET not in text
