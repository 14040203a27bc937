from typing import Literal, cast

from ..types import unknown_enum_value

RegisterDomainRequestRegion = Literal["us-east-1"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_register_domain_request_region``), so a ``match`` on this
type needs a default case. """

REGISTER_DOMAIN_REQUEST_REGION_VALUES: set[RegisterDomainRequestRegion] = {
    "us-east-1",
}


def check_register_domain_request_region(
    value: str, field: str = "RegisterDomainRequestRegion"
) -> RegisterDomainRequestRegion:
    """``value`` as a RegisterDomainRequestRegion; a string this SDK does not know is kept as sent."""
    if value in REGISTER_DOMAIN_REQUEST_REGION_VALUES:
        return value
    return cast(
        RegisterDomainRequestRegion,
        unknown_enum_value("RegisterDomainRequestRegion", field, value),
    )
