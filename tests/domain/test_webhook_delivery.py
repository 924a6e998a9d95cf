"""A delivery's state after each try: accepted, given up, or due again within three days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from app.domain.webhook_delivery import GONE, RETRY_FOR, DeliveryState, after_try

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
statuses = st.one_of(st.none(), st.integers(100, 599))


@given(
    statuses, st.booleans(), st.integers(0, 60), st.integers(0, 5 * 24 * 3600), st.floats(0, 0.999)
)
def test_a_pending_delivery_is_always_due_again_within_three_days_of_its_event(
    status, retry, attempts, age, jitter
):
    created = NOW - timedelta(seconds=age)
    state, next_at = after_try(
        status, retry, attempts=attempts, created_at=created, now=NOW, jitter=jitter
    )
    if state is DeliveryState.PENDING:
        assert NOW < next_at <= created + RETRY_FOR
    else:
        assert next_at >= NOW


@given(st.integers(200, 299), st.booleans())
def test_any_2xx_answer_delivers_even_when_a_retry_would_not_help(status, retry):
    state, _ = after_try(status, retry, attempts=3, created_at=NOW, now=NOW, jitter=0.5)
    assert state is DeliveryState.DELIVERED


def test_410_gone_fails_at_once_however_young_the_delivery():
    state, when = after_try(GONE, True, attempts=0, created_at=NOW, now=NOW, jitter=0.5)
    assert (state, when) == (DeliveryState.FAILED, NOW)
