"""Email sending domains and the DNS records they ask for.

The sandbox never looks at DNS, so a registered domain stays ``pending_verification``.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .core import Core, SandboxError, new_id

__all__ = ["Domains"]

# Letters, digits and hyphens per label, at least two labels: enough to catch a typo'd URL.
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


@dataclass
class _Domain:
    domain: str
    id: str
    region: str
    created_at: int
    records: list[dict[str, str]]

    def summary(self) -> dict[str, Any]:
        return {
            "domain": self.domain,
            "status": "pending_verification",
            "created_at": self.created_at,
            "id": self.id,
            "region": self.region,
            "sending_allowed": False,
        }

    def registration(self) -> dict[str, Any]:
        return {**self.summary(), "records": [dict(record) for record in self.records]}


def _records(domain: str, region: str, return_path: str) -> list[dict[str, str]]:
    mail_from = f"{return_path}.{domain}"
    dkim = [secrets.token_hex(16) for _ in range(3)]
    return [
        *(
            {
                "type": "CNAME",
                "name": f"{key}._domainkey.{domain}",
                "value": f"{key}.dkim.contiguity.email",
                "purpose": "DKIM signing",
            }
            for key in dkim
        ),
        {
            "type": "MX",
            "name": mail_from,
            "value": f"10 feedback-smtp.{region}.contiguity.email",
            "purpose": "Return path for bounces",
        },
        {
            "type": "TXT",
            "name": mail_from,
            "value": "v=spf1 include:spf.contiguity.email ~all",
            "purpose": "SPF for the return path",
        },
        {
            "type": "MX",
            "name": domain,
            "value": f"10 inbound-smtp.{region}.contiguity.email",
            "purpose": "Receiving email",
        },
        {"type": "TXT", "name": f"_dmarc.{domain}", "value": "v=DMARC1; p=none;", "purpose": "DMARC"},
    ]


class Domains:
    def __init__(self, core: Core) -> None:
        self._core = core
        self._domains: dict[str, _Domain] = {}

    def listing(self) -> dict[str, Any]:
        with self._core.lock:
            return {"domains": [domain.summary() for domain in self._domains.values()]}

    def register(self, name: str, body: Mapping[str, Any]) -> dict[str, Any]:
        domain = name.lower().rstrip(".")
        if not _DOMAIN.match(domain):
            raise SandboxError(400, f"{name!r} is not a domain name")
        region = body.get("region", "us-east-1")
        with self._core.lock:
            if domain in self._domains:
                raise SandboxError(400, f"{domain} is already registered")
            registered = _Domain(
                domain=domain,
                id=new_id("dmn_"),
                region=region,
                created_at=self._core.now_ms(),
                records=_records(domain, region, body.get("custom_return_path", "contiguity")),
            )
            self._domains[domain] = registered
            return registered.registration()

    def get(self, name: str) -> dict[str, Any]:
        with self._core.lock:
            details = self._find(name).registration()
        pending = "pending_verification"
        return {**details, "verifications": {"dkim": pending, "mail_from": pending, "domain": pending}}

    def delete(self, name: str) -> dict[str, Any]:
        with self._core.lock:
            domain = self._find(name)
            del self._domains[domain.domain]
            return {"success": True, "message": f"{domain.domain} was deleted"}

    def _find(self, name: str) -> _Domain:
        try:
            return self._domains[name.lower().rstrip(".")]
        except KeyError:
            raise SandboxError(404, f"No domain {name!r} on this account") from None
