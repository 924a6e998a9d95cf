"""Who acts in the demo's mentorship stories, and the clock the demo turns from step to step."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from app.domain.access import Principal, Role
from app.domain.eligibility.facts import ApplicantRole
from app.domain.policy.model import PairFormation
from app.services import applications
from app.services.ports import UnitOfWork
from app.services.relationships import agreements, confirmations, meetings, mentorships
from app.services.relationships.records import Meeting


@dataclass
class DemoClock:
    """The services' clock in the demo: each step happens on the day the demo sets, so the
    records carry the dates a real cohort would have."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def on(self, day: date) -> DemoClock:
        self.current = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        return self


@dataclass
class Cast:
    """The demo organisation's people and the units of work the services run in."""

    uow: Callable[[], UnitOfWork]
    organization_id: UUID
    clock: DemoClock
    people: dict[str, Any]
    made: dict[str, str] = field(default_factory=dict)

    def staff(self, role: Role) -> Principal:
        return Principal(self.organization_id, role, f"demo {role}")

    def person(self, number: str) -> Principal:
        employee = self.people[number]
        return Principal(self.organization_id, Role.PARTICIPANT, number, employee_id=employee.id)

    def good_staff(self, prefix: str, count: int) -> list[str]:
        """The first `count` staff of a department in good standing, by employee number."""
        numbers = [f"{prefix}-{n}" for n in range(1, 11)]
        return [n for n in numbers if self.people[n].in_good_standing][:count]

    async def apply(self, cohort_id: UUID, mentees: Iterable[str], mentors: Iterable[str]) -> None:
        admin = self.staff(Role.ORG_ADMIN)
        mentee_profile = {
            "strengths": ["reliability"],
            "weaknesses": ["delegation"],
            "leadership_history": "Led a citywide committee.",
            "participation_in_idp": True,
            "commits_to_evaluation": True,
            "goals": ["lead a team"],
            "competencies_wanted": ["leadership", "budgeting"],
            "needs_assessment": "Wants to prepare for a supervisory role.",
        }
        mentor_profile = {"competencies": ["leadership", "budgeting"], "bio": "A volunteer."}
        for role, numbers, profile in (
            (ApplicantRole.MENTEE, mentees, mentee_profile),
            (ApplicantRole.MENTOR, mentors, mentor_profile),
        ):
            for number in numbers:
                await applications.submit_application(
                    uow=self.uow(),
                    principal=admin,
                    clock=self.clock,
                    cohort_id=cohort_id,
                    employee_id=self.people[number].id,
                    role=role,
                    profile=profile,
                )

    async def pair(
        self, by: Principal, cohort_id: UUID, mentee: str, mentor: str, formed_by: PairFormation
    ) -> UUID:
        made = await mentorships.create_mentorship(
            uow=self.uow(),
            principal=by,
            clock=self.clock,
            cohort_id=cohort_id,
            mentee_id=self.people[mentee].id,
            mentor_id=self.people[mentor].id,
            formed_by=formed_by,
        )
        return made.id

    async def confirm(self, mentorship_id: UUID, *numbers: str) -> None:
        for number in numbers:
            await confirmations.confirm_mentorship(
                uow=self.uow(),
                principal=self.person(number),
                clock=self.clock,
                mentorship_id=mentorship_id,
            )

    async def agree(self, mentorship_id: UUID, mentee: str, mentor: str, terms: Any) -> None:
        """The mentee writes the agreement; both sign it."""
        await agreements.write_agreement(
            uow=self.uow(), principal=self.person(mentee), mentorship_id=mentorship_id, terms=terms
        )
        for number in (mentee, mentor):
            await agreements.sign_agreement(
                uow=self.uow(),
                principal=self.person(number),
                clock=self.clock,
                mentorship_id=mentorship_id,
            )

    async def meet(self, mentorship_id: UUID, by: str, day: date, notes: str) -> UUID:
        self.clock.on(day)
        logged = await meetings.log_meeting(
            uow=self.uow(),
            principal=self.person(by),
            clock=self.clock,
            meeting=Meeting(
                id=uuid.uuid4(),
                mentorship_id=mentorship_id,
                held_on=day,
                hours=1.5,
                topics=("leadership",),
                notes=notes,
            ),
        )
        return logged.id
