"""The event catalogue: every event the service announces (webhooks), with its payload.

This is the one list of event types. The outbox refuses a type that is not here, or a payload
whose keys differ from its facts' fields; subscriptions may name only these types (or `*`);
and the OpenAPI document's `webhooks` section is generated from it. Each payload is a
dataclass of the facts a receiver gets (`app.domain.event_payloads`), so the documentation and
the emitted JSON cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from app.domain.event_payloads import (
    AgreementWrittenFacts,
    ApplicationFacts,
    DeadlineFacts,
    DebriefFacts,
    DisclosureFacts,
    DisclosureRecordedFacts,
    EmployeeFacts,
    EmployeesImportedFacts,
    LuncheonGroupsFacts,
    MatchingRunComputedFacts,
    MatchingRunFailedFacts,
    MatchingRunPublishedFacts,
    MeetingCancelledFacts,
    MeetingLoggedFacts,
    MentorshipFacts,
    MentorshipFlaggedFacts,
    MentorshipStateFacts,
    PingFacts,
    ProgramFacts,
    ProgressReportFacts,
    PublishedPairsFacts,
    TermAgreedFacts,
)
from app.domain.lifecycle.status import MentorshipEvent

ALL = "*"  # a subscription to every event, present and future


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
        EventType(
            "deadline.due",
            "A mentorship's deadline fell due, or a round of the program evaluation opened.",
            DeadlineFacts,
        ),
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
