"""How the SDK reads answers from a newer API: the lenient schemas, and the notice of a newer version."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from contiguity_ext import _spec

STRING = {"type": "string"}


@pytest.mark.parametrize(
    ("schema", "relaxed"),
    [
        ({"enum": ["a"], "type": "string", "maxLength": 3}, STRING),
        ({"type": "string", "pattern": "^a$", "format": "email", "minLength": 1}, STRING),
        ({"type": "integer", "minimum": 1, "maximum": 9}, {"type": "integer"}),
        ({"type": "object", "additionalProperties": False}, {"type": "object"}),
        ({"type": "object", "additionalProperties": True}, {"type": "object", "additionalProperties": True}),
        (
            {"type": "object", "additionalProperties": {"type": "string", "enum": ["a"]}},
            {"type": "object", "additionalProperties": STRING},
        ),
        ({"oneOf": [STRING, {"type": "integer"}]}, {"anyOf": [STRING, {"type": "integer"}]}),
        ({"allOf": [{"enum": ["a"]}, STRING]}, {"allOf": [{}, STRING]}),
        (
            {
                "type": "object",
                "required": ["id"],
                "properties": {"id": {**STRING, "enum": ["x"]}, "note": STRING},
            },
            {
                "type": "object",
                "required": ["id"],
                "properties": {"id": STRING, "note": {"anyOf": [STRING, {"type": "null"}]}},
            },
        ),
    ],
    ids=[
        "enum-first",
        "string-bounds",
        "number-bounds",
        "closed-object",
        "open-object",
        "typed-extra-properties",
        "one-of",
        "lists",
        "optional-properties-nullable",
    ],
)
def test_a_lenient_schema_keeps_shape_and_drops_what_a_newer_api_may_loosen(
    schema: dict[str, Any], relaxed: dict[str, Any]
) -> None:
    assert _spec.lenient(schema) == relaxed


def test_the_lenient_components_are_the_spec_components_relaxed() -> None:
    components = _spec.document()["components"]
    assert _spec.lenient_components() == _spec.lenient(components)
    assert "enum" in _spec.document()["components"]["schemas"]["ReactionAction"]
    assert "enum" not in _spec.lenient_components()["schemas"]["ReactionAction"]


def _notices(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == "contiguity"]


def test_a_newer_version_is_noticed_once_with_what_to_do(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="contiguity")
    noticed: list[str] = []
    _spec.notice_api_version("v2099.1.1", noticed)
    _spec.notice_api_version("v2099.1.2", noticed)
    assert noticed == ["v2099.1.1"]
    assert _notices(caplog) == [
        f"the API answered as version v2099.1.1, newer than this SDK's {_spec.api_version()}; "
        "calls keep working, and regenerating the SDK brings the new fields and values"
    ]


@pytest.mark.parametrize(
    "served",
    [_spec.api_version(), _spec.api_version().removeprefix("v"), "v2000.1.1", "latest", None, 20990101],
)
def test_the_same_an_older_or_an_unreadable_version_is_not_noticed(
    caplog: pytest.LogCaptureFixture, served: object
) -> None:
    caplog.set_level(logging.INFO, logger="contiguity")
    noticed: list[str] = []
    _spec.notice_api_version(served, noticed)
    assert (noticed, _notices(caplog)) == ([], [])
