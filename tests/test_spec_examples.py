"""``_spec.example``: a valid value for any schema of the spec (what the sandbox answers with)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from contiguity_ext import _spec

STRING = {"type": "string"}


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "string", "const": "a", "default": "b", "examples": ["c"]}, "a"),
        ({"type": "string", "default": "b", "examples": ["c"], "example": "d"}, "b"),
        ({"type": "string", "examples": ["c", "e"], "example": "d"}, "c"),
        ({"type": "string", "examples": [], "example": "d"}, "d"),
        ({"$ref": "#/components/schemas/Timestamp"}, 1757916599341),
        ({"enum": [None, "sms", "mms"]}, "sms"),
        ({"anyOf": [{"type": "null"}, {"type": "integer", "minimum": 4}]}, 4),
        ({"oneOf": [{"type": "null"}, {"type": "boolean"}]}, False),
        ({"type": ["null", "string"]}, "example"),
        ({"type": "array", "items": {"type": "integer"}, "minItems": 3}, [1, 1, 1]),
        ({"type": "array", "items": {"type": "integer"}}, [1]),
        ({"type": "array"}, [None]),
        ({"type": "string", "format": "email"}, "user@example.com"),
        ({"type": "string", "format": "date-time"}, "2026-01-01T00:00:00Z"),
        ({"type": "string", "minLength": 10}, "examplexxx"),
        ({"type": "string", "maxLength": 3}, "exa"),
        ({"type": "string", "minLength": 3}, "example"),
        ({"type": "string", "format": "email", "minLength": 18}, "user@example.comxx"),
        ({"type": "integer", "minimum": 5, "maximum": 8}, 5),
        ({"type": "integer", "exclusiveMinimum": 9}, 10),
        ({"type": "number", "maximum": -2}, -2),
        ({"type": "integer", "maximum": 5}, 1),
        ({"type": "integer"}, 1),
        ({"type": "boolean"}, False),
        ({}, None),
    ],
)
def test_an_example_follows_what_the_schema_gives_first(schema: dict[str, Any], expected: object) -> None:
    assert _spec.example(schema) == expected


def test_an_object_example_has_every_property_it_declares() -> None:
    schema = {
        "type": "object",
        "required": ["id"],
        "properties": {"id": STRING, "note": {"type": "string", "default": "hi"}},
    }
    assert _spec.example(schema) == {"id": "example", "note": "hi"}


def test_an_object_whose_optional_properties_cannot_be_made_valid_gets_its_required_ones() -> None:
    digits = {"type": "string", "pattern": "^[0-9]+$"}
    schema = {"type": "object", "required": ["id"], "properties": {"id": STRING, "code": digits}}
    assert _spec.example(schema) == {"id": "example"}


def test_all_of_merges_its_parts_and_the_schemas_own_properties() -> None:
    schema = {
        "allOf": [
            {"type": "object", "properties": {"a": STRING}, "required": ["a"]},
            {"type": "object", "properties": {"b": {"type": "integer"}}, "required": ["b"]},
        ],
        "properties": {"c": {"type": "boolean"}},
        "required": ["c"],
    }
    assert _spec.example(schema) == {"a": "example", "b": 1, "c": False}
    assert _spec.example({"allOf": [{"type": "object", "properties": {"a": STRING}}]}) == {"a": "example"}


def test_all_of_a_value_that_is_not_an_object_is_that_value() -> None:
    assert _spec.example({"allOf": [{"type": "integer", "minimum": 7}, {"maximum": 9}]}) == 7


def test_a_schema_no_example_satisfies_asks_for_one_in_the_spec() -> None:
    schema = {"type": "string", "pattern": "^[0-9]+$", "description": "d" * 300}
    with pytest.raises(LookupError) as caught:
        _spec.example(schema)
    assert str(caught.value) == (
        f"no example satisfies {json.dumps(schema)[:200]}; give it `examples` in openapi.yaml"
    )


def test_every_answer_of_the_spec_has_an_example_that_validates() -> None:
    for operation in _spec.operations().values():
        if operation.response_ref is not None:
            answer = _spec.example({"$ref": operation.response_ref})
            _spec.validate(_spec.compile_schema({"$ref": operation.response_ref}), answer)


OBJECT = {"type": "object", "required": ["id"], "properties": {"id": STRING, "note": STRING}}
WHOLE = {"id": "example", "note": "example"}


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "array", "items": OBJECT}, [WHOLE]),
        ({"anyOf": [{"type": "null"}, OBJECT]}, WHOLE),
        ({"allOf": [OBJECT], "properties": {"more": STRING}}, {**WHOLE, "more": "example"}),
        ({"properties": {"id": STRING, "note": STRING}}, WHOLE),  # properties alone make an object
    ],
    ids=["array-items", "any-of-branch", "all-of-own-properties", "untyped-with-properties"],
)
def test_objects_inside_other_schemas_get_their_optional_properties_too(
    schema: dict[str, Any], expected: object
) -> None:
    assert _spec.example(schema) == expected
