"""The delivery worker's statements: the queue is read across organisations (an
administrative unit of work), always by the organisation-leading keys."""

from __future__ import annotations

import sqlalchemy as sa

from app.adapters.db.sql import compile_statement
from app.domain.webhook_delivery import DeliveryState

# The queue: due deliveries of enabled endpoints, locked so that concurrent workers each
# take different ones (a worker that dies releases its rows with its transaction).
# The states are written as literals (the enum's own values, never input): the queue's
# partial index is `WHERE state = 'pending'`, which a bound parameter would not match.
CLAIM = compile_statement(
    sa.text(
        f"""
SELECT d.organization_id, d.id, d.endpoint_id, e.url, e.secret,
       CASE WHEN e.previous_secret_expires_at > now() THEN e.previous_secret END
         AS previous_secret, o.event_id, o.event_type, o.payload, o.occurred_at,
       d.attempts, d.created_at
  FROM webhook_deliveries d
  JOIN webhook_endpoints e ON e.organization_id = d.organization_id AND e.id = d.endpoint_id
  JOIN outbox_events o ON o.organization_id = d.organization_id AND o.id = d.outbox_id
 WHERE d.state = '{DeliveryState.PENDING}' AND d.next_attempt_at <= now() AND e.enabled
 ORDER BY d.next_attempt_at
 LIMIT :limit
   FOR UPDATE OF d SKIP LOCKED"""  # noqa: S608
    )
)
RECORD = compile_statement(
    sa.text(
        f"""
UPDATE webhook_deliveries d
   SET state = a.state, next_attempt_at = a.next_at, attempts = d.attempts + 1,
       last_status = a.status, last_error = a.error,
       delivered_at = CASE WHEN a.state = '{DeliveryState.DELIVERED}' THEN now() END
  FROM unnest(CAST(:orgs AS uuid[]), CAST(:ids AS bigint[]), CAST(:states AS text[]),
              CAST(:next_ats AS timestamptz[]), CAST(:statuses AS int[]),
              CAST(:errors AS text[])) AS a(org, id, state, next_at, status, error)
 WHERE d.organization_id = a.org AND d.id = a.id"""  # noqa: S608
    )
)
DISABLE = compile_statement(
    sa.text(
        """
UPDATE webhook_endpoints e
   SET enabled = false, disabled_reason = :reason, version = version + 1, updated_at = now()
  FROM unnest(CAST(:orgs AS uuid[]), CAST(:ids AS uuid[])) AS g(org, id)
 WHERE e.organization_id = g.org AND e.id = g.id"""
    )
)
