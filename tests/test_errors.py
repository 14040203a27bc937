"""What the SDK's errors say: a ValidationError's field, an API error's message from any body."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from contiguity_ext._transport import api_error_from_response
from contiguity_ext.errors import ValidationError


def test_a_validation_error_names_its_field_first_when_it_has_one() -> None:
    assert str(ValidationError("must be positive", field="interval")) == "interval: must be positive"
    assert str(ValidationError("must be positive")) == "must be positive"
    assert ValidationError("must be positive").field is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"data": {"error": "no entitlement", "status": 403}}, "no entitlement"),
        ({"message": "no entitlement"}, "no entitlement"),
        ({"data": {"error": 5}, "message": "from the v1 API"}, "from the v1 API"),
        ({"message": ["not", "text"]}, "Forbidden"),
        ({"message": 7}, "Forbidden"),
        ({"message": ""}, "Forbidden"),
        (None, "Forbidden"),
    ],
)
def test_an_api_error_message_is_the_body_text_or_else_the_reason_phrase(body: Any, message: str) -> None:
    request = httpx.Request("POST", "https://api.contiguity.com/send/text")
    response = httpx.Response(403, json=body, request=request) if body is not None else httpx.Response(403)
    response.request = request
    assert api_error_from_response(response).message == message
