"""What running a mentorship stores: its progress, agreement versions, meetings, journal
entries, goals, evaluations and disclosures."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from uuid import UUID


@dataclass(frozen=True, slots=True)
class Progress:
    """A mentorship's lifecycle details; `version` counts saves (optimistic updates)."""

    mentorship_id: UUID
    version: int = 0
    confirmed_by: tuple[str, ...] = ()
    agreement_signed_by: tuple[str, ...] = ()
    evaluations_done: tuple[str, ...] = ()
    evaluations_by: tuple[str, ...] = ()
    checkpoint_answers: tuple[Mapping[str, Any], ...] = ()
    checkpoint_outcome: str | None = None
    rematch_proposal: Mapping[str, Any] | None = None
    successor_id: UUID | None = None
    activated_on: date | None = None
    closed_on: date | None = None
    closed_by: str | None = None
    eligible_for_next_cohort: bool = False
    outcomes: Mapping[str, Any] | None = None
    # The administrator's recommendations to end the pair (Maine, 004 exception 3), oldest first.
    termination_recommendations: tuple[Mapping[str, Any], ...] = ()


@dataclass(frozen=True, slots=True)
class Signature:
    party: str
    signed_by: UUID
    signed_at: datetime


@dataclass(frozen=True, slots=True)
class Agreement:
    """One version of a pair's agreement and who signed that version."""

    mentorship_id: UUID
    version: int
    terms: Mapping[str, Any]
    written_by: UUID
    created_at: datetime | None = None
    signatures: tuple[Signature, ...] = ()


@dataclass(frozen=True, slots=True)
class Meeting:
    """A meeting log entry (Caltrans): facts, and content confidential to the pair."""

    id: UUID
    mentorship_id: UUID
    held_on: date
    hours: float
    topics: tuple[str, ...] = ()
    goal_id: UUID | None = None
    competency: str | None = None
    observations: str | None = None
    follow_ups: str | None = None
    notes: str | None = None
    logged_by: UUID | None = None
    cancelled: bool = False
    cancelled_at: datetime | None = None
    cancelled_by: UUID | None = None
    created_at: datetime | None = None
    mode: str | None = None  # in_person, virtual, phone or email; None: not stated


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """The mentee's own entry (Charlotte's sample journal columns)."""

    id: UUID
    mentorship_id: UUID
    author_id: UUID
    entry_on: date
    entry: Mapping[str, Any]
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal, objective, developmental need or action step of the mentee's plan."""

    id: UUID
    mentorship_id: UUID
    kind: str
    parent_id: UUID | None
    text: str
    progress: int = 0
    outcome: str | None = None
    comments: tuple[Mapping[str, Any], ...] = ()
    smart: Mapping[str, Any] | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One respondent's answers: Likert scores by item, and free text that stays theirs
    unless the program shares its kind with the pair."""

    id: UUID
    mentorship_id: UUID
    kind: str
    respondent_id: UUID
    party: str
    scores: Mapping[str, int]
    free_text: str | None
    submitted_on: date
    answers: Mapping[str, Any] = field(default_factory=dict)
    form_version: int | None = None
    # The period it was given for (checkup 2, round 1); None for a kind with one per term, or
    # an answer stored before periods were, which its date places.
    period_number: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ShownEvaluation(Evaluation):
    """An evaluation as its reader may see it, saying whether the respondent's partner reads
    its free text, so the respondent knows who will read what they write. Not stored."""

    partner_reads_free_text: bool = False


@dataclass(frozen=True, slots=True)
class DisclosureRecord:
    """A recorded confidentiality exception (Maine), with the parts it lets its recipients read."""

    id: UUID
    mentorship_id: UUID
    kind: str
    by_id: UUID
    by_party: str
    recipients: tuple[Mapping[str, str], ...]
    about_id: UUID
    parts: tuple[str, ...]
    description: str
    purpose: str
    occurred_at: datetime
    protege_consent: bool
    protege_informed: bool
    consent: str = "not_needed"
    acknowledged_at: datetime | None = None
    meeting_ids: tuple[UUID, ...] = ()
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Debrief:
    """The coordinator's individual debrief with one participant, upon conclusion (NC)."""

    id: UUID
    mentorship_id: UUID
    party: str
    participant_id: UUID
    held_on: date
    recorded_by: UUID | None = None
    notes: str | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """One side's monthly progress report: facts, and reflections that stay the author's."""

    id: UUID
    mentorship_id: UUID
    party: str
    author_id: UUID
    month: int
    submitted_on: date
    on_track: bool
    assignments_done: int
    reflections: str | None = None
    created_at: datetime | None = None
