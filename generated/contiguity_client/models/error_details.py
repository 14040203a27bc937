from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="ErrorDetails")


@_attrs_define
class ErrorDetails:
    error: str
    """ Human-readable description of what went wrong. """
    status: int
    """ The HTTP status, repeated. """
    agreement_url: str | Unset = UNSET
    """ Present when the call needs an agreement accepted first; applying the entitlement at the
    end of this URL accepts it.
     """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        status = self.status

        agreement_url = self.agreement_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "status": status,
            }
        )
        if agreement_url is not UNSET:
            field_dict["agreement_url"] = agreement_url

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        error = d.pop("error")

        status = d.pop("status")

        agreement_url = none_as_unset(d.pop("agreement_url", UNSET))

        error_details = cls(
            error=error,
            status=status,
            agreement_url=agreement_url,
        )

        error_details.additional_properties = d
        return error_details

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
