"""handbook audit: a Charlotte mentee commits to take part in evaluating the experience

000 "Mentee Criteria": "Mentee is willing to participate actively in the evaluation of this
experience through their constructive feedback." A new eligibility rule,
`commits_to_evaluation`, reads the mentee's commitment on the application. Stored policies are
left as they are: a session under way does not gain an entry gate its accepted mentees never
answered (its coordinator may add the rule by a policy edit). The downgrade takes the rule out
of stored rule lists, since the previous revision does not know it and would refuse the whole
policy.

Revision ID: handbook0006
Revises: handbook0005
"""

from collections.abc import Sequence

from alembic import op

revision: str = "handbook0006"
down_revision: str | Sequence[str] | None = "handbook0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("program_policies", "mentorships")
_RULE = "commits_to_evaluation"
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
