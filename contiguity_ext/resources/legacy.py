"""Calls of the v1 API kept for users of the original SDK, each on its own legacy host."""

from __future__ import annotations

from contiguity_client.api.legacy import get_email_status, get_quota
from contiguity_client.models import EmailStatus, Quota

from .._endpoint import endpoint
from .._resource import Resource, TransportT


class LegacyEmailAnalytics(Resource[TransportT]):
    """``retrieve(email_id)``: delivery and read state of a tracked email (legacy analytics host)."""

    retrieve = endpoint(get_email_status._get_kwargs, EmailStatus)


class LegacyQuota(Resource[TransportT]):
    """``retrieve()``: the account's plan and quota (legacy v1 host)."""

    retrieve = endpoint(get_quota._get_kwargs, Quota)
