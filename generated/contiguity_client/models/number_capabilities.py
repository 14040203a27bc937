from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.channel import Channel, check_channel

T = TypeVar("T", bound="NumberCapabilities")


@_attrs_define
class NumberCapabilities:
    intl_sms: bool
    channels: list[Channel]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        intl_sms = self.intl_sms

        channels = []
        for channels_item_data in self.channels:
            channels_item: str = channels_item_data
            channels.append(channels_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "intl_sms": intl_sms,
                "channels": channels,
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
        intl_sms = d.pop("intl_sms")

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = check_channel(channels_item_data, "channels[]")

            channels.append(channels_item)

        number_capabilities = cls(
            intl_sms=intl_sms,
            channels=channels,
        )

        number_capabilities.additional_properties = d
        return number_capabilities

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
