"""Quoting user input inside error messages."""

from __future__ import annotations

__all__ = ["quote"]

_LIMIT = 40


def quote(value: object) -> str:
    """``repr(value)``, cut short so a huge input cannot flood a log line."""
    if isinstance(value, (str, bytes)) and len(value) > _LIMIT:
        # Slicing first keeps a megabyte-long string from being copied into a repr.
        value = value[:_LIMIT]
    text = repr(value)
    return text if len(text) <= _LIMIT else f"{text[: _LIMIT - 1]}…"
