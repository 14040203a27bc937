from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.entitlement_summary_status import (
    EntitlementSummaryStatus,
    check_entitlement_summary_status,
)
from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="Entitlement")


@_attrs_define
class Entitlement:
    name: str
    description: str
    status: EntitlementSummaryStatus
    entitlement_id: str | Unset = UNSET
    """ Present when granted. """
    granted_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        description = self.description

        status: str = self.status

        entitlement_id = self.entitlement_id

        granted_at: str | Unset = UNSET
        if not isinstance(self.granted_at, Unset):
            granted_at = self.granted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "description": description,
                "status": status,
            }
        )
        if entitlement_id is not UNSET:
            field_dict["entitlement_id"] = entitlement_id
        if granted_at is not UNSET:
            field_dict["granted_at"] = granted_at

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description")

        status = check_entitlement_summary_status(d.pop("status"), "status")

        entitlement_id = none_as_unset(d.pop("entitlement_id", UNSET))

        from ..types import parse_datetime

        _granted_at = none_as_unset(d.pop("granted_at", UNSET))
        granted_at: datetime.datetime | Unset
        if isinstance(_granted_at, Unset):
            granted_at = UNSET
        else:
            granted_at = parse_datetime(_granted_at)

        entitlement = cls(
            name=name,
            description=description,
            status=status,
            entitlement_id=entitlement_id,
            granted_at=granted_at,
        )

        entitlement.additional_properties = d
        return entitlement

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
