from typing import Literal

RegisterDomainRequestRegion = Literal["us-east-1"]

REGISTER_DOMAIN_REQUEST_REGION_VALUES: set[RegisterDomainRequestRegion] = {
    "us-east-1",
}


def check_register_domain_request_region(value: str) -> RegisterDomainRequestRegion:
    if value in REGISTER_DOMAIN_REQUEST_REGION_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {REGISTER_DOMAIN_REQUEST_REGION_VALUES!r}"
    )
