from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.reverse_otp_service import ReverseOtpService, check_reverse_otp_service

if TYPE_CHECKING:
    from ..models.reverse_otp_ui import ReverseOtpUi


T = TypeVar("T", bound="ReverseOtpSession")


@_attrs_define
class ReverseOtpSession:
    otp_id: str
    """ Session id (`r_otp_…`). """
    number: str
    factor: str
    to: str
    service: ReverseOtpService
    expires_at: datetime.datetime
    ui: ReverseOtpUi
    success_url: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        otp_id = self.otp_id

        number = self.number

        factor = self.factor

        to = self.to

        service: str = self.service

        expires_at = self.expires_at.isoformat()

        ui = self.ui.to_dict()

        success_url: None | str
        success_url = self.success_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "otp_id": otp_id,
                "number": number,
                "factor": factor,
                "to": to,
                "service": service,
                "expires_at": expires_at,
                "ui": ui,
                "success_url": success_url,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reverse_otp_ui import ReverseOtpUi

        d = dict(src_dict)
        otp_id = d.pop("otp_id")

        number = d.pop("number")

        factor = d.pop("factor")

        to = d.pop("to")

        service = check_reverse_otp_service(d.pop("service"), "service")

        from ..types import parse_datetime

        expires_at = parse_datetime(d.pop("expires_at"))

        ui = ReverseOtpUi.from_dict(d.pop("ui"))

        def _parse_success_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        success_url = _parse_success_url(d.pop("success_url"))

        reverse_otp_session = cls(
            otp_id=otp_id,
            number=number,
            factor=factor,
            to=to,
            service=service,
            expires_at=expires_at,
            ui=ui,
            success_url=success_url,
        )

        reverse_otp_session.additional_properties = d
        return reverse_otp_session

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
