from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.lease_status import LeaseStatus, check_lease_status
from ..models.phone_number_record_carrier import (
    PhoneNumberRecordCarrier,
    check_phone_number_record_carrier,
)
from ..models.phone_number_record_status import (
    PhoneNumberRecordStatus,
    check_phone_number_record_status,
)

if TYPE_CHECKING:
    from ..models.lease_billing import LeaseBilling
    from ..models.number_capabilities import NumberCapabilities
    from ..models.number_data import NumberData
    from ..models.number_formats import NumberFormats
    from ..models.number_health import NumberHealth
    from ..models.number_location import NumberLocation
    from ..models.number_pricing import NumberPricing


T = TypeVar("T", bound="LeasedNumber")


@_attrs_define
class LeasedNumber:
    id: str
    """ The number in E.164 form, which is its id. """
    status: PhoneNumberRecordStatus
    number: NumberFormats
    location: NumberLocation
    carrier: PhoneNumberRecordCarrier
    capabilities: NumberCapabilities
    health: NumberHealth
    data: NumberData
    """ Lease requirements; may be empty. """
    created_at: int | str
    """ Unix seconds, or an ISO 8601 string on some answers. """
    pricing: NumberPricing
    lease_id: str
    """ Lease id (`lsd_…`). """
    lease_status: LeaseStatus
    billing: LeaseBilling
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status: str = self.status

        number = self.number.to_dict()

        location = self.location.to_dict()

        carrier: str = self.carrier

        capabilities = self.capabilities.to_dict()

        health = self.health.to_dict()

        data = self.data.to_dict()

        created_at: int | str
        created_at = self.created_at

        pricing = self.pricing.to_dict()

        lease_id = self.lease_id

        lease_status: str = self.lease_status

        billing = self.billing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "number": number,
                "location": location,
                "carrier": carrier,
                "capabilities": capabilities,
                "health": health,
                "data": data,
                "created_at": created_at,
                "pricing": pricing,
                "lease_id": lease_id,
                "lease_status": lease_status,
                "billing": billing,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lease_billing import LeaseBilling
        from ..models.number_capabilities import NumberCapabilities
        from ..models.number_data import NumberData
        from ..models.number_formats import NumberFormats
        from ..models.number_health import NumberHealth
        from ..models.number_location import NumberLocation
        from ..models.number_pricing import NumberPricing

        d = dict(src_dict)
        id = d.pop("id")

        status = check_phone_number_record_status(d.pop("status"), "status")

        number = NumberFormats.from_dict(d.pop("number"))

        location = NumberLocation.from_dict(d.pop("location"))

        carrier = check_phone_number_record_carrier(d.pop("carrier"), "carrier")

        capabilities = NumberCapabilities.from_dict(d.pop("capabilities"))

        health = NumberHealth.from_dict(d.pop("health"))

        data = NumberData.from_dict(d.pop("data"))

        def _parse_created_at(data: object) -> int | str:
            return cast(int | str, data)

        created_at = _parse_created_at(d.pop("created_at"))

        pricing = NumberPricing.from_dict(d.pop("pricing"))

        lease_id = d.pop("lease_id")

        lease_status = check_lease_status(d.pop("lease_status"), "lease_status")

        billing = LeaseBilling.from_dict(d.pop("billing"))

        leased_number = cls(
            id=id,
            status=status,
            number=number,
            location=location,
            carrier=carrier,
            capabilities=capabilities,
            health=health,
            data=data,
            created_at=created_at,
            pricing=pricing,
            lease_id=lease_id,
            lease_status=lease_status,
            billing=billing,
        )

        leased_number.additional_properties = d
        return leased_number

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
