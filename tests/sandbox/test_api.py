"""The sandbox as an HTTP API: every operation, envelopes, authentication, routing, validation.

Every answer in these tests is checked against its operation's schema for its status by
:class:`tests.support.sandbox.SpecClient`.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from contiguity_ext import _spec
from contiguity_ext.sandbox import SANDBOX_NUMBER, SandboxApp, SandboxRequest, SandboxState
from contiguity_ext.sandbox import app as app_module
from contiguity_ext.testing import START, FakeClock
from tests.support.sandbox import SPEC, SpecClient, assert_valid, encoded, example_request, make_client

THEM = "+15555550123"


def test_every_operation_answers_as_the_spec_says(api: SpecClient) -> None:
    you = SANDBOX_NUMBER
    text = api.data(
        "POST",
        "/send/text",
        json={"to": THEM, "message": "Hello", "attachments": ["https://example.com/a.png"]},
    )
    api.data(
        "POST",
        "/send/text/reactions",
        json={"message_id": text["message_id"], "reaction": "love", "action": "add"},
    )
    email = api.data(
        "POST",
        "/send/email",
        json={"to": ["a@example.com"], "from": "Acme", "subject": "Hi", "html": "<b>Hi</b>"},
    )
    api.data(
        "POST",
        "/send/imessage",
        json={"to": THEM, "message": "Hey", "fallback": {"when": ["imessage_fails"]}},
    )
    api.data("POST", "/send/imessage/typing", json={"to": THEM, "action": "start"})
    api.data("POST", "/send/imessage/read", json={"to": THEM, "from": you})
    api.data(
        "POST",
        "/send/imessage/reactions",
        json={"to": THEM, "from": you, "action": "add", "tapback": "love", "message": "Hey"},
    )
    whatsapp = api.data("POST", "/send/whatsapp", json={"to": THEM, "message": "Hola"})
    api.data("POST", "/send/whatsapp/typing", json={"to": THEM, "action": "stop"})
    api.data(
        "POST",
        "/send/whatsapp/reactions",
        json={"to": THEM, "action": "add", "reaction": "👍", "message": whatsapp["message_id"]},
    )
    api.data("GET", f"/conversations/history/message/{text['message_id']}", params={"tracking": "true"})
    api.data(
        "GET", f"/conversations/history/text/{encoded(THEM)}/{encoded(you)}/20", params={"tracking": "true"}
    )
    api.data(
        "GET",
        f"/conversations/history/imessage/{encoded(THEM)}/{encoded(you)}/20",
        params={"tracking": "true"},
    )
    api.data("GET", f"/conversations/availability/imessage/{encoded(THEM)}")
    otp = api.data("POST", "/otp/new", json={"to": THEM, "language": "en", "name": "Acme"})
    api.data("POST", "/otp/resend", json={"otp_id": otp["otp_id"]})
    api.data("POST", "/otp/verify", json={"otp_id": otp["otp_id"], "otp": "000000"})
    session = api.data(
        "POST", "/otp/reverse/initiate", json={"number": THEM, "success_url": "https://example.com/done"}
    )
    api.data("GET", f"/otp/reverse/verify/{session['otp_id']}")
    api.data("POST", f"/otp/reverse/cancel/{session['otp_id']}")
    api.data("POST", "/domains/example.com", json={"region": "us-east-1"})
    api.data("GET", "/domains/")
    api.data("GET", "/domains/example.com")
    api.data("DELETE", "/domains/example.com")
    number = encoded(api.data("GET", "/numbers/leases")["numbers"][0]["id"])
    api.data("POST", f"/numbers/lease/{number}", json={"billing_method": "monthly"})
    api.data("GET", "/numbers/leased")
    api.data("GET", f"/numbers/{number}")
    api.data("POST", f"/numbers/{number}/configure", json={"failover": {"enabled": True, "mode": "all"}})
    api.data("DELETE", f"/numbers/leased/{number}")
    api.data("GET", "/entitlements/")
    api.data("POST", "/entitlements/fast_track")
    api.data("GET", "/entitlements/fast_track")
    api.data("DELETE", "/entitlements/fast_track")
    assert api.get("/user/get/quota").status_code == 200
    assert api.get(f"/email/status/{email['email_id']}").status_code == 200

    # Each operation the sandbox answers meaningfully is exercised above, in a realistic order.
    assert api.succeeded >= set(app_module._HANDLERS)


@pytest.mark.parametrize("operation", _spec.operations().values(), ids=_spec.operations().keys())
def test_every_operation_answers_its_example_request_as_the_spec_says(
    api: SpecClient, operation: _spec.Operation
) -> None:
    method, path, params, body = example_request(operation)

    response = api.request(method, path, params=params, json=body)

    # Made-up ids may be unknown to the sandbox (404); everything else must succeed.
    assert response.status_code in (200, 404), response.text
    if operation.operation_id not in app_module._HANDLERS:
        assert response.status_code == 200


def test_success_envelope() -> None:
    clock = FakeClock()
    api = make_client(clock)
    body = api.post("/send/text", json={"to": THEM, "message": "Hi"}).json()

    assert re.fullmatch(r"req_[0-9a-f]{24}", body["id"])
    assert body["object"] == "response"
    assert body["api_version"] == SPEC["info"]["version"]
    assert body["timestamp"] == int(START * 1000)


def test_error_envelope(api: SpecClient) -> None:
    body = api.get("/conversations/history/message/text_unknown").json()

    assert body["object"] == "error"
    assert re.fullmatch(r"err_[0-9a-f]{24}", body["id"])
    assert body["api_version"] == SPEC["info"]["version"]
    assert body["data"] == {"error": "No message with id 'text_unknown'", "status": 404}


# ---- authentication ----------------------------------------------------------------------


@pytest.mark.parametrize("operation", _spec.operations().values(), ids=_spec.operations().keys())
@pytest.mark.parametrize(
    "authorization", [None, "", "Token", "Token ", "Bearer contiguity_sk_test", "contiguity_sk_test"]
)
def test_every_operation_needs_a_token(operation: _spec.Operation, authorization: str | None) -> None:
    api = SpecClient(SandboxApp(SandboxState()), token=None)
    headers = {} if authorization is None else {"Authorization": authorization}
    method, path, _, _ = example_request(operation)

    response = api.request(method, path, headers=headers, json={})

    assert response.status_code == 401
    body = response.json()
    message = body["message"] if operation.is_legacy else body["data"]["error"]
    assert "Authorization: Token" in message


def test_the_token_scheme_is_case_insensitive(api: SpecClient) -> None:
    assert api.get("/numbers/leases", headers={"Authorization": "token abc"}).status_code == 200


def test_nothing_changes_without_a_token() -> None:
    app = SandboxApp(SandboxState())
    SpecClient(app, token=None).post("/send/text", json={"to": THEM, "message": "Hi"})

    assert app.state.messages() == []


# ---- routing -----------------------------------------------------------------------------


def test_unknown_route_is_a_404(api: SpecClient) -> None:
    assert api.error("GET", "/send/fax", 404)["error"] == "No route for GET /send/fax"


def test_wrong_method_is_a_405_naming_the_allowed_ones(api: SpecClient) -> None:
    response = api.request("PUT", "/domains/example.com")

    assert response.status_code == 405
    assert response.headers["Allow"] == "DELETE, GET, POST"


@pytest.mark.parametrize("path", ["/domains", "/domains/", "/entitlements", "/entitlements/"])
def test_a_trailing_slash_is_optional(api: SpecClient, path: str) -> None:
    assert api.get(path).status_code == 200


@pytest.mark.parametrize("number", ["+13055550142", "%2B13055550142"])
def test_phone_numbers_in_paths_may_be_percent_encoded_or_not(api: SpecClient, number: str) -> None:
    assert api.data("GET", f"/numbers/{number}")["id"] == "+13055550142"


def test_literal_paths_win_over_parameters(api: SpecClient) -> None:
    """``/numbers/leased`` is its own operation, not ``/numbers/{number}`` with number=leased."""
    assert api.data("GET", "/numbers/leased") == {"leased": 0, "numbers": []}


# ---- validation --------------------------------------------------------------------------

_LONG = "x" * 17


@pytest.mark.parametrize(
    ("path", "body", "error"),
    [
        ("/send/text", {"to": "5555550123", "message": "Hi"}, "body.to: must match pattern"),
        ("/send/text", {"to": THEM}, "missing required field in body: message"),
        ("/send/text", {"to": THEM, "message": ""}, "body.message: must be longer than or equal to 1"),
        (
            "/send/text",
            {"to": THEM, "attachments": ["http://example.com/a.png"]},
            "body.attachments[0]: must match",
        ),
        (
            "/send/text",
            {"to": THEM, "message": "Hi", "attachments": ["https://e.com/a.png"] * 4},
            "body.attachments",
        ),
        ("/send/text", {"to": THEM, "message": "Hi", "from": 5}, "body.from: must be string"),
        ("/send/text", {"to": THEM, "message": "Hi", "from": True}, "body.from: must be string"),
        ("/send/text", {"to": THEM, "message": "Hi", "from": "+1"}, "body.from: must match pattern"),
        (
            "/send/text",
            {"to": THEM, "message": "Hi", "fast_track": "yes"},
            "body.fast_track: must be boolean",
        ),
        (
            "/send/text/reactions",
            {"reaction": "love", "action": "add", "to": THEM},
            "missing required field in body: message",
        ),
        (
            "/send/text/reactions",
            {"reaction": "wow", "action": "add", "message_id": "t"},
            "body.reaction: must be one of",
        ),
        (
            "/send/email",
            {"to": "a@example.com", "from": "A", "subject": "S"},
            "missing required field in body: text",
        ),
        (
            "/send/email",
            {"to": "not an address", "from": "A", "subject": "S", "text": "t"},
            "body.to: must be email",
        ),
        ("/send/email", {"to": ["a@example.com"] * 11, "from": "A", "subject": "S", "text": "t"}, "body.to"),
        ("/send/imessage/typing", {"to": THEM, "action": "pause"}, "body.action: must be one of"),
        ("/send/imessage/read", {"to": THEM}, "missing required field in body: from"),
        ("/send/whatsapp", {"to": THEM}, "missing required field in body: message"),
        ("/otp/new", {"to": THEM, "language": "xx"}, "body.language: must be one of"),
        ("/otp/new", {"to": THEM}, "missing required field in body: language"),
        ("/otp/verify", {"otp_id": "otp_1"}, "missing required field in body: otp"),
        ("/otp/reverse/initiate", {"number": THEM, "factor": _LONG}, "body.factor: must be shorter than"),
        (
            "/numbers/%2B13055550142/configure",
            {"failover": {"mode": "all"}},
            "missing required field in body.failover: enabled",
        ),
        (
            "/numbers/lease/%2B13055550142",
            {"billing_method": "yearly"},
            "body.billing_method: must be one of",
        ),
    ],
)
def test_invalid_bodies_are_a_400_naming_the_field(api: SpecClient, path: str, body: Any, error: str) -> None:
    assert error in api.error("POST", path, 400, json=body)["error"]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "body: is required"),
        (b"{not json", "body: is not valid JSON"),
        (b"[1, 2]", "body: must be a JSON object"),
    ],
)
def test_unreadable_bodies_are_a_400(api: SpecClient, content: bytes, error: str) -> None:
    assert error in api.error("POST", "/send/text", 400, content=content)["error"]


@pytest.mark.parametrize(
    ("path", "params", "error"),
    [
        (
            f"/conversations/history/text/{encoded(THEM)}/{encoded(SANDBOX_NUMBER)}/0",
            {},
            "limit: must be bigger",
        ),
        (
            f"/conversations/history/text/{encoded(THEM)}/{encoded(SANDBOX_NUMBER)}/201",
            {},
            "limit: must be smaller",
        ),
        (
            f"/conversations/history/text/{encoded(THEM)}/{encoded(SANDBOX_NUMBER)}/ten",
            {},
            "limit: must be an integer",
        ),
        (f"/conversations/history/text/12345/{encoded(SANDBOX_NUMBER)}/5", {}, "to: must match pattern"),
        ("/conversations/history/message/text_1", {"tracking": "maybe"}, "tracking: must be true or false"),
        ("/numbers/5550142", {}, "number: must match pattern"),
    ],
)
def test_invalid_parameters_are_a_400(api: SpecClient, path: str, params: dict[str, str], error: str) -> None:
    assert error in api.error("GET", path, 400, params=params)["error"]


@pytest.mark.parametrize("path", ["/domains/example.org", "/numbers/lease/%2B13055550142"])
def test_optional_bodies_may_be_left_out(api: SpecClient, path: str) -> None:
    assert api.post(path).status_code == 200


def test_a_failing_handler_is_a_500_not_an_exception(monkeypatch: pytest.MonkeyPatch) -> None:
    app = SandboxApp(SandboxState())

    def broken(_body: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.state.messaging, "send_text", broken)
    answer = app.handle(
        SandboxRequest(
            "POST",
            "/send/text",
            headers={"authorization": "Token t"},
            body=b'{"to": "+15555550123", "message": "x"}',
        )
    )

    assert answer.status == 500
    assert_valid("#/components/schemas/ErrorResponse", answer.json())


def test_sandbox_routes_need_no_token() -> None:
    api = SpecClient(SandboxApp(SandboxState()), token=None)

    assert api.data("GET", "/_sandbox/messages") == {"messages": []}


def test_an_operation_without_a_handler_answers_its_spec_example(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(app_module._HANDLERS, "getQuota")
    monkeypatch.delitem(app_module._HANDLERS, "listDomains")
    api = SpecClient(SandboxApp(SandboxState()))

    legacy = api.http.get("/user/get/quota")
    current = api.http.get("/domains/")

    assert legacy.status_code == 200
    assert legacy.json() == _spec.example({"$ref": "#/components/schemas/Quota"})
    assert current.status_code == 200
    assert current.json()["object"] == "response"
    assert (
        current.json()["data"] == _spec.example({"$ref": "#/components/schemas/DomainListResponse"})["data"]
    )
