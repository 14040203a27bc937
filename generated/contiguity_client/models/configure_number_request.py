from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

if TYPE_CHECKING:
    from ..models.failover_settings import FailoverSettings


T = TypeVar("T", bound="ConfigureNumberRequest")


@_attrs_define
class ConfigureNumberRequest:
    failover: FailoverSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        failover: dict[str, Any] | Unset = UNSET
        if not isinstance(self.failover, Unset):
            failover = self.failover.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if failover is not UNSET:
            field_dict["failover"] = failover

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.failover_settings import FailoverSettings

        d = dict(src_dict)
        _failover = none_as_unset(d.pop("failover", UNSET))
        failover: FailoverSettings | Unset
        if isinstance(_failover, Unset):
            failover = UNSET
        else:
            failover = FailoverSettings.from_dict(_failover)

        configure_number_request = cls(
            failover=failover,
        )

        configure_number_request.additional_properties = d
        return configure_number_request

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
