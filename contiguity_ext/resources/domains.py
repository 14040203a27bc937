"""Email sending domains and their DNS verification."""

from __future__ import annotations

from contiguity_client.api.domains import delete_domain, get_domain, list_domains, register_domain
from contiguity_client.models import (
    DomainDeletionResponse,
    DomainDetailsResponse,
    DomainListResponse,
    DomainRegistrationResponse,
)

from .._endpoint import endpoint
from .._resource import Resource, TransportT


class Domains(Resource[TransportT]):
    """Email sending domains: ``list``, ``get``, ``register`` (returns DNS records), ``delete``."""

    list = endpoint(list_domains._get_kwargs, DomainListResponse)
    get = endpoint(get_domain._get_kwargs, DomainDetailsResponse)
    register = endpoint(register_domain._get_kwargs, DomainRegistrationResponse)
    delete = endpoint(delete_domain._get_kwargs, DomainDeletionResponse)
