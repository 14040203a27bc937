"""One representative call of every operation, keyed by its generated module name.

The same table drives the contract test (against Prism), the secret-hygiene sweep and the
sandbox checks, for the sync and async clients alike: each entry returns what the client
method returns (a value, or an awaitable for the async client).

Every operation of the client's operation table gets a call built from the spec's examples;
the hand-written ones below replace it where a realistic call (every field, the original SDK's
spellings, phone numbers to normalise) tests more.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Collection
from typing import Any

from contiguity_client.models import (
    ConfigureNumberRequest,
    FailoverSettings,
    ImessageFallback,
    LeaseNumberRequest,
    RegisterDomainRequest,
    WhatsappFallback,
)

from contiguity_ext import _spec
from contiguity_ext._operation_table import ClientMethod, by_operation

PHONE = "+15555555555"
OTHER = "+15555555556"
PNG = "https://example.com/image.png"

Call = Callable[[Any], Any]

REALISTIC_CALLS: dict[str, Call] = {
    # text
    "send_text": lambda c: c.text.send(
        to="(555) 555-5555", message="Hello", attachments=[PNG], fast_track=False
    ),
    "react_to_text": lambda c: c.text.react(reaction="love", action="add", to=PHONE, message="Hello"),
    "get_message": lambda c: c.text.get("text_abc", tracking=True),
    "get_text_history": lambda c: c.text.history(PHONE, OTHER, 20, tracking=True),
    # email
    "send_email": lambda c: c.email.send(
        to=["a@example.com", "b@example.com"],
        from_="Contiguity <hello@example.com>",
        subject="Hello",
        html="<b>Hi</b>",
        text="Hi",
        reply_to="r@example.com",
        cc="c@example.com",
        bcc=["d@example.com"],
    ),
    # iMessage
    "send_imessage": lambda c: c.imessage.send(
        to=PHONE,
        from_=OTHER,
        message="Hello",
        attachments=[PNG],
        fallback=ImessageFallback(when=["imessage_unsupported", "imessage_fails"], from_=OTHER),
    ),
    "set_imessage_typing": lambda c: c.imessage.typing(to=PHONE, from_=OTHER, action="start"),
    "mark_imessage_read": lambda c: c.imessage.read(to=PHONE, from_=OTHER),
    "react_to_imessage": lambda c: c.imessage.react(
        to=PHONE, from_=OTHER, action="add", tapback="love", message="Hi"
    ),
    "get_imessage_history": lambda c: c.imessage.history(PHONE, OTHER, 50),
    "check_imessage_availability": lambda c: c.imessage.availability(PHONE),
    # WhatsApp
    "send_whatsapp": lambda c: c.whatsapp.send(
        to=PHONE, message="Hello", fallback=WhatsappFallback(when=["whatsapp_unsupported"])
    ),
    "set_whatsapp_typing": lambda c: c.whatsapp.typing(to=PHONE, action="stop"),
    "react_to_whatsapp": lambda c: c.whatsapp.react(
        to=PHONE, action="add", reaction=":thumbs_up:", message="Hi"
    ),
    # OTP
    "send_otp": lambda c: c.otp.send({"to": PHONE, "language": "en", "name": "Contiguity"}),
    "verify_otp": lambda c: c.otp.verify({"otp_id": "otp_abc", "otp": "123456"}),
    "resend_otp": lambda c: c.otp.resend({"otp_id": "otp_abc"}),
    "initiate_reverse_otp": lambda c: c.otp.reverse.initiate(
        number=PHONE, factor="1234", service="sms", language="en", success_url="https://example.com/hook"
    ),
    "get_reverse_otp_status": lambda c: c.otp.reverse.status("r_otp_abc"),
    "cancel_reverse_otp": lambda c: c.otp.reverse.cancel("r_otp_abc"),
    # numbers
    "list_available_numbers": lambda c: c.numbers.available(),
    "list_leased_numbers": lambda c: c.numbers.leased(),
    "get_number": lambda c: c.numbers.get(PHONE),
    "lease_number": lambda c: c.numbers.lease(PHONE, billing_method="monthly"),
    "terminate_lease": lambda c: c.numbers.terminate(PHONE),
    "configure_number": lambda c: c.numbers.configure(
        PHONE, failover=FailoverSettings(enabled=True, mode="selective", numbers=[OTHER])
    ),
    # domains
    "list_domains": lambda c: c.domains.list(),
    "get_domain": lambda c: c.domains.get("example.com"),
    "register_domain": lambda c: c.domains.register("example.com", region="us-east-1"),
    "delete_domain": lambda c: c.domains.delete("example.com"),
    # entitlements
    "list_entitlements": lambda c: c.entitlements.list(),
    "get_entitlement": lambda c: c.entitlements.get("fast_track"),
    "apply_entitlement": lambda c: c.entitlements.apply("fast_track"),
    "revoke_entitlement": lambda c: c.entitlements.revoke("fast_track"),
    # legacy
    "get_quota": lambda c: c.quota.retrieve(),
    "get_email_status": lambda c: c.email_analytics.retrieve("eml_abc"),
}


def example_arguments(method: ClientMethod) -> dict[str, Any]:
    """Keyword arguments for ``method``: the spec's example for each parameter and for the body.

    They are what the generated request builder takes, which is what a method declared with
    ``endpoint(operation._get_kwargs, Response)`` accepts.
    """
    operation = method.operation
    assert operation is not None
    accepted = inspect.signature(importlib.import_module(operation.python_module)._get_kwargs).parameters
    arguments: dict[str, Any] = {
        python_parameter_name(parameter.name, accepted): _spec.example(parameter.schema)
        for parameter in operation.parameters
    }
    if operation.body_ref is not None:
        arguments["body"] = _spec.example({"$ref": operation.body_ref})
    return arguments


def python_parameter_name(name: str, accepted: Collection[str]) -> str:
    """The keyword the generated builder takes for the spec's parameter ``name`` (``from`` → ``from_``)."""
    return name if name in accepted else name + "_"


def example_call(method: ClientMethod) -> Call:
    """A call of ``method`` with :func:`example_arguments`."""
    arguments = example_arguments(method)
    return lambda client: method.bind(client)(**arguments)


CALLS: dict[str, Call] = {
    **{name: example_call(methods[0]) for name, methods in by_operation().items()},
    **REALISTIC_CALLS,
}

# Calls that reach the same operations through the original SDK's surface.
CLASSIC_CALLS: dict[str, Call] = {
    "send_text": lambda c: c.send.text({"to": "555-555-5555", "message": "My first text using Contiguity"}),
    "send_email": lambda c: c.send.email(
        {
            "to": "example@example.com",
            "from": "Contiguity",
            "subject": "My first email!",
            "html": "<b>I sent an email using Contiguity</b>",
            "replyTo": "reply@example.com",
            "cc": "cc@example.com",
        }
    ),
    "accept_agreement": lambda c: c.agreements.accept("https://api.contiguity.com/entitlements/fast_track"),
}


# Every operation the vendor documents, once with only what it requires ...
REQUIRED_ONLY_CALLS: dict[str, Call] = {
    "send_text": lambda c: c.text.send(to=PHONE, message="Hello"),
    "react_to_text": lambda c: c.text.react(reaction="love", action="add", message_id="text_abc"),
    "get_message": lambda c: c.text.get("text_abc"),
    "get_text_history": lambda c: c.text.history(PHONE, OTHER),
    "send_email": lambda c: c.email.send(to="a@example.com", from_="Contiguity", subject="Hello", text="Hi"),
    "send_imessage": lambda c: c.imessage.send(to=PHONE, message="Hello"),
    "set_imessage_typing": lambda c: c.imessage.typing(to=PHONE, action="start"),
    "mark_imessage_read": lambda c: c.imessage.read(to=PHONE, from_=OTHER),
    "react_to_imessage": lambda c: c.imessage.react(
        to=PHONE, from_=OTHER, action="add", tapback="love", message="Hi"
    ),
    "get_imessage_history": lambda c: c.imessage.history(PHONE, OTHER),
    "check_imessage_availability": lambda c: c.imessage.availability(PHONE),
    "send_whatsapp": lambda c: c.whatsapp.send(to=PHONE, message="Hello"),
    "set_whatsapp_typing": lambda c: c.whatsapp.typing(to=PHONE, action="stop"),
    "react_to_whatsapp": lambda c: c.whatsapp.react(to=PHONE, action="remove"),
    "send_otp": lambda c: c.otp.send({"to": PHONE, "language": "en"}),
    "verify_otp": lambda c: c.otp.verify({"otp_id": "otp_abc", "otp": "123456"}),
    "resend_otp": lambda c: c.otp.resend({"otp_id": "otp_abc"}),
    "initiate_reverse_otp": lambda c: c.otp.reverse.initiate(number=PHONE),
    "get_reverse_otp_status": lambda c: c.otp.reverse.status("r_otp_abc"),
    "cancel_reverse_otp": lambda c: c.otp.reverse.cancel("r_otp_abc"),
    "list_available_numbers": lambda c: c.numbers.available(),
    "list_leased_numbers": lambda c: c.numbers.leased(),
    "get_number": lambda c: c.numbers.get(PHONE),
    "lease_number": lambda c: c.numbers.lease(PHONE),
    "terminate_lease": lambda c: c.numbers.terminate(PHONE),
    "configure_number": lambda c: c.numbers.configure(PHONE, body=ConfigureNumberRequest()),
    "list_domains": lambda c: c.domains.list(),
    "get_domain": lambda c: c.domains.get("example.com"),
    "register_domain": lambda c: c.domains.register("example.com"),
    "delete_domain": lambda c: c.domains.delete("example.com"),
    "list_entitlements": lambda c: c.entitlements.list(),
    "get_entitlement": lambda c: c.entitlements.get("fast_track"),
    "apply_entitlement": lambda c: c.entitlements.apply("fast_track"),
    "revoke_entitlement": lambda c: c.entitlements.revoke("fast_track"),
}

# ... and once with every optional argument too.
ALL_OPTIONAL_CALLS: dict[str, Call] = {
    **REQUIRED_ONLY_CALLS,
    "send_text": lambda c: c.text.send(
        to=PHONE, from_=OTHER, message="Hello", attachments=[PNG], fast_track=True
    ),
    "react_to_text": lambda c: c.text.react(
        reaction="love", action="add", message_id="text_abc", to=PHONE, from_=OTHER, message="Hello"
    ),
    "get_message": lambda c: c.text.get("text_abc", tracking=True),
    "get_text_history": lambda c: c.text.history(PHONE, OTHER, 50, tracking=True),
    "send_email": lambda c: c.email.send(
        to=["a@example.com", "b@example.com"],
        from_="Contiguity <hello@example.com>",
        subject="Hello",
        text="Hi",
        html="<b>Hi</b>",
        reply_to="r@example.com",
        cc=["c@example.com"],
        bcc="d@example.com",
        headers={"X-Priority": "1"},
    ),
    "send_imessage": lambda c: c.imessage.send(
        to=PHONE,
        from_=OTHER,
        message="Hello",
        attachments=[PNG],
        fallback=ImessageFallback(when=["imessage_unsupported", "imessage_fails"], from_=OTHER),
        fast_track=True,
    ),
    "set_imessage_typing": lambda c: c.imessage.typing(to=PHONE, from_=OTHER, action="start"),
    "get_imessage_history": lambda c: c.imessage.history(PHONE, OTHER, 50, tracking=True),
    "send_whatsapp": lambda c: c.whatsapp.send(
        to=PHONE,
        from_=OTHER,
        message="Hello",
        attachments=[PNG],
        fallback=WhatsappFallback(when=["whatsapp_unsupported", "whatsapp_fails"], from_=OTHER),
    ),
    "set_whatsapp_typing": lambda c: c.whatsapp.typing(to=PHONE, from_=OTHER, action="start"),
    "react_to_whatsapp": lambda c: c.whatsapp.react(to=PHONE, action="add", reaction="👍", message="Hi"),
    "send_otp": lambda c: c.otp.send({"to": PHONE, "language": "en", "name": "Contiguity"}),
    "initiate_reverse_otp": lambda c: c.otp.reverse.initiate(
        number=PHONE,
        factor="1234",
        to=OTHER,
        service="imessage",
        language="en",
        success_url="https://example.com/hook",
    ),
    "lease_number": lambda c: c.numbers.lease(
        PHONE, body=LeaseNumberRequest(billing_method="service_contract")
    ),
    "configure_number": lambda c: c.numbers.configure(
        PHONE,
        body=ConfigureNumberRequest(
            failover=FailoverSettings(enabled=True, mode="selective", numbers=[OTHER])
        ),
    ),
    "register_domain": lambda c: c.domains.register(
        "example.com", body=RegisterDomainRequest(region="us-east-1", custom_return_path="bounce")
    ),
}
