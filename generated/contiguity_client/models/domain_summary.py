from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="DomainSummary")


@_attrs_define
class DomainSummary:
    domain: str
    status: str
    """ e.g. `verified` or `pending_verification`. """
    created_at: int
    """ Unix epoch time in milliseconds. """
    id: str
    region: str
    sending_allowed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain = self.domain

        status = self.status

        created_at = self.created_at

        id = self.id

        region = self.region

        sending_allowed = self.sending_allowed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "domain": domain,
                "status": status,
                "created_at": created_at,
                "id": id,
                "region": region,
                "sending_allowed": sending_allowed,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        domain = d.pop("domain")

        status = d.pop("status")

        created_at = d.pop("created_at")

        id = d.pop("id")

        region = d.pop("region")

        sending_allowed = d.pop("sending_allowed")

        domain_summary = cls(
            domain=domain,
            status=status,
            created_at=created_at,
            id=id,
            region=region,
            sending_allowed=sending_allowed,
        )

        domain_summary.additional_properties = d
        return domain_summary

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
