"""Every operation, called through the sync and async clients, is answered by the sandbox and parses."""

from __future__ import annotations

import inspect

import pytest

import contiguity_ext as contiguity
from contiguity_ext.testing import Sandbox
from tests.support.operations import CALLS, Call


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_every_operation_is_answered_through_the_sync_client(call: Call) -> None:
    with Sandbox().client() as client:
        try:
            result = call(client)
        except contiguity.NotFoundError:
            return  # the call names something this sandbox does not hold: a valid request all the same
    assert result is not None


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
async def test_every_operation_is_answered_through_the_async_client(call: Call) -> None:
    async with Sandbox().async_client() as client:
        pending = call(client)
        assert inspect.isawaitable(pending)
        try:
            result = await pending
        except contiguity.NotFoundError:
            return
    assert result is not None
