"""The mentee's journal (001 "Monthly Journaling"): the sample journal's columns, each entry
dated inside the relationship ("track your self-development during this experience").

001 "SAMPLE JOURNAL": Overall Goal; Date; Focus of interaction; Specifics of the issue /
situation; Learning Points; Application (how and where it can be used); Accomplishments toward
Goal; Possible Learning Activities or Ideas (the journal "can serve as a holding place for
possible learning activities and ideas to be discussed with your Mentor").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Final

from app.domain.errors import InvalidInput
from app.domain.meeting_log import require_within_term
from app.domain.timeline import Timeline

# Each column and the sample journal's heading for it; the date is the entry's own field.
COLUMNS: Final = MappingProxyType(
    {
        "overall_goal": "Overall Goal",
        "focus": "Focus of interaction",
        "specifics": "Specifics of the issue / situation",
        "learning_points": "Learning Points",
        "application": "Application (how and where it can be used)",
        "accomplishments": "Accomplishments toward Goal",
        "learning_activities": "Possible Learning Activities or Ideas",
    }
)
MAX_TEXT: Final = 10_000


def check_journal_entry(timeline: Timeline, entry_on: date, entry: Mapping[str, str]) -> None:
    """Refuse an entry outside the journal's columns, an empty one, or one dated outside the
    relationship's term."""
    for key, value in entry.items():
        if key not in COLUMNS:
            raise InvalidInput(
                f"the journal's columns are {', '.join(COLUMNS)}", field=f"entry.{key}"
            )
        if len(value) > MAX_TEXT:
            raise InvalidInput(f"at most {MAX_TEXT} characters", field=f"entry.{key}")
    if not any(v.strip() for v in entry.values()):
        raise InvalidInput("an entry needs something written in it", field="entry")
    require_within_term(timeline, entry_on, field="entry_on", what="a journal entry")
