from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

T = TypeVar("T", bound="ImessageChatSummary")


@_attrs_define
class ImessageChatSummary:
    filtered: bool
    chat_marked_as_spam: bool
    limit: int
    total: int
    """ Messages in the whole conversation. """
    count: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        filtered = self.filtered

        chat_marked_as_spam = self.chat_marked_as_spam

        limit = self.limit

        total = self.total

        count = self.count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filtered": filtered,
                "chat_marked_as_spam": chat_marked_as_spam,
                "limit": limit,
                "total": total,
                "count": count,
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
        filtered = d.pop("filtered")

        chat_marked_as_spam = d.pop("chat_marked_as_spam")

        limit = d.pop("limit")

        total = d.pop("total")

        count = d.pop("count")

        imessage_chat_summary = cls(
            filtered=filtered,
            chat_marked_as_spam=chat_marked_as_spam,
            limit=limit,
            total=total,
            count=count,
        )

        imessage_chat_summary.additional_properties = d
        return imessage_chat_summary

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
