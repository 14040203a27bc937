"""A "future" openapi.yaml, derived mechanically, and answers built from it.

:func:`future_spec` is what the next API version could look like if every change in it were
additive: every enum gains a value, every object gains an optional property, every optional
property may be ``null``, and a new operation and a new webhook event type appear.
:func:`instance` builds a value of a schema of that document, in one of two shapes: ``"full"``
(every property present, every enum at its new value) or ``"nulls"`` (every optional property
``null``), so that each additive change is exercised on every field rather than by chance.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, Literal

from contiguity_ext import _spec

FUTURE_VERSION = "v2099.1.1"
NEW_ENUM_VALUE = "added-later"
NEW_PROPERTY = "added_later"
NEW_EVENT = "future.thing.happened"
NEW_PATH = "/future/things"

Shape = Literal["full", "nulls"]

_FORMATS = {
    "date-time": "2026-01-01T00:00:00Z",
    "date": "2026-01-01",
    "email": "user@example.com",
    "uri": "https://example.com/",
}


def future_spec(spec: Mapping[str, Any]) -> dict[str, Any]:
    """``spec`` after an additive version bump (a deep copy; ``spec`` is unchanged)."""
    future: dict[str, Any] = copy.deepcopy(dict(spec))
    future["info"]["version"] = FUTURE_VERSION
    _bump(future["components"])
    _bump(future["paths"])
    _bump(future["webhooks"])
    future["paths"][NEW_PATH] = {
        "get": {
            "operationId": "listFutureThings",
            "tags": [future["tags"][0]["name"]],
            "summary": "An operation this SDK's spec does not have",
            "responses": {
                "200": {
                    "description": "The things.",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/SuccessEnvelope"}}
                    },
                }
            },
        }
    }
    event = copy.deepcopy(next(iter(future["webhooks"].values())))
    event["post"]["operationId"] = "onFutureThingHappened"
    event["post"]["requestBody"] = {
        "content": {
            "application/json": {
                "schema": {
                    "allOf": [
                        {"$ref": "#/components/schemas/WebhookEventMetadata"},
                        {
                            "type": "object",
                            "required": ["type", "data"],
                            "properties": {
                                "type": {"const": NEW_EVENT},
                                "data": {"type": "object", "properties": {"thing_id": {"type": "string"}}},
                            },
                        },
                    ]
                }
            }
        }
    }
    future["webhooks"][NEW_EVENT] = event
    return future


def _bump(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _bump(item)
        return
    if not isinstance(node, dict):
        return
    for key, child in node.items():
        if key != "if":  # a condition on a request body, not a schema of values
            _bump(child)
    enum = node.get("enum")
    if isinstance(enum, list) and all(isinstance(value, str) for value in enum):
        enum.append(NEW_ENUM_VALUE)
    properties = node.get("properties")
    if isinstance(properties, dict):
        required = set(node.get("required", ()))
        for name, child in list(properties.items()):
            if name not in required:
                properties[name] = _nullable(child)
        properties[NEW_PROPERTY] = {"type": "object", "properties": {"note": {"type": "string"}}}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` that also accepts ``null``, written as a spec author would write it."""
    if any(branch.get("type") == "null" for branch in schema.get("anyOf", ())):
        return schema
    if "anyOf" in schema:
        return {**schema, "anyOf": [*schema["anyOf"], {"type": "null"}]}
    if "null" in (schema.get("type") or ()):
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


def instance(spec: Mapping[str, Any], schema: Any, shape: Shape) -> Any:
    """A value of ``schema`` (a schema of ``spec``) in the given shape."""
    schema = _spec.resolve(schema, spec)
    if not isinstance(schema, Mapping):
        return None
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        values = [value for value in schema["enum"] if value is not None]
        return values[-1]
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for branch in schema["allOf"]:
            part = instance(spec, branch, shape)
            if not isinstance(part, dict):
                return part
            merged.update(part)
        if "properties" in schema:
            merged.update(_object(spec, schema, shape))
        return merged
    for union in ("anyOf", "oneOf"):
        if union in schema:
            branches = [b for b in schema[union] if _spec.resolve(b, spec).get("type") != "null"]
            return instance(spec, branches[0], shape) if branches else None
    kind = schema.get("type", "object" if "properties" in schema else None)
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "object":
        return _object(spec, schema, shape)
    if kind == "array":
        return [instance(spec, schema.get("items", {}), shape)]
    if kind == "string":
        return _FORMATS.get(schema.get("format", ""), "text")
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    return None


def _object(spec: Mapping[str, Any], schema: Mapping[str, Any], shape: Shape) -> dict[str, Any]:
    required = set(schema.get("required", ()))
    return {
        name: instance(spec, child, shape) if shape == "full" or name in required else None
        for name, child in schema.get("properties", {}).items()
    }
