from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

if TYPE_CHECKING:
    from ..models.email_header_contact import EmailHeaderContact


T = TypeVar("T", bound="EmailIncomingHeaders")


@_attrs_define
class EmailIncomingHeaders:
    return_path: list[EmailHeaderContact] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return_path: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.return_path, Unset):
            return_path = []
            for return_path_item_data in self.return_path:
                return_path_item = return_path_item_data.to_dict()
                return_path.append(return_path_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if return_path is not UNSET:
            field_dict["return-path"] = return_path

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.email_header_contact import EmailHeaderContact

        d = dict(src_dict)
        _return_path = none_as_unset(d.pop("return-path", UNSET))
        return_path: list[EmailHeaderContact] | Unset = UNSET
        if _return_path is not UNSET:
            return_path = []
            for return_path_item_data in _return_path:
                return_path_item = EmailHeaderContact.from_dict(return_path_item_data)

                return_path.append(return_path_item)

        email_incoming_headers = cls(
            return_path=return_path,
        )

        email_incoming_headers.additional_properties = d
        return email_incoming_headers

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
