from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.email_body_parts import EmailBodyParts
    from ..models.email_headers import EmailHeaders


T = TypeVar("T", bound="SendEmailRequest")


@_attrs_define
class SendEmailRequest:
    to: list[str] | str
    """ One address, or a list of up to 10. """
    from_: str
    """ `Name <address@your-domain>`, a bare address on a verified domain, or a display name. """
    subject: str
    text: None | str | Unset = UNSET
    """ Plain-text body. """
    html: None | str | Unset = UNSET
    """ HTML body. """
    body: EmailBodyParts | None | Unset = UNSET
    """ Former nested form of `text` and `html`; send those at the top level instead. """
    reply_to: None | str | Unset = UNSET
    """ Address replies should go to. """
    cc: list[str] | None | str | Unset = UNSET
    bcc: list[str] | None | str | Unset = UNSET
    headers: EmailHeaders | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.email_body_parts import EmailBodyParts
        from ..models.email_headers import EmailHeaders

        to: list[str] | str
        if isinstance(self.to, list):
            to = self.to

        else:
            to = self.to

        from_ = self.from_

        subject = self.subject

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        html: None | str | Unset
        if isinstance(self.html, Unset):
            html = UNSET
        else:
            html = self.html

        body: dict[str, Any] | None | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, EmailBodyParts):
            body = self.body.to_dict()
        else:
            body = self.body

        reply_to: None | str | Unset
        if isinstance(self.reply_to, Unset):
            reply_to = UNSET
        else:
            reply_to = self.reply_to

        cc: list[str] | None | str | Unset
        if isinstance(self.cc, Unset):
            cc = UNSET
        elif isinstance(self.cc, list):
            cc = self.cc

        else:
            cc = self.cc

        bcc: list[str] | None | str | Unset
        if isinstance(self.bcc, Unset):
            bcc = UNSET
        elif isinstance(self.bcc, list):
            bcc = self.bcc

        else:
            bcc = self.bcc

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, EmailHeaders):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "from": from_,
                "subject": subject,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if html is not UNSET:
            field_dict["html"] = html
        if body is not UNSET:
            field_dict["body"] = body
        if reply_to is not UNSET:
            field_dict["reply_to"] = reply_to
        if cc is not UNSET:
            field_dict["cc"] = cc
        if bcc is not UNSET:
            field_dict["bcc"] = bcc
        if headers is not UNSET:
            field_dict["headers"] = headers

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.email_body_parts import EmailBodyParts
        from ..models.email_headers import EmailHeaders

        d = dict(src_dict)

        def _parse_to(data: object) -> list[str] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_email_recipients_type_1 = cast(list[str], data)

                return componentsschemas_email_recipients_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | str, data)

        to = _parse_to(d.pop("to"))

        from_ = d.pop("from")

        subject = d.pop("subject")

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_html(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        html = _parse_html(d.pop("html", UNSET))

        def _parse_body(data: object) -> EmailBodyParts | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = EmailBodyParts.from_dict(data)

                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailBodyParts | None | Unset, data)

        body = _parse_body(d.pop("body", UNSET))

        def _parse_reply_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reply_to = _parse_reply_to(d.pop("reply_to", UNSET))

        def _parse_cc(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_email_recipients_type_1 = cast(list[str], data)

                return componentsschemas_email_recipients_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        cc = _parse_cc(d.pop("cc", UNSET))

        def _parse_bcc(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_email_recipients_type_1 = cast(list[str], data)

                return componentsschemas_email_recipients_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        bcc = _parse_bcc(d.pop("bcc", UNSET))

        def _parse_headers(data: object) -> EmailHeaders | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = EmailHeaders.from_dict(data)

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailHeaders | None | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        send_email_request = cls(
            to=to,
            from_=from_,
            subject=subject,
            text=text,
            html=html,
            body=body,
            reply_to=reply_to,
            cc=cc,
            bcc=bcc,
            headers=headers,
        )

        send_email_request.additional_properties = d
        return send_email_request

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
