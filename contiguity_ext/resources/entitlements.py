"""Entitlements (account features) and the agreements that gate some of them."""

from __future__ import annotations

import httpx
from contiguity_client.api import entitlements
from contiguity_client.models import (
    EntitlementGrantResponse,
    EntitlementListResponse,
    EntitlementResponse,
    EntitlementRevocationResponse,
)
from typing_extensions import Unpack

from .._checks import check_path_segment
from .._endpoint import DEFAULT_BASE_URL, endpoint
from .._quote import quote
from .._resource import ModeT, Raw, Resource, TransportT
from .._transport import AsyncTransport, SyncTransport
from ..errors import ValidationError
from ..types import RequestOptions


class Entitlements(Resource[TransportT, ModeT]):
    """Account features: ``list``, ``get``, ``apply``, ``revoke``."""

    with_raw_response: Entitlements[TransportT, Raw]

    list = endpoint(entitlements.list_entitlements_arguments, EntitlementListResponse)
    get = endpoint(entitlements.get_entitlement_arguments, EntitlementResponse)
    apply = endpoint(entitlements.apply_entitlement_arguments, EntitlementGrantResponse)
    revoke = endpoint(entitlements.revoke_entitlement_arguments, EntitlementRevocationResponse)


def _entitlement_of(agreement_url: object, base_url: str | None) -> str:
    """The entitlement an ``APIError.agreement_url`` names.

    The URL must be ``<API>/entitlements/<name>``, where ``<API>`` is the client's ``base_url``
    or the public API (which names itself in agreement URLs even when reached through a proxy
    or the sandbox). Only the name is used: the request goes to the client's own host anyway.
    A query or fragment is ignored; credentials, other hosts and other paths are refused.
    """
    field = "agreement_url"
    if not isinstance(agreement_url, str):
        raise ValidationError(f"must be a str, not {type(agreement_url).__name__}", field=field)
    try:
        url = httpx.URL(agreement_url.strip())
    except httpx.InvalidURL as error:
        raise ValidationError(str(error), field=field) from None
    name: str | None = None
    for api in (base_url or DEFAULT_BASE_URL, DEFAULT_BASE_URL):
        own = httpx.URL(api)
        prefix = own.path.rstrip("/") + "/entitlements/"
        if (url.scheme, url.host, url.port) == (own.scheme, own.host, own.port) and url.path.startswith(
            prefix
        ):
            name = url.path.removeprefix(prefix)
            break
    if name is None:
        raise ValidationError(
            f"{quote(agreement_url)} is not an agreement URL of this API (<API>/entitlements/<name>)",
            field=field,
        )
    if url.userinfo or not name or "/" in name:
        raise ValidationError(f"{quote(agreement_url)} names no single entitlement", field=field)
    check_path_segment(name, field=field)
    return name


class _AgreementEndpoints(Resource[TransportT]):
    _accept = endpoint(entitlements.apply_entitlement_arguments, EntitlementGrantResponse)


class Agreements(_AgreementEndpoints[SyncTransport]):
    """``accept(error.agreement_url)`` applies for the entitlement the agreement gates."""

    def accept(self, agreement_url: str, **options: Unpack[RequestOptions]) -> EntitlementGrantResponse:
        """Apply for the entitlement ``agreement_url`` (from a 403's ``agreement_url``) names.

        Takes the per-call options of every operation (``timeout``, ``max_retries``, ...).
        """
        return self._accept(_entitlement_of(agreement_url, self._context.base_url), **options)


class AsyncAgreements(_AgreementEndpoints[AsyncTransport]):
    """``await accept(error.agreement_url)`` applies for the entitlement the agreement gates."""

    async def accept(self, agreement_url: str, **options: Unpack[RequestOptions]) -> EntitlementGrantResponse:
        """Apply for the entitlement ``agreement_url`` (from a 403's ``agreement_url``) names.

        Takes the per-call options of every operation (``timeout``, ``max_retries``, ...).
        """
        return await self._accept(_entitlement_of(agreement_url, self._context.base_url), **options)
