"""Invalid input raises ValidationError naming the problem, and nothing is sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from contiguity_client.models import (
    ConfigureNumberRequest,
    FailoverSettings,
    ImessageFallback,
    LeaseNumberRequest,
    RegisterDomainRequest,
)

import contiguity_ext as contiguity
from contiguity_ext.types import SendEmailParams
from tests.support.driven import Clients
from tests.support.recording import Recorder

PHONE = "+15555555555"
OTHER = "+15555555556"
PNG = "https://example.com/image.png"
EMAIL: SendEmailParams = {"to": "user@example.com", "from": "Contiguity", "subject": "Hello", "text": "Hi"}

Call = Callable[[contiguity.Contiguity], Any]

# (case id, call, field named in the error, fragment of the message)
CASES: list[tuple[str, Call, str, str]] = [
    # text
    ("text-letters", lambda c: c.send.text({"to": "call me", "message": "x"}), "to", "letters"),
    ("text-empty-to", lambda c: c.send.text({"to": "", "message": "x"}), "to", ""),
    ("text-too-short", lambda c: c.send.text({"to": "12", "message": "x"}), "to", ""),
    ("text-int-to", lambda c: c.send.text({"to": 15555555555, "message": "x"}), "to", ""),  # type: ignore[typeddict-item]
    (
        "text-4-attachments",
        lambda c: c.send.text({"to": PHONE, "attachments": [PNG] * 4}),
        "attachments",
        "3",
    ),
    (
        "text-http-attachment",
        lambda c: c.send.text({"to": PHONE, "attachments": ["http://example.com/a.png"]}),
        "attachments[0]",
        "HTTPS",
    ),
    (
        "text-no-extension",
        lambda c: c.send.text({"to": PHONE, "attachments": ["https://example.com/image"]}),
        "attachments[0]",
        "extension",
    ),
    ("text-no-body", lambda c: c.send.text({"to": PHONE}), "message", "message"),
    ("text-empty-message", lambda c: c.text.send(to=PHONE, message=""), "message", ""),
    ("text-attachments-str", lambda c: c.text.send(to=PHONE, attachments=PNG), "attachments", "array"),  # type: ignore[arg-type]
    (
        "text-fast-track-str",
        lambda c: c.text.send(to=PHONE, message="x", fast_track="yes"),  # type: ignore[arg-type]
        "fast_track",
        "boolean",
    ),
    ("text-bad-from", lambda c: c.text.send(to=PHONE, message="x", from_="my number"), "from", ""),
    ("text-misspelt-key", lambda c: c.send.text({"to": PHONE, "mesage": "x"}), "mesage", "mesage"),  # type: ignore[typeddict-unknown-key]
    (
        "text-two-unknown-keys",
        lambda c: c.send.text({"to": PHONE, "message": "x", "b": 1, "a": 2}),  # type: ignore[typeddict-unknown-key]
        "a",
        "a: unknown field(s): a, b",
    ),
    (
        "text-not-a-dict",
        lambda c: c.send.text("hello"),  # type: ignore[arg-type]
        "params",
        "expected a dict of parameters, got str",
    ),
    ("text-missing-to", lambda c: c.send.text({"message": "x"}), "to", "to"),  # type: ignore[typeddict-item]
    # text reactions
    (
        "text-reaction-unknown",
        lambda c: c.text.react(reaction="like", action="add", message_id="text_1"),  # type: ignore[arg-type]
        "reaction",
        "love",
    ),
    (
        "text-reaction-action",
        lambda c: c.text.react(reaction="love", action="toggle", message_id="text_1"),  # type: ignore[arg-type]
        "action",
        "add",
    ),
    ("text-reaction-target", lambda c: c.text.react(reaction="love", action="add"), "to", "to"),
    # email
    (
        "email-11-recipients",
        lambda c: c.send.email({**EMAIL, "to": [f"u{i}@example.com" for i in range(11)]}),
        "to",
        "10",
    ),
    ("email-empty-subject", lambda c: c.send.email({**EMAIL, "subject": ""}), "subject", ""),
    (
        "email-no-body",
        lambda c: c.send.email({"to": "user@example.com", "from": "x", "subject": "s"}),
        "text",
        "text",
    ),
    ("email-bad-address", lambda c: c.send.email({**EMAIL, "to": "not-an-email"}), "to", ""),
    (
        "email-11-cc",
        lambda c: c.send.email({**EMAIL, "cc": [f"u{i}@example.com" for i in range(11)]}),
        "cc",
        "10",
    ),
    (
        "email-two-reply-to",
        lambda c: c.send.email({**EMAIL, "replyTo": "a@example.com", "reply_to": "b@example.com"}),
        "replyTo",
        "give 'replyTo' or 'reply_to', not both",
    ),
    (
        "email-missing-from",
        lambda c: c.send.email({"to": "user@example.com", "subject": "s", "text": "t"}),  # type: ignore[typeddict-item]
        "from",
        "from",
    ),
    (
        "email-header-int",
        lambda c: c.send.email({**EMAIL, "headers": {"X-Priority": 1}}),  # type: ignore[dict-item]
        "headers.X-Priority",
        "",
    ),
    # OTP
    ("otp-language", lambda c: c.otp.send({"to": PHONE, "language": "xx"}), "language", "en"),  # type: ignore[typeddict-item]
    ("otp-missing-language", lambda c: c.otp.send({"to": PHONE}), "language", "language"),  # type: ignore[typeddict-item]
    ("otp-bad-phone", lambda c: c.otp.send({"to": "555", "language": "en"}), "to", ""),
    ("otp-empty-id", lambda c: c.otp.verify({"otp_id": "", "otp": "123456"}), "otp_id", ""),
    ("otp-int-code", lambda c: c.otp.verify({"otp_id": "otp_1", "otp": 123456}), "otp", "string"),  # type: ignore[typeddict-item]
    ("otp-resend-missing", lambda c: c.otp.resend({}), "otp_id", "otp_id"),  # type: ignore[typeddict-item]
    ("otp-not-a-dict", lambda c: c.otp.send(None), "params", "dict"),  # type: ignore[arg-type]
    # reverse OTP
    ("reverse-factor-17", lambda c: c.otp.reverse.initiate(number=PHONE, factor="x" * 17), "factor", "16"),
    ("reverse-service", lambda c: c.otp.reverse.initiate(number=PHONE, service="email"), "service", "sms"),  # type: ignore[arg-type]
    (
        "reverse-success-url",
        lambda c: c.otp.reverse.initiate(number=PHONE, success_url="not a url"),
        "success_url",
        "",
    ),
    ("reverse-number", lambda c: c.otp.reverse.initiate(number="nope"), "number", ""),
    ("reverse-wait-interval", lambda c: c.otp.reverse.wait("r_otp_1", interval=0), "interval", "interval"),
    # conversations
    ("history-limit-0", lambda c: c.text.history(PHONE, OTHER, 0), "limit", "1"),
    ("history-limit-201", lambda c: c.text.history(PHONE, OTHER, 201), "limit", "200"),
    ("history-limit-str", lambda c: c.imessage.history(PHONE, OTHER, "20"), "limit", "integer"),  # type: ignore[arg-type]
    (
        "history-tracking-str",
        lambda c: c.text.history(PHONE, OTHER, 20, tracking="yes"),  # type: ignore[arg-type]
        "tracking",
        "boolean",
    ),
    ("history-bad-to", lambda c: c.text.history("abc", OTHER, 20), "to", ""),
    ("message-empty-id", lambda c: c.text.get(""), "id", ""),
    ("availability-bad-number", lambda c: c.imessage.availability("x"), "to", ""),
    # iMessage and WhatsApp
    (
        "imessage-11-attachments",
        lambda c: c.imessage.send(to=PHONE, attachments=[PNG] * 11),
        "attachments",
        "10",
    ),
    (
        "imessage-tapback",
        lambda c: c.imessage.react(to=PHONE, from_=OTHER, action="add", tapback="thumbsup", message="hi"),  # type: ignore[arg-type]
        "tapback",
        "love",
    ),
    (
        "imessage-fallback-when",
        lambda c: c.imessage.send(to=PHONE, message="x", fallback=ImessageFallback(when=["never"])),  # type: ignore[list-item]
        "fallback.when[0]",
        "",
    ),
    (
        "imessage-fallback-from",
        lambda c: c.imessage.send(
            to=PHONE, message="x", fallback=ImessageFallback(when=["imessage_fails"], from_="abc")
        ),
        "fallback.from",
        "",
    ),
    ("imessage-typing-action", lambda c: c.imessage.typing(to=PHONE, action="pause"), "action", "start"),  # type: ignore[arg-type]
    ("whatsapp-react-action", lambda c: c.whatsapp.react(to=PHONE, action="like"), "action", ""),  # type: ignore[arg-type]
    # numbers, domains, entitlements, agreements
    ("number-get", lambda c: c.numbers.get("not-a-number"), "number", ""),
    (
        "number-lease-billing",
        lambda c: c.numbers.lease(PHONE, body=LeaseNumberRequest(billing_method="yearly")),  # type: ignore[arg-type]
        "billing_method",
        "monthly",
    ),
    (
        "number-failover",
        lambda c: c.numbers.configure(
            PHONE, body=ConfigureNumberRequest(failover=FailoverSettings(enabled=True, numbers=["abc"]))
        ),
        "failover.numbers[0]",
        "",
    ),
    (
        "domain-region",
        lambda c: c.domains.register("example.com", body=RegisterDomainRequest(region="eu-west-1")),  # type: ignore[arg-type]
        "region",
        "us-east-1",
    ),
    ("domain-empty", lambda c: c.domains.get(""), "domain", ""),
    ("entitlement-empty", lambda c: c.entitlements.apply(""), "name", ""),
    (
        "agreement-foreign-url",
        lambda c: c.agreements.accept("https://evil.example/entitlements/x"),
        "agreement_url",
        "",
    ),
    ("reply-without-sender", lambda c: c.text.reply(object(), "hi"), "event", "reply"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("call", "field", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_invalid_input_is_rejected_before_sending(
    recorder: Recorder, call: Call, field: str, fragment: str
) -> None:
    client = recorder.client()
    with pytest.raises(contiguity.ValidationError) as caught:
        call(client)
    assert recorder.requests == []
    assert caught.value.field == field
    assert fragment in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_the_table_covers_at_least_forty_inputs() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda c: c.send.text({"to": PHONE, "attachments": [PNG] * 4}), "attachments"),
        (lambda c: c.otp.send({"to": PHONE, "language": "xx"}), "language"),
        (lambda c: c.text.history(PHONE, OTHER, 201), "limit"),
    ],
)
async def test_async_client_rejects_the_same_input(recorder: Recorder, call: Any, field: str) -> None:
    client = recorder.async_client()
    with pytest.raises(contiguity.ValidationError) as caught:
        await call(client)
    assert caught.value.field == field
    assert recorder.requests == []


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"token": "   "}, "token"),
        ({"token": 42}, "token"),
        ({"token": "tok\nInjected: header"}, "token"),
        ({"token": "t", "base_url": "ftp://example.com"}, "base_url"),
        ({"token": "t", "region": "ZZ"}, "region"),
        ({"token": "t", "max_retries": -1}, "max_retries"),
        ({"token": "t", "max_retries": None}, "max_retries"),
    ],
)
def test_login_rejects_bad_configuration(options: dict[str, Any], field: str) -> None:
    with pytest.raises(contiguity.ValidationError) as caught:
        contiguity.login(**options)
    assert caught.value.field == field


def test_login_without_any_token_says_where_to_put_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONTIGUITY_API_KEY", raising=False)
    monkeypatch.delenv("CONTIGUITY_TOKEN", raising=False)
    with pytest.raises(contiguity.ValidationError, match="CONTIGUITY_API_KEY"):
        contiguity.login()


def test_invalid_input_never_opens_a_connection(clients: Clients) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"transport called for {request.url}")

    client = clients.over(Recorder(refuse), "t")
    for _, call, _, _ in CASES:
        with pytest.raises(contiguity.ValidationError):
            call(client)
