from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_response import ErrorResponse
from ...models.imessage_history_response import ImessageHistoryResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    tracking: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tracking"] = tracking

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/conversations/history/imessage/{to}/{from_}/{limit}".format(
            to=quote(str(to), safe=""),
            from_=quote(str(from_), safe=""),
            limit=quote(str(limit), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | ImessageHistoryResponse | None:
    if response.status_code == 200:
        response_200 = ImessageHistoryResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | ImessageHistoryResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> Response[ErrorResponse | ImessageHistoryResponse]:
    """iMessage conversation history

     Returns the latest iMessages between one of your iMessage numbers and another party.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        limit (int):  Default: 20.
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImessageHistoryResponse]
    """

    kwargs = _get_kwargs(
        to=to,
        from_=from_,
        limit=limit,
        tracking=tracking,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> ErrorResponse | ImessageHistoryResponse | None:
    """iMessage conversation history

     Returns the latest iMessages between one of your iMessage numbers and another party.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        limit (int):  Default: 20.
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImessageHistoryResponse
    """

    return sync_detailed(
        to=to,
        from_=from_,
        limit=limit,
        client=client,
        tracking=tracking,
    ).parsed


async def asyncio_detailed(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> Response[ErrorResponse | ImessageHistoryResponse]:
    """iMessage conversation history

     Returns the latest iMessages between one of your iMessage numbers and another party.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        limit (int):  Default: 20.
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | ImessageHistoryResponse]
    """

    kwargs = _get_kwargs(
        to=to,
        from_=from_,
        limit=limit,
        tracking=tracking,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    to: str,
    from_: str,
    limit: int = 20,
    *,
    client: AuthenticatedClient | Client,
    tracking: bool | Unset = UNSET,
) -> ErrorResponse | ImessageHistoryResponse | None:
    """iMessage conversation history

     Returns the latest iMessages between one of your iMessage numbers and another party.

    Args:
        to (str): A phone number in E.164 form (`+` followed by country code and number).
        from_ (str): A phone number in E.164 form (`+` followed by country code and number).
        limit (int):  Default: 20.
        tracking (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | ImessageHistoryResponse
    """

    return (
        await asyncio_detailed(
            to=to,
            from_=from_,
            limit=limit,
            client=client,
            tracking=tracking,
        )
    ).parsed
