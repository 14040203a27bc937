"""What a refusal by the spec's schemas says: the field, what it must be, and what it got."""

from __future__ import annotations

from typing import Any

import pytest

from contiguity_ext import _spec
from contiguity_ext.errors import ValidationError


def _nullable(*branches: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": {"n": {"anyOf": [*branches, {"type": "null"}]}}}


@pytest.mark.parametrize(
    ("schema", "value", "message"),
    [
        (_nullable({"type": "integer"}, {"type": "string"}), [1], "must be integer or string, got [1]"),
        (_nullable({"type": "string"}), 5, "must be string, got 5"),
        (_nullable({"type": "integer"}), True, "must be integer, got True"),
        (_nullable({"type": "array"}, {"type": "object"}), 1.5, "must be array or object, got 1.5"),
        (_nullable({"type": "number"}, {"type": "array"}), "abc", "must be array or number, got 'abc'"),
        (_nullable({"type": "string"}), object, "must be string, got <class 'object'>"),
        (
            _nullable({"type": ["string", "integer"]}, {"type": "boolean"}),
            [],
            "must be boolean or string or integer, got []",
        ),
        # An integer is a number, and a branch with no type takes any value: their own checks speak.
        (_nullable({"type": "number", "minimum": 3}), 1, "must be bigger than or equal to 3, got 1"),
        (_nullable({"minimum": 3}), 1, "must be bigger than or equal to 3, got 1"),
        (
            _nullable({"type": ["number", "string"], "minimum": 3}),
            1,
            "must be bigger than or equal to 3, got 1",
        ),
        (
            _nullable({"type": "string", "maxLength": 2}, {"type": "integer"}),
            "abc",
            "must be shorter than or equal to 2 characters, got 'abc'",
        ),
        (_nullable({"enum": ["a", "b"]}), "c", "must be one of 'a', 'b', got 'c'"),
    ],
)
def test_a_refused_value_is_explained_by_the_branch_meant_for_it(
    schema: dict[str, Any], value: object, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _spec.validate(_spec.compile_schema(schema), {"n": value})
    assert (str(caught.value), caught.value.field) == (f"n: {message}", "n")


@pytest.mark.parametrize(
    ("length", "shown"),
    [(78, "'" + "x" * 78 + "'"), (79, "'" + "x" * 76 + "...")],
    ids=["80-characters-whole", "81-characters-cut"],
)
def test_a_long_value_is_cut_to_80_characters(length: int, shown: str) -> None:
    with pytest.raises(ValidationError) as caught:
        _spec.validate(_spec.compile_schema(_nullable({"enum": ["a"]})), {"n": "x" * length})
    assert str(caught.value) == f"n: must be one of 'a', got {shown}"


def _parameter(schema: dict[str, Any]) -> _spec.Parameter:
    return _spec.Parameter(name="limit", location="query", required=False, schema=schema)


@pytest.mark.parametrize(
    ("schema", "text", "value"),
    [
        ({"type": "integer"}, "20", 20),
        ({"type": "integer"}, "-3", -3),
        ({"type": "boolean"}, "true", True),
        ({"type": "boolean"}, "TRUE", True),
        ({"type": "boolean"}, "1", True),
        ({"type": "boolean"}, "False", False),
        ({"type": "boolean"}, "0", False),
        ({"type": "string"}, "20", "20"),
        ({}, "yes", "yes"),
    ],
)
def test_a_parameter_is_read_from_its_text_as_its_schema_says(
    schema: dict[str, Any], text: str, value: object
) -> None:
    parsed = _parameter(schema).parse(text)
    assert (parsed, type(parsed)) == (value, type(value))


@pytest.mark.parametrize(
    ("schema", "text", "message"),
    [
        ({"type": "integer"}, "twenty", "limit: must be an integer, got 'twenty'"),
        ({"type": "integer"}, "2.5", "limit: must be an integer, got '2.5'"),
        ({"type": "boolean"}, "yes", "limit: must be true or false, got 'yes'"),
    ],
)
def test_a_parameter_text_its_schema_cannot_read_is_refused(
    schema: dict[str, Any], text: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _parameter(schema).parse(text)
    assert (str(caught.value), caught.value.field) == (message, "limit")


def test_a_parameter_schema_may_be_a_reference() -> None:
    parameter = _parameter({"$ref": "#/components/schemas/Timestamp"})
    assert _spec.resolve(parameter.schema)["type"] == "integer"
    assert parameter.parse("7") == 7


@pytest.mark.parametrize(
    ("schema", "value", "message", "field"),
    [
        ({"type": "object", "required": ["id"]}, {}, "missing required field: id", "id"),
        ({"type": "object", "required": ["id", "kind"]}, {}, "missing required fields: id, kind", "id"),
        (
            {"type": "object", "properties": {"data": {"type": "object", "required": ["id"]}}},
            {"data": {}},
            "missing required field in data: id",
            "data.id",
        ),
    ],
    ids=["one-at-the-top", "two-at-the-top", "one-within"],
)
def test_missing_fields_are_named_with_where_they_are_missing(
    schema: dict[str, Any], value: object, message: str, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _spec.validate(_spec.compile_schema(schema), value)
    assert (str(caught.value), caught.value.field) == (message, field)


def test_a_pattern_refusal_quotes_the_schema_description_without_its_full_stop() -> None:
    schema = {
        "type": "object",
        "properties": {
            "code": {"type": "string", "pattern": "^[0-9]+$", "description": "...Digits, as in 12X."}
        },
    }
    with pytest.raises(ValidationError) as caught:
        _spec.validate(_spec.compile_schema(schema), {"code": "12a"})
    assert str(caught.value) == "code: must match pattern ^[0-9]+$ (...Digits, as in 12X), got '12a'"
