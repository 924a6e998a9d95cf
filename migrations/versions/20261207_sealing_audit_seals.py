"""audit records are sealed after their commit, not chained inside it

Until now each audit record carried `chain_hash`, an HMAC over its predecessor's, so every
write first took the organisation's chain head (`audit_chain_head`: an advisory lock held to
COMMIT, WAL flush included) and an organisation's writers queued there.

Now a record is written with `record_mac`, a salted HMAC (keyed from SECRET_KEY, which the
database never holds) of its own content alone, unique in its organisation (a copy of a
genuine record is refused), and its id is queued in `audit_unsealed`,
in the same statement. The background loop's sealer (run as the schema owner) takes the
queue in turns and appends, per organisation, an `audit_seals` row: the ids and MACs of the
records it seals, linked by HMAC to the organisation's previous seal. Forging a record still
takes the key (its MAC fails), and once sealed a record cannot be removed or changed
without breaking a seal. The application role may queue records but not take them from the
queue, and may read seals but never write them.

Records chained before this revision keep their `chain_hash` and still verify as a chain;
`audit_chain_head` stays for processes of the previous release during a rolling upgrade, and
now skips sealed records, so what those processes chain still verifies.

Revision ID: sealing0001
Revises: runjobs0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db import rls

revision: str = "sealing0001"
down_revision: str | Sequence[str] | None = "runjobs0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _chain_head(chained_only: bool) -> str:
    """The previous release's chain head; during a rolling upgrade its processes must link
    to the last chained record, not to a sealed one (no `chain_hash`) written meanwhile."""
    only = " AND chain_hash IS NOT NULL" if chained_only else ""
    return f"""
CREATE OR REPLACE FUNCTION audit_chain_head(p_org uuid) RETURNS text LANGUAGE plpgsql VOLATILE
AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_chain:' || p_org::text, 0));
  RETURN (SELECT chain_hash FROM audit_events WHERE organization_id = p_org{only}
          ORDER BY id DESC LIMIT 1);
END $$"""


def upgrade() -> None:
    op.execute(_chain_head(chained_only=True))
    op.add_column("audit_events", sa.Column("record_mac", sa.Text(), nullable=True))
    # Each MAC is salted: a second row with one is a copy of a record, not a record.
    op.create_unique_constraint(
        op.f("uq_audit_events_organization_id_record_mac"),
        "audit_events",
        ["organization_id", "record_mac"],
    )
    op.create_table(
        "audit_unsealed",
        sa.Column(
            "organization_id",
            pg.UUID(as_uuid=True),
            sa.ForeignKey(
                "organizations.id", name=op.f("fk_audit_unsealed_organization_id_organizations")
            ),
            nullable=False,
        ),
        sa.Column("event_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "event_id", name=op.f("pk_audit_unsealed")),
    )
    op.create_table(
        "audit_seals",
        sa.Column(
            "organization_id",
            pg.UUID(as_uuid=True),
            sa.ForeignKey(
                "organizations.id", name=op.f("fk_audit_seals_organization_id_organizations")
            ),
            nullable=False,
        ),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), nullable=False),
        sa.Column(
            "sealed_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
        ),
        sa.Column("event_ids", pg.ARRAY(sa.BigInteger()), nullable=False),
        sa.Column("record_macs", pg.ARRAY(sa.Text()), nullable=False),
        sa.Column("chain_hash", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("organization_id", "id", name=op.f("pk_audit_seals")),
    )
    for table in ("audit_unsealed", "audit_seals"):
        for statement in rls.tenant_isolation(table):
            op.execute(statement)
    # The application queues records; only the sealer (the schema owner) takes them off.
    op.execute(f"REVOKE SELECT, UPDATE, DELETE, TRUNCATE ON audit_unsealed FROM {rls.APP_ROLE}")
    op.execute(f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_seals FROM {rls.APP_ROLE}")
    op.execute(
        """
CREATE FUNCTION audit_seals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_seals is append-only'; END $$"""
    )
    op.execute(
        """
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
FOR EACH ROW EXECUTE FUNCTION audit_seals_append_only()"""
    )


def downgrade() -> None:
    op.execute(_chain_head(chained_only=False))
    op.drop_table("audit_seals")
    op.execute("DROP FUNCTION IF EXISTS audit_seals_append_only()")
    op.drop_table("audit_unsealed")
    op.drop_constraint(
        op.f("uq_audit_events_organization_id_record_mac"), "audit_events", type_="unique"
    )
    op.drop_column("audit_events", "record_mac")
