"""integrations webhooks idempotency scim

Revision ID: a4b1c0de0005
Revises: a4b1c0de0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.adapters.db import rls

revision: str = "a4b1c0de0005"
down_revision: str | Sequence[str] | None = "a4b1c0de0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("idempotency_keys", "webhook_endpoints", "webhook_deliveries", "mentorship_flags")

# Fan an event out to the organisation's subscribed endpoints in the transaction that
# wrote it: a delivery exists exactly when the event committed.
FANOUT = """
CREATE OR REPLACE FUNCTION webhook_fanout() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per statement over all the rows it inserted: a bulk import's events cost one join.
  INSERT INTO webhook_deliveries (organization_id, endpoint_id, outbox_id)
  SELECT n.organization_id, e.id, n.id
    FROM new_events n
    JOIN webhook_endpoints e ON e.organization_id = n.organization_id AND e.enabled
   WHERE CASE WHEN n.event_type = 'webhook.ping'  -- a test sent to one endpoint only
              THEN e.id = (n.payload ->> 'endpoint_id')::uuid
              ELSE n.event_type = ANY (e.event_types) OR '*' = ANY (e.event_types) END;
  RETURN NULL;
END $$
"""


def _org() -> sa.Column:
    return sa.Column("organization_id", sa.UUID(), nullable=False)


def _now(name: str) -> sa.Column:
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def _org_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id"],
        ["organizations.id"],
        name=op.f(f"fk_{table}_organization_id_organizations"),
    )


def upgrade() -> None:
    op.create_table(
        "idempotency_keys",
        _org(),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.LargeBinary(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("headers", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        _now("created_at"),
        _org_fk("idempotency_keys"),
        sa.PrimaryKeyConstraint("organization_id", "key", name=op.f("pk_idempotency_keys")),
    )
    op.create_table(
        "webhook_endpoints",
        _org(),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("event_types", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("secret", sa.Text(), nullable=False),
        sa.Column("previous_secret", sa.Text(), nullable=True),
        sa.Column("previous_secret_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("enabled", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        _now("created_at"),
        _now("updated_at"),
        _org_fk("webhook_endpoints"),
        sa.PrimaryKeyConstraint("organization_id", "id", name=op.f("pk_webhook_endpoints")),
    )
    op.create_table(
        "webhook_deliveries",
        _org(),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column("endpoint_id", sa.UUID(), nullable=False),
        sa.Column("outbox_id", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.Text(), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        _now("next_attempt_at"),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        _now("created_at"),
        sa.CheckConstraint(
            "state IN ('pending', 'delivered', 'failed')", name=op.f("ck_webhook_deliveries_state")
        ),
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
        _org_fk("webhook_deliveries"),
        sa.PrimaryKeyConstraint("organization_id", "id", name=op.f("pk_webhook_deliveries")),
        sa.UniqueConstraint(
            "organization_id",
            "endpoint_id",
            "outbox_id",
            name=op.f("uq_webhook_deliveries_organization_id_endpoint_id_outbox_id"),
        ),
    )
    op.create_index(
        "ix_webhook_deliveries_due",
        "webhook_deliveries",
        ["next_attempt_at"],
        postgresql_where=sa.text("state = 'pending'"),
    )
    op.create_table(
        "mentorship_flags",
        _org(),
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("mentorship_id", sa.UUID(), nullable=False),
        sa.Column("rules", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("reasons", postgresql.ARRAY(sa.Text()), nullable=False),
        _now("raised_at"),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id", "mentorship_id"],
            ["mentorships.organization_id", "mentorships.id"],
            name="fk_mentorship_flags_mentorship",
        ),
        _org_fk("mentorship_flags"),
        sa.PrimaryKeyConstraint("organization_id", "id", name=op.f("pk_mentorship_flags")),
    )
    op.create_index(
        "ix_mentorship_flags_open",
        "mentorship_flags",
        ["organization_id", "mentorship_id", "rules"],
        unique=True,
        postgresql_where=sa.text("resolved_at IS NULL"),
    )
    for table in TABLES:
        for statement in rls.tenant_isolation(table):
            op.execute(statement)
    op.execute(FANOUT)
    op.execute(
        "CREATE TRIGGER webhook_fanout AFTER INSERT ON outbox_events "
        "REFERENCING NEW TABLE AS new_events "
        "FOR EACH STATEMENT EXECUTE FUNCTION webhook_fanout()"
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS webhook_fanout ON outbox_events")
    op.execute("DROP FUNCTION IF EXISTS webhook_fanout()")
    op.drop_index("ix_mentorship_flags_open", table_name="mentorship_flags")
    op.drop_index("ix_webhook_deliveries_due", table_name="webhook_deliveries")
    for table in reversed(TABLES):
        op.drop_table(table)
