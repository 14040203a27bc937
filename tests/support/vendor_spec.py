"""The vendor's published OpenAPI documents (``../shared/reference/vendor-openapi/``), as one.

Each product's document describes its operations relative to its own server
(``https://api.contiguity.com/numbers`` + ``/leases``); :func:`merged_vendor_spec` joins them
into one document on ``https://api.contiguity.com`` so that one Prism serves every operation at
the paths the SDK calls. The documents are used as published, with the changes listed in
:data:`PATCHES` (each with its reason); nothing else is converted or corrected.

:func:`required_differences` compares which response fields each side requires, for the
``required`` audit in ``docs/spec-decisions.md``.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from contiguity_ext import _spec
from tests.support import REPO

REPO_ROOT = REPO
VENDOR_DIR = REPO_ROOT.parent / "shared" / "reference" / "vendor-openapi"
PRODUCT_SPECS = (
    "openapi-send.json",
    "openapi-conversations.json",
    "openapi-otp.json",
    "openapi-domains.json",
    "openapi-numbers.json",
    "openapi-entitlements.json",
)

PATCHES = {
    "security": "The documents declare HTTP bearer auth, but the API and the vendor's own introduction and "
    "SDKs send `Authorization: Token <key>`; the merged document takes any Authorization header.",
}


TOKEN_AUTH = {"type": "apiKey", "in": "header", "name": "Authorization"}


def merged_vendor_spec() -> dict[str, Any]:
    """Every product document's operations under one server, at the paths the SDK calls."""
    merged: dict[str, Any] = {
        "openapi": "3.0.0",
        "info": {"title": "Contiguity API (vendor documents, merged)", "version": "vendor"},
        "servers": [{"url": "https://api.contiguity.com"}],
        "paths": {},
        "components": {
            "securitySchemes": {"tokenAuth": {"type": "apiKey", "in": "header", "name": "Authorization"}}
        },
    }
    for name in PRODUCT_SPECS:
        document = json.loads((VENDOR_DIR / name).read_text(encoding="utf-8"))
        prefix = urlparse(document["servers"][0]["url"]).path.rstrip("/")
        for path, item in document["paths"].items():
            item = copy.deepcopy(item)
            for operation in item.values():
                if isinstance(operation, dict) and "responses" in operation:
                    operation["security"] = [{"tokenAuth": []}]
            merged["paths"][prefix + path] = item
    return merged


def write_merged_vendor_spec(directory: Path) -> Path:
    target = directory / "vendor-openapi.json"
    target.write_text(json.dumps(merged_vendor_spec(), indent=1), encoding="utf-8")
    return target


# ---- required audit -------------------------------------------------------------------------


def _fields(spec: Mapping[str, Any], node: Any, path: str, depth: int = 0) -> Iterator[tuple[str, bool]]:
    """(dotted path, required) for every property under ``node``; ``[]`` marks list items."""
    if depth > 10:
        return
    properties: dict[str, Any] = {}
    required: set[str] = set()
    for part in _flatten(spec, node):
        properties.update(part.get("properties", {}))
        required.update(part.get("required", ()))
        if "items" in part:
            yield from _fields(spec, part["items"], path + "[]", depth + 1)
    for name, child in properties.items():
        child_path = f"{path}.{name}" if path else name
        yield child_path, name in required
        yield from _fields(spec, child, child_path, depth + 1)


def _flatten(spec: Mapping[str, Any], node: Any) -> Iterator[Mapping[str, Any]]:
    node = _spec.resolve(node, spec)
    if not isinstance(node, Mapping):
        return
    yield node
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in node.get(key, ()):
            yield from _flatten(spec, branch)


def _normalised(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path.rstrip("/") or "/")


def _response_schema(spec: Mapping[str, Any], operation: Mapping[str, Any]) -> Any:
    response = _spec.resolve(operation.get("responses", {}).get("200", {}), spec)
    return response.get("content", {}).get("application/json", {}).get("schema")


Differences = dict[str, dict[str, tuple[bool, bool]]]


def required_differences(ours_path: Path = REPO_ROOT / "openapi.yaml") -> Differences:
    """Per operationId, the response fields whose ``required`` differs: path → (ours, vendor's)."""
    ours = yaml.load(
        ours_path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    vendor = merged_vendor_spec()
    vendor_operations = {
        (method, _normalised(path)): operation
        for path, item in vendor["paths"].items()
        for method, operation in item.items()
    }
    differences: Differences = {}
    for path, item in ours["paths"].items():
        for method, operation in item.items():
            theirs = vendor_operations.get((method, _normalised(path)))
            if not isinstance(operation, Mapping) or theirs is None:
                continue
            our_fields = dict(_fields(ours, _response_schema(ours, operation), ""))
            vendor_fields = dict(_fields(vendor, _response_schema(vendor, theirs), ""))
            differing = {
                field: (our_fields[field], vendor_fields[field])
                for field in our_fields.keys() & vendor_fields.keys()
                if our_fields[field] != vendor_fields[field]
            }
            if differing:
                differences[operation["operationId"]] = differing
    return differences
