"""handbook audit: a Caltrans mentee's participation is written into their IDP

002 "Minimum Requirements": "Participation is part of their professional development plan and
included in their IDP". A new eligibility rule, `participation_in_idp`, reads the mentee's
attestation. Stored policies are left as they are: a cohort under way does not gain an entry
gate its approved mentees never answered (its coordinator may add the rule by a policy edit).
The downgrade takes the rule out of stored rule lists, since the previous revision does not
know it and would refuse the whole policy.

Revision ID: handbook0003
Revises: handbook0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0003"
down_revision: str | Sequence[str] | None = "handbook0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_RULE = "participation_in_idp"
_LISTS = ("mentee_rules", "mentor_rules")


def _without_rule(policy: str, rules: str) -> str:
    listed = f"({policy})->'eligibility'->'{rules}'"
    kept = (
        f"(SELECT jsonb_agg(r.rule ORDER BY r.at) FROM jsonb_array_elements({listed}) "
        f"WITH ORDINALITY AS r(rule, at) WHERE r.rule->>'rule' <> '{_RULE}')"
    )
    return f"COALESCE({kept}, '[]'::jsonb)"


def downgraded(policy: str) -> str:
    """The snapshot as the previous revision reads it: both rule lists without the rule."""
    lists = ", ".join(f"'{name}', {_without_rule(policy, name)}" for name in _LISTS)
    return (
        f"jsonb_set({policy}, '{{eligibility}}', "
        f"(({policy})->'eligibility') || jsonb_build_object({lists}))"
    )


def _asks(policy: str) -> str:
    return " OR ".join(
        f"""(({policy})->'eligibility'->'{name}') @> '[{{"rule": "{_RULE}"}}]'::jsonb"""
        for name in _LISTS
    )


def upgrade() -> None:
    """Nothing to rewrite: a stored policy without the rule keeps not asking for it."""


def downgrade() -> None:
    # Row-level security binds the owner too (FORCE); a migration acts for every tenant.
    op.execute("SELECT set_config('app.is_admin', 'on', true)")
    for table in _TABLES:
        op.execute(f"UPDATE {table} SET policy = {downgraded('policy')} WHERE {_asks('policy')}")
