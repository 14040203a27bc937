"""Methods look like Python functions at run time: real signatures, help text and TypeError."""

from __future__ import annotations

import inspect
import pydoc
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from contiguity_client.models import (
    ConfigureNumberRequest,
    FailoverSettings,
    LeaseNumberRequest,
    LeaseResponse,
    MessageSentResponse,
    RegisterDomainRequest,
)
from contiguity_client.types import UNSET

import contiguity_ext as contiguity
from contiguity_ext.resources.classic import Send
from contiguity_ext.resources.domains import Domains
from contiguity_ext.resources.email import Email
from contiguity_ext.resources.entitlements import Entitlements
from contiguity_ext.resources.imessage import IMessage
from contiguity_ext.resources.legacy import LegacyEmailAnalytics, LegacyQuota
from contiguity_ext.resources.numbers import _NumbersEndpoints
from contiguity_ext.resources.otp import _OtpEndpoints, _ReverseOtpEndpoints
from contiguity_ext.resources.text import Text
from contiguity_ext.resources.whatsapp import WhatsApp
from contiguity_ext.types import RequestOptions
from tests.support.recording import Recorder

PHONE = "+15555555555"
OPTIONS = list(RequestOptions.__annotations__)
GROUPS = [
    Text,
    IMessage,
    WhatsApp,
    Email,
    Send,
    Domains,
    Entitlements,
    _NumbersEndpoints,
    _OtpEndpoints,
    _ReverseOtpEndpoints,
    LegacyEmailAnalytics,
    LegacyQuota,
]


def _methods(client: Any) -> list[tuple[str, Callable[..., Any]]]:
    found = []
    for group_class in GROUPS:
        name = {
            "_NumbersEndpoints": "numbers",
            "_OtpEndpoints": "otp",
            "_ReverseOtpEndpoints": "reverse",
            "LegacyEmailAnalytics": "email_analytics",
            "LegacyQuota": "quota",
        }.get(group_class.__name__, group_class.__name__.lower())
        group = client.otp.reverse if name == "reverse" else getattr(client, name)
        found += [
            (f"{name}.{attribute}", getattr(group, attribute))
            for attribute, value in vars(group_class).items()
            if type(value).__name__ == "Endpoint" and not attribute.startswith("_")
        ]
    return found


def test_signature_lists_the_real_parameters(recorder: Recorder) -> None:
    signature = inspect.signature(recorder.client().text.send)
    parameters = signature.parameters
    assert list(parameters) == ["to", "from_", "message", "attachments", "fast_track", *OPTIONS]
    assert parameters["to"].annotation is str
    assert parameters["to"].default is inspect.Parameter.empty
    assert parameters["message"].default is UNSET
    assert all(parameters[name].kind is inspect.Parameter.KEYWORD_ONLY for name in parameters)
    assert parameters["timeout"].annotation == float | httpx.Timeout | None
    assert signature.return_annotation is MessageSentResponse


def test_every_operation_sync_and_async_takes_the_per_call_options(recorder: Recorder) -> None:
    for client in (recorder.client(), recorder.async_client()):
        methods = _methods(client)
        assert len(methods) >= 30
        for name, method in methods:
            parameters = inspect.signature(method).parameters
            if "_options" in parameters:  # a hand-written adapter: **_options: Unpack[RequestOptions]
                assert "RequestOptions" in str(parameters["_options"].annotation), name
            else:
                assert list(parameters)[-len(OPTIONS) :] == OPTIONS, name


def test_help_shows_each_parameter_with_the_spec_description(recorder: Recorder) -> None:
    text = pydoc.plain(pydoc.render_doc(recorder.client().text.send))
    # Python 3.13's pydoc puts each parameter of a long signature on a line of its own.
    assert "send(*,to:str," in "".join(text.split())
    assert "to (str): A phone number in E.164 form" in text
    assert "attachments (list[str] | None | Unset): Up to 3 media URLs" in text
    assert "max_retries (int | None)" in text
    assert "MessageSentResponse" in text
    assert "object at 0x" not in text


def test_path_parameters_come_first_and_positionally(recorder: Recorder) -> None:
    parameters = inspect.signature(recorder.client().text.history).parameters
    assert [p.name for p in parameters.values() if p.kind is p.POSITIONAL_OR_KEYWORD] == [
        "to",
        "from_",
        "limit",
    ]
    assert parameters["tracking"].kind is inspect.Parameter.KEYWORD_ONLY


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda c: c.text.send(to=PHONE, mesage="x"), "send() got an unexpected keyword argument 'mesage'"),
        (lambda c: c.imessage.read(to=PHONE), "read() missing 1 required keyword-only argument: 'from_'"),
        (lambda c: c.whatsapp.send(to=PHONE), "send() missing 1 required keyword-only argument: 'message'"),
        (lambda c: c.text.send(PHONE, message="x"), "send() takes 0 positional arguments but 1"),
        (lambda c: c.numbers.get(), "get() missing 1 required positional argument: 'number'"),
        (
            lambda c: c.text.history(PHONE),
            "history() missing 1 required positional argument: 'from_'",
        ),
        (
            lambda c: c.send.text({"to": PHONE}, colour="red"),
            "text() got an unexpected keyword argument 'colour'",
        ),
        (lambda c: c.text.reply(), "reply() missing 1 required positional argument: 'event'"),
    ],
)
def test_a_call_python_would_refuse_is_a_type_error_naming_the_problem(
    recorder: Recorder, call: Callable[[contiguity.Contiguity], Any], fragment: str
) -> None:
    with pytest.raises(TypeError) as caught:
        call(recorder.client())
    assert str(caught.value).startswith(fragment)
    assert not isinstance(caught.value, contiguity.ValidationError)
    assert recorder.requests == []


async def test_async_methods_raise_the_same_type_error(recorder: Recorder) -> None:
    with pytest.raises(TypeError, match="unexpected keyword argument 'mesage'"):
        await recorder.async_client().text.send(to=PHONE, mesage="x")  # type: ignore[call-arg]


def test_a_wrong_value_stays_a_validation_error(recorder: Recorder) -> None:
    with pytest.raises(contiguity.ValidationError):
        recorder.client().text.send(to=PHONE, message="x", fast_track="yes")  # type: ignore[arg-type]


# ---- one flat signature: path parameters plus body fields ------------------------------------


def _sent(recorder: Recorder, call: Callable[[], object]) -> Any:
    """The JSON body ``call`` sent (the recorder's generic answer is not what these return)."""
    with pytest.raises(contiguity.APIResponseValidationError):
        call()
    return recorder.last_json


def test_path_parameter_and_body_fields_in_one_call(recorder: Recorder) -> None:
    client = recorder.client()
    sent = _sent(recorder, lambda: client.numbers.lease("(555) 555-5555", billing_method="service_contract"))
    assert recorder.requests[-1].url.path == "/numbers/lease/+15555555555"
    assert sent == {"billing_method": "service_contract"}
    sent = _sent(recorder, lambda: client.numbers.configure(PHONE, failover=FailoverSettings(enabled=False)))
    assert sent == {"failover": {"enabled": False}}
    assert _sent(recorder, lambda: client.domains.register("example.com", region="us-east-1")) == {
        "region": "us-east-1"
    }


def test_the_model_form_is_still_accepted(recorder: Recorder) -> None:
    client = recorder.client()
    sent = _sent(
        recorder, lambda: client.numbers.lease(PHONE, body=LeaseNumberRequest(billing_method="monthly"))
    )
    assert sent == {"billing_method": "monthly"}
    model = ConfigureNumberRequest(failover=FailoverSettings(enabled=False))
    assert _sent(recorder, lambda: client.numbers.configure(PHONE, body=model)) == {
        "failover": {"enabled": False}
    }
    domain = RegisterDomainRequest(region="us-east-1")
    assert _sent(recorder, lambda: client.domains.register("example.com", body=domain)) == domain.to_dict()


def test_the_model_and_its_fields_together_are_refused(recorder: Recorder) -> None:
    with pytest.raises(contiguity.ValidationError, match="not both"):
        recorder.client().numbers.lease(
            PHONE, billing_method="monthly", body=LeaseNumberRequest(billing_method="monthly")
        )
    assert recorder.requests == []


def test_flat_signature_of_lease(recorder: Recorder) -> None:
    signature = inspect.signature(recorder.client().numbers.lease)
    assert list(signature.parameters)[:3] == ["number", "billing_method", "body"]
    assert signature.return_annotation is LeaseResponse


def test_a_method_returning_part_of_the_answer_does_not_claim_the_model(recorder: Recorder) -> None:
    send = recorder.client().otp.send
    assert "OtpSentResponse" not in (send.__doc__ or "")
    assert inspect.signature(send).return_annotation is inspect.Signature.empty
