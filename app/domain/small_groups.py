"""Reports show aggregates only, and never for a group so small one person's answer shows.

DOMAIN.md "Evaluation and reporting": reports show aggregates, never one person's
confidential answers. A group below the threshold is reported as suppressed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SMALLEST_GROUP = 5


@dataclass(frozen=True, slots=True)
class Aggregate:
    """The count and mean of a group's answers; ``mean`` is None when suppressed."""

    count: int
    mean: float | None
    suppressed: bool


def aggregate(values: Iterable[float], *, smallest: int = SMALLEST_GROUP) -> Aggregate:
    """The mean of ``values`` when at least ``smallest`` answered; else suppressed."""
    found = list(values)
    if len(found) < smallest:
        return Aggregate(len(found) if found else 0, None, bool(found))
    return Aggregate(len(found), round(sum(found) / len(found), 2), False)


def suppress_counts(
    counts: Mapping[str, int], *, smallest: int = SMALLEST_GROUP
) -> dict[str, int | None]:
    """Counts with every non-zero count under ``smallest`` hidden (None)."""
    return {key: (n if n == 0 or n >= smallest else None) for key, n in counts.items()}
