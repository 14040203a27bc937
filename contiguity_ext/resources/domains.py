"""Email sending domains and their DNS verification."""

from __future__ import annotations

from contiguity_client.api import domains
from contiguity_client.models import (
    DomainDeletionResponse,
    DomainDetailsResponse,
    DomainListResponse,
    DomainRegistrationResponse,
)

from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT


class Domains(Resource[TransportT, ModeT]):
    """Email sending domains: ``list``, ``get``, ``register`` (returns DNS records), ``delete``."""

    with_raw_response: Domains[TransportT, Raw]

    list = endpoint(domains.list_domains_arguments, DomainListResponse)
    get = endpoint(domains.get_domain_arguments, DomainDetailsResponse)
    register = endpoint(domains.register_domain_arguments, DomainRegistrationResponse)
    delete = endpoint(domains.delete_domain_arguments, DomainDeletionResponse)
