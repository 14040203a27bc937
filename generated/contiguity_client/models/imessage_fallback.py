from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.imessage_fallback_when_item import (
    ImessageFallbackWhenItem,
    check_imessage_fallback_when_item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImessageFallback")


@_attrs_define
class ImessageFallback:
    """When and from which number to fall back to SMS/RCS."""

    when: list[ImessageFallbackWhenItem]
    from_: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        when = []
        for when_item_data in self.when:
            when_item: str = when_item_data
            when.append(when_item)

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "when": when,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        when = []
        _when = d.pop("when")
        for when_item_data in _when:
            when_item = check_imessage_fallback_when_item(when_item_data, "when[]")

            when.append(when_item)

        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        imessage_fallback = cls(
            when=when,
            from_=from_,
        )

        imessage_fallback.additional_properties = d
        return imessage_fallback

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
