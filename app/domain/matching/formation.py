"""What a published matching run's pairs are formed by: always one of the program's own ways.

A run is a coordinator's tool (003 "Selecting a Mentor": "The program coordinator should
match mentees with the best-fit mentor"; 004 "Suggested match"). Where the policy names
neither an algorithm nor the coordinator, e.g. Charlotte's selection committee (000), a run
may inform the people who match, but it is never published as their pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from app.domain.errors import PolicyError, TransitionRefused
from app.domain.policy.choices import PairFormation

if TYPE_CHECKING:
    from app.domain.policy.model import MatchingPolicy

RUN_PUBLISHED_AS = (PairFormation.ALGORITHM, PairFormation.COORDINATOR)
# The ways a mentee forms their own pair: choosing (002) or referring someone they know (004),
# who need not be on the volunteer list.
MENTEE_OWN_WAYS = frozenset({PairFormation.MENTEE_CHOICE, PairFormation.REFERRAL})


def run_formed_by(ways: Sequence[PairFormation]) -> PairFormation:
    """The way a published run's pairs are recorded as formed; PolicyError when the program
    forms its pairs in no way a run stands for (a committee's slate, a mentee's choice)."""
    for way in RUN_PUBLISHED_AS:
        if way in ways:
            return way
    names = ", ".join(way.value for way in ways)
    raise PolicyError(
        f"this program's pairs form by: {names}; a matching run is not one of them",
        field="pair_formation",
        rule="pair_formation",
    )


def require_referent_confirmed(
    policy: MatchingPolicy, formed_by: str, explanation: Mapping[str, object]
) -> None:
    """Refuse to confirm a referred pair before the administrator has confirmed the referent's
    qualifications, where the policy asks it (004 "Referrals": "MMS will contact the referent to
    ascertain interest in serving as a mentor and to confirm qualifications"); a mentee's
    off-list request elsewhere (002) waits for no one."""
    if formed_by != PairFormation.REFERRAL or not policy.referent_qualifications_confirmed:
        return
    referral = explanation.get("referral")
    if isinstance(referral, Mapping) and referral.get("qualifications_confirmed") is True:
        return
    raise TransitionRefused(
        "the Program Administrator has not yet confirmed the referred mentor's qualifications",
        rule="referent_not_confirmed",
    )
