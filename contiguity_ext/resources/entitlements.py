"""Entitlements (account features) and the agreements that gate some of them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contiguity_client.api.entitlements import (
    apply_entitlement,
    get_entitlement,
    list_entitlements,
    revoke_entitlement,
)
from contiguity_client.models import (
    EntitlementGrantResponse,
    EntitlementListResponse,
    EntitlementResponse,
    EntitlementRevocationResponse,
)

from .._endpoint import endpoint
from .._resource import Resource, TransportT
from ..errors import ValidationError

AGREEMENT_URL_PREFIX = "https://api.contiguity.com/entitlements/"


class Entitlements(Resource[TransportT]):
    """Account features: ``list``, ``get``, ``apply``, ``revoke``."""

    list = endpoint(list_entitlements._get_kwargs, EntitlementListResponse)
    get = endpoint(get_entitlement._get_kwargs, EntitlementResponse)
    apply = endpoint(apply_entitlement._get_kwargs, EntitlementGrantResponse)
    revoke = endpoint(revoke_entitlement._get_kwargs, EntitlementRevocationResponse)


def _entitlement_of(agreement_url: str) -> Mapping[str, Any]:
    """The entitlement an ``APIError.agreement_url`` points at."""
    if not isinstance(agreement_url, str) or not agreement_url.startswith(AGREEMENT_URL_PREFIX):
        raise ValidationError(
            f"not an agreement URL (expected {AGREEMENT_URL_PREFIX}<name>)", field="agreement_url"
        )
    name = agreement_url.removeprefix(AGREEMENT_URL_PREFIX).strip("/").split("?")[0]
    if not name or "/" in name:
        raise ValidationError("agreement URL names no entitlement", field="agreement_url")
    return {"name": name}


class Agreements(Resource[TransportT]):
    """``accept(error.agreement_url)`` applies for the entitlement the agreement gates."""

    accept = endpoint(apply_entitlement._get_kwargs, EntitlementGrantResponse, arguments=_entitlement_of)
