from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

if TYPE_CHECKING:
    from ..models.delivery import Delivery
    from ..models.spam_risk import SpamRisk
    from ..models.timeline_event import TimelineEvent


T = TypeVar("T", bound="ImessageHistoryMessage")


@_attrs_define
class ImessageHistoryMessage:
    to: str
    from_: str
    message: str
    timestamp: int
    """ Unix epoch time in milliseconds. """
    delivery: Delivery
    risk: SpamRisk
    attachments: list[str]
    read: int | None | Unset = UNSET
    """ When the message was read, Unix ms; absent or null while it is unread. """
    tracking: list[TimelineEvent] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        from_ = self.from_

        message = self.message

        timestamp = self.timestamp

        delivery = self.delivery.to_dict()

        risk = self.risk.to_dict()

        attachments = self.attachments

        read: int | None | Unset
        if isinstance(self.read, Unset):
            read = UNSET
        else:
            read = self.read

        tracking: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tracking, Unset):
            tracking = []
            for tracking_item_data in self.tracking:
                tracking_item = tracking_item_data.to_dict()
                tracking.append(tracking_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "from": from_,
                "message": message,
                "timestamp": timestamp,
                "delivery": delivery,
                "risk": risk,
                "attachments": attachments,
            }
        )
        if read is not UNSET:
            field_dict["read"] = read
        if tracking is not UNSET:
            field_dict["tracking"] = tracking

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.delivery import Delivery
        from ..models.spam_risk import SpamRisk
        from ..models.timeline_event import TimelineEvent

        d = dict(src_dict)
        to = d.pop("to")

        from_ = d.pop("from")

        message = d.pop("message")

        timestamp = d.pop("timestamp")

        delivery = Delivery.from_dict(d.pop("delivery"))

        risk = SpamRisk.from_dict(d.pop("risk"))

        attachments = cast(list[str], d.pop("attachments"))

        def _parse_read(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        read = _parse_read(d.pop("read", UNSET))

        _tracking = none_as_unset(d.pop("tracking", UNSET))
        tracking: list[TimelineEvent] | Unset = UNSET
        if _tracking is not UNSET:
            tracking = []
            for tracking_item_data in _tracking:
                tracking_item = TimelineEvent.from_dict(tracking_item_data)

                tracking.append(tracking_item)

        imessage_history_message = cls(
            to=to,
            from_=from_,
            message=message,
            timestamp=timestamp,
            delivery=delivery,
            risk=risk,
            attachments=attachments,
            read=read,
            tracking=tracking,
        )

        imessage_history_message.additional_properties = d
        return imessage_history_message

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
