"""The event catalogue: every event the service announces (webhooks), with its payload.

This is the one list of event types. The outbox refuses a type that is not here, or a payload
whose keys differ from its facts' fields; subscriptions may name only these types (or `*`);
and the OpenAPI document's `webhooks` section is generated from it. Each payload is a
dataclass of the facts a receiver gets (ids as strings, dates in ISO 8601), so the
documentation and the emitted JSON cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.deadlines import DeadlineKind
from app.domain.directory import EmploymentStatus
from app.domain.lifecycle.parties import Party
from app.domain.lifecycle.states import MentorshipState
from app.domain.lifecycle.status import MentorshipEvent

ALL = "*"  # a subscription to every event, present and future


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
    mentorship_id: str
    kind: DeadlineKind
    due_on: str


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


@dataclass(frozen=True, slots=True)
class EventType:
    """One kind of event: its name, what it means, and the facts it carries."""

    name: str
    summary: str
    facts: type


def _mentorship_transitions() -> tuple[EventType, ...]:
    return tuple(
        EventType(
            e.value,
            f"A mentorship transition: {e.name.lower().replace('_', ' ')}.",
            MentorshipStateFacts,
        )
        for e in MentorshipEvent
    )


CATALOGUE: Mapping[str, EventType] = {
    e.name: e
    for e in (
        EventType("employee.created", "An employee joined the directory.", EmployeeFacts),
        EventType("employee.updated", "An employee's HR data changed.", EmployeeFacts),
        EventType("employees.imported", "A large import, counted.", EmployeesImportedFacts),
        EventType("program.created", "A program was created.", ProgramFacts),
        EventType("application.submitted", "Someone applied to a cohort.", ApplicationFacts),
        EventType("application.edited", "An application was changed.", ApplicationFacts),
        EventType("application.supervisor_approved", "The supervisor approved.", ApplicationFacts),
        EventType("application.supervisor_declined", "The supervisor declined.", ApplicationFacts),
        EventType(
            "application.eligibility_changed",
            "An applicant's eligibility changed with their HR data.",
            ApplicationFacts,
        ),
        EventType(
            "matching_run.computed",
            "A matching run queued for the background was computed.",
            MatchingRunComputedFacts,
        ),
        EventType(
            "matching_run.failed",
            "A matching run queued for the background could not be computed.",
            MatchingRunFailedFacts,
        ),
        EventType(
            "matching_run.published",
            "A matching run's proposals became mentorships.",
            MatchingRunPublishedFacts,
        ),
        EventType(
            "committee_slate.published",
            "The committee's pairs became mentorships.",
            PublishedPairsFacts,
        ),
        EventType("luncheon_groups.set", "A cohort's luncheon groups.", LuncheonGroupsFacts),
        *_mentorship_transitions(),
        EventType("mentorship.flagged", "A pair now breaks a hard rule.", MentorshipFlaggedFacts),
        EventType(
            "mentorship.change_requested",
            "A participant asked for a change at the checkpoint.",
            MentorshipFacts,
        ),
        EventType(
            "mentorship.term_agreed", "The agreement set the term's length.", TermAgreedFacts
        ),
        EventType(
            "mentorship.termination_recommended",
            "The program administrator recommended that the pair end the relationship.",
            MentorshipFacts,
        ),
        EventType("checkpoint.answered", "A checkpoint answer was recorded.", MentorshipFacts),
        EventType("deadline.due", "A mentorship's deadline fell due.", DeadlineFacts),
        EventType("agreement.written", "A new agreement version.", AgreementWrittenFacts),
        EventType("meeting.logged", "A meeting was logged.", MeetingLoggedFacts),
        EventType("meeting.cancelled", "A meeting was cancelled.", MeetingCancelledFacts),
        EventType("debrief.recorded", "A closing debrief was held.", DebriefFacts),
        EventType(
            "progress_report.submitted", "A progress report was submitted.", ProgressReportFacts
        ),
        EventType(
            "disclosure.recorded",
            "A confidentiality exception was recorded.",
            DisclosureRecordedFacts,
        ),
        EventType(
            "disclosure.consent_answered",
            "The mentee answered a disclosure's consent.",
            DisclosureFacts,
        ),
        EventType(
            "disclosure.acknowledged", "The mentee acknowledged a disclosure.", DisclosureFacts
        ),
        EventType("webhook.ping", "A test delivery, to one endpoint.", PingFacts),
    )
}


class UnknownEvent(ValueError):
    """Code announced an event the catalogue does not list, or with other facts: a bug."""


_FACT_NAMES = {name: frozenset(f.name for f in fields(e.facts)) for name, e in CATALOGUE.items()}


def fact_names(event_type: str) -> frozenset[str]:
    """The payload keys an event of this type carries."""
    return _FACT_NAMES[event_type]


def check_event(event_type: str, payload: Mapping[str, Any] | None = None) -> None:
    """Refuse an event type the catalogue lacks, or a payload whose keys are not its facts."""
    if event_type not in CATALOGUE:
        raise UnknownEvent(f"{event_type!r} is not in the event catalogue")
    if payload is not None and (keys := set(payload)) != fact_names(event_type):
        raise UnknownEvent(
            f"{event_type} carries {sorted(fact_names(event_type))}, not {sorted(keys)}"
        )


def unknown_subscriptions(event_types: list[str] | tuple[str, ...]) -> list[str]:
    """The names a subscription lists that are neither a catalogued type nor `*`."""
    return [t for t in event_types if t != ALL and t not in CATALOGUE]
