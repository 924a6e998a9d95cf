"""The payload of each event the service announces: a dataclass of the facts a webhook
receiver gets (ids as strings, dates in ISO 8601). The catalogue (`app.domain.events`) names
which event carries which, and the OpenAPI document's `webhooks` section is generated from
these classes, so the documentation and the emitted JSON cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.deadlines import DeadlineKind
from app.domain.directory import EmploymentStatus
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState


@dataclass(frozen=True, slots=True)
class EmployeeFacts:
    employee_id: str
    employee_number: str
    employment_status: EmploymentStatus


@dataclass(frozen=True, slots=True)
class EmployeesImportedFacts:
    """A bulk sync: its counts, in place of one event per employee."""

    created: int
    updated: int
    unchanged: int
    refused: int


@dataclass(frozen=True, slots=True)
class ProgramFacts:
    program_id: str


@dataclass(frozen=True, slots=True)
class ApplicationFacts:
    application_id: str
    cohort_id: str
    employee_id: str
    eligible: bool


@dataclass(frozen=True, slots=True)
class PublishedPairsFacts:
    cohort_id: str
    mentorship_ids: list[str]


@dataclass(frozen=True, slots=True)
class MatchingRunPublishedFacts:
    matching_run_id: str
    cohort_id: str
    mentorship_ids: list[str]


@dataclass(frozen=True, slots=True)
class MatchingRunComputedFacts:
    """A run computed in the background: read its proposals at the run's URL."""

    matching_run_id: str
    cohort_id: str
    proposals: int
    unmatched: int


@dataclass(frozen=True, slots=True)
class MatchingRunFailedFacts:
    """A run the background could not compute; `problem_type` and `detail` are those of the
    problem document stored as the run's `failure`."""

    matching_run_id: str
    cohort_id: str
    problem_type: str
    detail: str


@dataclass(frozen=True, slots=True)
class LuncheonGroupsFacts:
    cohort_id: str
    groups: int


@dataclass(frozen=True, slots=True)
class MentorshipStateFacts:
    """A mentorship's transition, and the state it is in after it."""

    mentorship_id: str
    state: MentorshipState


@dataclass(frozen=True, slots=True)
class MentorshipFacts:
    mentorship_id: str


@dataclass(frozen=True, slots=True)
class MentorshipFlaggedFacts:
    """Hard rules the pair now breaks (after an HR change or a declared conflict)."""

    mentorship_id: str
    rules: list[str]


@dataclass(frozen=True, slots=True)
class TermAgreedFacts:
    mentorship_id: str
    months: int
    ends_on: str


@dataclass(frozen=True, slots=True)
class DeadlineFacts:
    """A date come due for a mentorship; for a `program_evaluation`, `due_on` is the day its
    round opened and `evaluation_round` the round's number on the cohort's calendar (null for
    every other kind)."""

    mentorship_id: str
    kind: DeadlineKind
    due_on: str
    evaluation_round: int | None = None


@dataclass(frozen=True, slots=True)
class AgreementWrittenFacts:
    mentorship_id: str
    version: int


@dataclass(frozen=True, slots=True)
class MeetingLoggedFacts:
    mentorship_id: str
    meeting_id: str
    held_on: str
    hours: float


@dataclass(frozen=True, slots=True)
class MeetingCancelledFacts:
    mentorship_id: str
    meeting_id: str


@dataclass(frozen=True, slots=True)
class DebriefFacts:
    mentorship_id: str
    party: Party


@dataclass(frozen=True, slots=True)
class ProgressReportFacts:
    mentorship_id: str
    party: Party
    month: int


@dataclass(frozen=True, slots=True)
class DisclosureRecordedFacts:
    mentorship_id: str
    disclosure_id: str
    kind: DisclosureKind


@dataclass(frozen=True, slots=True)
class DisclosureFacts:
    mentorship_id: str
    disclosure_id: str


@dataclass(frozen=True, slots=True)
class PingFacts:
    endpoint_id: str
