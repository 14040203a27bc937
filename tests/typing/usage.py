"""Caller code checked by `mypy --strict` (make typecheck, and against the installed wheel); never executed.

Every product is called the way a user would, with `assert_type` on the result. Lines that
must be rejected carry a targeted `type: ignore[...]`; strict mode's `warn_unused_ignores`
fails the check if mypy ever stops rejecting them.
"""

from __future__ import annotations

from contiguity_client.models import (
    AvailableNumbersResponse,
    ChatActionResponse,
    ConfigureNumberRequest,
    DomainDeletionResponse,
    DomainDetailsResponse,
    DomainListResponse,
    DomainRegistrationResponse,
    EmailSentResponse,
    EmailStatus,
    EntitlementGrantResponse,
    EntitlementListResponse,
    EntitlementResponse,
    EntitlementRevocationResponse,
    FailoverSettings,
    ImessageAvailabilityResponse,
    ImessageFallback,
    ImessageHistoryResponse,
    LeasedNumbersResponse,
    LeaseNumberRequest,
    LeaseResponse,
    LeaseTerminationResponse,
    MessageSentResponse,
    NumberConfigurationResponse,
    NumberDetailsResponse,
    Quota,
    ReverseOtpCancellationResponse,
    ReverseOtpSessionResponse,
    ReverseOtpStatusResponse,
    StoredMessageResponse,
    TextHistoryResponse,
    TextIncomingSmsEvent,
    TypingStatusResponse,
)
from typing_extensions import assert_type

import contiguity_ext as contiguity
from contiguity_ext.types import SendEmailParams, SendTextParams

PHONE = "+15555555555"
OTHER = "+15555555556"


def original_sdk_readme(event: TextIncomingSmsEvent) -> None:
    client = contiguity.login("your_token_here")
    client = contiguity.login("your_token_here", True)
    email_object: SendEmailParams = {
        "to": "example@example.com",
        "from": "Contiguity",
        "subject": "My first email!",
        "html": client.template.local("templates/first_email.html"),
    }
    assert_type(client.send.email(email_object), EmailSentResponse)
    text_object: SendTextParams = {"to": PHONE, "message": "My first text using Contiguity"}
    assert_type(client.send.text(text_object), MessageSentResponse)
    otp_id = client.otp.send({"to": PHONE, "language": "en", "name": "Contiguity"})
    assert_type(otp_id, str)
    assert_type(client.otp.verify({"otp_id": otp_id, "otp": "123456"}), bool)
    assert_type(client.otp.resend({"otp_id": otp_id}), bool)
    assert_type(client.verify.number("number"), bool)
    assert_type(client.verify.email("example@example.com"), bool)
    assert_type(client.email_analytics.retrieve("email_id"), EmailStatus)
    assert_type(client.quota.retrieve(), Quota)
    assert_type(client.text.reply(event, "thanks"), MessageSentResponse)


def every_product() -> None:
    client = contiguity.login()
    assert_type(
        client.text.send(to=PHONE, message="hi", attachments=["https://e.com/a.png"]), MessageSentResponse
    )
    assert_type(client.text.react(reaction="love", action="add", message_id="text_1"), MessageSentResponse)
    assert_type(client.text.get("text_1", tracking=True), StoredMessageResponse)
    assert_type(client.text.history(PHONE, OTHER, 20), TextHistoryResponse)
    assert_type(
        client.email.send(to=["a@example.com"], from_="Me", subject="s", html="<b>x</b>"), EmailSentResponse
    )
    fallback = ImessageFallback(when=["imessage_unsupported"])
    assert_type(client.imessage.send(to=PHONE, message="hi", fallback=fallback), MessageSentResponse)
    assert_type(client.imessage.typing(to=PHONE, action="start"), TypingStatusResponse)
    assert_type(client.imessage.read(to=PHONE, from_=OTHER), ChatActionResponse)
    assert_type(
        client.imessage.react(to=PHONE, from_=OTHER, action="add", tapback="love", message="hi"),
        ChatActionResponse,
    )
    assert_type(client.imessage.history(PHONE, OTHER, 50), ImessageHistoryResponse)
    assert_type(client.imessage.availability(PHONE), ImessageAvailabilityResponse)
    assert_type(client.whatsapp.send(to=PHONE, message="hi"), MessageSentResponse)
    assert_type(client.whatsapp.typing(to=PHONE, action="stop"), TypingStatusResponse)
    assert_type(client.whatsapp.react(to=PHONE, action="add", reaction=":thumbs_up:"), ChatActionResponse)
    assert_type(client.otp.reverse.initiate(number=PHONE, factor="1234"), ReverseOtpSessionResponse)
    assert_type(client.otp.reverse.status("r_otp_1"), ReverseOtpStatusResponse)
    assert_type(client.otp.reverse.cancel("r_otp_1"), ReverseOtpCancellationResponse)
    assert_type(client.otp.reverse.wait("r_otp_1", interval=30), ReverseOtpStatusResponse)
    assert_type(client.numbers.available(channels=["imessage"], country="US"), AvailableNumbersResponse)
    assert_type(client.numbers.leased(status="active"), LeasedNumbersResponse)
    assert_type(client.numbers.get(PHONE), NumberDetailsResponse)
    assert_type(client.numbers.lease(PHONE, body=LeaseNumberRequest(billing_method="monthly")), LeaseResponse)
    assert_type(client.numbers.terminate(PHONE), LeaseTerminationResponse)
    failover = ConfigureNumberRequest(failover=FailoverSettings(enabled=True, mode="all"))
    assert_type(client.numbers.configure(PHONE, body=failover), NumberConfigurationResponse)
    assert_type(client.domains.list(), DomainListResponse)
    assert_type(client.domains.get("example.com"), DomainDetailsResponse)
    assert_type(client.domains.register("example.com"), DomainRegistrationResponse)
    assert_type(client.domains.delete("example.com"), DomainDeletionResponse)
    assert_type(client.entitlements.list(), EntitlementListResponse)
    assert_type(client.entitlements.get("fast_track"), EntitlementResponse)
    assert_type(client.entitlements.apply("fast_track"), EntitlementGrantResponse)
    assert_type(client.entitlements.revoke("fast_track"), EntitlementRevocationResponse)
    try:
        client.text.send(to=PHONE, message="hi", fast_track=True)
    except contiguity.PermissionDeniedError as error:
        if error.agreement_url:
            assert_type(client.agreements.accept(error.agreement_url), EntitlementGrantResponse)
    client.close()


async def every_product_async() -> None:
    async with contiguity.login_async("t") as client:
        assert_type(await client.text.send(to=PHONE, message="hi"), MessageSentResponse)
        assert_type(await client.send.text({"to": PHONE, "message": "hi"}), MessageSentResponse)
        assert_type(await client.otp.send({"to": PHONE, "language": "en"}), str)
        assert_type(await client.otp.verify({"otp_id": "otp_1", "otp": "1"}), bool)
        assert_type(await client.otp.reverse.wait("r_otp_1"), ReverseOtpStatusResponse)
        assert_type(await client.numbers.available(city="Miami"), AvailableNumbersResponse)
        assert_type(await client.domains.list(), DomainListResponse)
        assert_type(await client.verify.number(PHONE), bool)
        assert_type(await client.template.local("t.html"), str)
        assert_type(await client.quota.retrieve(), Quota)


def rejected() -> None:
    client = contiguity.login("t")
    client.send.text({"to": PHONE, "mesage": "typo"})  # type: ignore[typeddict-unknown-key]
    client.send.text({"to": 15555555555, "message": "x"})  # type: ignore[typeddict-item]
    client.send.email({"to": "a@example.com", "subject": "s", "text": "t"})  # type: ignore[typeddict-item]
    client.otp.send({"to": PHONE, "language": "klingon"})  # type: ignore[typeddict-item]
    client.otp.verify({"otp_id": "otp_1"})  # type: ignore[typeddict-item]
    client.text.send(to=PHONE, mesage="typo")  # type: ignore[call-arg]
    client.text.send(to=PHONE, message="x", attachments="https://e.com/a.png")  # type: ignore[arg-type]
    client.text.react(reaction="like", action="add")  # type: ignore[arg-type]
    client.imessage.react(to=PHONE, from_=OTHER, action="add", tapback="thumbsup", message="x")  # type: ignore[arg-type]
    client.text.history(PHONE, OTHER, "20")  # type: ignore[arg-type]
    sent: str = client.text.send(to=PHONE, message="x")  # type: ignore[assignment]
    verified: str = client.otp.verify({"otp_id": "otp_1", "otp": "1"})  # type: ignore[assignment]
    otp_id: int = client.otp.send({"to": PHONE, "language": "en"})  # type: ignore[assignment]
    del sent, verified, otp_id


def unknown_model_names_are_rejected() -> None:
    # The models package loads lazily; its __getattr__ is hidden so that typos still fail here.
    from contiguity_client.models import SendTextRequests  # type: ignore[attr-defined]  # noqa: F401
