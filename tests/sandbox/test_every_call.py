"""Every operation, called through the sync and async clients, is answered by the sandbox and parses."""

from __future__ import annotations

import inspect

import pytest

import contiguity_ext as contiguity
from contiguity_ext._operation_table import by_operation
from contiguity_ext.testing import Sandbox
from tests.support.operations import CALLS, Call, example_call


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


# Declared with endpoint(operation._get_kwargs, Response) and nothing else: the form a new
# operation takes, so the call built from the spec's examples must reach each of them.
ONE_LINE_DECLARATIONS = ["get_number", "lease_number", "configure_number", "register_domain", "get_domain"]


@pytest.mark.parametrize("name", ONE_LINE_DECLARATIONS)
def test_the_call_built_from_the_spec_reaches_an_operation_declared_in_one_line(name: str) -> None:
    method = by_operation()[name][0]
    with Sandbox().client() as client:
        try:
            result = example_call(method)(client)
        except contiguity.NotFoundError:
            return  # the example's made-up number or domain is not in this sandbox: a valid request
    assert result is not None
