"""What the programs area stores: programs, cohorts, events, applications, runs, mentorships."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.eligibility.facts import ApplicantRole
from app.domain.lifecycle.states import MentorshipState
from app.domain.matching.run_state import RunState
from app.domain.policy.model import Policy


@dataclass(frozen=True, slots=True)
class Program:
    """A program and its current policy (`policy_version` counts its edits from 1)."""

    id: UUID
    name: str
    preset: str
    policy_version: int
    policy: Policy
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Cohort:
    """One run of a program; applications close after `applications_close_on` (if set)."""

    id: UUID
    program_id: UUID
    name: str
    starts_on: date
    ends_on: date | None
    applications_close_on: date | None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class CohortEvent:
    """A date on the cohort's calendar; `attendees` were recorded as present, `excused` as
    excused from it (never both)."""

    id: UUID
    cohort_id: UUID
    kind: str
    title: str
    starts_on: date
    ends_on: date | None
    attendees: tuple[UUID, ...] = ()
    excused: tuple[UUID, ...] = ()


@dataclass(frozen=True, slots=True)
class Application:
    """A mentee's self-assessment or a mentor's volunteer profile, with its eligibility."""

    id: UUID
    cohort_id: UUID
    employee_id: UUID
    role: ApplicantRole
    profile: Mapping[str, Any]
    capacity: int
    supervisor_approval: str | None  # requested, approved, declined; None: not needed
    overrides: tuple[Mapping[str, str], ...]
    eligible: bool
    eligibility: Mapping[str, Any]
    created_at: datetime | None = None
    evaluated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class MatchLock:
    """A pair a coordinator fixed: every later run of the cohort keeps it."""

    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    locked_by: str


@dataclass(frozen=True, slots=True)
class MatchingRun:
    """A cohort's proposals and unmatched mentees (`result`, as JSON). `queued` and
    `computing` while the background computes it (`result` empty until then), then
    `computed` or `failed` (`failure`, a problem document, says why); `published` once."""

    id: UUID
    cohort_id: UUID
    state: RunState
    policy_version: int
    result: Mapping[str, Any]
    created_by: str
    created_at: datetime | None = None
    published_at: datetime | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None
    failure: Mapping[str, Any] | None = None
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class ClaimedRun:
    """A run the background has taken to compute; `attempts` counts this claim too."""

    organization_id: UUID
    id: UUID
    cohort_id: UUID
    attempts: int


@dataclass(frozen=True, slots=True)
class PairParties:
    """Who is in a pair: all that deciding who may reach it needs."""

    id: UUID
    mentee_id: UUID
    mentor_id: UUID


@dataclass(frozen=True, slots=True)
class Mentorship:
    """A pair under the policy snapshot it started with."""

    id: UUID
    cohort_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    state: MentorshipState
    formed_by: str
    matching_run_id: UUID | None
    starts_on: date
    ends_on: date
    checkpoint_due_on: date | None
    policy_version: int
    policy: Mapping[str, Any]
    explanation: Mapping[str, Any]
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class WithdrawnPair:
    """A pair whose mentee was withdrawn at the checkpoint and may join the next cohort."""

    mentorship_id: UUID
    mentee_id: UUID
    cohort_id: UUID
    closed_on: date | None
    checkpoint_answers: tuple[Mapping[str, Any], ...]


# Who is in the pairs a request has read, by id: each pair's parties, or its whole mentorship
# when that is what was read (shared by a request's units of work; see `parties_by_ids`).
KnownPairs = dict[UUID, PairParties | Mentorship]
