"""Phone numbers: the fixed catalogue, leases and their failover settings."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .core import Core, SandboxError, new_id
from .entitlements import Entitlements
from .fixtures import NUMBERS, SANDBOX_NUMBER

__all__ = ["Numbers"]


@dataclass
class _Lease:
    lease_id: str
    method: str
    start: int
    failover: dict[str, Any] = field(default_factory=lambda: {"enabled": False, "mode": "all", "numbers": []})

    def fields(self) -> dict[str, Any]:
        """The lease fields a leased number's record carries."""
        return {
            "lease_id": self.lease_id,
            "lease_status": "active",
            "billing": {"method": self.method, "period": {"start": self.start, "end": None}},
        }


class Numbers:
    def __init__(self, core: Core, entitlements: Entitlements) -> None:
        self._core = core
        self._entitlements = entitlements
        self._catalogue = {record["id"]: copy.deepcopy(record) for record in NUMBERS}
        self._leases: dict[str, _Lease] = {}

    def available(self) -> dict[str, Any]:
        with self._core.lock:
            numbers = [
                copy.deepcopy(record) for e164, record in self._catalogue.items() if e164 not in self._leases
            ]
            return {"available": len(numbers), "numbers": numbers}

    def leased(self) -> dict[str, Any]:
        with self._core.lock:
            numbers = [self._details(e164) for e164 in self._leases]
            return {"leased": len(numbers), "numbers": numbers}

    def get(self, number: str) -> dict[str, Any]:
        with self._core.lock:
            self._record(number)
            return self._details(number)

    def lease(self, number: str, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            record = self._record(number)
            self._entitlements.require("lease", "Leasing a number")
            if number in self._leases:
                raise SandboxError(400, f"{number} is already leased by this account")
            method = body.get("billing_method", "monthly")
            if method == "service_contract":
                raise SandboxError(
                    403, 'This account has no service contract; lease with billing_method "monthly"'
                )
            lease = _Lease(new_id("lsd_"), method, int(self._core.now()))
            self._leases[number] = lease
            pricing = record["pricing"]
            return {
                "lease_id": lease.lease_id,
                "number": number,
                "status": "active",
                "billing": {
                    "method": method,
                    "price": {
                        "currency": pricing["currency"],
                        "monthly_rate": pricing["monthly_rate"],
                        "upfront_fee": pricing["upfront_fee"],
                    },
                    "period": {"start": lease.start, "end": None},
                },
            }

    def terminate(self, number: str) -> dict[str, Any]:
        with self._core.lock:
            lease = self._lease(number)
            del self._leases[number]
            return {
                "lease_id": lease.lease_id,
                "number_id": number,
                "status": "terminated",
                "terminated_at": int(self._core.now()),
            }

    def configure(self, number: str, body: Mapping[str, Any]) -> dict[str, Any]:
        with self._core.lock:
            lease = self._lease(number)
            if "failover" in body:
                wanted = body["failover"]
                lease.failover = {
                    "enabled": wanted["enabled"],
                    "mode": wanted.get("mode", "all"),
                    "numbers": list(wanted.get("numbers", [])),
                }
            return {"number": number, "failover": copy.deepcopy(lease.failover)}

    def default_sender(self, channel: str) -> str:
        """The number a send without ``from`` goes out from: a leased one that has the channel."""
        capability = "sms" if channel == "text" else channel
        with self._core.lock:
            for e164 in self._leases:
                if capability in self._catalogue[e164]["capabilities"]["channels"]:
                    return e164
            return SANDBOX_NUMBER

    def _record(self, number: str) -> dict[str, Any]:
        try:
            return self._catalogue[number]
        except KeyError:
            raise SandboxError(404, f"No number {number} in the sandbox's catalogue") from None

    def _lease(self, number: str) -> _Lease:
        self._record(number)
        try:
            return self._leases[number]
        except KeyError:
            raise SandboxError(404, f"{number} is not leased by this account") from None

    def _details(self, number: str) -> dict[str, Any]:
        details = copy.deepcopy(self._catalogue[number])
        lease = self._leases.get(number)
        if lease is not None:
            details["status"] = "leased"
            details.update(lease.fields())
        return details
