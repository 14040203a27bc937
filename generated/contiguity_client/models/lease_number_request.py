from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.lease_number_request_billing_method import (
    LeaseNumberRequestBillingMethod,
    check_lease_number_request_billing_method,
)
from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="LeaseNumberRequest")


@_attrs_define
class LeaseNumberRequest:
    billing_method: LeaseNumberRequestBillingMethod | Unset = "monthly"
    """ `service_contract` only if you have one. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billing_method: str | Unset = UNSET
        if not isinstance(self.billing_method, Unset):
            billing_method = self.billing_method

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if billing_method is not UNSET:
            field_dict["billing_method"] = billing_method

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        _billing_method = none_as_unset(d.pop("billing_method", UNSET))
        billing_method: LeaseNumberRequestBillingMethod | Unset
        if isinstance(_billing_method, Unset):
            billing_method = UNSET
        else:
            billing_method = check_lease_number_request_billing_method(
                _billing_method, "billing_method"
            )

        lease_number_request = cls(
            billing_method=billing_method,
        )

        lease_number_request.additional_properties = d
        return lease_number_request

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
