from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

if TYPE_CHECKING:
    from ..models.email_contact import EmailContact
    from ..models.email_incoming_attachment import EmailIncomingAttachment
    from ..models.email_incoming_body import EmailIncomingBody
    from ..models.email_incoming_headers import EmailIncomingHeaders


T = TypeVar("T", bound="EmailIncomingData")


@_attrs_define
class EmailIncomingData:
    email_id: str
    """ Id of the incoming email (`in_email_…`). """
    from_: EmailContact
    to: EmailContact
    cc: list[EmailContact]
    bcc: list[EmailContact]
    reply_to: EmailContact | None
    subject: str
    body: EmailIncomingBody
    timestamp: int
    """ Unix epoch time in seconds. """
    headers: EmailIncomingHeaders
    attachments: list[EmailIncomingAttachment]
    in_reply_to: str | Unset = UNSET
    references: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.email_contact import EmailContact

        email_id = self.email_id

        from_ = self.from_.to_dict()

        to = self.to.to_dict()

        cc = []
        for cc_item_data in self.cc:
            cc_item = cc_item_data.to_dict()
            cc.append(cc_item)

        bcc = []
        for bcc_item_data in self.bcc:
            bcc_item = bcc_item_data.to_dict()
            bcc.append(bcc_item)

        reply_to: dict[str, Any] | None
        if isinstance(self.reply_to, EmailContact):
            reply_to = self.reply_to.to_dict()
        else:
            reply_to = self.reply_to

        subject = self.subject

        body = self.body.to_dict()

        timestamp = self.timestamp

        headers = self.headers.to_dict()

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        in_reply_to = self.in_reply_to

        references: list[str] | Unset = UNSET
        if not isinstance(self.references, Unset):
            references = self.references

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email_id": email_id,
                "from": from_,
                "to": to,
                "cc": cc,
                "bcc": bcc,
                "reply_to": reply_to,
                "subject": subject,
                "body": body,
                "timestamp": timestamp,
                "headers": headers,
                "attachments": attachments,
            }
        )
        if in_reply_to is not UNSET:
            field_dict["in_reply_to"] = in_reply_to
        if references is not UNSET:
            field_dict["references"] = references

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.email_contact import EmailContact
        from ..models.email_incoming_attachment import EmailIncomingAttachment
        from ..models.email_incoming_body import EmailIncomingBody
        from ..models.email_incoming_headers import EmailIncomingHeaders

        d = dict(src_dict)
        email_id = d.pop("email_id")

        from_ = EmailContact.from_dict(d.pop("from"))

        to = EmailContact.from_dict(d.pop("to"))

        cc = []
        _cc = d.pop("cc")
        for cc_item_data in _cc:
            cc_item = EmailContact.from_dict(cc_item_data)

            cc.append(cc_item)

        bcc = []
        _bcc = d.pop("bcc")
        for bcc_item_data in _bcc:
            bcc_item = EmailContact.from_dict(bcc_item_data)

            bcc.append(bcc_item)

        def _parse_reply_to(data: object) -> EmailContact | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reply_to_type_0 = EmailContact.from_dict(data)

                return reply_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailContact | None, data)

        reply_to = _parse_reply_to(d.pop("reply_to"))

        subject = d.pop("subject")

        body = EmailIncomingBody.from_dict(d.pop("body"))

        timestamp = d.pop("timestamp")

        headers = EmailIncomingHeaders.from_dict(d.pop("headers"))

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = EmailIncomingAttachment.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        in_reply_to = none_as_unset(d.pop("in_reply_to", UNSET))

        references = cast(list[str], none_as_unset(d.pop("references", UNSET)))

        email_incoming_data = cls(
            email_id=email_id,
            from_=from_,
            to=to,
            cc=cc,
            bcc=bcc,
            reply_to=reply_to,
            subject=subject,
            body=body,
            timestamp=timestamp,
            headers=headers,
            attachments=attachments,
            in_reply_to=in_reply_to,
            references=references,
        )

        email_incoming_data.additional_properties = d
        return email_incoming_data

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
