"""Settings that belong to the organisation, not to any one program's policy (issue 22).

The cap on one mentor's open pairs across all the organisation's programs is a service
feature, not a handbook rule: each handbook speaks of a mentor's capacity in its own program
(DOMAIN.md: "a mentor's capacity is a setting"), and an organisation running several
programs may cap the whole load. Pairs in other programs count only against this cap.
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.errors import InvalidInput

LOAD_CAP = "max_open_pairs_per_mentor"
SETTINGS = frozenset({LOAD_CAP})


def checked_load_cap(value: object) -> int | None:
    """The cap as given, or InvalidInput naming the field: a whole number of at least 1, or
    None for no cap."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput("must be a whole number or null", field=LOAD_CAP)
    if value < 1:
        raise InvalidInput("a cap across programs allows at least one open pair", field=LOAD_CAP)
    return value


def checked_changes(changes: Mapping[str, object]) -> Mapping[str, object]:
    """The changes, refused by name when one names no organisation setting."""
    for name in sorted(set(changes) - SETTINGS):
        raise InvalidInput("not an organisation setting", field=name)
    return changes
