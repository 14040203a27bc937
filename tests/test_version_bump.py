"""Rehearse an API version bump: today's SDK against answers of a mechanically derived newer spec.

``tests/support/future_spec.py`` derives the next version of openapi.yaml with every additive
change at once (a new value in every enum, a new optional property in every object, ``null``
allowed in every optional property, a new operation and a new webhook event type). Every
operation, sync and async, is answered with values of its response schema in that spec, once
with every field present and once with every optional field ``null``, and must parse; so must
every webhook event. Removing a required field, a breaking change, must give the typed
:class:`~contiguity_ext.APIResponseValidationError` instead of a crash.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
from typing import Any

import httpx
import pytest
from contiguity_client.models import WebhookEvent

import contiguity_ext as contiguity
from contiguity_ext import _spec, webhooks
from tests.support.future_spec import (
    FUTURE_VERSION,
    NEW_ENUM_VALUE,
    NEW_EVENT,
    NEW_PROPERTY,
    Shape,
    future_spec,
    instance,
)
from tests.support.operations import CALLS

SHAPES: tuple[Shape, ...] = ("full", "nulls")


@functools.cache
def future() -> dict[str, Any]:
    return future_spec(_spec.document())


def future_answer(operation: str, shape: Shape) -> Any:
    spec = future()
    current = _spec.operation(operation)
    raw = spec["paths"][current.path][current.method.lower()]
    schema = _spec.resolve(raw["responses"]["200"], spec)["content"]["application/json"]["schema"]
    answer = instance(spec, schema, shape)
    if isinstance(answer, dict) and "api_version" in answer:
        answer["api_version"] = FUTURE_VERSION
    return answer


def answering(payload: Any) -> httpx.MockTransport:
    return httpx.MockTransport(lambda _request: httpx.Response(200, json=payload))


def test_the_future_spec_changes_what_it_should() -> None:
    spec = future()
    assert NEW_ENUM_VALUE in spec["components"]["schemas"]["LeaseStatus"]["enum"]
    assert NEW_PROPERTY in spec["components"]["schemas"]["Lease"]["properties"]
    assert len(spec["paths"]) == len(_spec.document()["paths"]) + 1
    assert NEW_EVENT in spec["webhooks"]
    lease = future_answer("lease_number", "full")
    assert lease["data"]["status"] == NEW_ENUM_VALUE
    assert NEW_PROPERTY in lease["data"]
    assert future_answer("get_message", "nulls")["data"]["tracking"] is None
    assert set(CALLS) >= set(_spec.operations()), "every operation must be rehearsed"


CASES = [pytest.param(name, shape, id=f"{name}-{shape}") for name in sorted(CALLS) for shape in SHAPES]


@pytest.mark.parametrize(("name", "shape"), CASES)
def test_todays_sdk_reads_every_future_answer(
    name: str, shape: Shape, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="contiguity")
    payload = future_answer(name, shape)
    with contiguity.login(
        "contiguity_sk_test", http_client=httpx.Client(transport=answering(payload))
    ) as client:
        result = CALLS[name](client)
    assert_read(result, payload)
    if "api_version" in payload:  # the legacy calls answer without the envelope
        assert any(FUTURE_VERSION in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize(("name", "shape"), CASES)
async def test_todays_async_sdk_reads_every_future_answer(name: str, shape: Shape) -> None:
    payload = future_answer(name, shape)
    http_client = httpx.AsyncClient(transport=answering(payload))
    async with contiguity.login_async("contiguity_sk_test", http_client=http_client) as client:
        pending: Any = CALLS[name](client)
        assert inspect.isawaitable(pending)
        result = await pending
    assert_read(result, payload)


def assert_read(result: Any, payload: Any) -> None:
    """The result is the typed model with the new property kept, or the value the method unwraps."""
    to_dict = getattr(result, "to_dict", None)
    if to_dict is None:
        assert result is not None
        return
    read = to_dict()
    if isinstance(payload, dict) and NEW_PROPERTY in payload:
        assert read[NEW_PROPERTY] == payload[NEW_PROPERTY]
    if (
        isinstance(payload, dict)
        and isinstance(payload.get("data"), dict)
        and NEW_PROPERTY in payload["data"]
    ):
        assert read["data"][NEW_PROPERTY] == payload["data"][NEW_PROPERTY]


def test_strict_response_validation_still_refuses_a_future_answer() -> None:
    payload = future_answer("lease_number", "full")
    http_client = httpx.Client(transport=answering(payload))
    with (
        contiguity.login(
            "contiguity_sk_test", http_client=http_client, strict_response_validation=True
        ) as client,
        pytest.raises(contiguity.APIResponseValidationError),
    ):
        CALLS["lease_number"](client)


def event_cases() -> list[Any]:
    return [
        pytest.param(event, shape, id=f"{event}-{shape}")
        for event in future()["webhooks"]
        for shape in SHAPES
    ]


@pytest.mark.parametrize(("event_type", "shape"), event_cases())
def test_todays_sdk_reads_every_future_webhook_event(event_type: str, shape: Shape) -> None:
    spec = future()
    body = spec["webhooks"][event_type]["post"]["requestBody"]
    schema = _spec.resolve(body, spec)["content"]["application/json"]["schema"]
    payload = instance(spec, schema, shape)
    payload["api_version"] = FUTURE_VERSION
    event = webhooks.parse_event(json.dumps(payload))
    assert event.type_ == event_type
    assert event.api_version == FUTURE_VERSION
    assert type(event) is webhooks.EVENT_MODELS.get(event_type, WebhookEvent)


# ---- a breaking change -----------------------------------------------------------------------


def breaking_cases() -> list[Any]:
    """Each operation whose result object has a required field, without the first such field."""
    cases = []
    for name in sorted(CALLS):
        data = _spec.resolve(_data_schema(name))
        if data.get("required") and isinstance(future_answer(name, "full").get("data"), dict):
            removed = data["required"][0]
            cases.append(pytest.param(name, removed, id=f"{name}-without-{removed}"))
    return cases


def _data_schema(name: str) -> Any:
    """The schema of ``data`` in the operation's success envelope ({} for the legacy calls)."""
    ref = _spec.operation(name).response_ref
    envelope = _spec.resolve({"$ref": ref}) if ref else {}
    declared = [_spec.resolve(part).get("properties", {}).get("data") for part in envelope.get("allOf", [])]
    # The shared envelope declares `data` loosely; the operation's own part says what it holds.
    return next((data for data in reversed(declared) if data is not None), {})


@pytest.mark.parametrize(("name", "removed"), breaking_cases())
def test_a_removed_required_field_gives_the_typed_error(name: str, removed: str) -> None:
    payload = future_answer(name, "full")
    del payload["data"][removed]
    http_client = httpx.Client(transport=answering(payload))
    with (
        contiguity.login("contiguity_sk_test", http_client=http_client) as client,
        pytest.raises(contiguity.APIResponseValidationError) as caught,
    ):
        CALLS[name](client)
    error = caught.value
    assert error.may_have_been_sent
    assert removed in str(error)
    assert "the server accepted the request (HTTP 200" in str(error)
    assert json.loads(error.body) == payload


def test_strict_parsing_still_refuses_a_future_webhook_event() -> None:
    spec = future()
    body = spec["webhooks"]["email.incoming"]["post"]["requestBody"]
    payload = instance(spec, _spec.resolve(body, spec)["content"]["application/json"]["schema"], "nulls")
    assert payload["data"]["in_reply_to"] is None
    webhooks.parse_event(json.dumps(payload))
    with pytest.raises(webhooks.WebhookVerificationError):
        webhooks.parse_event(json.dumps(payload), strict=True)
