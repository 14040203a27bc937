from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.entitlement_list import EntitlementList


T = TypeVar("T", bound="EntitlementListResponse")


@_attrs_define
class EntitlementListResponse:
    id: str
    """ Request id (`req_…`); quote it when contacting support. """
    timestamp: int
    """ Unix epoch time in milliseconds. """
    api_version: str
    """ The API version that served the request, e.g. `v2026.8.2`. """
    object_: str
    """ Kind of envelope; `response` on success. """
    data: EntitlementList
    """ The operation's result. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        timestamp = self.timestamp

        api_version = self.api_version

        object_ = self.object_

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "timestamp": timestamp,
                "api_version": api_version,
                "object": object_,
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
        from ..models.entitlement_list import EntitlementList

        d = dict(src_dict)
        id = d.pop("id")

        timestamp = d.pop("timestamp")

        api_version = d.pop("api_version")

        object_ = d.pop("object")

        data = EntitlementList.from_dict(d.pop("data"))

        entitlement_list_response = cls(
            id=id,
            timestamp=timestamp,
            api_version=api_version,
            object_=object_,
            data=data,
        )

        entitlement_list_response.additional_properties = d
        return entitlement_list_response

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
