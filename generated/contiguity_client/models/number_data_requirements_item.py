from typing import Literal

NumberDataRequirementsItem = Literal[
    "enterprise_plan_required",
    "imessage_entitlement_required",
    "whatsapp_entitlement_required",
]

NUMBER_DATA_REQUIREMENTS_ITEM_VALUES: set[NumberDataRequirementsItem] = {
    "enterprise_plan_required",
    "imessage_entitlement_required",
    "whatsapp_entitlement_required",
}


def check_number_data_requirements_item(value: str) -> NumberDataRequirementsItem:
    if value in NUMBER_DATA_REQUIREMENTS_ITEM_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {NUMBER_DATA_REQUIREMENTS_ITEM_VALUES!r}"
    )
