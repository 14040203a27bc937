from typing import Literal

DnsRecordType = Literal["CNAME", "MX", "TXT"]

DNS_RECORD_TYPE_VALUES: set[DnsRecordType] = {
    "CNAME",
    "MX",
    "TXT",
}


def check_dns_record_type(value: str) -> DnsRecordType:
    if value in DNS_RECORD_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {DNS_RECORD_TYPE_VALUES!r}"
    )
