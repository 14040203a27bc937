from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..models.reaction_action import ReactionAction, check_reaction_action
from ..models.text_reaction import TextReaction, check_text_reaction
from ..types import UNSET, Unset

T = TypeVar("T", bound="TextReactionRequest")


@_attrs_define
class TextReactionRequest:
    reaction: TextReaction
    """ Tapback-style reaction for SMS/MMS. """
    action: ReactionAction
    """ Whether to add or remove the reaction. """
    message_id: None | str | Unset = UNSET
    """ Id of the message reacted to (`text_…`); when given the rest is looked up. """
    to: None | str | Unset = UNSET
    """ The other party; required without `message_id`. """
    from_: None | str | Unset = UNSET
    """ Your number in the conversation. """
    message: None | str | Unset = UNSET
    """ Exact text of the message reacted to; required without `message_id`. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reaction: str = self.reaction

        action: str = self.action

        message_id: None | str | Unset
        if isinstance(self.message_id, Unset):
            message_id = UNSET
        else:
            message_id = self.message_id

        to: None | str | Unset
        if isinstance(self.to, Unset):
            to = UNSET
        else:
            to = self.to

        from_: None | str | Unset
        if isinstance(self.from_, Unset):
            from_ = UNSET
        else:
            from_ = self.from_

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reaction": reaction,
                "action": action,
            }
        )
        if message_id is not UNSET:
            field_dict["message_id"] = message_id
        if to is not UNSET:
            field_dict["to"] = to
        if from_ is not UNSET:
            field_dict["from"] = from_
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
        reaction = check_text_reaction(d.pop("reaction"), "reaction")

        action = check_reaction_action(d.pop("action"), "action")

        def _parse_message_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message_id = _parse_message_id(d.pop("message_id", UNSET))

        def _parse_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to = _parse_to(d.pop("to", UNSET))

        def _parse_from_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_ = _parse_from_(d.pop("from", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        text_reaction_request = cls(
            reaction=reaction,
            action=action,
            message_id=message_id,
            to=to,
            from_=from_,
            message=message,
        )

        text_reaction_request.additional_properties = d
        return text_reaction_request

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
