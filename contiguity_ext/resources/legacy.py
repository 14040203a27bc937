"""Calls of the v1 API kept for users of the original SDK, each on its own legacy host."""

from __future__ import annotations

from contiguity_client.api import legacy
from contiguity_client.models import EmailStatus, Quota

from .._endpoint import endpoint
from .._resource import ModeT, Raw, Resource, TransportT


class LegacyEmailAnalytics(Resource[TransportT, ModeT]):
    """``retrieve(email_id)``: delivery and read state of a tracked email (legacy analytics host)."""

    with_raw_response: LegacyEmailAnalytics[TransportT, Raw]

    retrieve = endpoint(legacy.get_email_status_arguments, EmailStatus)


class LegacyQuota(Resource[TransportT, ModeT]):
    """``retrieve()``: the account's plan and quota (legacy v1 host)."""

    with_raw_response: LegacyQuota[TransportT, Raw]

    retrieve = endpoint(legacy.get_quota_arguments, Quota)
