from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.reverse_otp_status_status import (
    ReverseOtpStatusStatus,
    check_reverse_otp_status_status,
)

T = TypeVar("T", bound="ReverseOtpStatus")


@_attrs_define
class ReverseOtpStatus:
    otp_id: str
    status: ReverseOtpStatusStatus
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        otp_id = self.otp_id

        status: str = self.status

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "otp_id": otp_id,
                "status": status,
                "expires_at": expires_at,
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
        otp_id = d.pop("otp_id")

        status = check_reverse_otp_status_status(d.pop("status"), "status")

        from ..types import parse_datetime

        expires_at = parse_datetime(d.pop("expires_at"))

        reverse_otp_status = cls(
            otp_id=otp_id,
            status=status,
            expires_at=expires_at,
        )

        reverse_otp_status.additional_properties = d
        return reverse_otp_status

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
