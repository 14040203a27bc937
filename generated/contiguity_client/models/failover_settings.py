from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.failover_mode import FailoverMode, check_failover_mode
from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="FailoverSettings")


@_attrs_define
class FailoverSettings:
    enabled: bool
    mode: FailoverMode | Unset = UNSET
    numbers: list[str] | Unset = UNSET
    """ Numbers this one covers (selective mode only). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        numbers: list[str] | Unset = UNSET
        if not isinstance(self.numbers, Unset):
            numbers = self.numbers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "enabled": enabled,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if numbers is not UNSET:
            field_dict["numbers"] = numbers

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        _mode = none_as_unset(d.pop("mode", UNSET))
        mode: FailoverMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_failover_mode(_mode, "mode")

        numbers = cast(list[str], none_as_unset(d.pop("numbers", UNSET)))

        failover_settings = cls(
            enabled=enabled,
            mode=mode,
            numbers=numbers,
        )

        failover_settings.additional_properties = d
        return failover_settings

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
