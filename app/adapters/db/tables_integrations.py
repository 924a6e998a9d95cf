"""Tables of the integrations area (on the shared metadata): idempotency keys, webhook
endpoints and their deliveries of outbox events."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org
from app.domain.webhook_delivery import DeliveryState

_now = moment_column
_DELIVERY_STATES = ", ".join(f"'{s}'" for s in DeliveryState)


# A POST's response, kept so a retry with the same key gets the same answer. Written in
# the same transaction as the change the POST made.
idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    _org(),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("fingerprint", sa.LargeBinary, nullable=False),  # SHA-256 of method, path, body
    sa.Column("status", sa.Integer, nullable=False),
    sa.Column("headers", pg.JSONB, nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
    _now("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "key"),
)

webhook_endpoints = sa.Table(
    "webhook_endpoints",
    metadata,
    _org(),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("description", sa.Text, nullable=False, server_default=""),
    sa.Column("event_types", pg.ARRAY(sa.Text), nullable=False),
    sa.Column("secret", sa.Text, nullable=False),
    # After a rotation the old secret signs too, until it expires, so receivers can switch.
    sa.Column("previous_secret", sa.Text, nullable=True),
    sa.Column("previous_secret_expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("disabled_reason", sa.Text, nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
    _now("created_at"),
    _now("updated_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
)

# One row per (endpoint, outbox event), made by a trigger on outbox_events in the
# transaction that wrote the event, so no event can be skipped.
webhook_deliveries = sa.Table(
    "webhook_deliveries",
    metadata,
    _org(),
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), nullable=False),
    sa.Column("endpoint_id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("outbox_id", sa.BigInteger, nullable=False),
    sa.Column("state", sa.Text, nullable=False, server_default=DeliveryState.PENDING.value),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    _now("next_attempt_at"),
    sa.Column("last_status", sa.Integer, nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
    _now("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "endpoint_id", "outbox_id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "endpoint_id"],
        ["webhook_endpoints.organization_id", "webhook_endpoints.id"],
        name="fk_webhook_deliveries_endpoint",
        ondelete="CASCADE",
    ),
    sa.ForeignKeyConstraint(
        ["organization_id", "outbox_id"],
        ["outbox_events.organization_id", "outbox_events.id"],
        name="fk_webhook_deliveries_outbox",
    ),
    sa.CheckConstraint(f"state IN ({_DELIVERY_STATES})", name="state"),
    # The worker's queue: due, pending deliveries across organisations.
    sa.Index(
        "ix_webhook_deliveries_due",
        "next_attempt_at",
        postgresql_where=sa.text(f"state = '{DeliveryState.PENDING}'"),
    ),
)

# A running pair that an HR change made impossible, waiting for a coordinator.
mentorship_flags = sa.Table(
    "mentorship_flags",
    metadata,
    _org(),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("mentorship_id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("rules", pg.ARRAY(sa.Text), nullable=False),
    sa.Column("reasons", pg.ARRAY(sa.Text), nullable=False),
    _now("raised_at"),
    sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "mentorship_id"],
        ["mentorships.organization_id", "mentorships.id"],
        name="fk_mentorship_flags_mentorship",
    ),
    # One open flag per pair and set of rules: a second import saying the same adds nothing.
    sa.Index(
        "ix_mentorship_flags_open",
        "organization_id",
        "mentorship_id",
        "rules",
        unique=True,
        postgresql_where=sa.text("resolved_at IS NULL"),
    ),
)

# The identity provider's groups of provisioned people (SCIM `/Groups`): role groups such
# as "Mentoring coordinators" or "Selection committee". Members are employees' ids; a
# deprovisioned employee stays in the array and is left out when the group is read.
scim_groups = sa.Table(
    "scim_groups",
    metadata,
    _org(),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("external_id", sa.Text, nullable=True),
    sa.Column("member_ids", pg.ARRAY(pg.UUID(as_uuid=True)), nullable=False),
    _now("created_at"),
    _now("updated_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "display_name", name="uq_scim_groups_display_name"),
)
