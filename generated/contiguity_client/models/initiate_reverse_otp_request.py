from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.reverse_otp_service import ReverseOtpService, check_reverse_otp_service
from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="InitiateReverseOtpRequest")


@_attrs_define
class InitiateReverseOtpRequest:
    number: str
    """ A phone number in E.164 form (`+` followed by country code and number). """
    factor: str | Unset = UNSET
    """ What the user must send; a random 4-digit code by default. """
    to: str | Unset = UNSET
    """ A phone number in E.164 form (`+` followed by country code and number). """
    service: ReverseOtpService | Unset = UNSET
    language: str | Unset = "en"
    """ Language of the instructions in `ui.text`. """
    success_url: str | Unset = UNSET
    """ Where the `otp.reverse.verified` webhook goes; the account webhook by default. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        factor = self.factor

        to = self.to

        service: str | Unset = UNSET
        if not isinstance(self.service, Unset):
            service = self.service

        language = self.language

        success_url = self.success_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
            }
        )
        if factor is not UNSET:
            field_dict["factor"] = factor
        if to is not UNSET:
            field_dict["to"] = to
        if service is not UNSET:
            field_dict["service"] = service
        if language is not UNSET:
            field_dict["language"] = language
        if success_url is not UNSET:
            field_dict["success_url"] = success_url

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        number = d.pop("number")

        factor = none_as_unset(d.pop("factor", UNSET))

        to = none_as_unset(d.pop("to", UNSET))

        _service = none_as_unset(d.pop("service", UNSET))
        service: ReverseOtpService | Unset
        if isinstance(_service, Unset):
            service = UNSET
        else:
            service = check_reverse_otp_service(_service, "service")

        language = none_as_unset(d.pop("language", UNSET))

        success_url = none_as_unset(d.pop("success_url", UNSET))

        initiate_reverse_otp_request = cls(
            number=number,
            factor=factor,
            to=to,
            service=service,
            language=language,
            success_url=success_url,
        )

        initiate_reverse_otp_request.additional_properties = d
        return initiate_reverse_otp_request

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
