"""handbook: no inert settings; the plan's form names what a plan holds

Two settings said again what other settings already decide, and were read by no rule:
`onboarding.information_session_required` (the eligibility rule `attended_information_session`
in a role's rule list is what requires the session, 003) and `supervisor_role` (the
supervisor's approval is the `supervisor_approved` rule, 002; speaking with the supervisor is
a disclosure exception, 004). Stored snapshots drop them. `goals.plan` is now one of the
handbooks' forms: a value that names none reads as the plain goals form.

Revision ID: handbook0001
Revises: records0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0001"
down_revision: str | Sequence[str] | None = "records0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SNAPSHOTS = ("program_policies", "mentorships")
_FORMS = "('goals', 'goals_and_swot', 'idp', 'action_plan_or_idp', 'competencies')"
_OLD_GOAL_KINDS = "('goal', 'objective', 'developmental_need', 'action_step')"


def upgraded(policy: str) -> str:
    """The SQL expression of a stored snapshot `policy` as this revision reads it."""
    plan = f"({policy})->'goals'->>'plan'"
    return (
        f"(({policy}) - 'supervisor_role') || jsonb_build_object("
        f"'onboarding', (({policy})->'onboarding') - 'information_session_required', "
        f"'goals', (({policy})->'goals') || jsonb_build_object('plan', "
        f"CASE WHEN {plan} IN {_FORMS} THEN {plan} ELSE 'goals' END))"
    )


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it: the session is required where a rule
    asks for it, and the supervisor's part is unnamed."""
    asks = (
        f"COALESCE((({policy})->'eligibility'->'mentee_rules') || "
        f"(({policy})->'eligibility'->'mentor_rules') @> "
        """'[{"rule": "attended_information_session"}]'::jsonb, false)"""
    )
    return (
        f"({policy}) || jsonb_build_object('supervisor_role', 'none', "
        f"'onboarding', (({policy})->'onboarding') || "
        f"jsonb_build_object('information_session_required', {asks}))"
    )


def _rewrite_snapshots(expression: str, still_old: str) -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _SNAPSHOTS:
        op.execute(f"UPDATE {table} SET policy = {expression} WHERE {still_old}")


def upgrade() -> None:
    _rewrite_snapshots(upgraded("policy"), "policy ? 'supervisor_role'")


def downgrade() -> None:
    _rewrite_snapshots(downgraded("policy"), "NOT policy ? 'supervisor_role'")
    # The previous revision's plan knows four kinds of entry: a SWOT or competency entry
    # stays, as a goal.
    op.execute(f"UPDATE goals SET kind = 'goal' WHERE kind NOT IN {_OLD_GOAL_KINDS}")
