from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.lease_status import LeaseStatus, check_lease_status

T = TypeVar("T", bound="LeaseTermination")


@_attrs_define
class LeaseTermination:
    lease_id: str
    number_id: str
    status: LeaseStatus
    terminated_at: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lease_id = self.lease_id

        number_id = self.number_id

        status: str = self.status

        terminated_at = self.terminated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lease_id": lease_id,
                "number_id": number_id,
                "status": status,
                "terminated_at": terminated_at,
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
        lease_id = d.pop("lease_id")

        number_id = d.pop("number_id")

        status = check_lease_status(d.pop("status"), "status")

        terminated_at = d.pop("terminated_at")

        lease_termination = cls(
            lease_id=lease_id,
            number_id=number_id,
            status=status,
            terminated_at=terminated_at,
        )

        lease_termination.additional_properties = d
        return lease_termination

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
