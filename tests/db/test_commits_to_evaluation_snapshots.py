"""Policy snapshots around the evaluation commitment (000 "Mentee Criteria"): one stored
before it reads as it did, without the new gate; the downgrade takes the rule out of both rule
lists, keeping the others in order, so the previous revision reads every stored policy."""

from __future__ import annotations

from app.domain.eligibility.application import CommitsToEvaluation
from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites


def _without_rule(policy: dict) -> dict:
    old = as_stored(policy)
    for rules in ("mentee_rules", "mentor_rules"):
        listed = old["eligibility"][rules]
        old["eligibility"][rules] = [r for r in listed if r["rule"] != "commits_to_evaluation"]
    return old


def test_a_charlotte_policy_stored_before_the_commitment_rule_does_not_ask_for_it() -> None:
    old = _without_rule(PRESETS["charlotte-sll"].to_dict())
    rules = stored_policy(old).eligibility.mentee_rules
    assert not any(isinstance(r, CommitsToEvaluation) for r in rules)
    # The session's other entry rules stay as they were, in order.
    assert [r.name for r in rules] == [
        "active_employment",
        "no_disciplinary_issues",
        "self_assessment_complete",
    ]


async def test_the_downgrade_takes_the_commitment_rule_out_of_every_stored_rule_list(
    migrated_url,
):
    async with rewrites(migrated_url, "20261207_handbook_commits_to_evaluation.py") as revision:
        for key, preset in PRESETS.items():
            stored = as_stored(preset.to_dict())
            # A coordinator may have listed it on either side: both lists lose it.
            stored["eligibility"]["mentor_rules"].append({"rule": "commits_to_evaluation"})
            assert await revision.downgraded(stored) == _without_rule(stored), key
