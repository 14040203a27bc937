from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="TextDeliveryFailedData")


@_attrs_define
class TextDeliveryFailedData:
    from_: str
    to: str
    message_id: str
    timestamp: int
    """ Unix epoch time in seconds. """
    error: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        message_id = self.message_id

        timestamp = self.timestamp

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
                "message_id": message_id,
                "timestamp": timestamp,
                "error": error,
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
        from_ = d.pop("from")

        to = d.pop("to")

        message_id = d.pop("message_id")

        timestamp = d.pop("timestamp")

        error = d.pop("error")

        text_delivery_failed_data = cls(
            from_=from_,
            to=to,
            message_id=message_id,
            timestamp=timestamp,
            error=error,
        )

        text_delivery_failed_data.additional_properties = d
        return text_delivery_failed_data

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
