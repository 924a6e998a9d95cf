"""The standing mentor register (002): "each district and division solicits and maintains a
list of managers and supervisors who have volunteered to become mentors. The list should be
readily available for all employees to use when seeking out a mentor." Kept per
organisation (optionally per division), across cohorts; programs draw volunteers from it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from app.domain.errors import InvalidInput

MAX_EXPERTISE = 20
MAX_TEXT = 200
MAX_CAPACITY = 20


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    """A volunteer's standing offer: what they can help with, how many, and when."""

    employee_id: UUID
    division: str | None
    expertise: tuple[str, ...]
    capacity: int
    availability: str

    def __post_init__(self) -> None:
        if not 1 <= self.capacity <= MAX_CAPACITY:
            raise InvalidInput(
                f"a volunteer offers between 1 and {MAX_CAPACITY} places", field="capacity"
            )
        if len(self.expertise) > MAX_EXPERTISE:
            raise InvalidInput(f"at most {MAX_EXPERTISE} areas of expertise", field="expertise")
        for item in (*self.expertise, self.division or "", self.availability):
            if len(item) > MAX_TEXT:
                raise InvalidInput(f"at most {MAX_TEXT} characters per entry", field="expertise")


def cleaned_expertise(items: Iterable[str]) -> tuple[str, ...]:
    """Expertise as listed: trimmed, blanks and repeats dropped, first spelling kept."""
    seen: dict[str, str] = {}
    for item in items:
        text = item.strip()
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return tuple(seen.values())
