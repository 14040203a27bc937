"""Contains endpoint functions for accessing the API, and each operation's call signature"""

from collections.abc import Mapping
from typing import Any, cast

import httpx

from ...models.configure_number_request import ConfigureNumberRequest
from ...models.failover_settings import FailoverSettings
from ...models.lease_number_request import LeaseNumberRequest
from ...models.lease_number_request_billing_method import (
    LeaseNumberRequestBillingMethod,
    check_lease_number_request_billing_method,
)
from ...types import UNSET, Unset


def list_available_numbers_arguments(
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """List numbers available to lease

    Returns the numbers this account may lease. No filtering happens on the server.

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
        The keyword arguments of `list_available_numbers._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {}


def list_leased_numbers_arguments(
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """List leased numbers

    Returns the numbers this account leases, with each lease's status and billing.

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
        The keyword arguments of `list_leased_numbers._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {}


def terminate_lease_arguments(
    number: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Terminate a lease

    Ends the lease on `number` immediately.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `terminate_lease._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "number": number,
    }


def lease_number_arguments(
    number: str,
    *,
    billing_method: LeaseNumberRequestBillingMethod | Unset = UNSET,
    body: LeaseNumberRequest | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Lease a number

    Leases an available number, billed monthly unless you hold a service contract.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        billing_method (LeaseNumberRequestBillingMethod | Unset): `service_contract` only if you
            have one. Default: 'monthly'.
        body (LeaseNumberRequest): The whole request body as a model, instead of its fields.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `lease_number._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    if not isinstance(body, Unset) and any(
        not isinstance(field, Unset) for field in (billing_method,)
    ):
        raise TypeError("pass body or its fields, not both")
    if isinstance(body, Unset):
        body = LeaseNumberRequest(
            billing_method=billing_method,
        )
    return {
        "number": number,
        "body": body,
    }


def get_number_arguments(
    number: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Get a number

    Returns any number's details, with its lease fields when you lease it.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `get_number._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    return {
        "number": number,
    }


def configure_number_arguments(
    number: str,
    *,
    failover: FailoverSettings | Unset = UNSET,
    body: ConfigureNumberRequest | Unset = UNSET,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str] | None = None,
    extra_body: Mapping[str, object] | None = None,
) -> dict[str, Any]:
    """Configure a leased number

    Sets a leased number's failover behaviour.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        failover (FailoverSettings | Unset):
        body (ConfigureNumberRequest): The whole request body as a model, instead of its fields.
        timeout (float | httpx.Timeout | None): Seconds (or an httpx.Timeout) for this call instead
            of the client's timeout.
        max_retries (int | None): Retries for this call instead of the client's; a send is never
            repeated once it may have reached the server, whatever this says.
        extra_headers (Mapping[str, str] | None): Headers added to this request (not Authorization).
        extra_query (Mapping[str, str] | None): Query parameters added to this request.
        extra_body (Mapping[str, object] | None): Fields merged into the JSON body before it is
            validated.

    Returns:
        The keyword arguments of `configure_number._get_kwargs`; the per-call
        options are not among them (the client that calls this applies them).
    """
    if not isinstance(body, Unset) and any(
        not isinstance(field, Unset) for field in (failover,)
    ):
        raise TypeError("pass body or its fields, not both")
    if isinstance(body, Unset):
        body = ConfigureNumberRequest(
            failover=failover,
        )
    return {
        "number": number,
        "body": body,
    }
