from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.billing_method import BillingMethod, check_billing_method

if TYPE_CHECKING:
    from ..models.billing_period import BillingPeriod
    from ..models.lease_price import LeasePrice


T = TypeVar("T", bound="NewLeaseBilling")


@_attrs_define
class NewLeaseBilling:
    method: BillingMethod
    price: LeasePrice
    period: BillingPeriod
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method: str = self.method

        price = self.price.to_dict()

        period = self.period.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "price": price,
                "period": period,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_period import BillingPeriod
        from ..models.lease_price import LeasePrice

        d = dict(src_dict)
        method = check_billing_method(d.pop("method"), "method")

        price = LeasePrice.from_dict(d.pop("price"))

        period = BillingPeriod.from_dict(d.pop("period"))

        new_lease_billing = cls(
            method=method,
            price=price,
            period=period,
        )

        new_lease_billing.additional_properties = d
        return new_lease_billing

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
