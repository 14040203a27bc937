"""Numbers and leases, email domains, entitlements, and resetting the sandbox."""

from __future__ import annotations

import pytest

from contiguity_ext.testing import START, FakeClock
from tests.support.sandbox import SpecClient, encoded

MIAMI = "+13055550142"
PATH = encoded(MIAMI)


# ---- numbers -----------------------------------------------------------------------------


def test_the_catalogue_is_preloaded(api: SpecClient) -> None:
    available = api.data("GET", "/numbers/leases")

    assert available["available"] == len(available["numbers"]) == 5
    assert {n["status"] for n in available["numbers"]} <= {"available", "g-available"}
    assert all(n["id"] == n["number"]["e164"] for n in available["numbers"])


def test_leasing_moves_a_number_to_leased_with_billing(api: SpecClient) -> None:
    lease = api.data("POST", f"/numbers/lease/{PATH}")

    assert lease["lease_id"].startswith("lsd_")
    assert (lease["number"], lease["status"]) == (MIAMI, "active")
    assert lease["billing"] == {
        "method": "monthly",
        "price": {"currency": "USD", "monthly_rate": 5.0, "upfront_fee": 0.0},
        "period": {"start": int(START), "end": None},
    }
    assert MIAMI not in [n["id"] for n in api.data("GET", "/numbers/leases")["numbers"]]
    [leased] = api.data("GET", "/numbers/leased")["numbers"]
    assert (leased["id"], leased["status"], leased["lease_id"], leased["lease_status"]) == (
        MIAMI,
        "leased",
        lease["lease_id"],
        "active",
    )


def test_number_details_carry_lease_fields_only_when_leased(api: SpecClient) -> None:
    before = api.data("GET", f"/numbers/{PATH}")
    api.data("POST", f"/numbers/lease/{PATH}")
    after = api.data("GET", f"/numbers/{PATH}")

    assert "lease_id" not in before
    assert before["status"] == "available"
    assert (after["status"], after["billing"]["method"]) == ("leased", "monthly")


def test_terminating_returns_the_number_to_the_catalogue(api: SpecClient, clock: FakeClock) -> None:
    lease = api.data("POST", f"/numbers/lease/{PATH}")
    clock.advance(3600)

    terminated = api.data("DELETE", f"/numbers/leased/{PATH}")

    assert terminated == {
        "lease_id": lease["lease_id"],
        "number_id": MIAMI,
        "status": "terminated",
        "terminated_at": int(START) + 3600,
    }
    assert api.data("GET", "/numbers/leased") == {"leased": 0, "numbers": []}
    assert api.data("GET", "/numbers/leases")["available"] == 5
    api.error("DELETE", f"/numbers/leased/{PATH}", 404)


def test_failover_can_be_configured_on_a_leased_number(api: SpecClient) -> None:
    api.data("POST", f"/numbers/lease/{PATH}")

    unchanged = api.data("POST", f"/numbers/{PATH}/configure", json={})
    configured = api.data(
        "POST",
        f"/numbers/{PATH}/configure",
        json={"failover": {"enabled": True, "mode": "selective", "numbers": ["+14155550117"]}},
    )

    assert unchanged == {"number": MIAMI, "failover": {"enabled": False, "mode": "all", "numbers": []}}
    assert configured["failover"] == {"enabled": True, "mode": "selective", "numbers": ["+14155550117"]}
    assert api.data("POST", f"/numbers/{PATH}/configure", json={})["failover"] == configured["failover"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("POST", f"/numbers/{PATH}/configure"),
        ("DELETE", f"/numbers/leased/{PATH}"),
        ("GET", "/numbers/%2B19995550100"),
        ("POST", "/numbers/lease/%2B19995550100"),
    ],
)
def test_numbers_not_leased_or_not_in_the_catalogue_are_a_404(
    api: SpecClient, method: str, path: str
) -> None:
    api.error(method, path, 404, json={})


def test_a_number_cannot_be_leased_twice(api: SpecClient) -> None:
    api.data("POST", f"/numbers/lease/{PATH}")

    assert (
        api.error("POST", f"/numbers/lease/{PATH}", 400)["error"]
        == f"{MIAMI} is already leased by this account"
    )


def test_a_service_contract_lease_is_refused(api: SpecClient) -> None:
    api.error("POST", f"/numbers/lease/{PATH}", 403, json={"billing_method": "service_contract"})

    assert api.data("GET", "/numbers/leased")["leased"] == 0


def test_leasing_needs_the_lease_entitlement(api: SpecClient) -> None:
    api.data("DELETE", "/entitlements/lease")

    error = api.error("POST", f"/numbers/lease/{PATH}", 403)

    assert error["agreement_url"] == "https://api.contiguity.com/entitlements/lease"


# ---- domains -----------------------------------------------------------------------------


def test_a_registered_domain_asks_for_dns_records(api: SpecClient) -> None:
    registered = api.data("POST", "/domains/Example.COM", json={"custom_return_path": "bounces"})

    assert registered["domain"] == "example.com"
    assert registered["id"].startswith("dmn_")
    assert (registered["status"], registered["sending_allowed"], registered["region"]) == (
        "pending_verification",
        False,
        "us-east-1",
    )
    assert registered["created_at"] == int(START * 1000)
    kinds = {(r["type"], r["name"]) for r in registered["records"]}
    assert {
        ("MX", "bounces.example.com"),
        ("TXT", "bounces.example.com"),
        ("TXT", "_dmarc.example.com"),
    } <= kinds
    assert (
        sum(
            r["type"] == "CNAME" and r["name"].endswith("._domainkey.example.com")
            for r in registered["records"]
        )
        == 3
    )


def test_domains_can_be_listed_read_and_deleted(api: SpecClient) -> None:
    registered = api.data("POST", "/domains/example.com")

    listed = api.data("GET", "/domains/")["domains"]
    details = api.data("GET", "/domains/example.com")
    deleted = api.data("DELETE", "/domains/example.com")

    assert [d["id"] for d in listed] == [registered["id"]]
    assert details["records"] == registered["records"]
    assert set(details["verifications"].values()) == {"pending_verification"}
    assert deleted["success"] is True
    assert api.data("GET", "/domains/") == {"domains": []}
    api.error("GET", "/domains/example.com", 404)
    api.error("DELETE", "/domains/example.com", 404)


def test_a_domain_is_registered_once(api: SpecClient) -> None:
    api.data("POST", "/domains/example.com")

    api.error("POST", "/domains/example.com", 400)


@pytest.mark.parametrize("name", ["localhost", "not a domain", "-bad-.com", "example.c"])
def test_a_domain_name_must_look_like_one(api: SpecClient, name: str) -> None:
    assert "is not a domain name" in api.error("POST", f"/domains/{name}", 400)["error"]


# ---- entitlements ------------------------------------------------------------------------


def test_entitlements_are_preloaded(api: SpecClient) -> None:
    listed = {e["name"]: e for e in api.data("GET", "/entitlements/")["entitlements"]}

    assert {name: e["status"] for name, e in listed.items()} == {
        "fast_track": "available",
        "lease": "granted",
        "identity": "available",
    }
    assert listed["lease"]["entitlement_id"].startswith("ent_")
    assert "entitlement_id" not in listed["fast_track"]


def test_applying_grants_and_revoking_removes(api: SpecClient, clock: FakeClock) -> None:
    granted = api.data("POST", "/entitlements/identity")
    again = api.data("POST", "/entitlements/identity")
    details = api.data("GET", "/entitlements/identity")

    assert granted["granted"] is True
    assert granted["entitlement_id"].startswith("ent_")
    assert again == granted
    assert (details["status"], details["entitlement_id"]) == ("granted", granted["entitlement_id"])
    assert details["granted_at"] == "2026-09-21T14:13:20.000Z"
    assert api.data("DELETE", "/entitlements/identity") == {"revoked": True}
    assert api.data("DELETE", "/entitlements/identity") == {"revoked": False}
    assert api.data("GET", "/entitlements/identity")["status"] == "available"


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_an_unknown_entitlement_is_a_404(api: SpecClient, method: str) -> None:
    api.error(method, "/entitlements/teleport", 404)


# ---- reset -------------------------------------------------------------------------------


def test_reset_starts_over(api: SpecClient, clock: FakeClock) -> None:
    otp_id = api.data("POST", "/otp/new", json={"to": "+15555550123", "language": "en"})["otp_id"]
    api.data("POST", f"/numbers/lease/{PATH}")
    api.data("POST", "/domains/example.com")
    api.data("POST", "/entitlements/fast_track")
    api.data("POST", "/_sandbox/advance", json={"seconds": 60})

    assert api.data("POST", "/_sandbox/reset") == {"reset": True}

    assert api.data("GET", "/_sandbox/messages") == {"messages": []}
    assert api.data("GET", "/_sandbox/events") == {"events": []}
    assert api.data("GET", "/numbers/leased")["leased"] == 0
    assert api.data("GET", "/domains/") == {"domains": []}
    assert api.data("GET", "/entitlements/fast_track")["status"] == "available"
    api.error("GET", f"/_sandbox/otp/{otp_id}", 404)
    assert api.data("POST", "/_sandbox/advance", json={"seconds": 0})["now"] == clock.now
