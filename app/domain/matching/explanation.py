"""Who may pair with whom, and how well: hard rules, a weighted score, and explanations.

Per-person facts are gathered once into a `MatchCandidate` (its supervisory chain as a
set, competencies as frozensets), so judging one pair is a handful of set look-ups.
Three speeds: `build_cost_matrix` (matching_bulk) for a whole cohort, `is_allowed` /
`pair_cost` for one pair, and `explain` for the pairs a person will actually read.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass

from app.domain.matching.bulk import CostMatrix, build_cost_matrix
from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.rules import (
    HardRule,
    RuleRefusal,
    active_rules,
    is_allowed,
    refusals,
    remaining_capacity,
)
from app.domain.matching.score import (
    PairScore,
    ScoreTerm,
    ScoreTermName,
    pair_score,
    score_breakdown,
)
from app.domain.policy.model import MatchingPolicy

__all__ = [
    "CostMatrix",
    "HardRule",
    "MatchCandidate",
    "MatchExplanation",
    "PairAssessment",
    "PairScore",
    "RuleRefusal",
    "ScoreTerm",
    "ScoreTermName",
    "active_rules",
    "build_cost_matrix",
    "explain",
    "is_allowed",
    "pair_cost",
    "pair_score",
    "refusals",
    "remaining_capacity",
]


@dataclass(frozen=True, slots=True)
class MatchExplanation:
    """Everything said about one pair: rules passed, rules that refused it, and the score."""

    mentee_id: Hashable
    mentor_id: Hashable
    allowed: bool
    passed: tuple[HardRule, ...]
    refused_by: tuple[RuleRefusal, ...]
    score: PairScore

    def to_dict(self) -> dict[str, object]:
        """JSON-compatible form (ids are left as given; the caller stringifies them)."""
        return {
            "allowed": self.allowed,
            "passed": [rule.value for rule in self.passed],
            "refused_by": [refusal.to_dict() for refusal in self.refused_by],
            "score": self.score.to_dict(),
        }


PairAssessment = MatchExplanation


def pair_cost(
    mentee: MatchCandidate,
    mentor: MatchCandidate,
    policy: MatchingPolicy,
    forbidden: float = math.inf,
) -> float:
    """The assignment cost of one pair: minus its score, or `forbidden` when refused."""
    if not is_allowed(mentee, mentor, policy):
        return forbidden
    return -pair_score(mentee, mentor, policy.weights)


def explain(
    mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy
) -> MatchExplanation:
    """The full decomposition for one pair; meant for proposals and runners-up, not bulk."""
    refused = refusals(mentee, mentor, policy)
    refused_rules = {refusal.rule for refusal in refused}
    passed = tuple(rule for rule in active_rules(policy) if rule not in refused_rules)
    return MatchExplanation(
        mentee_id=mentee.id,
        mentor_id=mentor.id,
        allowed=not refused,
        passed=passed,
        refused_by=refused,
        score=score_breakdown(mentee, mentor, policy.weights),
    )
