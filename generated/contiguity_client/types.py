"""Contains some shared types for properties"""

import datetime
import logging
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define
from dateutil.parser import isoparse


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    # Shown as the default of every optional parameter in help() and inspect.signature().
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "none_as_unset",
    "unknown_enum_value",
]


def parse_datetime(value: str) -> datetime.datetime:
    """Parse an ISO 8601 timestamp, including the Z suffix that Python 3.10's fromisoformat rejects."""
    return isoparse(value)


_logger = logging.getLogger("contiguity")
_reported_unknown_values: set[tuple[str, str, str]] = set()


def unknown_enum_value(enum: str, field: str, value: object) -> str:
    """Keep an enum value this SDK does not know, saying once per (field, value) that the API is newer.

    The server adds enum values between SDK releases; failing the whole answer for one would break
    working code (and, after a send, invite a duplicate). Anything but a string is a changed type.
    """
    if not isinstance(value, str):
        raise TypeError(
            f"{field}: expected a {enum} string, got {type(value).__name__}"
        )
    key = (enum, field, value)
    # Bounded, so that a server sending ever new values cannot grow it without limit.
    if key not in _reported_unknown_values and len(_reported_unknown_values) < 1000:
        _reported_unknown_values.add(key)
        _logger.warning(
            "the API sent %s=%r, which this SDK does not know as a %s; the server is newer than this SDK "
            "(the value is kept as the string sent)",
            field,
            value,
            enum,
        )
    return value


def none_as_unset(value: Any) -> Any:
    """A null sent for an optional field that the spec does not let be null: treated as absent."""
    return UNSET if value is None else value
