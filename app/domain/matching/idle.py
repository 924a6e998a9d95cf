"""The eligible mentors a run left without a mentee, and why: nobody silently disappears."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass

from app.domain.matching.candidate import MatchCandidate
from app.domain.matching.rules import (
    HardRule,
    is_allowed,
    places_in_organization,
    places_in_program,
    refusals,
)
from app.domain.policy.model import MatchingPolicy


@dataclass(frozen=True, slots=True)
class IdleMentor:
    """An eligible mentor with no proposal in a run; `refused_by` counts, per hard rule, the
    mentees it refused (set only when every mentee was refused)."""

    mentor_id: Hashable
    reason: str
    refused_by: tuple[tuple[HardRule, int], ...] = ()

    def to_dict(self) -> dict[str, object]:
        """`{mentor_id, reason, refused_by: {rule: count}}` (the id left as given)."""
        return {
            "mentor_id": self.mentor_id,
            "reason": self.reason,
            "refused_by": {rule.value: count for rule, count in self.refused_by},
        }


def idle_mentors(
    mentees: Sequence[MatchCandidate],
    mentors: Sequence[MatchCandidate],
    policy: MatchingPolicy,
    proposed: Collection[Hashable],
) -> tuple[IdleMentor, ...]:
    """Each mentor not in `proposed` (mentor ids of the run's proposals), with the reason."""
    idle = []
    for mentor in mentors:
        if mentor.id not in proposed:
            idle.append(_why_idle(mentees, mentor, policy))
    return tuple(idle)


def _why_idle(
    mentees: Sequence[MatchCandidate], mentor: MatchCandidate, policy: MatchingPolicy
) -> IdleMentor:
    if places_in_program(mentor, policy) <= 0:
        return IdleMentor(mentor.id, "the mentor has no capacity left for another mentee")
    overall = places_in_organization(mentor)
    if overall is not None and overall <= 0:
        return IdleMentor(
            mentor.id,
            "the mentor's open pairs across the organisation's programs reach its cap",
            ((HardRule.WITHIN_ORGANIZATION_CAP, len(mentees)),),
        )
    if not mentees:
        return IdleMentor(mentor.id, "there was no mentee left to match")
    if any(is_allowed(mentee, mentor, policy) for mentee in mentees):
        return IdleMentor(
            mentor.id, "every mentee this mentor could take was better matched with another"
        )
    counts: Counter[HardRule] = Counter()
    for mentee in mentees:
        counts.update({r.rule for r in refusals(mentee, mentor, policy)})
    ordered = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0].value)))
    named = ", ".join(rule.value for rule, _ in ordered)
    return IdleMentor(mentor.id, f"a hard rule refused every mentee ({named})", ordered)
