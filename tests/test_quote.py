"""Quoting input inside error messages: short values whole, long ones cut to 40 characters."""

from __future__ import annotations

import pytest

from contiguity_ext._quote import quote


@pytest.mark.parametrize(
    ("value", "quoted"),
    [
        ("x" * 38, "'" + "x" * 38 + "'"),  # a repr of exactly 40 characters is kept whole
        ("x" * 39, "'" + "x" * 38 + "…"),  # one more and it is cut to 39 plus the ellipsis
        ("x" * 40, "'" + "x" * 38 + "…"),
        ("x" * 1_000_000, "'" + "x" * 38 + "…"),
        (b"y" * 50, "b'" + "y" * 37 + "…"),
        (12345, "12345"),
        (None, "None"),
    ],
)
def test_quote(value: object, quoted: str) -> None:
    assert quote(value) == quoted
    assert len(quote(value)) <= 40
