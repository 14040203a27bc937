"""Hooks as callers write them, checked by `mypy --strict` (make typecheck); never executed."""

from __future__ import annotations

from typing_extensions import assert_type

import contiguity_ext as contiguity
from contiguity_ext.hooks import Call, ConnectionErrorEvent, Hooks, RequestEvent, ResponseEvent, RetryEvent


def on_request(event: RequestEvent) -> None:
    assert_type(event.call, Call)
    assert_type(event.attempt, int)
    event.call.state["started"] = event.headers.get("user-agent")


async def on_retry(event: RetryEvent) -> None:
    assert_type(event.delay, float)
    assert_type(event.reason, str)


def on_connection_error(event: ConnectionErrorEvent) -> None:
    assert_type(event.error, contiguity.APIConnectionError)


# A hook's return value is ignored, so a lambda around anything will do.
seen: dict[int, ResponseEvent] = {}
hooks = Hooks(
    on_request=on_request,
    on_response=lambda event: seen.setdefault(event.status_code, event),
    on_connection_error=on_connection_error,
)
async_hooks = Hooks(on_request=on_request, on_retry=on_retry)

client = contiguity.login(hooks=hooks, app_info="shop/2.1", default_headers={"X-Tenant": "acme"})
async_client = contiguity.login_async(hooks=async_hooks)

Hooks(on_request=on_retry)  # type: ignore[arg-type]  # a RetryEvent hook cannot take a RequestEvent
contiguity.login(default_headers={"X-Count": 3})  # type: ignore[dict-item]
