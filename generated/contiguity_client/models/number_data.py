from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.number_data_requirements_item import (
    NumberDataRequirementsItem,
    check_number_data_requirements_item,
)
from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="NumberData")


@_attrs_define
class NumberData:
    """Lease requirements; may be empty."""

    requirements: list[NumberDataRequirementsItem] | Unset = UNSET
    e911_capable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        requirements: list[str] | Unset = UNSET
        if not isinstance(self.requirements, Unset):
            requirements = []
            for requirements_item_data in self.requirements:
                requirements_item: str = requirements_item_data
                requirements.append(requirements_item)

        e911_capable = self.e911_capable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if e911_capable is not UNSET:
            field_dict["e911_capable"] = e911_capable

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _requirements = none_as_unset(d.pop("requirements", UNSET))
        requirements: list[NumberDataRequirementsItem] | Unset = UNSET
        if _requirements is not UNSET:
            requirements = []
            for requirements_item_data in _requirements:
                requirements_item = check_number_data_requirements_item(
                    requirements_item_data, "requirements[]"
                )

                requirements.append(requirements_item)

        e911_capable = none_as_unset(d.pop("e911_capable", UNSET))

        number_data = cls(
            requirements=requirements,
            e911_capable=e911_capable,
        )

        number_data.additional_properties = d
        return number_data

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
