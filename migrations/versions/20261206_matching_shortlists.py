"""matching at scale (issue 26): each mentee's shortlist length, `candidates_per_mentee`,
added to every stored policy

Revision ID: matching0001
Revises: scim0001
"""

import json
from collections.abc import Sequence

from alembic import op

revision: str = "matching0001"
down_revision: str | Sequence[str] | None = "scim0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Programs' policy versions and mentorships' snapshots get the setting at its default: the
# shortlist only bounds the solver's work, every run is still the best over all allowed pairs.
_TABLES = ("program_policies", "mentorships")
_ADDED = (("matching", "candidates_per_mentee", 64),)


def _stored_policies(add: bool) -> None:
    op.execute("SELECT set_config('app.is_admin', 'on', true)")  # every organisation's
    for table in _TABLES:
        for section, setting, value in _ADDED:
            if add:
                op.execute(
                    f"UPDATE {table} SET policy = jsonb_set(policy, '{{{section},{setting}}}', "
                    f"'{json.dumps(value)}'::jsonb) "
                    f"WHERE policy ? '{section}' AND NOT (policy -> '{section}') ? '{setting}'"
                )
            else:
                op.execute(f"UPDATE {table} SET policy = policy #- '{{{section},{setting}}}'")


def upgrade() -> None:
    _stored_policies(add=True)


def downgrade() -> None:
    _stored_policies(add=False)
