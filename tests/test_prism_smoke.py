"""Prism validates requests against openapi.yaml well enough to be the judge in contract tests.

These use plain httpx, not the SDK: they pin down how Prism reports a request that breaks the
spec, and that it understands the OpenAPI 3.1 constructs the spec relies on (type lists,
if/then, anyOf with null) instead of silently passing them.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from contiguity_client.models import ErrorResponse, MessageSentResponse

from tests.support.prism import (
    VIOLATIONS_HEADER,
    PrismError,
    PrismServer,
    Violation,
    ViolationRecorder,
    prism_mock,
    violations_of,
)

AUTH = {"Authorization": "Token contiguity_sk_test"}
TO = "+15555555555"
FROM = "+15555555556"


@pytest.fixture
def recorder() -> ViolationRecorder:
    return ViolationRecorder()


@pytest.fixture
def http(prism: PrismServer, recorder: ViolationRecorder) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=prism.base_url, event_hooks={"response": [recorder]}) as client:
        yield client


def codes_at(violations: list[Violation], where: str) -> set[str]:
    return {violation.code for violation in violations if violation.where == where}


def test_valid_send_text_passes(http: httpx.Client, recorder: ViolationRecorder) -> None:
    response = http.post("/send/text", json={"to": TO, "message": "hello"}, headers=AUTH)

    assert response.status_code == 200
    assert VIOLATIONS_HEADER not in response.headers
    recorder.assert_clean()
    assert MessageSentResponse.from_dict(response.json()).data.message_id


def test_attachments_only_mms_passes(http: httpx.Client, recorder: ViolationRecorder) -> None:
    body = {"to": TO, "from": None, "attachments": ["https://example.com/cat.png"]}

    response = http.post("/send/text", json=body, headers=AUTH)

    assert response.status_code == 200
    recorder.assert_clean()


def test_four_attachments_are_a_violation(http: httpx.Client, recorder: ViolationRecorder) -> None:
    attachments = [f"https://example.com/{n}.png" for n in range(4)]

    response = http.post("/send/text", json={"to": TO, "attachments": attachments}, headers=AUTH)

    assert response.status_code == 400
    assert "maxItems" in codes_at(recorder.violations, "request.body.attachments")
    assert all(violation.severity == "Error" for violation in recorder.violations)
    # The error answer is the spec's ErrorResponse, so an SDK's error path can be exercised too.
    assert isinstance(ErrorResponse.from_dict(response.json()).data.error, str)


def test_history_limit_over_200_is_a_violation(http: httpx.Client, recorder: ViolationRecorder) -> None:
    response = http.get(f"/conversations/history/text/{TO}/{FROM}/201", headers=AUTH)

    assert response.status_code == 400
    assert codes_at(recorder.violations, "request.path.limit") == {"maximum"}


def test_history_limit_of_200_passes(http: httpx.Client, recorder: ViolationRecorder) -> None:
    response = http.get(f"/conversations/history/text/{TO}/{FROM}/200", headers=AUTH)

    assert response.status_code == 200
    recorder.assert_clean()


def test_token_auth_is_accepted_and_required(http: httpx.Client, recorder: ViolationRecorder) -> None:
    body = {"to": TO, "message": "hello"}

    accepted = http.post("/send/text", json=body, headers=AUTH)
    rejected = http.post("/send/text", json=body)

    assert accepted.status_code == 200
    assert violations_of(accepted) == []
    assert rejected.status_code == 401
    assert [violation.code for violation in violations_of(rejected)] == ["401"]


def test_if_then_requires_message_without_attachments(
    http: httpx.Client, recorder: ViolationRecorder
) -> None:
    response = http.post("/send/text", json={"to": TO, "attachments": []}, headers=AUTH)

    assert response.status_code == 400
    assert {"required", "if"} <= codes_at(recorder.violations, "request.body")


def test_type_lists_accept_null_and_reject_other_types(
    http: httpx.Client, recorder: ViolationRecorder
) -> None:
    by_text = {"reaction": "love", "action": "add", "message_id": None, "to": TO, "message": "hi"}
    wrong_type = {"reaction": "love", "action": "add", "message_id": 5}

    assert http.post("/send/text/reactions", json=by_text, headers=AUTH).status_code == 200
    assert recorder.violations == []
    assert http.post("/send/text/reactions", json=wrong_type, headers=AUTH).status_code == 400
    assert "type" in codes_at(recorder.violations, "request.body.message_id")


def test_phone_number_pattern_is_enforced(http: httpx.Client, recorder: ViolationRecorder) -> None:
    response = http.post("/send/text", json={"to": "555-0100", "message": "hi"}, headers=AUTH)

    assert response.status_code == 400
    assert codes_at(recorder.violations, "request.body.to") == {"pattern"}


def test_legacy_operations_are_served_at_the_same_base_url(http: httpx.Client) -> None:
    # The legacy calls name their own hosts in operation-level `servers`; Prism serves every
    # operation at its one address, so contract tests can cover them by overriding the host.
    response = http.get("/user/get/quota", headers=AUTH)

    assert response.status_code == 200
    assert "deprecation" in response.headers


def test_recorder_reports_each_offending_request(http: httpx.Client, recorder: ViolationRecorder) -> None:
    http.post("/send/text", json={"to": TO, "message": "fine"}, headers=AUTH)
    http.get(f"/conversations/history/text/{TO}/{FROM}/0", headers=AUTH)

    assert [exchange.status_code for exchange in recorder.exchanges] == [200, 400]
    with pytest.raises(AssertionError, match=r"GET \S+/0 -> 400: request\.path\.limit: .*\[minimum\]"):
        recorder.assert_clean()
    recorder.clear()
    recorder.assert_clean()


async def test_recorder_works_as_an_async_hook(prism: PrismServer) -> None:
    recorder = ViolationRecorder()
    hooks = {"response": [recorder.async_hook]}
    async with httpx.AsyncClient(base_url=prism.base_url, event_hooks=hooks) as client:
        response = await client.post("/send/text", json={"to": TO}, headers=AUTH)

    assert response.status_code == 400
    assert [exchange.status_code for exchange in recorder.exchanges] == [400]
    assert "required" in codes_at(recorder.violations, "request.body")


def test_prism_output_is_kept(prism: PrismServer, http: httpx.Client) -> None:
    http.get(f"/conversations/history/text/{TO}/{FROM}/999", headers=AUTH)

    assert prism.wait_for_output("Request path parameter limit must be <= 200")
    assert "get /conversations/history/text" in prism.output()
    assert not prism.wait_for_output("this line is never printed", timeout=0.1)


def test_violations_of_parses_the_header_without_a_server() -> None:
    header = (
        '[{"location":["request","body","to"],"severity":"Error","code":"pattern",'
        '"message":"must match pattern"},{"location":["request"],"severity":"Error","code":401,'
        '"message":"Invalid security scheme used"}]'
    )
    response = httpx.Response(400, headers={VIOLATIONS_HEADER: header})

    assert violations_of(response) == [
        Violation(("request", "body", "to"), "Error", "pattern", "must match pattern"),
        Violation(("request",), "Error", "401", "Invalid security scheme used"),
    ]
    assert violations_of(httpx.Response(200)) == []
    with pytest.raises(PrismError, match="unreadable"):
        violations_of(httpx.Response(400, headers={VIOLATIONS_HEADER: "not json"}))


def test_prism_is_stopped_when_the_block_exits() -> None:
    with prism_mock() as server:
        address = urlsplit(server.base_url)
        assert address.hostname == "127.0.0.1"
        assert address.port
        with socket.create_connection((address.hostname, address.port), timeout=5):
            pass

    assert server.process.poll() is not None
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((address.hostname, address.port), timeout=5).close()


def test_a_broken_spec_fails_fast(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text("openapi: 3.1.0\npaths: [this is not an object\n")

    with pytest.raises(PrismError, match="before listening"), prism_mock(spec):
        pass
