"""An event's attendance record: who was present and who was excused, and how it changes.

The record decides things a person is owed or owes: NC's information session makes mentees and
mentors eligible (003 "Requirements": "Attend a mentoring program Information Session"),
Charlotte's group sessions are mandatory for mentees (000 "Group Learning"), and an excused
absence is not a missed session. Recording adds people to the record; nobody is ever both
present and excused. A correction takes back people recorded by mistake, and only people the
record holds: naming someone it does not hold is refused on the field that names them, so a
typo is not silently ignored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    """Who an event's record holds present and who excused."""

    attendees: frozenset[UUID]
    excused: frozenset[UUID]


def recorded(
    record: AttendanceRecord, *, present: Iterable[UUID], excused: Iterable[UUID]
) -> AttendanceRecord:
    """The record with people added as present and as excused, never anyone both (in the
    request, or with what the record already holds)."""
    present, excused = frozenset(present), frozenset(excused)
    if not present and not excused:
        raise InvalidInput("name someone present or excused", field="employee_ids")
    check_present_or_excused(present, excused, field="excused")
    check_present_or_excused(record.attendees, excused, field="excused")
    check_present_or_excused(present, record.excused, field="employee_ids")
    return AttendanceRecord(record.attendees | present, record.excused | excused)


def withdrawn(
    record: AttendanceRecord, *, present: Iterable[UUID], excused: Iterable[UUID]
) -> AttendanceRecord:
    """The record without the people withdrawn from its present and excused lists."""
    present, excused = frozenset(present), frozenset(excused)
    if not present and not excused:
        raise InvalidInput("name someone to withdraw, present or excused", field="employee_ids")
    _check_recorded(present, record.attendees, field="employee_ids", recorded_as="present")
    _check_recorded(excused, record.excused, field="excused", recorded_as="excused")
    return AttendanceRecord(record.attendees - present, record.excused - excused)


def check_present_or_excused(
    present: Iterable[UUID], excused: Iterable[UUID], *, field: str
) -> None:
    """Refuse a record naming someone both present and excused; ``field`` is the request's
    field that would make it so."""
    both = sorted(str(p) for p in frozenset(present) & frozenset(excused))
    if both:
        raise InvalidInput(
            f"recorded both present and excused: {', '.join(both)}",
            field=field,
            rule="present_or_excused",
        )


def _check_recorded(
    named: frozenset[UUID], recorded: frozenset[UUID], *, field: str, recorded_as: str
) -> None:
    missing = sorted(str(p) for p in named - recorded)
    if missing:
        raise InvalidInput(
            f"not recorded {recorded_as}: {', '.join(missing)}", field=field, rule="not_recorded"
        )
