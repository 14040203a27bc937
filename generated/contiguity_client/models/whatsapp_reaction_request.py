from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.reaction_action import ReactionAction, check_reaction_action
from ..types import UNSET, Unset

T = TypeVar("T", bound="WhatsappReactionRequest")


@_attrs_define
class WhatsappReactionRequest:
    to: str
    """ A phone number in E.164 form (`+` followed by country code and number). """
    action: ReactionAction
    """ Whether to add or remove the reaction. """
    reaction: None | str | Unset = UNSET
    """ An emoji, or a shortcode such as `:thumbs_up:`. """
    message: None | str | Unset = UNSET
    """ The WhatsApp message id, or the message's full text. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        to = self.to

        action: str = self.action

        reaction: None | str | Unset
        if isinstance(self.reaction, Unset):
            reaction = UNSET
        else:
            reaction = self.reaction

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "to": to,
                "action": action,
            }
        )
        if reaction is not UNSET:
            field_dict["reaction"] = reaction
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        to = d.pop("to")

        action = check_reaction_action(d.pop("action"), "action")

        def _parse_reaction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reaction = _parse_reaction(d.pop("reaction", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        whatsapp_reaction_request = cls(
            to=to,
            action=action,
            reaction=reaction,
            message=message,
        )

        whatsapp_reaction_request.additional_properties = d
        return whatsapp_reaction_request

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
