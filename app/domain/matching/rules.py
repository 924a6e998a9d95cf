"""Hard matching rules: a pair that breaks one is never proposed (seeds 000-004).

`is_allowed` is the fast path (a few comparisons and set look-ups per pair);
`refusals` names every rule a pair breaks, with a reason, for explanations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from app.domain.policy.choices import SupervisoryLine

if TYPE_CHECKING:
    from app.domain.matching.candidate import MatchCandidate
    from app.domain.policy.model import MatchingPolicy


class HardRule(StrEnum):
    """The hard rules, named for what must hold. Stable: explanations are stored with them."""

    NOT_THE_SAME_PERSON = "not_the_same_person"
    MENTOR_LEVEL_ABOVE_MENTEE = "mentor_level_above_mentee"
    NOT_IN_SUPERVISORY_CHAIN = "not_in_supervisory_chain"
    NOT_SAME_UNIT = "not_same_unit"
    NOT_SAME_DEPARTMENT = "not_same_department"
    NO_CONFLICT_OF_INTEREST = "no_conflict_of_interest"
    MENTOR_HAS_CAPACITY = "mentor_has_capacity"
    WITHIN_ORGANIZATION_CAP = "within_organization_cap"


@dataclass(frozen=True, slots=True)
class RuleRefusal:
    """A hard rule that refused a pair, and why in words."""

    rule: HardRule
    reason: str

    def to_dict(self) -> dict[str, str]:
        """`{rule, reason}`."""
        return {"rule": self.rule.value, "reason": self.reason}


def places_in_program(mentor: MatchCandidate, policy: MatchingPolicy) -> int:
    """Mentees the mentor can still take in this program, counting this program's pairs only:
    one-to-one programs (Charlotte) allow one."""
    if policy.one_to_one:
        capacity = 1
    elif mentor.capacity is None:
        capacity = policy.default_mentor_capacity
    else:
        capacity = mentor.capacity
    return capacity - mentor.current_load


def places_in_organization(mentor: MatchCandidate) -> int | None:
    """Pairs the mentor can still open under the organisation's cap, counting their open
    pairs in every program; None when the organisation sets no cap."""
    cap = mentor.organization_cap
    if cap is None:
        return None
    return cap - mentor.current_load - mentor.load_elsewhere


def remaining_capacity(mentor: MatchCandidate, policy: MatchingPolicy) -> int:
    """Mentees the mentor can still take here: the program's places, and no more than the
    organisation's cap leaves. Pairs in other programs count only against that cap."""
    here = places_in_program(mentor, policy)
    overall = places_in_organization(mentor)
    return here if overall is None else min(here, overall)


def in_supervisory_line(
    mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy
) -> str | None:
    """Why the pair is in the supervisory line the policy reads, or None when it is not."""
    if policy.supervisory_line is SupervisoryLine.DIRECT_SUPERVISOR:
        if mentee.manager is not None and mentee.manager == mentor.id:
            return "the mentor is the mentee's direct supervisor"
        if mentor.manager is not None and mentor.manager == mentee.id:
            return "the mentee is the mentor's direct supervisor"
        return None
    if mentor.id in mentee.ancestors:
        return "the mentor is in the mentee's supervisory chain, directly or indirectly"
    if mentee.id in mentor.ancestors:
        return "the mentee is in the mentor's supervisory chain"
    return None


def level_gap_met(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> bool:
    """The mentor is at least `min_level_gap` levels above (an unknown level never is)."""
    if not policy.require_higher_level:
        return True
    if mentee.level is None or mentor.level is None:
        return False
    return mentor.level - mentee.level >= policy.min_level_gap


def is_allowed(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> bool:
    """True when no hard rule refuses the pair; the cheap check for bulk evaluation."""
    if mentee.id == mentor.id or mentor.id in mentee.conflicts or mentee.id in mentor.conflicts:
        return False
    if not level_gap_met(mentee, mentor, policy):
        return False
    if policy.forbid_supervisory_chain and in_supervisory_line(mentee, mentor, policy):
        return False
    same_department = mentee.department is not None and mentee.department == mentor.department
    if same_department and policy.forbid_same_department:
        return False
    if same_department and policy.forbid_same_unit and _same_unit(mentee, mentor):
        return False
    return remaining_capacity(mentor, policy) > 0


def _same_unit(mentee: MatchCandidate, mentor: MatchCandidate) -> bool:
    # Units are "within a department" (004): the same unit name in two departments differs.
    return (
        mentee.unit is not None
        and mentee.unit == mentor.unit
        and mentee.department is not None
        and mentee.department == mentor.department
    )


_Check = Callable[["MatchCandidate", "MatchCandidate", "MatchingPolicy"], "str | None"]


def _self(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    return "a person cannot mentor themselves" if mentee.id == mentor.id else None


def _level(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    if level_gap_met(mentee, mentor, policy):
        return None
    if mentee.level is None or mentor.level is None:
        return "a level is unknown, so the mentor cannot be shown to be more senior"
    return (
        f"the mentor is at level {mentor.level} and the mentee at {mentee.level}; "
        f"the mentor must be at least {policy.min_level_gap} level(s) above"
    )


def _chain(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    return in_supervisory_line(mentee, mentor, policy)


def _unit(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    if _same_unit(mentee, mentor):
        return f"both work in unit {mentee.unit} of {mentee.department}"
    return None


def _dept(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    if mentee.department is not None and mentee.department == mentor.department:
        return f"both work in {mentee.department}; this program pairs across departments"
    return None


def _conflict(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    if mentor.id in mentee.conflicts:
        return "a conflict of interest with this mentor is on record for the mentee"
    if mentee.id in mentor.conflicts:
        return "a conflict of interest with this mentee is on record for the mentor"
    return None


def _capacity(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    if places_in_program(mentor, policy) > 0:
        return None
    return f"the mentor already mentors {mentor.current_load} here, the capacity available"


def _org_cap(mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy) -> str | None:
    overall = places_in_organization(mentor)
    if overall is None or overall > 0:
        return None
    total = mentor.current_load + mentor.load_elsewhere
    return (
        f"the mentor has {total} open pairs across the organisation's programs; "
        f"its cap is {mentor.organization_cap}"
    )


_RULES: tuple[tuple[HardRule, Callable[[MatchingPolicy], bool], _Check], ...] = (
    (HardRule.NOT_THE_SAME_PERSON, lambda p: True, _self),
    (HardRule.MENTOR_LEVEL_ABOVE_MENTEE, lambda p: p.require_higher_level, _level),
    (HardRule.NOT_IN_SUPERVISORY_CHAIN, lambda p: p.forbid_supervisory_chain, _chain),
    (HardRule.NOT_SAME_UNIT, lambda p: p.forbid_same_unit, _unit),
    (HardRule.NOT_SAME_DEPARTMENT, lambda p: p.forbid_same_department, _dept),
    (HardRule.NO_CONFLICT_OF_INTEREST, lambda p: True, _conflict),
    (HardRule.MENTOR_HAS_CAPACITY, lambda p: True, _capacity),
    (HardRule.WITHIN_ORGANIZATION_CAP, lambda p: True, _org_cap),
)


def active_rules(policy: MatchingPolicy) -> tuple[HardRule, ...]:
    """The hard rules this policy enforces, in the order explanations list them."""
    return tuple(rule for rule, active, _ in _RULES if active(policy))


def refusals(
    mentee: MatchCandidate, mentor: MatchCandidate, policy: MatchingPolicy
) -> tuple[RuleRefusal, ...]:
    """Every active hard rule the pair breaks, each with its reason (empty: allowed)."""
    found: list[RuleRefusal] = []
    for rule, active, check in _RULES:
        if active(policy):
            reason = check(mentee, mentor, policy)
            if reason is not None:
                found.append(RuleRefusal(rule, reason))
    return tuple(found)


def unlifted(refused: tuple[RuleRefusal, ...], policy: MatchingPolicy) -> tuple[RuleRefusal, ...]:
    """The refusals a recorded override cannot lift: where the policy allows it (002: "not
    recommended"; 003), only the supervisory line is lifted, never another rule."""
    if not policy.supervisor_override_allowed:
        return refused
    return tuple(r for r in refused if r.rule is not HardRule.NOT_IN_SUPERVISORY_CHAIN)
