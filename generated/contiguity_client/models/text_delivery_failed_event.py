from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.text_delivery_failed_data import TextDeliveryFailedData


T = TypeVar("T", bound="TextDeliveryFailedEvent")


@_attrs_define
class TextDeliveryFailedEvent:
    id: str
    """ Event id (`evt_…`); use it to drop duplicate deliveries. """
    timestamp: int
    """ Unix epoch time in seconds. """
    api_version: str
    type_: Literal["text.delivery.failed"]
    data: TextDeliveryFailedData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        timestamp = self.timestamp

        api_version = self.api_version

        type_ = self.type_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "timestamp": timestamp,
                "api_version": api_version,
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.text_delivery_failed_data import TextDeliveryFailedData

        d = dict(src_dict)
        id = d.pop("id")

        timestamp = d.pop("timestamp")

        api_version = d.pop("api_version")

        type_ = cast(Literal["text.delivery.failed"], d.pop("type"))
        if type_ != "text.delivery.failed":
            raise ValueError(
                f"type must match const 'text.delivery.failed', got '{type_}'"
            )

        data = TextDeliveryFailedData.from_dict(d.pop("data"))

        text_delivery_failed_event = cls(
            id=id,
            timestamp=timestamp,
            api_version=api_version,
            type_=type_,
            data=data,
        )

        text_delivery_failed_event.additional_properties = d
        return text_delivery_failed_event

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
