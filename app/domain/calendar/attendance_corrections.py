"""Correcting an event's attendance record: taking back people recorded present or excused by
mistake. The record decides things a person is owed or owes: NC's information session makes
mentees and mentors eligible (003 "Requirements": "Attend a mentoring program Information
Session"), Charlotte's group sessions are mandatory for mentees (000 "Group Learning"). A
mistaken record would otherwise admit someone who never attended, or excuse someone for good.

A correction withdraws only what is recorded: naming someone the record does not hold is
refused on the field that names them (nothing to correct), so a typo is not silently ignored.
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


def _check_recorded(
    named: frozenset[UUID], recorded: frozenset[UUID], *, field: str, recorded_as: str
) -> None:
    missing = sorted(str(p) for p in named - recorded)
    if missing:
        raise InvalidInput(
            f"not recorded {recorded_as}: {', '.join(missing)}", field=field, rule="not_recorded"
        )
