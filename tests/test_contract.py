"""Every operation, called through contiguity_ext, makes a request Prism finds valid.

Prism validates each request against openapi.yaml independently of our own validators, so a
client and a spec that agree with each other but not with the schema fail here. The answers
Prism builds from the spec must also parse through our response validation and models.
"""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest

import contiguity_ext as contiguity
from tests.support.operations import CALLS, CLASSIC_CALLS, Call
from tests.support.prism import PrismServer, ViolationRecorder

pytestmark = pytest.mark.contract

ALL_CALLS = {**CALLS, **{f"classic:{name}": call for name, call in CLASSIC_CALLS.items()}}


@pytest.mark.parametrize("call", ALL_CALLS.values(), ids=ALL_CALLS.keys())
def test_sync_call_is_valid_against_the_spec(prism: PrismServer, call: Call) -> None:
    recorder = ViolationRecorder()
    sent: list[httpx.Request] = []
    http_client = httpx.Client(event_hooks={"request": [sent.append], "response": [recorder]})
    with contiguity.login(
        "contiguity_sk_test",
        base_url=prism.base_url,
        http_client=http_client,
        strict_response_validation=True,
    ) as client:
        result = call(client)
    recorder.assert_clean()
    assert len(recorder.exchanges) == 1
    assert recorder.exchanges[0].status_code == 200
    # Prism checks only that the header exists; the scheme is ours to check.
    assert sent[0].headers["authorization"] == "Token contiguity_sk_test"
    assert result is not None


@pytest.mark.parametrize("call", ALL_CALLS.values(), ids=ALL_CALLS.keys())
async def test_async_call_is_valid_against_the_spec(prism: PrismServer, call: Call) -> None:
    recorder = ViolationRecorder()
    http_client = httpx.AsyncClient(event_hooks={"response": [recorder.async_hook]})
    async with contiguity.login_async(
        "contiguity_sk_test",
        base_url=prism.base_url,
        http_client=http_client,
        strict_response_validation=True,
    ) as client:
        pending: Any = call(client)
        assert inspect.isawaitable(pending)
        result = await pending
    recorder.assert_clean()
    assert len(recorder.exchanges) == 1
    assert recorder.exchanges[0].status_code == 200
    assert result is not None


def test_a_request_that_breaks_the_spec_is_caught_by_prism(prism: PrismServer) -> None:
    """The harness itself can fail: bypass our validation and send what the spec forbids."""
    recorder = ViolationRecorder()
    with httpx.Client(base_url=prism.base_url, event_hooks={"response": [recorder]}) as http:
        http.post(
            "/send/text",
            json={"to": "+15555555555", "attachments": ["https://e.com/a.png"] * 4},
            headers={"Authorization": "Token t"},
        )
    with pytest.raises(AssertionError):
        recorder.assert_clean()
