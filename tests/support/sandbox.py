"""Helpers for the sandbox tests: a clock to move by hand and an HTTP client that checks every
answer against openapi.yaml with an independent validator (jsonschema, Draft 2020-12)."""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from functools import cache
from typing import Any
from urllib.parse import quote

import httpx
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from contiguity_ext import _spec
from contiguity_ext.sandbox import SandboxApp, SandboxState
from contiguity_ext.sandbox.process import WebhookReceiver as WebhookReceiver
from contiguity_ext.testing import FakeClock
from tests.support import REPO

ROOT = REPO
BASE_URL = "https://sandbox.contiguity.invalid"
SPEC_URI = "urn:contiguity:openapi"

SPEC = _spec.document()
OPERATION_IDS = frozenset(operation.operation_id for operation in _spec.operations().values())


def encoded(number: str) -> str:
    """A path segment for a phone number (``+`` as ``%2B``, as the SDK sends it)."""
    return quote(number, safe="")


@cache
def _registry() -> Registry[Any]:
    registry: Registry[Any] = Registry().with_resource(SPEC_URI, DRAFT202012.create_resource(SPEC))
    return registry


@cache
def validator(pointer: str) -> Draft202012Validator:
    """A validator for the schema at ``pointer`` (``#/components/schemas/...``) in the spec."""
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}{pointer}"},
        registry=_registry(),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def assert_valid(pointer: str, instance: Any) -> None:
    errors = sorted(validator(pointer).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, f"{pointer}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors)


def find_operation(method: str, path: str) -> tuple[str, Mapping[str, Any]] | None:
    """The spec operation a request goes to, literal path segments winning over parameters."""
    found: list[tuple[int, str, Mapping[str, Any]]] = []
    for template, item in SPEC["paths"].items():
        regex = re.sub(r"\\\{\w+\\\}", "[^/]+", re.escape(template.rstrip("/")))
        if re.fullmatch(regex + "/?", path) and method.lower() in item:
            found.append((template.count("{"), template, item[method.lower()]))
    if not found:
        return None
    _, _, operation = min(found, key=lambda f: f[0])
    return operation["operationId"], operation


def response_pointer(operation: Mapping[str, Any], status: int) -> str:
    declared = operation["responses"].get(str(status))
    assert declared is not None, f"{operation['operationId']} does not declare a {status} answer"
    return str(_spec.resolve(declared, SPEC)["content"]["application/json"]["schema"]["$ref"])


class SpecClient:
    """An httpx client on a sandbox that validates every answer against the operation's schema
    for that status, and records which operations it has seen answer 200."""

    def __init__(self, app: SandboxApp, *, token: str | None = "contiguity_sk_test") -> None:
        headers = {"Authorization": f"Token {token}"} if token else {}
        self.app = app
        self.http = httpx.Client(transport=app.transport(), base_url=BASE_URL, headers=headers)
        self.succeeded: set[str] = set()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        response = self.http.request(method, path, **kwargs)
        if path.startswith("/_sandbox/"):
            envelope = "SuccessEnvelope" if response.status_code == 200 else "ErrorResponse"
            assert_valid(f"#/components/schemas/{envelope}", response.json())
            return response
        found = find_operation(method, path)
        if found is None:
            assert response.status_code in (404, 405)
            assert_valid("#/components/schemas/ErrorResponse", response.json())
            return response
        operation_id, operation = found
        assert_valid(response_pointer(operation, response.status_code), response.json())
        if response.status_code == 200:
            self.succeeded.add(operation_id)
        return response

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)

    def data(self, method: str, path: str, **kwargs: Any) -> Any:
        """The ``data`` of a call that must succeed."""
        response = self.request(method, path, **kwargs)
        assert response.status_code == 200, response.text
        return response.json()["data"]

    def error(self, method: str, path: str, status: int, **kwargs: Any) -> dict[str, Any]:
        """The ``data`` of a call that must fail with ``status``."""
        response = self.request(method, path, **kwargs)
        assert response.status_code == status, response.text
        body = response.json()
        assert body["object"] == "error"
        assert body["id"].startswith("err_")
        assert body["data"]["status"] == status
        data: dict[str, Any] = body["data"]
        return data


def example_request(operation: _spec.Operation) -> tuple[str, str, dict[str, Any], Any]:
    """Method, path, query and body of a request to ``operation`` built from the spec's examples."""
    values = {parameter.name: _spec.example(parameter.schema) for parameter in operation.parameters}
    path = re.sub(r"\{(\w+)\}", lambda match: quote(str(values[match[1]]), safe=""), operation.path)
    query = {p.name: str(values[p.name]).lower() for p in operation.parameters if p.location == "query"}
    body = _spec.example({"$ref": operation.body_ref}) if operation.body_ref else None
    return operation.method, path, query, body


def make_client(clock: FakeClock | None = None) -> SpecClient:
    state = SandboxState(clock=clock or FakeClock())
    return SpecClient(SandboxApp(state))


def expected_signature(body: bytes, secret: str, timestamp: str) -> str:
    """The v1 signature computed here from first principles, independent of the SDK."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def assert_signed(headers: Mapping[str, str], body: bytes, secret: str) -> None:
    value = next(v for k, v in headers.items() if k.lower() == "contiguity-signature")
    match = re.fullmatch(r"t=(\d+),v1=([0-9a-f]{64})", value)
    assert match, value
    assert match[2] == expected_signature(body, secret, match[1])
