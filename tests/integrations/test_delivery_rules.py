"""Retries, 410, the address guard and signatures, one rule at a time."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from standardwebhooks.webhooks import Webhook

from app.adapters.clock import SystemClock
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.webhooks.sender import HttpWebhookSender, body_of, sign
from app.domain.access import Principal, Role
from app.domain.outbound_urls import is_public
from app.domain.webhook_delivery import LONGEST_WAIT, RETRY_FOR, backoff
from app.services.integrations import webhooks
from app.services.integrations.ports import DueDelivery, SendResult
from app.services.integrations.webhook_delivery import deliver_due, next_step

NOW = datetime(2026, 11, 22, 12, tzinfo=UTC)


def _due(**fields) -> DueDelivery:
    values = dict(
        organization_id=uuid.uuid4(),
        id=1,
        endpoint_id=uuid.uuid4(),
        url="https://hr.example.org/hooks",
        secrets=(webhooks.new_secret(),),
        event_id=uuid.uuid4(),
        event_type="employee.updated",
        payload={"employee_id": "x"},
        occurred_at=NOW,
        attempts=0,
        created_at=NOW,
    )
    return DueDelivery(**{**values, **fields})


@given(st.integers(0, 200), st.floats(0, 0.999))
def test_backoff_grows_but_never_waits_more_than_the_longest_wait_and_a_half(attempts, jitter):
    wait = backoff(attempts, jitter)
    assert timedelta(seconds=15) <= wait <= LONGEST_WAIT * 1.5
    assert backoff(attempts + 1, jitter) >= wait


def test_a_failed_try_is_retried_later_and_given_up_after_days():
    soon = next_step(_due(), SendResult(503), NOW, 0.5)
    assert soon.state == "pending"
    assert soon.next_attempt_at > NOW
    late = next_step(_due(created_at=NOW - RETRY_FOR, attempts=30), SendResult(503), NOW, 0.5)
    assert late.state == "failed"


def test_gone_and_refused_addresses_are_not_retried():
    assert next_step(_due(), SendResult(410), NOW, 0.5).state == "failed"
    assert next_step(_due(), SendResult(None, "refused", retry=False), NOW, 0.5).state == "failed"
    assert next_step(_due(), SendResult(None, "timeout"), NOW, 0.5).state == "pending"


@pytest.mark.parametrize(
    "address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "::ffff:10.0.0.1"]
)
def test_private_and_loopback_addresses_are_not_public(address):
    assert not is_public(address)


async def test_the_sender_refuses_loopback_unless_told_it_is_a_test():
    sender = HttpWebhookSender()
    try:
        result = await sender.send(_due(url="http://localhost:9/x"), NOW)
    finally:
        await sender.close()
    assert result.status is None
    assert not result.retry
    assert "refused" in (result.error or "")


def test_after_rotation_either_secret_verifies_the_signature():
    old, new = webhooks.new_secret(), webhooks.new_secret()
    delivery = _due(secrets=(new, old))
    now = datetime.now(UTC)
    body = body_of(delivery)
    headers = sign(delivery, body, now)
    for secret in (old, new):
        assert Webhook(secret).verify(body, headers)["data"] == {"employee_id": "x"}


class _Answering:
    def __init__(self, status: int) -> None:
        self.status, self.sent = status, []

    async def send(self, delivery, now):
        self.sent.append(delivery.event_id)
        return SendResult(self.status)


async def _pinged_endpoint(database, org):
    admin = Principal(org.id, Role.ORG_ADMIN, "setup")
    issued = await webhooks.create_webhook_endpoint(
        uow=SqlUnitOfWork(database, org.id),
        principal=admin,
        clock=SystemClock(),
        url="https://hr.example.org/hooks",
        event_types=["*"],
    )
    await webhooks.ping_webhook_endpoint(
        uow=SqlUnitOfWork(database, org.id), principal=admin, endpoint_id=issued.endpoint.id
    )
    return admin, issued.endpoint.id


async def test_a_receiver_answering_410_disables_its_endpoint(database, org):
    admin, endpoint_id = await _pinged_endpoint(database, org)
    sent = await deliver_due(
        uow=SqlUnitOfWork(database, org.id), sender=_Answering(410), clock=SystemClock()
    )
    endpoint = await webhooks.get_webhook_endpoint(
        uow=SqlUnitOfWork(database, org.id), principal=admin, endpoint_id=endpoint_id
    )
    assert sent == 1
    assert not endpoint.enabled
    assert "410" in (endpoint.disabled_reason or "")


async def test_a_failing_receiver_is_tried_again_later_not_at_once(database, org):
    admin, endpoint_id = await _pinged_endpoint(database, org)
    sender = _Answering(500)
    for _ in range(3):
        await deliver_due(uow=SqlUnitOfWork(database, org.id), sender=sender, clock=SystemClock())
    page = await webhooks.list_webhook_deliveries(
        uow=SqlUnitOfWork(database, org.id), principal=admin, endpoint_id=endpoint_id
    )
    [delivery] = page.items
    assert len(sender.sent) == 1
    assert (delivery.state, delivery.attempts, delivery.last_status) == ("pending", 1, 500)
    assert delivery.next_attempt_at > datetime.now(UTC)
