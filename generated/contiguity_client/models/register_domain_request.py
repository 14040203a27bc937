from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.register_domain_request_region import (
    RegisterDomainRequestRegion,
    check_register_domain_request_region,
)
from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="RegisterDomainRequest")


@_attrs_define
class RegisterDomainRequest:
    region: RegisterDomainRequestRegion | Unset = "us-east-1"
    custom_return_path: str | Unset = "contiguity"
    """ Subdomain used as the return path. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        region: str | Unset = UNSET
        if not isinstance(self.region, Unset):
            region = self.region

        custom_return_path = self.custom_return_path

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if region is not UNSET:
            field_dict["region"] = region
        if custom_return_path is not UNSET:
            field_dict["custom_return_path"] = custom_return_path

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _region = none_as_unset(d.pop("region", UNSET))
        region: RegisterDomainRequestRegion | Unset
        if isinstance(_region, Unset):
            region = UNSET
        else:
            region = check_register_domain_request_region(_region, "region")

        custom_return_path = none_as_unset(d.pop("custom_return_path", UNSET))

        register_domain_request = cls(
            region=region,
            custom_return_path=custom_return_path,
        )

        register_domain_request.additional_properties = d
        return register_domain_request

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
