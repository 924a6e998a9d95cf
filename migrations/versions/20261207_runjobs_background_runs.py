"""matching runs computed in the background: queued, computing, computed, failed, published

A run started with `Prefer: respond-async` (or for a cohort above the threshold) is stored
`queued` and answered 202; a background loop claims it (`FOR UPDATE SKIP LOCKED` on the
partial index of pending runs), computes it and stores `computed` or `failed` with a
problem document. `attempts` counts claims, so a run whose computer died is retried a few
times, then failed, never retried for ever.

Revision ID: runjobs0001
Revises: orgcap0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "runjobs0001"
down_revision: str | Sequence[str] | None = "orgcap0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLE = "matching_runs"
_CHECK = "ck_matching_runs_state"  # named in full: op.f() keeps it from the convention


def upgrade() -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    op.add_column(_TABLE, sa.Column("started_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(_TABLE, sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(_TABLE, sa.Column("failure", pg.JSONB, nullable=True))
    op.add_column(
        _TABLE, sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0"))
    )
    # Runs computed before this revision were computed in the request that made them.
    op.execute(
        "UPDATE matching_runs SET started_at = created_at, finished_at = created_at, attempts = 1"
    )
    op.drop_constraint(op.f(_CHECK), _TABLE, type_="check")
    op.create_check_constraint(
        op.f(_CHECK), _TABLE, "state IN ('queued', 'computing', 'computed', 'failed', 'published')"
    )
    op.create_index(
        "ix_matching_runs_pending",
        _TABLE,
        ["created_at"],
        postgresql_where=sa.text("state IN ('queued', 'computing')"),
    )


def downgrade() -> None:
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    op.drop_index("ix_matching_runs_pending", table_name=_TABLE)
    # A run that never computed has no proposals to keep under the old states (and no
    # mentorship refers to it: only a computed run is published).
    op.execute("DELETE FROM matching_runs WHERE state IN ('queued', 'computing', 'failed')")
    op.drop_constraint(op.f(_CHECK), _TABLE, type_="check")
    op.create_check_constraint(op.f(_CHECK), _TABLE, "state IN ('computed', 'published')")
    for column in ("attempts", "failure", "finished_at", "started_at"):
        op.drop_column(_TABLE, column)
