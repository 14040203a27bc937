"""The operation table: which method of which group calls which operation, found from the groups."""

from __future__ import annotations

import types
from typing import Any

import httpx
import pytest
from contiguity_client.api import text
from contiguity_client.models import MessageSentResponse

import contiguity_ext
from contiguity_ext._endpoint import endpoint
from contiguity_ext._operation_table import (
    ClientMethod,
    _methods,
    _never_sends,
    by_operation,
    client_methods,
    operation_table,
)
from contiguity_ext._resource import Resource
from contiguity_ext.resources.numbers import Numbers
from contiguity_ext.resources.otp import ReverseOtp
from contiguity_ext.resources.text import Text


def _method(dotted: str) -> ClientMethod:
    (found,) = (method for method in operation_table() if method.dotted == dotted)
    return found


def test_an_endpoint_attribute_is_listed_with_the_group_that_declares_it() -> None:
    send = _method("text.send")
    assert (send.group, send.name, send.resource) == (("text",), "send", Text)
    assert send.operation is not None
    assert send.operation.operation_id == "sendText"
    assert repr(send) == "<ClientMethod text.send>"


def test_a_public_method_over_a_private_endpoint_calls_that_endpoint_operation() -> None:
    available = _method("numbers.available")
    assert available.resource is Numbers
    assert available.endpoint is Numbers._available
    assert available.operation is not None
    assert available.operation.operation_id == "listAvailableNumbers"


def test_a_method_with_no_endpoint_of_its_own_calls_no_single_operation() -> None:
    wait = _method("otp.reverse.wait")
    assert (wait.group, wait.resource) == (("otp", "reverse"), ReverseOtp)
    assert (wait.endpoint, wait.operation) == (None, None)


def test_private_members_and_client_settings_are_not_methods() -> None:
    dotted = [method.dotted for method in operation_table()]
    assert not [name for name in dotted if any(part.startswith("_") for part in name.split("."))]
    assert {method.group[0] for method in operation_table()} == {
        *("text", "email", "imessage", "whatsapp", "otp", "numbers", "domains", "entitlements"),
        *("send", "quota", "email_analytics", "agreements"),  # the original SDK's calls
    }
    assert all(issubclass(method.resource, Resource) for method in operation_table())


def test_a_group_kept_under_a_private_name_is_not_walked() -> None:
    with contiguity_ext.login("token") as client:
        holder = types.SimpleNamespace(_hidden=client.text, shown=client.email)
        dotted = [method.dotted for method in client_methods(holder)]
    assert "shown.send" in dotted
    assert not [name for name in dotted if name.startswith("_hidden")]


def test_the_raw_views_are_not_walked_as_groups() -> None:
    assert not [method for method in operation_table() if "with_raw_response" in method.group]


def test_each_operation_maps_to_the_methods_that_call_it() -> None:
    table = by_operation()
    assert [method.dotted for method in table["send_text"]] == ["send.text", "text.reply", "text.send"]
    assert all(method.operation is not None for methods in table.values() for method in methods)
    assert sum(map(len, table.values())) == sum(method.operation is not None for method in operation_table())


class _Group(Resource[Any]):
    send = endpoint(text.send_text_arguments, MessageSentResponse)
    _private = endpoint(text.send_text_arguments, MessageSentResponse)
    _helper = "not an endpoint"

    def helper(self) -> None:
        """A plain method whose namesake private attribute is not an endpoint."""

    def xǁ_Groupǁsend__mutmut_1(self) -> None:
        """What ``make mutation`` adds to a class next to the method it mutates."""


def test_only_public_ascii_names_of_a_group_are_its_methods() -> None:
    listed = {method.name: method for method in _methods(_Group, ("group",))}
    assert set(listed) == {"helper", "send"}
    assert listed["helper"].endpoint is None
    assert listed["send"].endpoint is _Group.send


def test_the_sync_and_async_clients_list_the_same_methods_from_their_own_groups() -> None:
    with contiguity_ext.login("token") as client:
        sync_methods = list(client_methods(client))
    async_methods = list(client_methods(contiguity_ext.login_async("token")))
    assert [method.dotted for method in async_methods] == [method.dotted for method in sync_methods]
    assert {method.resource.__name__ for method in async_methods} >= {"AsyncNumbers", "AsyncReverseOtp"}


def test_the_table_client_refuses_to_send() -> None:
    with httpx.Client(transport=_never_sends()) as client, pytest.raises(RuntimeError) as raised:
        client.get("https://api.contiguity.com/")
    assert str(raised.value) == "the operation table's client never sends"
