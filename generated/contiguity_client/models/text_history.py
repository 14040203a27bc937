from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

if TYPE_CHECKING:
    from ..models.history_reaction import HistoryReaction
    from ..models.text_chat_summary import TextChatSummary
    from ..models.text_history_message import TextHistoryMessage


T = TypeVar("T", bound="TextHistory")


@_attrs_define
class TextHistory:
    conversation: list[TextHistoryMessage]
    reactions: list[HistoryReaction]
    chat: TextChatSummary
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conversation = []
        for conversation_item_data in self.conversation:
            conversation_item = conversation_item_data.to_dict()
            conversation.append(conversation_item)

        reactions = []
        for reactions_item_data in self.reactions:
            reactions_item = reactions_item_data.to_dict()
            reactions.append(reactions_item)

        chat = self.chat.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "conversation": conversation,
                "reactions": reactions,
                "chat": chat,
            }
        )

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.history_reaction import HistoryReaction
        from ..models.text_chat_summary import TextChatSummary
        from ..models.text_history_message import TextHistoryMessage

        d = dict(src_dict)
        conversation = []
        _conversation = d.pop("conversation")
        for conversation_item_data in _conversation:
            conversation_item = TextHistoryMessage.from_dict(conversation_item_data)

            conversation.append(conversation_item)

        reactions = []
        _reactions = d.pop("reactions")
        for reactions_item_data in _reactions:
            reactions_item = HistoryReaction.from_dict(reactions_item_data)

            reactions.append(reactions_item)

        chat = TextChatSummary.from_dict(d.pop("chat"))

        text_history = cls(
            conversation=conversation,
            reactions=reactions,
            chat=chat,
        )

        text_history.additional_properties = d
        return text_history

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
