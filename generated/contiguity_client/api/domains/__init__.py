"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.register_domain_request import RegisterDomainRequest
from ...models.register_domain_request_region import (
    RegisterDomainRequestRegion,
    check_register_domain_request_region,
)
from ...types import UNSET, Unset


def list_domains_arguments(
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """List email domains

    Returns every email domain registered on the account.

    Args:
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `list_domains._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {}


def get_domain_arguments(
    domain: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Get an email domain

    Returns a domain with its DNS records and the state of each verification.

    Args:
        domain (str):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_domain._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "domain": domain,
    }


def register_domain_arguments(
    domain: str,
    *,
    region: RegisterDomainRequestRegion | Unset = UNSET,
    custom_return_path: str | Unset = UNSET,
    body: RegisterDomainRequest | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Register an email domain

    Registers a domain for sending and receiving email and returns the DNS records to publish.
    Sending stays disabled until the records verify.

    Args:
        domain (str):
        region (RegisterDomainRequestRegion | Unset):  Default: 'us-east-1'.
        custom_return_path (str | Unset): Subdomain used as the return path. Default:
            'contiguity'.
        body (RegisterDomainRequest): The whole request body as a model, instead of its fields.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `register_domain._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    if not isinstance(body, Unset) and any(
        not isinstance(field, Unset)
        for field in (
            region,
            custom_return_path,
        )
    ):
        raise TypeError("pass body or its fields, not both")
    if isinstance(body, Unset):
        body = RegisterDomainRequest(
            region=region,
            custom_return_path=custom_return_path,
        )
    return {
        "domain": domain,
        "body": body,
    }


def delete_domain_arguments(
    domain: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Delete an email domain

    Removes the domain; sending from it stops at once.

    Args:
        domain (str):
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `delete_domain._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "domain": domain,
    }
