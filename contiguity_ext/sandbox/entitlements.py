"""Entitlements: features an account applies for, some of which other calls require."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .core import Core, SandboxError, iso_time, new_id
from .fixtures import ENTITLEMENTS

__all__ = ["AGREEMENT_URL", "Entitlements"]

AGREEMENT_URL = "https://api.contiguity.com/entitlements/{name}"
"""Where a 403 for a missing entitlement points; applying for the entitlement accepts it."""


@dataclass
class _Entitlement:
    name: str
    description: str
    status: str
    entitlement_id: str | None = None
    granted_at: float | None = None

    def summary(self) -> dict[str, Any]:
        found: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "status": self.status,
        }
        if self.entitlement_id is not None:
            found["entitlement_id"] = self.entitlement_id
        return found


class Entitlements:
    def __init__(self, core: Core) -> None:
        self._core = core
        self._entitlements = {
            name: _Entitlement(name, description, status) for name, description, status in ENTITLEMENTS
        }
        for entitlement in self._entitlements.values():
            if entitlement.status == "granted":
                entitlement.entitlement_id = new_id("ent_")
                entitlement.granted_at = core.now()

    def listing(self) -> dict[str, Any]:
        with self._core.lock:
            return {"entitlements": [e.summary() for e in self._entitlements.values()]}

    def get(self, name: str) -> dict[str, Any]:
        with self._core.lock:
            entitlement = self._find(name)
            found = entitlement.summary()
            if entitlement.granted_at is not None:
                found["granted_at"] = iso_time(entitlement.granted_at)
            return found

    def apply(self, name: str) -> dict[str, Any]:
        with self._core.lock:
            entitlement = self._find(name)
            if entitlement.status != "granted":
                entitlement.status = "granted"
                entitlement.entitlement_id = new_id("ent_")
                entitlement.granted_at = self._core.now()
            return {"granted": True, "entitlement_id": entitlement.entitlement_id}

    def revoke(self, name: str) -> dict[str, Any]:
        with self._core.lock:
            entitlement = self._find(name)
            if entitlement.status != "granted":
                return {"revoked": False}
            entitlement.status = "available"
            entitlement.entitlement_id = None
            entitlement.granted_at = None
            return {"revoked": True}

    def require(self, name: str, action: str) -> None:
        """Refuse ``action`` with a 403 naming the agreement unless ``name`` is granted."""
        with self._core.lock:
            if self._find(name).status != "granted":
                raise SandboxError(
                    403,
                    f"{action} needs the {name} entitlement; accept its agreement to apply for it",
                    agreement_url=AGREEMENT_URL.format(name=name),
                )

    def _find(self, name: str) -> _Entitlement:
        try:
            return self._entitlements[name]
        except KeyError:
            raise SandboxError(404, f"No entitlement named {name!r}") from None
