"""the program year: new policy settings in every stored policy

Settings added to the policy (a rematch continuing the session, the checkpoint's closing
date and late answers, the cadence measured over the term, Maine's meetings from the
proposal and term ending at the cohort's formal end) are written into every stored policy
(programs' versions and mentorships' snapshots) with the value that keeps today's behaviour,
since a stored policy must hold every setting to be read.

Revision ID: year0001
Revises: ops0001
"""

import json
from collections.abc import Sequence

from alembic import op

revision: str = "year0001"
down_revision: str | Sequence[str] | None = "ops0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
# (section, setting, the value that keeps a stored policy behaving as before)
_ADDED: tuple[tuple[str, str, object], ...] = (
    ("term", "ends_at_cohort_end", False),
    ("checkpoint", "closes_days_after_due", None),
    ("checkpoint", "late_answers", "refused"),
    ("cadence", "measured", "each_month"),
    ("onboarding", "meetings_from_proposal", False),
    ("onboarding", "information_session_valid_months", 0),
)
# Settings removed: (section, setting, the value a downgrade writes back). Networking events
# are entries of the calendar now, which a setting counting them would only contradict.
# A reason at the checkpoint was never asked: every seed lets either side ask "without being
# required to give a reason" (000), so the setting could only contradict them.
_REMOVED: tuple[tuple[str, str, object], ...] = (
    ("group_activities", "networking_events", 0),
    ("checkpoint", "reason_required", False),
)


def _as_admin() -> None:
    # Stored policies of every organisation: the schema owner acts across tenants.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")


def _add(table: str, section: str, setting: str, value: object) -> None:
    op.execute(
        f"UPDATE {table} SET policy = jsonb_set(policy, '{{{section},{setting}}}', "
        f"'{json.dumps(value)}'::jsonb) "
        f"WHERE policy ? '{section}' AND NOT (policy -> '{section}') ? '{setting}'"
    )


def _drop(table: str, section: str, setting: str) -> None:
    op.execute(f"UPDATE {table} SET policy = policy #- '{{{section},{setting}}}'")


def upgrade() -> None:
    _as_admin()
    for table in _TABLES:
        for section, setting, value in _ADDED:
            _add(table, section, setting, value)
        for section, setting, _ in _REMOVED:
            _drop(table, section, setting)
        op.execute(
            f"UPDATE {table} SET policy = jsonb_set(policy, '{{calendar}}', '[]'::jsonb) "
            "WHERE NOT policy ? 'calendar'"
        )


def downgrade() -> None:
    _as_admin()
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = policy - 'calendar'")
        for section, setting, value in _REMOVED:
            _add(table, section, setting, value)
        for section, setting, _ in _ADDED:
            _drop(table, section, setting)
