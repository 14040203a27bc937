"""The sandbox's HTTP behaviour, independent of any web framework.

:meth:`SandboxApp.handle` turns a :class:`SandboxRequest` into a :class:`SandboxResponse`:
route, check the token, validate parameters and body against ``openapi.yaml``, call the
:class:`~contiguity_ext.sandbox.SandboxState`, and wrap the result in the API's envelopes.

Routes, parameters, validation and error messages come from :mod:`contiguity_ext._spec`, the
reader the client uses too: the sandbox checks requests exactly as the SDK does before sending.
Its answers are checked independently, by the tests (jsonschema) and the contract run (Prism). The
same handler serves uvicorn (through :mod:`.asgi`) and, with no sockets at all, an
:class:`httpx.MockTransport` (:meth:`SandboxApp.transport`).

Besides the API, the sandbox answers a few routes of its own under ``/_sandbox/`` (no token
needed), documented in ``docs/sandbox.md``.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import unquote

import httpx

from .. import _spec
from ..errors import ValidationError
from .core import SandboxError, WebhookEvent, new_id
from .scenarios import scenario_for
from .state import SandboxState

__all__ = ["EventSink", "SandboxApp", "SandboxRequest", "SandboxResponse"]

logger = logging.getLogger("contiguity.sandbox")

EventSink = Callable[[WebhookEvent], None]
"""Receives each webhook event after the call that raised it (see :mod:`.delivery`)."""

_TOKEN = re.compile(r"^Token\s+(\S+)", re.IGNORECASE)
_JSON_HEADERS = {"Content-Type": "application/json"}


@dataclass(frozen=True)
class SandboxRequest:
    """An HTTP request as the sandbox sees it.

    ``path`` is as sent on the wire (percent-encoded, without the query string); header names
    may be in any case.
    """

    method: str
    path: str
    query: Mapping[str, str] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass(frozen=True)
class SandboxResponse:
    """An answer; ``delay`` (seconds to hold it back) and ``drop`` (close the connection
    instead of answering) come from failure scenarios (:mod:`.scenarios`)."""

    status: int
    headers: dict[str, str]
    body: bytes
    delay: float = 0.0
    drop: bool = False

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class _Call:
    """A routed, validated request: path and query parameters parsed, body decoded."""

    state: SandboxState
    path: dict[str, Any]
    query: dict[str, Any]
    body: dict[str, Any]


_Handler = Callable[[_Call], dict[str, Any]]

# What the sandbox does for each operation, by operationId. Every operation of openapi.yaml is
# routed; one without a handler here answers an example built from its response schema.
_HANDLERS: dict[str, _Handler] = {
    "sendText": lambda c: c.state.messaging.send_text(c.body),
    "reactToText": lambda c: c.state.messaging.react_to_text(c.body),
    "sendEmail": lambda c: c.state.messaging.send_email(c.body),
    "sendImessage": lambda c: c.state.messaging.send_imessage(c.body),
    "setImessageTyping": lambda c: c.state.messaging.set_typing("imessage", c.body),
    "markImessageRead": lambda c: c.state.messaging.mark_imessage_read(c.body),
    "reactToImessage": lambda c: c.state.messaging.react_to_imessage(c.body),
    "sendWhatsapp": lambda c: c.state.messaging.send_whatsapp(c.body),
    "setWhatsappTyping": lambda c: c.state.messaging.set_typing("whatsapp", c.body),
    "reactToWhatsapp": lambda c: c.state.messaging.react_to_whatsapp(c.body),
    "getMessage": lambda c: c.state.history.message(c.path["id"], tracking=c.query["tracking"]),
    "getTextHistory": lambda c: c.state.history.text(
        c.path["to"], c.path["from"], c.path["limit"], tracking=c.query["tracking"]
    ),
    "getImessageHistory": lambda c: c.state.history.imessage(
        c.path["to"], c.path["from"], c.path["limit"], tracking=c.query["tracking"]
    ),
    "checkImessageAvailability": lambda c: c.state.history.imessage_availability(c.path["to"]),
    "sendOtp": lambda c: c.state.otp.send(c.body),
    "verifyOtp": lambda c: c.state.otp.verify(c.body),
    "resendOtp": lambda c: c.state.otp.resend(c.body),
    "initiateReverseOtp": lambda c: c.state.otp.initiate_reverse(c.body),
    "getReverseOtpStatus": lambda c: c.state.otp.reverse_status(c.path["otp_id"]),
    "cancelReverseOtp": lambda c: c.state.otp.cancel_reverse(c.path["otp_id"]),
    "listDomains": lambda c: c.state.domains.listing(),
    "getDomain": lambda c: c.state.domains.get(c.path["domain"]),
    "registerDomain": lambda c: c.state.domains.register(c.path["domain"], c.body),
    "deleteDomain": lambda c: c.state.domains.delete(c.path["domain"]),
    "listAvailableNumbers": lambda c: c.state.numbers.available(),
    "listLeasedNumbers": lambda c: c.state.numbers.leased(),
    "getNumber": lambda c: c.state.numbers.get(c.path["number"]),
    "leaseNumber": lambda c: c.state.numbers.lease(c.path["number"], c.body),
    "terminateLease": lambda c: c.state.numbers.terminate(c.path["number"]),
    "configureNumber": lambda c: c.state.numbers.configure(c.path["number"], c.body),
    "listEntitlements": lambda c: c.state.entitlements.listing(),
    "getEntitlement": lambda c: c.state.entitlements.get(c.path["name"]),
    "applyEntitlement": lambda c: c.state.entitlements.apply(c.path["name"]),
    "revokeEntitlement": lambda c: c.state.entitlements.revoke(c.path["name"]),
    "getQuota": lambda c: c.state.history.quota(),
    "getEmailStatus": lambda c: c.state.history.email_status(c.path["id"]),
}

_PHONE = {"$ref": "#/components/schemas/PhoneNumber"}
_INBOUND = {
    "type": "object",
    "required": ["from", "to", "body"],
    "properties": {
        "from": _PHONE,
        "to": _PHONE,
        "body": {"type": "string"},
        "channel": {"enum": ["text", "imessage"]},
    },
}
_ADVANCE = {
    "type": "object",
    "required": ["seconds"],
    "properties": {"seconds": {"type": "number", "minimum": 0}},
}


def _reset(state: SandboxState) -> dict[str, Any]:
    state.reset()
    return {"reset": True}


# (method, path, handler, body schema)
_SANDBOX_ROUTES: tuple[tuple[str, str, _Handler, Mapping[str, Any] | None], ...] = (
    ("GET", "/_sandbox/otp/{otp_id}", lambda c: c.state.otp.code(c.path["otp_id"]), None),
    ("GET", "/_sandbox/messages", lambda c: {"messages": [m.to_json() for m in c.state.messages()]}, None),
    ("GET", "/_sandbox/events", lambda c: {"events": [e.payload for e in c.state.events()]}, None),
    (
        "POST",
        "/_sandbox/inbound",
        lambda c: c.state.inbound(
            c.body["from"], c.body["to"], c.body["body"], channel=c.body.get("channel", "text")
        ),
        _INBOUND,
    ),
    ("POST", "/_sandbox/advance", lambda c: {"now": c.state.advance(c.body["seconds"])}, _ADVANCE),
    ("POST", "/_sandbox/reset", lambda c: _reset(c.state), None),
)


@dataclass(frozen=True)
class _Route:
    method: str
    pattern: re.Pattern[str]
    handler: _Handler
    kind: Literal["api", "legacy", "sandbox"]
    operation: _spec.Operation | None = None
    body_schema: Mapping[str, Any] | None = None


def path_pattern(template: str) -> re.Pattern[str]:
    """A regex for a path template such as ``/numbers/{number}/configure``."""
    parts = re.split(r"\{(\w+)\}", template.rstrip("/"))
    regex = "".join(
        f"(?P<{part}>[^/]+)" if index % 2 else re.escape(part) for index, part in enumerate(parts)
    )
    return re.compile(f"^{regex}/?$")


def _routes() -> list[_Route]:
    routes = [
        _Route(method, path_pattern(path), handler, "sandbox", body_schema=schema)
        for method, path, handler, schema in _SANDBOX_ROUTES
    ]
    # Literal paths first, so /numbers/leased beats /numbers/{number}.
    for operation in sorted(_spec.operations().values(), key=lambda op: op.path.count("{")):
        handler = _HANDLERS.get(operation.operation_id) or _example_answer(operation)
        kind: Literal["api", "legacy"] = "legacy" if operation.is_legacy else "api"
        routes.append(_Route(operation.method, path_pattern(operation.path), handler, kind, operation))
    return routes


def _example_answer(operation: _spec.Operation) -> _Handler:
    """The answer to an operation the sandbox has no handler for: its spec's example 200 answer."""
    if operation.response_ref is None:
        raise LookupError(f"{operation.operation_id} has no JSON answer to give an example of")
    answer = _spec.example({"$ref": operation.response_ref})
    # The envelope (id, timestamp, ...) is the sandbox's own; only `data` comes from the example.
    data = answer if operation.is_legacy else answer["data"]

    def handler(_call: _Call) -> dict[str, Any]:
        fresh: dict[str, Any] = copy.deepcopy(data)  # callers may change what they get
        return fresh

    return handler


class SandboxApp:
    """The sandbox API over one :class:`SandboxState`.

    ``on_event`` receives every webhook event once the call that raised it has left the state
    lock (so it may call the sandbox again); whatever it raises is logged, never returned to the
    API caller. With ``token``, API calls must carry exactly that token (else 401); without it,
    any token is accepted.
    """

    def __init__(
        self,
        state: SandboxState | None = None,
        *,
        on_event: EventSink | None = None,
        token: str | None = None,
    ) -> None:
        self.state = state if state is not None else SandboxState()
        self._on_event = on_event
        self._token = token
        self._routes = _routes()

    def transport(self) -> httpx.MockTransport:
        """An httpx transport that answers from this sandbox in-process, for sync and async clients."""
        return httpx.MockTransport(self.handle_httpx)

    def handle_httpx(self, request: httpx.Request) -> httpx.Response:
        """Answer an :class:`httpx.Request` (the :class:`httpx.MockTransport` handler)."""
        raw_path = request.url.raw_path.decode("ascii").partition("?")[0]
        answer = self.handle(
            SandboxRequest(
                method=request.method,
                path=raw_path,
                query=dict(request.url.params),
                headers=dict(request.headers),
                body=request.read(),
            )
        )
        if answer.drop:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        if answer.delay:
            read_timeout = request.extensions.get("timeout", {}).get("read")
            if read_timeout is not None and read_timeout < answer.delay:
                # The client would give up first; in-process there is no need to wait for it.
                raise httpx.ReadTimeout("The read operation timed out", request=request)
            time.sleep(answer.delay)
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)

    def handle(self, request: SandboxRequest) -> SandboxResponse:
        """Answer one request; never raises."""
        legacy = False
        delay = 0.0
        try:
            route, params = self._route(request)
            legacy = route.kind == "legacy"
            if route.kind != "sandbox":
                self._authenticate(request)
            call = self._call(route, params, request)
            scenario = (
                None
                if route.kind == "sandbox"
                else scenario_for(self.state.count_use, request.headers, call.body)
            )
            if scenario is not None:
                error = scenario.error()
                if error is not None:
                    raise error
                if scenario.drop:
                    return SandboxResponse(0, {}, b"", drop=True)
                delay = scenario.delay
            data = route.handler(call)
        except SandboxError as error:
            return self._error(error, legacy=legacy)
        except ValidationError as error:
            return self._error(SandboxError(400, str(error)), legacy=legacy)
        except Exception:
            logger.exception("sandbox failed on %s %s", request.method, request.path)
            return self._error(SandboxError(500, "The sandbox failed; see its log"), legacy=legacy)
        finally:
            self._deliver_events()
        body = data if legacy else self._envelope("req_", "response", data)
        return SandboxResponse(200, dict(_JSON_HEADERS), _dump(body), delay=delay)

    def _route(self, request: SandboxRequest) -> tuple[_Route, dict[str, str]]:
        """The route for ``request`` and its path parameters, percent-decoded."""
        allowed: set[str] = set()
        for route in self._routes:
            match = route.pattern.match(request.path)
            if match is None:
                continue
            if route.method == request.method.upper():
                return route, {name: unquote(value) for name, value in match.groupdict().items()}
            allowed.add(route.method)
        if allowed:
            raise SandboxError(
                405,
                f"{request.method} is not allowed on {request.path}",
                headers={"Allow": ", ".join(sorted(allowed))},
            )
        raise SandboxError(404, f"No route for {request.method} {request.path}")

    def _authenticate(self, request: SandboxRequest) -> None:
        header = next((v for k, v in request.headers.items() if k.lower() == "authorization"), "")
        match = _TOKEN.match(header)
        if match is None:
            raise SandboxError(
                401, "Missing or malformed Authorization header; send 'Authorization: Token <key>'"
            )
        if self._token is not None and not secrets.compare_digest(match[1].encode(), self._token.encode()):
            raise SandboxError(401, "Unauthorized: this sandbox requires another token")

    def _call(self, route: _Route, raw_params: dict[str, str], request: SandboxRequest) -> _Call:
        path: dict[str, Any] = dict(raw_params)
        query: dict[str, Any] = {}
        operation = route.operation
        if operation is not None and operation.parameters:
            given: dict[str, Any] = {}
            for parameter in operation.parameters:
                source = raw_params if parameter.location == "path" else request.query
                text = source.get(parameter.name)
                if text is not None:
                    given[parameter.name] = parameter.parse(text)
            _spec.validate(operation.parameter_validator, given)
            for parameter in operation.parameters:
                if parameter.location == "path":
                    path[parameter.name] = given[parameter.name]
                else:
                    query[parameter.name] = given.get(parameter.name, parameter.schema.get("default"))
        return _Call(self.state, path, query, _body(route, request.body))

    def _deliver_events(self) -> None:
        for event in self.state.take_outbox():
            if self._on_event is None:
                continue
            try:
                self._on_event(event)
            except Exception:
                logger.exception("webhook delivery failed for %s", event.type)

    def _envelope(self, prefix: str, kind: str, data: Any) -> dict[str, Any]:
        return {
            "id": new_id(prefix),
            "timestamp": int(self.state.now() * 1000),
            "api_version": self.state.api_version,
            "object": kind,
            "data": data,
        }

    def _error(self, error: SandboxError, *, legacy: bool) -> SandboxResponse:
        headers = {**_JSON_HEADERS, **error.headers}
        if legacy:
            return SandboxResponse(error.status, headers, _dump({"message": error.message}))
        details: dict[str, Any] = {"error": error.message, "status": error.status}
        if error.agreement_url:
            details["agreement_url"] = error.agreement_url
        return SandboxResponse(error.status, headers, _dump(self._envelope("err_", "error", details)))


def _body(route: _Route, raw: bytes) -> dict[str, Any]:
    """The request body, decoded and checked against the route's schema; ``{}`` when it has none."""
    operation = route.operation
    schema = route.body_schema
    if schema is None and operation is not None and operation.body_ref is not None:
        schema = {"$ref": operation.body_ref}
    if schema is None:
        return {}
    if not raw.strip():
        if route.body_schema is not None or (operation is not None and operation.body_required):
            raise ValidationError("is required", field="body")
        return {}
    try:
        body = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValidationError(f"is not valid JSON: {error}", field="body") from None
    if not isinstance(body, dict):
        raise ValidationError("must be a JSON object", field="body")
    _spec.validate(_spec.compile_schema(schema), body, prefix="body")
    return body


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
