"""openapi.yaml describes the Contiguity API completely, consistently, and as the SDK uses it.

The vendor's own OpenAPI files are the reference for which operations and request fields
exist; they live in ``shared/`` next to the repository (as CI checks them out), and the tests
that need them are skipped, saying so, when it is absent.
"""

from __future__ import annotations

import importlib
import inspect
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from openapi_spec_validator import validate

import contiguity_ext
from contiguity_ext import _spec
from contiguity_ext._operation_table import by_operation, client_methods
from tests.support import REPO

SPEC: dict[str, Any] = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
VENDOR_DIR = Path(__file__).resolve().parents[2] / "shared" / "reference" / "vendor-openapi"
NO_VENDOR_SPECS = f"the vendor OpenAPI files are not at {VENDOR_DIR} (CI checks out shared/ beside the repo)"

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
CURRENT_SERVER = "https://api.contiguity.com"
LEGACY_OPERATIONS = {
    # operationId: (method, path, server)
    "getQuota": ("GET", "/user/get/quota", "https://api.contiguity.co"),
    "getEmailStatus": ("GET", "/email/status/{id}", "https://orwell.contiguity.co"),
}
PUBLISHED_EVENTS = (
    "text.incoming.sms",
    "text.incoming.mms",
    "text.delivery.confirmed",
    "text.delivery.failed",
    "imessage.incoming",
    "numbers.substitution",
    "otp.reverse.verified",
    "email.incoming",
)
ERROR_SCHEMA = "#/components/schemas/ErrorResponse"
LEGACY_ERROR_SCHEMA = "#/components/schemas/LegacyError"


def resolve(node: Mapping[str, Any]) -> Mapping[str, Any]:
    """``node`` with its ``$ref``s followed within openapi.yaml as it is in the repository."""
    resolved: Mapping[str, Any] = _spec.resolve(node, SPEC)
    return resolved


def operations(container: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    """(METHOD, path or event name, operation) for every operation under ``paths`` or ``webhooks``."""
    for path, item in container.items():
        for method in HTTP_METHODS:
            if method in item:
                yield method.upper(), path, item[method]


PATH_OPERATIONS = list(operations(SPEC["paths"]))
WEBHOOK_OPERATIONS = list(operations(SPEC["webhooks"]))


def json_schema(holder: Mapping[str, Any]) -> Mapping[str, Any]:
    """The JSON schema of a request body or response (which may be a ``$ref`` to a component)."""
    schema: Mapping[str, Any] = resolve(holder)["content"]["application/json"]["schema"]
    return schema


def property_paths(schema: Mapping[str, Any], prefix: str = "") -> set[str]:
    """Dotted names of every property ``schema`` declares, through refs, combinators and arrays."""
    schema = resolve(schema)
    found: set[str] = set()
    for name, child in schema.get("properties", {}).items():
        found |= {prefix + name, *property_paths(child, f"{prefix}{name}.")}
    for keyword in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(keyword, []):
            found |= property_paths(branch, prefix)
    if "items" in schema:
        found |= property_paths(schema["items"], prefix)
    return found


# ---- (a) the document ----------------------------------------------------------------------


def test_the_document_is_valid_openapi_3_1() -> None:
    validate(SPEC)
    assert SPEC["openapi"] == "3.1.0"


def test_no_optional_query_parameter_has_a_default() -> None:
    """Generated clients send a parameter's default on every call the caller left it out of."""
    with_defaults = [
        f"{method} {path} ?{parameter['name']}"
        for method, path, operation in PATH_OPERATIONS
        for parameter in map(resolve, operation.get("parameters", []))
        if parameter["in"] == "query" and "default" in resolve(parameter["schema"])
    ]
    assert with_defaults == []


def test_the_document_describes_the_current_api_version_and_host() -> None:
    assert SPEC["info"]["version"] == "v2026.8.2"
    assert [server["url"] for server in SPEC["servers"]] == [CURRENT_SERVER]


def test_the_sdk_ships_the_document_as_it_is_in_the_repository(tmp_path: Path) -> None:
    # contiguity_ext reads a JSON copy written by `make generate`; a stale copy means stale checks.
    pytest.importorskip("openapi_python_client", reason="writing the copy needs the generator (dev tools)")
    from scripts.export_spec import export

    export(REPO / "openapi.yaml", tmp_path / "openapi.json", REPO / "generator-config.yml")
    if _spec.document() != json.loads((tmp_path / "openapi.json").read_text(encoding="utf-8")):
        pytest.fail("contiguity_ext/_spec/openapi.json differs from openapi.yaml: run `make generate`")


def test_each_operation_is_named_as_the_generator_named_its_module() -> None:
    for operation in _spec.operations().values():
        module = importlib.import_module(operation.python_module)
        assert module.__name__.rpartition(".")[2] == operation.python_name
        assert callable(module._get_kwargs)


# ---- (b) the vendor's operations and fields ------------------------------------------------


def _vendor_operations() -> list[Any]:
    if not VENDOR_DIR.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=NO_VENDOR_SPECS), id="no-vendor-specs")]
    found = []
    for source in sorted(VENDOR_DIR.glob("openapi-*.json")):
        vendor = json.loads(source.read_text(encoding="utf-8"))
        server = urlsplit(vendor["servers"][0]["url"])
        for method, path, operation in operations(vendor["paths"]):
            full_path = server.path.rstrip("/") + path
            found.append(
                pytest.param(
                    (f"{server.scheme}://{server.netloc}", method, full_path, operation),
                    id=f"{method} {full_path}",
                )
            )
    return found


VENDOR_OPERATIONS = _vendor_operations()


@pytest.mark.parametrize("vendor", VENDOR_OPERATIONS)
def test_every_vendor_operation_is_in_the_spec_with_all_its_fields(
    vendor: tuple[str, str, str, Mapping[str, Any]],
) -> None:
    host, method, path, vendor_operation = vendor
    assert host == CURRENT_SERVER
    assert path in SPEC["paths"], f"{method} {path} is missing"
    ours = SPEC["paths"][path].get(method.lower())
    assert ours is not None, f"{method} {path} is missing"
    if "requestBody" in vendor_operation:
        assert "requestBody" in ours
        missing = property_paths(json_schema(vendor_operation["requestBody"])) - property_paths(
            json_schema(ours["requestBody"])
        )
        assert missing == set(), f"{method} {path} lacks request fields"


def test_the_current_operations_are_exactly_the_vendors() -> None:
    if not VENDOR_DIR.is_dir():
        pytest.skip(NO_VENDOR_SPECS)
    vendor = {param.id for param in VENDOR_OPERATIONS}
    current = {f"{method} {path}" for method, path, op in PATH_OPERATIONS if not op.get("deprecated")}
    assert current == vendor


def test_the_webhooks_are_the_vendors_published_events() -> None:
    if not VENDOR_DIR.is_dir():
        pytest.skip(NO_VENDOR_SPECS)
    published = json.loads((VENDOR_DIR / "wh.json").read_text(encoding="utf-8"))["webhooks"]
    assert set(SPEC["webhooks"]) == set(published)


# ---- (c) the legacy operations -------------------------------------------------------------


def test_the_two_legacy_operations_are_deprecated_on_their_own_hosts() -> None:
    deprecated = {
        op["operationId"]: (method, path, [server["url"] for server in op.get("servers", [])])
        for method, path, op in PATH_OPERATIONS
        if op.get("deprecated") is True
    }
    assert deprecated == {
        operation_id: (method, path, [server])
        for operation_id, (method, path, server) in LEGACY_OPERATIONS.items()
    }


def test_only_legacy_operations_leave_the_current_host() -> None:
    elsewhere = {op["operationId"] for _, _, op in PATH_OPERATIONS if "servers" in op}
    assert elsewhere == set(LEGACY_OPERATIONS)
    assert all("servers" not in item for item in SPEC["paths"].values())


# ---- (d) operations and their answers ------------------------------------------------------


def test_operation_ids_are_unique() -> None:
    ids = [op["operationId"] for _, _, op in [*PATH_OPERATIONS, *WEBHOOK_OPERATIONS]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "operation",
    [op for _, _, op in [*PATH_OPERATIONS, *WEBHOOK_OPERATIONS]],
    ids=[f"{method} {path}" for method, path, _ in [*PATH_OPERATIONS, *WEBHOOK_OPERATIONS]],
)
def test_every_operation_is_documented_and_tagged_once(operation: Mapping[str, Any]) -> None:
    declared = {tag["name"] for tag in SPEC["tags"]}
    assert operation.get("operationId")
    assert len(operation.get("tags", [])) == 1
    assert operation["tags"][0] in declared
    assert str(operation.get("summary", "")).strip()
    assert str(operation.get("description", "")).strip()


@pytest.mark.parametrize(
    "operation", [op for _, _, op in PATH_OPERATIONS], ids=[f"{m} {p}" for m, p, _ in PATH_OPERATIONS]
)
def test_every_error_answer_is_the_shared_error_schema(operation: Mapping[str, Any]) -> None:
    expected = LEGACY_ERROR_SCHEMA if operation.get("deprecated") else ERROR_SCHEMA
    errors = {code: answer for code, answer in operation["responses"].items() if str(code)[0] in "45"}
    assert errors, "no error answers are described"
    assert "200" in operation["responses"]
    for code, answer in errors.items():
        assert json_schema(answer) == {"$ref": expected}, f"{code} is not {expected}"


def test_every_used_tag_is_declared_and_every_declared_tag_used() -> None:
    used = {op["tags"][0] for _, _, op in [*PATH_OPERATIONS, *WEBHOOK_OPERATIONS]}
    assert used == {tag["name"] for tag in SPEC["tags"]}


# ---- (e) webhooks and schema hygiene -------------------------------------------------------


def test_the_webhooks_are_the_8_published_events() -> None:
    assert list(SPEC["webhooks"]) == list(PUBLISHED_EVENTS)


def _type_consts(schema: Mapping[str, Any]) -> list[Any]:
    schema = resolve(schema)
    consts = (
        [schema["properties"]["type"]["const"]]
        if "const" in schema.get("properties", {}).get("type", {})
        else []
    )
    for branch in schema.get("allOf", []):
        consts += _type_consts(branch)
    return consts


@pytest.mark.parametrize("event", PUBLISHED_EVENTS)
def test_each_event_schema_fixes_its_type_to_its_name(event: str) -> None:
    body = SPEC["webhooks"][event]["post"]["requestBody"]
    assert resolve(body)["required"] is True
    assert _type_consts(json_schema(body)) == [event]


def _schema_nodes(node: Any, where: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _schema_nodes(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _schema_nodes(value, f"{where}/{index}")


def test_no_schema_combines_all_of_with_closed_properties() -> None:
    # An allOf branch with additionalProperties: false rejects the other branches' fields.
    offenders = [
        where
        for where, node in _schema_nodes(SPEC, "#")
        if "allOf" in node
        and (
            node.get("additionalProperties") is False
            or any(resolve(branch).get("additionalProperties") is False for branch in node["allOf"])
        )
    ]
    assert offenders == []


# ---- (f) the clients cover the spec --------------------------------------------------------


# Operations whose tag names no product of their own live in the products they serve.
HOMES = {"conversations": {"text", "imessage"}}


def test_each_operation_is_declared_in_the_resource_module_named_for_its_tag() -> None:
    for name, methods in by_operation().items():
        tag = _spec.operation(name).tag
        modules = {method.resource.__module__.rpartition(".")[2] for method in methods}
        assert modules & HOMES.get(tag, {tag}), f"{name} is not declared in contiguity_ext/resources/{tag}.py"


def _methods_by_operation(client: object) -> dict[str, list[object]]:
    """Generated module name → the bound client methods that call it, found from ``client``."""
    methods: dict[str, list[object]] = {}
    for method in client_methods(client):
        if method.operation is not None:
            methods.setdefault(method.operation.python_name, []).append(method.bind(client))
    return methods


def test_every_operation_is_reachable_from_the_sync_client() -> None:
    with contiguity_ext.login("t") as client:
        methods = _methods_by_operation(client)
    assert set(methods) == set(_spec.operations()), "add one line to contiguity_ext/resources/<tag>.py"
    for bound in (method for group in methods.values() for method in group):
        assert callable(bound)
        assert not inspect.iscoroutinefunction(bound)


async def test_every_operation_is_reachable_from_the_async_client() -> None:
    async with contiguity_ext.login_async("t") as client:
        methods = _methods_by_operation(client)
    assert set(methods) == set(_spec.operations())
    for bound in (method for group in methods.values() for method in group):
        assert inspect.iscoroutinefunction(bound)


def test_the_async_client_has_the_methods_of_the_sync_client() -> None:
    sync_client = contiguity_ext.login("t")
    async_client = contiguity_ext.login_async("t")
    assert [m.dotted for m in client_methods(async_client)] == [m.dotted for m in client_methods(sync_client)]
    sync_client.close()


# ---- (g) phone fields found from the spec --------------------------------------------------


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        ("send_text", {("to",), ("from",)}),
        ("send_imessage", {("to",), ("from",), ("fallback", "from")}),
        ("configure_number", {("failover", "numbers", "*")}),
        ("initiate_reverse_otp", {("number",), ("to",)}),
        ("send_email", set()),
    ],
)
def test_phone_fields_are_found_from_the_spec(operation: str, expected: set[tuple[str, ...]]) -> None:
    assert set(_spec.operation(operation).phone_paths) == expected


@pytest.mark.parametrize(
    ("operation", "expected"),
    [
        ("get_text_history", {"to", "from"}),
        ("check_imessage_availability", {"to"}),
        ("lease_number", {"number"}),
        ("get_message", set()),
    ],
)
def test_phone_path_parameters_are_found_from_the_spec(operation: str, expected: set[str]) -> None:
    assert {p.name for p in _spec.operation(operation).parameters if p.is_phone} == expected


@pytest.mark.parametrize(
    ("operation", "required"), [("send_text", True), ("register_domain", False), ("get_domain", False)]
)
def test_an_operation_says_whether_its_body_is_required(operation: str, required: bool) -> None:
    assert _spec.operation(operation).body_required is required


# A document in shapes today's spec does not use (a body made with allOf, a phone number in a
# oneOf branch, shared and referenced parameters, a response without a body), as a newer spec
# may: the SDK reads each operation from the document it is given.
SMALL_SPEC: dict[str, Any] = {
    "paths": {
        "/things/{id}": {
            "parameters": [{"$ref": "#/components/parameters/Id"}],
            "post": {
                "operationId": "makeThing",
                "tags": ["Things"],
                _spec.PYTHON_MODULE: "contiguity_client.api.things.make_thing",
                "parameters": [{"name": "dry", "in": "query", "schema": {"type": "boolean"}}],
                "requestBody": {"$ref": "#/components/requestBodies/Thing"},
                "responses": {"200": {"$ref": "#/components/responses/Made"}},
            },
            "delete": {
                "operationId": "dropThing",
                "tags": ["Things"],
                _spec.PYTHON_MODULE: "contiguity_client.api.things.drop_thing",
                "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                "responses": {"200": {"description": "Dropped, with no body."}},
            },
        }
    },
    "components": {
        "parameters": {"Id": {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}},
        "requestBodies": {
            "Thing": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}},
            }
        },
        "responses": {
            "Made": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Made"}}}}
        },
        "schemas": {
            "PhoneNumber": {"type": "string"},
            "Base": {"type": "object", "properties": {"to": {"$ref": _spec.PHONE_NUMBER_REF}}},
            "Thing": {
                "allOf": [
                    {"$ref": "#/components/schemas/Base"},
                    {"required": ["to"]},
                    {
                        "properties": {
                            "count": {"type": "integer"},
                            "via": {"oneOf": [{"$ref": _spec.PHONE_NUMBER_REF}, {"type": "boolean"}]},
                        }
                    },
                ]
            },
            "Made": {"type": "object"},
        },
    },
}


def _read(method: str) -> _spec.Operation:
    item = SMALL_SPEC["paths"]["/things/{id}"]
    return _spec._read_operation(SMALL_SPEC, "/things/{id}", method, item[method], item["parameters"])


def test_an_operation_is_read_from_the_document_it_is_given() -> None:
    made = _read("post")
    assert (made.operation_id, made.python_name, made.tag, made.method) == (
        "makeThing",
        "make_thing",
        "Things",
        "POST",
    )
    assert [(p.name, p.location, p.required) for p in made.parameters] == [
        ("id", "path", True),
        ("dry", "query", False),
    ]
    assert (made.body_ref, made.body_required) == ("#/components/schemas/Thing", True)
    assert made.body_properties == {"to", "count", "via"}
    assert made.phone_paths == (("to",), ("via",))
    assert made.integer_paths == (("count",),)
    assert made.response_ref == "#/components/schemas/Made"


def test_a_body_or_answer_without_a_named_schema_has_no_ref() -> None:
    dropped = _read("delete")
    assert (dropped.body_ref, dropped.body_required, dropped.body_properties) == (None, False, frozenset())
    assert (dropped.phone_paths, dropped.integer_paths, dropped.response_ref) == ((), (), None)


def test_an_unknown_operation_name_says_which() -> None:
    with pytest.raises(LookupError) as caught:
        _spec.operation("make_thing")
    assert str(caught.value) == "openapi.yaml has no operation generated as 'make_thing'"
