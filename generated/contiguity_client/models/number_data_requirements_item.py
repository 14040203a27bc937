from typing import Literal, cast

from ..types import unknown_enum_value

NumberDataRequirementsItem = Literal[
    "enterprise_plan_required",
    "imessage_entitlement_required",
    "whatsapp_entitlement_required",
]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_number_data_requirements_item``), so a ``match`` on this
type needs a default case. """

NUMBER_DATA_REQUIREMENTS_ITEM_VALUES: set[NumberDataRequirementsItem] = {
    "enterprise_plan_required",
    "imessage_entitlement_required",
    "whatsapp_entitlement_required",
}


def check_number_data_requirements_item(
    value: str, field: str = "NumberDataRequirementsItem"
) -> NumberDataRequirementsItem:
    """``value`` as a NumberDataRequirementsItem; a string this SDK does not know is kept as sent."""
    if value in NUMBER_DATA_REQUIREMENTS_ITEM_VALUES:
        return value
    return cast(
        NumberDataRequirementsItem,
        unknown_enum_value("NumberDataRequirementsItem", field, value),
    )
