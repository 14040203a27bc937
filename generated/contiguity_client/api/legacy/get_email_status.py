from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.email_status import EmailStatus
from ...models.legacy_error import LegacyError
from ...types import Response


def _get_kwargs(
    id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/email/status/{id}".format(
            id=quote(str(id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EmailStatus | LegacyError | None:
    if response.status_code == 200:
        response_200 = EmailStatus.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = LegacyError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = LegacyError.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = LegacyError.from_dict(response.json())

        return response_404

    if response.status_code == 500:
        response_500 = LegacyError.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[EmailStatus | LegacyError]:
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
) -> Response[EmailStatus | LegacyError]:
    """Get a tracked email's status (v1 analytics)

     The original SDK's `email_analytics.retrieve(id)`: delivery and read status of a tracked
    HTML email, served by the legacy analytics host. The answer's fields are not published,
    so they are kept as received.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailStatus | LegacyError]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmailStatus | LegacyError | None:
    """Get a tracked email's status (v1 analytics)

     The original SDK's `email_analytics.retrieve(id)`: delivery and read status of a tracked
    HTML email, served by the legacy analytics host. The answer's fields are not published,
    so they are kept as received.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmailStatus | LegacyError
    """

    return sync_detailed(
        id=id,
        client=client,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[EmailStatus | LegacyError]:
    """Get a tracked email's status (v1 analytics)

     The original SDK's `email_analytics.retrieve(id)`: delivery and read status of a tracked
    HTML email, served by the legacy analytics host. The answer's fields are not published,
    so they are kept as received.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EmailStatus | LegacyError]
    """

    kwargs = _get_kwargs(
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient | Client,
) -> EmailStatus | LegacyError | None:
    """Get a tracked email's status (v1 analytics)

     The original SDK's `email_analytics.retrieve(id)`: delivery and read status of a tracked
    HTML email, served by the legacy analytics host. The answer's fields are not published,
    so they are kept as received.

    Args:
        id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EmailStatus | LegacyError
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
        )
    ).parsed
