"""audit records are chained: each stores a keyed hash over its predecessor's

`chain_hash` is HMAC-SHA256, keyed from SECRET_KEY (which the database never sees), of the
previous record's `chain_hash` in the same organisation and this record's content; the
service computes it. A row inserted by anyone without the key (the application role used
directly, an injected statement) cannot carry a hash that verifies, and `mentoring audit
verify` reports it. `audit_chain_head` serialises the writers of one organisation: it takes a
transaction-scoped advisory lock, then reads the newest hash with a fresh snapshot.
Records written before this revision stay unchained (NULL) and are reported as such.

Revision ID: contract0001
Revises: collections0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.adapters.db import rls

revision: str = "contract0001"
down_revision: str | Sequence[str] | None = "collections0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("chain_hash", sa.Text(), nullable=True))
    op.execute(
        """
CREATE FUNCTION audit_chain_head(p_org uuid) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_chain:' || p_org::text, 0));
  RETURN (SELECT chain_hash FROM audit_events WHERE organization_id = p_org
          ORDER BY id DESC LIMIT 1);
END $$"""
    )
    op.execute("REVOKE ALL ON FUNCTION audit_chain_head(uuid) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION audit_chain_head(uuid) TO {rls.APP_ROLE}")


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS audit_chain_head(uuid)")
    op.drop_column("audit_events", "chain_hash")
