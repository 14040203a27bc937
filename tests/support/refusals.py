"""Shared by the hostile-input test modules: what a refusal must look like, and where to aim."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

import contiguity_ext as contiguity
from contiguity_ext._endpoint import Endpoint
from contiguity_ext._operation_table import by_operation
from tests.support.recording import Recorder


def assert_refused(recorder: Recorder, call: Callable[[], Any], field: str) -> contiguity.ValidationError:
    """``call()`` raises a ValidationError (a ValueError) naming ``field``, and nothing was sent."""
    with pytest.raises(contiguity.ValidationError) as caught:
        call()
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == field, str(caught.value)
    assert recorder.requests == []
    return caught.value


async def assert_refused_async(
    recorder: Recorder, call: Callable[[], Awaitable[Any]], field: str
) -> contiguity.ValidationError:
    """:func:`assert_refused` for an awaitable call of the async client."""
    with pytest.raises(contiguity.ValidationError) as caught:
        await call()
    assert isinstance(caught.value, ValueError)
    assert caught.value.field == field, str(caught.value)
    assert recorder.requests == []
    return caught.value


def methods_of(operation: str) -> list[str]:
    """The dotted names (``"domains.get"``) of the methods that are ``operation`` itself.

    Methods built on top of an operation (``agreements.accept``) take other arguments.
    """
    return [
        method.dotted
        for method in by_operation().get(operation, [])
        if isinstance(inspect.getattr_static(method.resource, method.name), Endpoint)
    ]


def method(client: object, dotted: str) -> Callable[..., Any]:
    """The client method at ``dotted`` (``"otp.reverse.cancel"``)."""
    found: Any = client
    for part in dotted.split("."):
        found = getattr(found, part)
    assert callable(found)
    return found  # type: ignore[no-any-return]
