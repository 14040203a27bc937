"""How a client holds its product groups: created on first access, bound to the client's context."""

from __future__ import annotations

import functools
import logging

import pytest

import contiguity_ext
from contiguity_ext._client import _group
from contiguity_ext.resources.legacy import LegacyQuota

GROUPS = {
    **{"text": "Text", "email": "Email", "imessage": "IMessage", "whatsapp": "WhatsApp"},
    **{"domains": "Domains", "entitlements": "Entitlements", "send": "Send"},
    **{"email_analytics": "LegacyEmailAnalytics", "quota": "LegacyQuota"},
}
# Groups whose class differs between the clients (their own methods are sync or async).
TWIN_GROUPS = {
    **{"otp": ("Otp", "AsyncOtp"), "numbers": ("Numbers", "AsyncNumbers")},
    **{"agreements": ("Agreements", "AsyncAgreements")},
}


def test_a_group_declaration_loads_its_class_on_first_access_with_the_client_context() -> None:
    declared = _group("legacy", "LegacyQuota")
    assert isinstance(declared, functools.cached_property)
    assert declared.__doc__ == "The ``LegacyQuota`` product group."
    with contiguity_ext.login("token") as client:
        group = declared.func(client)
        assert type(group) is LegacyQuota
        assert group._context is client._context


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_each_group_is_its_class_made_once_per_client(is_async: bool) -> None:
    client = contiguity_ext.login_async("token") if is_async else contiguity_ext.login("token")
    for attribute, class_name in GROUPS.items():
        group = getattr(client, attribute)
        assert type(group).__name__ == class_name
        assert group is getattr(client, attribute)
        assert group._context is client._context
    for attribute, (sync_name, async_name) in TWIN_GROUPS.items():
        assert type(getattr(client, attribute)).__name__ == (async_name if is_async else sync_name)


def test_two_clients_have_groups_of_their_own() -> None:
    with contiguity_ext.login("token") as first, contiguity_ext.login("token") as second:
        assert first.text is not second.text
        assert second.text._context is second._context


def test_a_client_shows_its_class_and_address_but_never_the_token() -> None:
    with contiguity_ext.login("token-1234567") as client:
        assert repr(client) == "<Contiguity base_url='https://api.contiguity.com' token=<redacted>>"
        assert repr(client.text) == "<Text>"
    with contiguity_ext.login("token-1234567", base_url="http://127.0.0.1:9/v2") as client:
        assert repr(client) == "<Contiguity base_url='http://127.0.0.1:9/v2' token=<redacted>>"
    assert repr(contiguity_ext.login_async("token-1234567")) == (
        "<AsyncContiguity base_url='https://api.contiguity.com' token=<redacted>>"
    )


@pytest.mark.parametrize("client_class", [contiguity_ext.Contiguity, contiguity_ext.AsyncContiguity])
def test_a_client_made_directly_has_logins_defaults(
    client_class: type[contiguity_ext.Contiguity | contiguity_ext.AsyncContiguity], sdk_logger: logging.Logger
) -> None:
    client = client_class("token")
    context = client._context
    assert (context.region, context.strict_response_validation, context.base_url) == ("US", False, None)
    assert (sdk_logger.handlers, sdk_logger.level) == ([], logging.NOTSET)  # debug is off
