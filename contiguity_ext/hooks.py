"""Callbacks that observe every HTTP exchange a client makes: for tracing, metrics and audits.

::

    import contiguity_ext as contiguity
    from contiguity_ext.hooks import Hooks, RetryEvent


    def on_retry(event: RetryEvent) -> None:
        print(f"{event.call.operation_id}: {event.reason}, attempt {event.attempt} in {event.delay:.2f} s")


    client = contiguity.login(hooks=Hooks(on_retry=on_retry))

For one SDK method call the hooks see, in order: ``on_request`` before each attempt is sent;
then either ``on_response`` when an HTTP answer (any status) arrives, or, when the call ends
with no answer at all, ``on_connection_error``; ``on_retry`` between attempts. Exactly one
event per call has ``retrying=False`` or is an ``on_connection_error``: that is where the call
ends, which is where a tracing span ends. Every event carries the same :class:`Call` object for
the whole call, whose ``state`` dict is free for the hooks' own use (a span, a start time).

A hook that raises is logged (logger ``contiguity``, level WARNING, with the traceback) and the
call carries on: observing a call never changes its outcome, so a message the API accepted is
never reported as a failure that would tempt the caller to send it again.

On :func:`contiguity_ext.login_async` a hook may be a plain function or a coroutine function;
a coroutine is awaited before the call goes on, so keep it quick. :func:`contiguity_ext.login`
rejects coroutine functions (nothing would await them).

Events never contain the API token: ``headers`` shows ``Authorization`` as ``<redacted>``.
A call rejected locally (a :class:`~contiguity_ext.ValidationError`) sends nothing and fires
no hook.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import httpx

from .errors import APIConnectionError, ValidationError

__all__ = [
    "Call",
    "ConnectionErrorEvent",
    "Hooks",
    "RequestEvent",
    "ResponseEvent",
    "RetryEvent",
]

REDACTED = "<redacted>"

EventT = TypeVar("EventT")


@attrs.define(eq=False)
class Call:
    """One SDK method call, shared by every event it produces (one per attempt and retry)."""

    operation_id: str
    """The spec's ``operationId``, e.g. ``"sendText"``."""
    method: str
    """The HTTP method."""
    url: str
    """The URL without its query string."""
    state: dict[str, Any] = attrs.field(factory=dict)
    """Free for the hooks' own use, e.g. the tracing span opened by ``on_request``."""


@attrs.frozen
class RequestEvent:
    """An attempt is about to be sent."""

    call: Call
    attempt: int
    """1 for the first attempt, 2 for the first retry, ..."""
    headers: httpx.Headers
    """The request's headers as sent, ``Authorization`` redacted."""


@attrs.frozen
class ResponseEvent:
    """An HTTP answer arrived, whatever its status."""

    call: Call
    attempt: int
    status_code: int
    headers: httpx.Headers
    request_id: str | None
    """The API's id for the request (envelope ``id`` or ``x-request-id``)."""
    elapsed: float
    """Seconds from sending this attempt to having its whole answer."""
    retrying: bool
    """Whether the call goes on with another attempt (an :class:`RetryEvent` follows)."""

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300


@attrs.frozen
class RetryEvent:
    """An attempt failed and another one is scheduled."""

    call: Call
    attempt: int
    """The number of the attempt that follows the delay (2 for the first retry)."""
    reason: str
    """Why: ``"HTTP 429"``, ``"HTTP 503"``, or an httpx error name such as ``"ConnectError"``."""
    delay: float
    """Seconds the client waits before that attempt."""


@attrs.frozen
class ConnectionErrorEvent:
    """The call ends without any HTTP answer; ``error`` is what the caller is about to get."""

    call: Call
    attempt: int
    error: APIConnectionError


Hook = Callable[[EventT], object]
"""A callback for events of type ``EventT``. What it returns is ignored, except that on an async
client an awaitable (a coroutine function's result) is awaited."""


@attrs.frozen(kw_only=True)
class Hooks:
    """The callbacks a client runs; pass to ``login(hooks=...)`` or ``login_async(hooks=...)``.

    Each is optional and receives one event object (see the module documentation for the order).
    """

    on_request: Hook[RequestEvent] | None = None
    on_response: Hook[ResponseEvent] | None = None
    on_retry: Hook[RetryEvent] | None = None
    on_connection_error: Hook[ConnectionErrorEvent] | None = None


def check_hooks(hooks: object, *, is_async: bool) -> Hooks | None:
    """``hooks`` as given to ``login``, checked; None when no hook is set (the fast path)."""
    if hooks is None:
        return None
    if not isinstance(hooks, Hooks):
        raise ValidationError(
            f"must be a contiguity_ext.hooks.Hooks, not {type(hooks).__name__}", field="hooks"
        )
    callbacks = {name: hook for name, hook in attrs.asdict(hooks, recurse=False).items() if hook is not None}
    for name, hook in callbacks.items():
        if not callable(hook):
            raise ValidationError(f"{name} must be callable, not {type(hook).__name__}", field="hooks")
        if not is_async and inspect.iscoroutinefunction(hook):
            raise ValidationError(
                f"{name} is a coroutine function, which a sync client cannot await; use login_async",
                field="hooks",
            )
    return hooks if callbacks else None


def redacted_headers(headers: httpx.Headers) -> httpx.Headers:
    """A copy of ``headers`` with the credentials replaced by :data:`REDACTED`."""
    copy = headers.copy()
    if "authorization" in copy:
        copy["authorization"] = REDACTED
    return copy
