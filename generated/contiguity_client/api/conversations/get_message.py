from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.stored_message_response import StoredMessageResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    tracking: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tracking"] = tracking

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/history/message/{id}".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | StoredMessageResponse | None:
    if response.status_code == 200:
        response_200 = StoredMessageResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | StoredMessageResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> Response[ErrorResponse | StoredMessageResponse]:
    """Fetch one message

     Returns one stored message of any channel: an outgoing one by the id its send returned,
    or an incoming one by its webhook event id.

    Args:
        id (str):
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StoredMessageResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        tracking=tracking,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> ErrorResponse | StoredMessageResponse | None:
    """Fetch one message

     Returns one stored message of any channel: an outgoing one by the id its send returned,
    or an incoming one by its webhook event id.

    Args:
        id (str):
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StoredMessageResponse
    """

    return sync_detailed(
        id=id,
        client=client,
        tracking=tracking,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> Response[ErrorResponse | StoredMessageResponse]:
    """Fetch one message

     Returns one stored message of any channel: an outgoing one by the id its send returned,
    or an incoming one by its webhook event id.

    Args:
        id (str):
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | StoredMessageResponse]
    """

    kwargs = _get_kwargs(
        id=id,
        tracking=tracking,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> ErrorResponse | StoredMessageResponse | None:
    """Fetch one message

     Returns one stored message of any channel: an outgoing one by the id its send returned,
    or an incoming one by its webhook event id.

    Args:
        id (str):
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | StoredMessageResponse
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            tracking=tracking,
        )
    ).parsed
