"""Declaring a client method: ``endpoint(operation, response, body=..., arguments=...)`` and ``map``.

Each test declares its own group (the ``declared`` fixture), so what it checks is what a
declaration does when the test runs, not what the product groups computed at import.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Mapping
from typing import Any

import attrs
import pytest
from contiguity_client.api import conversations, text
from contiguity_client.models import MessageSentResponse, StoredMessageResponse
from typing_extensions import Unpack

from contiguity_ext import APIResponseValidationError, Contiguity, ValidationError
from contiguity_ext._endpoint import Endpoint, endpoint
from contiguity_ext._resource import Resource
from contiguity_ext.types import RequestOptions
from tests.support.recording import Recorder

SUMMARY = "Send an SMS or MMS"
STORED = {
    **{"id": "text_9", "to": "+15555555555", "from": "+15555555556", "status": "delivered"},
    **{"message": "hi", "timestamp": 1757916599341, "attachments": []},
}


def _greeting(to: str, *, name: str, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    """Say hello to ``name`` at ``to``."""
    return {"to": to, "message": f"Hello {name}"}


def _by_id(message_id: str, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
    return {"id": message_id}


@pytest.fixture
def declared() -> Any:
    """A group declared now, with one method of each kind."""

    class Group(Resource[Any]):
        send = endpoint(text.send_text_arguments, MessageSentResponse)
        greet = endpoint(text.send_text_arguments, MessageSentResponse, body=_greeting)
        fetch = endpoint(conversations.get_message_arguments, StoredMessageResponse, arguments=_by_id)
        send_for_id = send.map(lambda sent: sent.data.message_id)
        send_for_shout = send_for_id.map(str.upper)
        fetch_status = fetch.map(lambda stored: stored.data.status)

    return Group


def _group(recorder: Recorder, declared: Any) -> tuple[Contiguity, Any]:
    client = recorder.client()
    return client, declared(client.text._context)


def test_the_method_has_the_operation_signature_returning_the_model(declared: Any) -> None:
    signature = inspect.signature(declared(Recorder().client().text._context).send)
    expected = inspect.signature(text.send_text_arguments).replace(return_annotation=MessageSentResponse)
    assert str(signature) == str(expected)
    assert declared.send.operation.operation_id == "sendText"


def test_the_help_text_is_the_spec_summary_arguments_and_model(declared: Any) -> None:
    doc = declared.send.__doc__ or ""
    assert doc.startswith(SUMMARY + "\n")
    assert "\nArgs:\n    to (str): A phone number in E.164 form" in doc
    assert doc.endswith("\n\nReturns:\n    MessageSentResponse")


def test_a_body_function_gives_its_signature_and_the_help_text_drops_the_generated_arguments(
    declared: Any,
) -> None:
    parameters = list(inspect.signature(declared(Recorder().client().text._context).greet).parameters)
    assert parameters[:2] == ["to", "name"]
    doc = declared.greet.__doc__ or ""
    assert doc.startswith(SUMMARY)
    assert "Args:" not in doc
    assert doc.endswith("Returns:\n    MessageSentResponse")


def test_a_body_function_builds_what_is_sent(declared: Any) -> None:
    recorder = Recorder()
    client, group = _group(recorder, declared)
    with client:
        sent = group.greet("(555) 555-5555", name="Ada")
    assert recorder.last_json == {"to": "+15555555555", "message": "Hello Ada"}
    assert recorder.requests[-1].url.path == "/send/text"
    assert isinstance(sent, MessageSentResponse)


def test_a_misspelt_keyword_is_a_type_error_naming_the_method(declared: Any) -> None:
    client, group = _group(Recorder(), declared)
    with client, pytest.raises(TypeError, match=r"^greet\(\) got an unexpected keyword argument 'nmae'$"):
        group.greet("+15555555555", nmae="Ada")


def test_an_arguments_function_takes_its_parameters_and_refuses_others(declared: Any) -> None:
    recorder = Recorder()
    recorder.answer(STORED)
    client, group = _group(recorder, declared)
    with client:
        with pytest.raises(TypeError, match=r"^fetch\(\) got an unexpected keyword argument 'id'$"):
            group.fetch("text_9", id="text_9")
        assert not recorder.requests
        group.fetch("text_9")
    assert recorder.requests[-1].url.path == "/conversations/history/message/text_9"
    doc = declared.fetch.__doc__ or ""
    assert "Args:" not in doc
    assert doc.endswith("Returns:\n    StoredMessageResponse")


def test_a_keyword_the_arguments_function_takes_is_an_option_or_argument_not_refused(declared: Any) -> None:
    recorder = Recorder()
    recorder.answer(STORED)
    client, group = _group(recorder, declared)
    with client:
        group.fetch("text_9", timeout=5, extra_headers={"X-Trace": "1"})
    assert recorder.requests[-1].headers["x-trace"] == "1"


def test_map_returns_what_the_mapping_makes_of_the_result(declared: Any) -> None:
    recorder = Recorder()
    client, group = _group(recorder, declared)
    with client:
        assert group.send_for_id(to="+15555555555", message="hi") == "text_1"
        assert group.send_for_shout(to="+15555555555", message="hi") == "TEXT_1"
    assert [request.url.path for request in recorder.requests] == ["/send/text", "/send/text"]


def test_a_mapped_method_describes_the_operation_and_its_arguments_but_no_model(declared: Any) -> None:
    described = (inspect.getdoc(text.send_text_arguments) or "").split("\nReturns:")[0].strip()
    assert declared.send_for_id.__doc__ == described
    assert "\nArgs:\n" in described
    group = declared(Recorder().client().text._context)
    assert inspect.signature(group.send_for_id).return_annotation is inspect.Signature.empty


def test_a_mapped_method_keeps_the_arguments_function_it_maps(declared: Any) -> None:
    recorder = Recorder()
    recorder.answer(STORED)
    client, group = _group(recorder, declared)
    with client:
        assert next(iter(inspect.signature(group.fetch_status).parameters)) == "message_id"
        assert group.fetch_status("text_9") == "delivered"
        with pytest.raises(TypeError, match=r"^fetch_status\(\) got an unexpected keyword argument 'id'$"):
            group.fetch_status("text_9", id="text_9")
    assert (declared.fetch_status.__doc__ or "").startswith("Fetch one message\n")
    assert "Args:" not in (declared.fetch_status.__doc__ or "")


def test_an_operation_without_a_description_documents_only_its_model() -> None:
    def send_text_arguments(**arguments: Any) -> dict[str, Any]:
        return text.send_text_arguments(**arguments)

    send_text_arguments.__module__ = text.send_text_arguments.__module__
    declared = endpoint(send_text_arguments, MessageSentResponse)
    assert declared.__doc__ == "Returns:\n    MessageSentResponse"
    assert declared.map(lambda sent: sent).__doc__ == ""


def test_a_mapped_method_still_refuses_an_unknown_keyword_before_sending(declared: Any) -> None:
    recorder = Recorder()
    client, group = _group(recorder, declared)
    with client, pytest.raises(TypeError, match="unexpected keyword argument 'too'"):
        group.send_for_id(too="+15555555555", message="hi")
    assert not recorder.requests


def test_a_method_is_bound_once_per_group(declared: Any) -> None:
    _, group = _group(Recorder(), declared)
    assert group.send is group.send
    assert group.send.__name__ == "send"
    assert isinstance(declared.__dict__["send"], Endpoint)


def test_a_body_function_returning_something_else_is_a_validation_error() -> None:
    def _broken(**_options: Unpack[RequestOptions]) -> Any:
        return ["not", "a", "body"]

    class Broken(Resource[Any]):
        send = endpoint(text.send_text_arguments, MessageSentResponse, body=_broken)

    recorder = Recorder()
    client = recorder.client()
    with client, pytest.raises(ValidationError, match="expected a mapping, got list") as caught:
        Broken(client.text._context).send()
    assert caught.value.field == "body"
    assert not recorder.requests


def _declare_with(adapter: Any) -> Any:
    class Group(Resource[Any]):
        send = endpoint(text.send_text_arguments, MessageSentResponse, arguments=adapter)

    return Group


@pytest.mark.parametrize(
    ("error", "message", "field"),
    [
        (KeyError("name"), "name", "name"),
        (TypeError("helper() wants 'count' as a number"), "wants 'count' as a number", "count"),
        (TypeError("not like this"), "not like this", "arguments"),
        (TypeError(), "", "arguments"),
    ],
    ids=["key-error", "named-type-error", "unnamed-type-error", "empty-type-error"],
)
def test_an_adapter_refusing_the_input_is_a_validation_error_naming_the_argument(
    error: Exception, message: str, field: str
) -> None:
    def adapter(params: object, /, *, note: str, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
        raise error

    recorder = Recorder()
    client = recorder.client()
    with client, pytest.raises(ValidationError) as caught:
        _declare_with(adapter)(client.text._context).send({"to": "+15555555555"}, note="a keyword")
    assert (str(caught.value), caught.value.field) == (f"{field}: {message}", field)
    assert not recorder.requests


def test_a_call_that_does_not_bind_is_a_type_error_even_when_the_adapter_would_refuse_it() -> None:
    def adapter(params: object, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
        raise TypeError("adapter() should not be reached")

    client = Recorder().client()
    with client, pytest.raises(TypeError, match=r"^send\(\) takes 1 positional argument but 2 were given$"):
        _declare_with(adapter)(client.text._context).send({}, {})


class _Unserialisable:
    def to_dict(self) -> dict[str, Any]:
        raise TypeError("Model.to_dict() cannot serialise 5")


def test_a_body_that_cannot_be_serialised_is_a_validation_error() -> None:
    def broken(**_options: Unpack[RequestOptions]) -> Any:
        return _Unserialisable()

    class Broken(Resource[Any]):
        send = endpoint(text.send_text_arguments, MessageSentResponse, body=broken)

    recorder = Recorder()
    client = recorder.client()
    with client, pytest.raises(ValidationError) as caught:
        Broken(client.text._context).send()
    assert (str(caught.value), caught.value.field) == (
        "body: invalid request body: cannot serialise 5",
        "body",
    )
    assert not recorder.requests


def test_an_arguments_function_may_return_a_read_only_mapping() -> None:
    def frozen(to: str, /, **_options: Unpack[RequestOptions]) -> Mapping[str, Any]:
        return types.MappingProxyType({"body": {"to": to, "message": "hi"}})

    class Group(Resource[Any]):
        send = endpoint(text.send_text_arguments, MessageSentResponse, arguments=frozen)

    recorder = Recorder()
    client = recorder.client()
    with client:
        Group(client.text._context).send("(555) 555-5555")
    assert recorder.last_json == {"to": "+15555555555", "message": "hi"}


def test_an_answer_the_models_cannot_read_says_so_and_that_the_call_may_have_worked() -> None:
    # Formats are not checked on answers (a newer API may loosen them); the model's parser is.
    recorder = Recorder()
    recorder.answer({"otp_id": "r_otp_1", "status": "pending", "expires_at": "not a time"})
    client = recorder.client()
    with client, pytest.raises(APIResponseValidationError) as caught:
        client.otp.reverse.status("r_otp_1")
    assert str(caught.value).startswith(
        "GET /otp/reverse/verify/r_otp_1: the server accepted the request (HTTP 200, request id req_test),"
        " but the answer could not be parsed: "
    )


def test_a_float_for_an_integer_body_field_is_refused_before_sending() -> None:
    # No request body of today's spec has an integer field; a newer one may, and JSON Schema
    # alone would let 20.0 through. The operation is given one, as such a spec would.
    class Group(Resource[Any]):
        send = endpoint(text.send_text_arguments, MessageSentResponse)

    declared = Group.__dict__["send"]
    declared.__dict__["_operation"] = attrs.evolve(declared.operation, integer_paths=(("message",),))
    recorder = Recorder()
    client = recorder.client()
    with client, pytest.raises(ValidationError) as caught:
        Group(client.text._context).send(to="+15555555555", message=20.0)  # type: ignore[arg-type]
    assert (str(caught.value), caught.value.field) == ("message: must be an integer, got 20.0", "message")
    assert not recorder.requests
