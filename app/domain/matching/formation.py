"""What a published matching run's pairs are formed by: always one of the program's own ways.

A run is a coordinator's tool (003 "Selecting a Mentor": "The program coordinator should
match mentees with the best-fit mentor"; 004 "Suggested match"). Where the policy names
neither an algorithm nor the coordinator, e.g. Charlotte's selection committee (000), a run
may inform the people who match, but it is never published as their pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.errors import PolicyError
from app.domain.policy.choices import PairFormation

RUN_PUBLISHED_AS = (PairFormation.ALGORITHM, PairFormation.COORDINATOR)


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
