"""What a ValidationError says: the field it names first, when it names one."""

from __future__ import annotations

from contiguity_ext.errors import ValidationError


def test_a_validation_error_names_its_field_first_when_it_has_one() -> None:
    assert str(ValidationError("must be positive", field="interval")) == "interval: must be positive"
    assert str(ValidationError("must be positive")) == "must be positive"
    assert ValidationError("must be positive").field is None
