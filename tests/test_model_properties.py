"""Every generated model agrees with the JSON Schema in openapi.yaml it was generated from.

Instances come from the schemas themselves (``tests.support.schema_strategies``), so a new or changed
schema is tested without a hand-written strategy:

* request bodies: ``from_dict`` then ``to_dict`` gives back the same dict, which is valid
  against the spec (checked independently by ``jsonschema``) and accepted by the SDK's own
  validator;
* answers (the 200 body of every operation and the error bodies) and webhook events: every
  valid instance parses through the generated model, and ``to_dict`` gives back an equal dict.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

import contiguity_client.models
import jsonschema
import pytest
from contiguity_client.types import parse_datetime
from hypothesis import given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from contiguity_ext import _spec
from contiguity_ext.emails import is_email
from tests.support.schema_strategies import SCHEMA_REF, SCHEMAS, SPEC, inline, strategy_for

HTTP_METHODS = ("get", "put", "post", "delete", "patch")

# Models of answers other than a 200 body.
EXTRA_ANSWERS = (
    "ErrorResponse",  # every 4xx/5xx of the current API
    "LegacyError",  # every 4xx/5xx of the two legacy operations
    "WebhookEvent",  # events of a type the spec does not describe yet
)

# An example takes 5-60 ms, so 30 per model keeps the module to about 25 s while still mixing
# optional fields, nulls, extra keys and both sides of each union. The first example of each
# model also pays for building its strategy, up to a second, so a per-example deadline would
# measure hypothesis-jsonschema rather than the models.
PROPERTY_SETTINGS = settings(max_examples=30, deadline=None)


def _operations() -> Iterator[Mapping[str, Any]]:
    for item in SPEC["paths"].values():
        for method in HTTP_METHODS:
            if method in item:
                yield item[method]


def _schema_name(holder: Mapping[str, Any]) -> str:
    reference: str = _spec.resolve(holder, SPEC)["content"]["application/json"]["schema"]["$ref"]
    assert reference.startswith(SCHEMA_REF), reference
    return reference.removeprefix(SCHEMA_REF)


REQUESTS = sorted({_schema_name(op["requestBody"]) for op in _operations() if "requestBody" in op})
ANSWERS = sorted({_schema_name(op["responses"]["200"]) for op in _operations()})
EVENTS = sorted({_schema_name(hook["post"]["requestBody"]) for hook in SPEC["webhooks"].values()})
PARSED = sorted({*ANSWERS, *EVENTS, *EXTRA_ANSWERS})


def model_for(name: str) -> Any:
    """The generated model class of component schema ``name``."""
    model = getattr(contiguity_client.models, name, None)
    if not hasattr(model, "from_dict"):
        pytest.fail(f"no generated model for schema {name}")
    return model


# ---- independent validation ----------------------------------------------------------------

SPEC_URI = "urn:contiguity:openapi"
REGISTRY: Registry[Any] = Registry().with_resource(
    SPEC_URI, Resource.from_contents(SPEC, default_specification=DRAFT202012)
)
# A copy, so that the email check below stays out of jsonschema's shared checker.
FORMAT_CHECKER = jsonschema.FormatChecker(jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers)
# The spec's `email` means what the SDK accepts; jsonschema's own check is only "has an @".
FORMAT_CHECKER.checks("email")(is_email)


@functools.cache
def validator_for(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        {"$ref": f"{SPEC_URI}{SCHEMA_REF}{name}"}, registry=REGISTRY, format_checker=FORMAT_CHECKER
    )


def sdk_body_validator(name: str) -> _spec.Validator:
    """The SDK's compiled validator for request schema ``name``, from an operation sending it."""
    for operation in _spec.operations().values():
        if operation.body_ref == SCHEMA_REF + name and operation.body_validator is not None:
            return operation.body_validator
    raise LookupError(f"no operation sends {name}")


def comparable(schema: Any, value: Any) -> Any:
    """``value`` with each ``date-time`` string parsed, so that equal instants compare equal.

    The models hold ``datetime`` objects and write them back with ``isoformat()``, which spells
    an instant its own way (``Z`` becomes ``+00:00``). The spec has date-times only under
    ``properties``, ``items`` and ``allOf``, which is all this walks.
    """
    if not isinstance(schema, dict):
        return value
    if schema.get("format") == "date-time" and isinstance(value, str):
        return parse_datetime(value)
    for part in schema.get("allOf", []):
        value = comparable(part, value)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        return {key: comparable(properties.get(key), item) for key, item in value.items()}
    if isinstance(value, list):
        return [comparable(schema.get("items"), item) for item in value]
    return value


# ---- the properties ------------------------------------------------------------------------


def test_the_groups_cover_every_operation_and_event() -> None:
    # Read independently of the SDK's own reader; both must find the same bodies.
    operations = _spec.operations().values()
    assert {SCHEMA_REF + name for name in REQUESTS} == {op.body_ref for op in operations if op.body_ref}
    assert {SCHEMA_REF + name for name in ANSWERS} == {op.response_ref for op in operations}
    assert len(EVENTS) == len(SPEC["webhooks"]) == 8


def _referenced(node: Any, found: set[str]) -> None:
    if isinstance(node, list):
        for item in node:
            _referenced(item, found)
    elif isinstance(node, dict):
        name = str(node.get("$ref", "")).removeprefix(SCHEMA_REF)
        if name in SCHEMAS and name not in found:
            found.add(name)
            _referenced(SCHEMAS[name], found)
        for value in node.values():
            _referenced(value, found)


def test_every_generated_model_is_exercised() -> None:
    """Each model is tested directly or as part of a tested body, so none escapes."""
    exercised = {*REQUESTS, *PARSED}
    for name in [*REQUESTS, *PARSED]:
        _referenced(SCHEMAS[name], exercised)
    with_model = {
        name for name in SCHEMAS if hasattr(getattr(contiguity_client.models, name, None), "from_dict")
    }
    assert with_model - exercised == set()


@pytest.mark.parametrize("name", REQUESTS)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_request_model_round_trips_to_a_valid_body(name: str, data: st.DataObject) -> None:
    body = data.draw(strategy_for(name), label=name)
    validator_for(name).validate(body)  # the generator and jsonschema read the spec alike

    wire = model_for(name).from_dict(body).to_dict()

    assert wire == body
    validator_for(name).validate(wire)
    sdk_body_validator(name)(wire)  # the SDK never refuses a body the spec allows


@pytest.mark.parametrize("name", PARSED)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_every_valid_answer_parses_and_writes_back_equal(name: str, data: st.DataObject) -> None:
    answer = data.draw(strategy_for(name), label=name)
    validator_for(name).validate(answer)

    parsed = model_for(name).from_dict(answer)

    schema = inline(SCHEMAS[name])
    assert comparable(schema, parsed.to_dict()) == comparable(schema, answer)
