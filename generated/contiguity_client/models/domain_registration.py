from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.dns_record import DnsRecord


T = TypeVar("T", bound="DomainRegistration")


@_attrs_define
class DomainRegistration:
    domain: str
    id: str
    status: str
    region: str
    created_at: int
    """ Unix epoch time in milliseconds. """
    sending_allowed: bool
    records: list[DnsRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        domain = self.domain

        id = self.id

        status = self.status

        region = self.region

        created_at = self.created_at

        sending_allowed = self.sending_allowed

        records = []
        for records_item_data in self.records:
            records_item = records_item_data.to_dict()
            records.append(records_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "domain": domain,
                "id": id,
                "status": status,
                "region": region,
                "created_at": created_at,
                "sending_allowed": sending_allowed,
                "records": records,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.dns_record import DnsRecord

        d = dict(src_dict)
        domain = d.pop("domain")

        id = d.pop("id")

        status = d.pop("status")

        region = d.pop("region")

        created_at = d.pop("created_at")

        sending_allowed = d.pop("sending_allowed")

        records = []
        _records = d.pop("records")
        for records_item_data in _records:
            records_item = DnsRecord.from_dict(records_item_data)

            records.append(records_item)

        domain_registration = cls(
            domain=domain,
            id=id,
            status=status,
            region=region,
            created_at=created_at,
            sending_allowed=sending_allowed,
            records=records,
        )

        domain_registration.additional_properties = d
        return domain_registration

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
