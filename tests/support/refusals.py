"""Shared by the hostile-input test modules: what a refusal must look like, and where to aim."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest

import contiguity_ext as contiguity
from contiguity_ext._endpoint import Endpoint
from contiguity_ext._resource import Resource
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


def methods_of(client: object, operation: str, prefix: str = "") -> Iterator[str]:
    """The dotted names (``"domains.get"``) of the client methods that call ``operation``."""
    for group_name, group in sorted(vars(client).items()):
        if not isinstance(group, Resource):
            continue
        for owner in type(group).__mro__:
            for attribute, value in vars(owner).items():
                if isinstance(value, Endpoint) and value._name == operation and not attribute.startswith("_"):
                    yield f"{prefix}{group_name}.{attribute}"
        yield from methods_of(group, operation, f"{prefix}{group_name}.")


def method(client: object, dotted: str) -> Callable[..., Any]:
    """The client method at ``dotted`` (``"otp.reverse.cancel"``)."""
    found: Any = client
    for part in dotted.split("."):
        found = getattr(found, part)
    assert callable(found)
    return found  # type: ignore[no-any-return]
