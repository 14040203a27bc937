from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

if TYPE_CHECKING:
    from ..models.imessage_fallback import ImessageFallback


T = TypeVar("T", bound="SendImessageRequest")


@_attrs_define
class SendImessageRequest:
    to: str
    """ A phone number in E.164 form (`+` followed by country code and number). """
    from_: None | str | Unset = UNSET
    """ One of your leased iMessage numbers; a random one of yours otherwise. """
    message: str | Unset = UNSET
    """ Text, with `**bold**`, `_italic_`, `~~strike~~` and `__underline__` styling. """
    fallback: ImessageFallback | None | Unset = UNSET
    attachments: list[str] | None | Unset = UNSET
    """ Up to 10 media URLs, 50 MB in total. """
    fast_track: bool | Unset = UNSET
    """ Bypass the per-line rate limit (needs the `fast_track` entitlement). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.imessage_fallback import ImessageFallback

        to = self.to

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        message = self.message

        fallback: dict[str, Any] | None | Unset
        if isinstance(self.fallback, Unset):
            fallback = UNSET
        elif isinstance(self.fallback, ImessageFallback):
            fallback = self.fallback.to_dict()
        else:
            fallback = self.fallback

        attachments: list[str] | None | Unset
        if isinstance(self.attachments, Unset):
            attachments = UNSET
        elif isinstance(self.attachments, list):
            attachments = self.attachments

        else:
            attachments = self.attachments

        fast_track = self.fast_track

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
            }
        )
        if from_ is not UNSET:
            field_dict["from"] = from_
        if message is not UNSET:
            field_dict["message"] = message
        if fallback is not UNSET:
            field_dict["fallback"] = fallback
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if fast_track is not UNSET:
            field_dict["fast_track"] = fast_track

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.imessage_fallback import ImessageFallback

        d = dict(src_dict)
        to = d.pop("to")

        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        message = none_as_unset(d.pop("message", UNSET))

        def _parse_fallback(data: object) -> ImessageFallback | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fallback_type_0 = ImessageFallback.from_dict(data)

                return fallback_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImessageFallback | None | Unset, data)

        fallback = _parse_fallback(d.pop("fallback", UNSET))

        def _parse_attachments(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                attachments_type_0 = cast(list[str], data)

                return attachments_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        attachments = _parse_attachments(d.pop("attachments", UNSET))

        fast_track = none_as_unset(d.pop("fast_track", UNSET))

        send_imessage_request = cls(
            to=to,
            from_=from_,
            message=message,
            fallback=fallback,
            attachments=attachments,
            fast_track=fast_track,
        )

        send_imessage_request.additional_properties = d
        return send_imessage_request

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
