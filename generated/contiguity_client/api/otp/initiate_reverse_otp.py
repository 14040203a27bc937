from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.initiate_reverse_otp_request import InitiateReverseOtpRequest
from ...models.reverse_otp_session_response import ReverseOtpSessionResponse
from ...types import Response


def _get_kwargs(
    *,
    body: InitiateReverseOtpRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/otp/reverse/initiate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ReverseOtpSessionResponse | None:
    if response.status_code == 200:
        response_200 = ReverseOtpSessionResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorResponse.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorResponse.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorResponse.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ErrorResponse.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorResponse.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorResponse | ReverseOtpSessionResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InitiateReverseOtpRequest,
) -> Response[ErrorResponse | ReverseOtpSessionResponse]:
    """Start a reverse OTP session

     Opens a session in which the user proves ownership of `number` by texting `factor` to the
    returned `to` number. Completion arrives as the `otp.reverse.verified` webhook, or can be
    polled (no faster than every 20 seconds) with `getReverseOtpStatus`.

    Args:
        body (InitiateReverseOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReverseOtpSessionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: InitiateReverseOtpRequest,
) -> ErrorResponse | ReverseOtpSessionResponse | None:
    """Start a reverse OTP session

     Opens a session in which the user proves ownership of `number` by texting `factor` to the
    returned `to` number. Completion arrives as the `otp.reverse.verified` webhook, or can be
    polled (no faster than every 20 seconds) with `getReverseOtpStatus`.

    Args:
        body (InitiateReverseOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReverseOtpSessionResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: InitiateReverseOtpRequest,
) -> Response[ErrorResponse | ReverseOtpSessionResponse]:
    """Start a reverse OTP session

     Opens a session in which the user proves ownership of `number` by texting `factor` to the
    returned `to` number. Completion arrives as the `otp.reverse.verified` webhook, or can be
    polled (no faster than every 20 seconds) with `getReverseOtpStatus`.

    Args:
        body (InitiateReverseOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ReverseOtpSessionResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: InitiateReverseOtpRequest,
) -> ErrorResponse | ReverseOtpSessionResponse | None:
    """Start a reverse OTP session

     Opens a session in which the user proves ownership of `number` by texting `factor` to the
    returned `to` number. Completion arrives as the `otp.reverse.verified` webhook, or can be
    polled (no faster than every 20 seconds) with `getReverseOtpStatus`.

    Args:
        body (InitiateReverseOtpRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ReverseOtpSessionResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
