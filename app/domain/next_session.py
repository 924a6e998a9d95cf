"""The next-session list (000 "Relationship Compatibility"): a mentee withdrawn at the
checkpoint because no other mentor could be found "will be eligible for the next session";
the program's next cohort lists them, each with a stable reason code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from uuid import UUID


class CarryOverReason(StrEnum):
    """Why the mentee was withdrawn: who asked for the change no rematch could satisfy."""

    MENTEE_ASKED_CHANGE = "mentee_asked_change_no_rematch"
    MENTOR_ASKED_CHANGE = "mentor_asked_change_no_rematch"
    BOTH_ASKED_CHANGE = "both_asked_change_no_rematch"
    NO_REMATCH = "no_rematch"


@dataclass(frozen=True, slots=True)
class CarriedMentee:
    """One mentee on a cohort's next-session list; `application_id` once they have applied."""

    mentee_id: UUID
    mentorship_id: UUID
    from_cohort_id: UUID
    withdrawn_on: date | None
    reason: CarryOverReason
    application_id: UUID | None = None


def carry_over_reason(answers: Iterable[Mapping[str, object]]) -> CarryOverReason:
    """The reason code from the checkpoint answers (`{party, decision}` as stored)."""
    asked = {str(a.get("party")) for a in answers if a.get("decision") == "change"}
    if {"mentee", "mentor"} <= asked:
        return CarryOverReason.BOTH_ASKED_CHANGE
    if "mentee" in asked:
        return CarryOverReason.MENTEE_ASKED_CHANGE
    if "mentor" in asked:
        return CarryOverReason.MENTOR_ASKED_CHANGE
    return CarryOverReason.NO_REMATCH
