"""one load cap across programs: the organisation's setting, not each program's policy

Issue 22 item 5: capacity is per mentor per program, plus an optional organisation-wide cap.
The cap was a program policy field (`matching.max_open_pairs_across_programs`); it becomes
`organizations.max_open_pairs_per_mentor`. Where programs had set one, the organisation
keeps the strictest (the least of its programs' current values), and every stored policy
(programs' versions and mentorships' snapshots) drops the field. `version` counts the
organisation's settings' edits, for `If-Match`.

Revision ID: orgcap0001
Revises: rlsadmin0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "orgcap0001"
down_revision: str | Sequence[str] | None = "rlsadmin0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SNAPSHOTS = ("program_policies", "mentorships")
_FIELD = "max_open_pairs_across_programs"
_CHECK = "ck_organizations_max_open_pairs_per_mentor_at_least_one"

# The least cap any program's current policy sets, per organisation.
_COPY_UP = f"""
UPDATE organizations o SET max_open_pairs_per_mentor = c.cap
FROM (
    SELECT p.organization_id, min((pp.policy -> 'matching' ->> '{_FIELD}')::int) AS cap
    FROM programs p JOIN program_policies pp ON pp.organization_id = p.organization_id
        AND pp.program_id = p.id AND pp.version = p.policy_version
    WHERE jsonb_typeof(pp.policy -> 'matching' -> '{_FIELD}') = 'number'
    GROUP BY p.organization_id
) c
WHERE o.id = c.organization_id
"""


def _as_admin() -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")


def upgrade() -> None:
    op.add_column("organizations", sa.Column("max_open_pairs_per_mentor", sa.Integer()))
    op.add_column(
        "organizations",
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
    )
    op.create_check_constraint(
        _CHECK, "organizations", "max_open_pairs_per_mentor IS NULL OR max_open_pairs_per_mentor >= 1"
    )
    _as_admin()
    op.execute(_COPY_UP)
    for table in _SNAPSHOTS:
        op.execute(
            f"UPDATE {table} SET policy = policy #- '{{matching,{_FIELD}}}' "
            f"WHERE (policy -> 'matching') ? '{_FIELD}'"
        )


def downgrade() -> None:
    # Every stored policy carries the organisation's cap again (null where it has none).
    _as_admin()
    for table in _SNAPSHOTS:
        op.execute(
            f"UPDATE {table} t SET policy = jsonb_set(t.policy, '{{matching,{_FIELD}}}', "
            "COALESCE(to_jsonb(o.max_open_pairs_per_mentor), 'null'::jsonb)) "
            "FROM organizations o WHERE o.id = t.organization_id AND t.policy ? 'matching'"
        )
    op.drop_constraint(_CHECK, "organizations", type_="check")
    op.drop_column("organizations", "version")
    op.drop_column("organizations", "max_open_pairs_per_mentor")
