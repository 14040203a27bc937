from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.configure_number_request import ConfigureNumberRequest
from ...models.error_response import ErrorResponse
from ...models.number_configuration_response import NumberConfigurationResponse
from ...types import Response


def _get_kwargs(
    number: str,
    *,
    body: ConfigureNumberRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/numbers/{number}/configure".format(
            number=quote(str(number), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorResponse | NumberConfigurationResponse | None:
    if response.status_code == 200:
        response_200 = NumberConfigurationResponse.from_dict(response.json())

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
) -> Response[ErrorResponse | NumberConfigurationResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConfigureNumberRequest,
) -> Response[ErrorResponse | NumberConfigurationResponse]:
    """Configure a leased number

     Sets a leased number's failover behaviour.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        body (ConfigureNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NumberConfigurationResponse]
    """

    kwargs = _get_kwargs(
        number=number,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConfigureNumberRequest,
) -> ErrorResponse | NumberConfigurationResponse | None:
    """Configure a leased number

     Sets a leased number's failover behaviour.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        body (ConfigureNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NumberConfigurationResponse
    """

    return sync_detailed(
        number=number,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConfigureNumberRequest,
) -> Response[ErrorResponse | NumberConfigurationResponse]:
    """Configure a leased number

     Sets a leased number's failover behaviour.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        body (ConfigureNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorResponse | NumberConfigurationResponse]
    """

    kwargs = _get_kwargs(
        number=number,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    number: str,
    *,
    client: AuthenticatedClient | Client,
    body: ConfigureNumberRequest,
) -> ErrorResponse | NumberConfigurationResponse | None:
    """Configure a leased number

     Sets a leased number's failover behaviour.

    Args:
        number (str): A phone number in E.164 form (`+` followed by country code and number).
        body (ConfigureNumberRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorResponse | NumberConfigurationResponse
    """

    return (
        await asyncio_detailed(
            number=number,
            client=client,
            body=body,
        )
    ).parsed
