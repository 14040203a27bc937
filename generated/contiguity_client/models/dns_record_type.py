from typing import Literal, cast

from ..types import unknown_enum_value

DnsRecordType = Literal["CNAME", "MX", "TXT"]
""" The values this SDK knows. A newer API may send others: parsing keeps them as the plain
string the server sent (see ``check_dns_record_type``), so a ``match`` on this
type needs a default case. """

DNS_RECORD_TYPE_VALUES: set[DnsRecordType] = {
    "CNAME",
    "MX",
    "TXT",
}


def check_dns_record_type(value: str, field: str = "DnsRecordType") -> DnsRecordType:
    """``value`` as a DnsRecordType; a string this SDK does not know is kept as sent."""
    if value in DNS_RECORD_TYPE_VALUES:
        return value
    return cast(DnsRecordType, unknown_enum_value("DnsRecordType", field, value))
