from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field
from typing_extensions import Self

from ..types import UNSET, Unset, none_as_unset

T = TypeVar("T", bound="Quota")


@_attrs_define
class Quota:
    """Plan and usage figures of the v1 API, similar to its `crumbs`."""

    plan: str | Unset = UNSET
    """ `free`, `payg` or `unlimited`. """
    quota: float | Unset = UNSET
    """ Messages used in the current period. """
    remaining: float | Unset = UNSET
    """ Messages left (free plan only). """
    type_: str | Unset = UNSET
    ad: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan = self.plan

        quota = self.quota

        remaining = self.remaining

        type_ = self.type_

        ad = self.ad

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if plan is not UNSET:
            field_dict["plan"] = plan
        if quota is not UNSET:
            field_dict["quota"] = quota
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if type_ is not UNSET:
            field_dict["type"] = type_
        if ad is not UNSET:
            field_dict["ad"] = ad

        return field_dict

    def to_json(self, *, indent: int | None = None) -> str:
        """This model as JSON text: :meth:`to_dict`, serialised."""
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        plan = none_as_unset(d.pop("plan", UNSET))

        quota = none_as_unset(d.pop("quota", UNSET))

        remaining = none_as_unset(d.pop("remaining", UNSET))

        type_ = none_as_unset(d.pop("type", UNSET))

        ad = none_as_unset(d.pop("ad", UNSET))

        quota = cls(
            plan=plan,
            quota=quota,
            remaining=remaining,
            type_=type_,
            ad=ad,
        )

        quota.additional_properties = d
        return quota

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
