"""A cohort as it is read: what is stored, and the last day it takes applications, which the
program's policy decides when the coordinator set no close date (so an integrator need not know
each handbook's reading)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from app.domain.calendar.cohort_calendar import applications_close_on
from app.domain.policy.model import Policy
from app.services.programs.records import Cohort


@dataclass(frozen=True, slots=True)
class CohortView:
    """A stored cohort and `applications_open_until`: the last day it takes applications
    (None: while the cohort has no end)."""

    id: UUID
    program_id: UUID
    name: str
    starts_on: date
    ends_on: date | None
    applications_close_on: date | None
    applications_open_until: date | None
    created_at: datetime | None = None

    @classmethod
    def of(cls, cohort: Cohort, policy: Policy) -> CohortView:
        """The cohort, its applications closing as `policy` reads it."""
        return cls(
            cohort.id,
            cohort.program_id,
            cohort.name,
            cohort.starts_on,
            cohort.ends_on,
            cohort.applications_close_on,
            applications_close_on(
                policy, cohort.starts_on, cohort.ends_on, cohort.applications_close_on
            ),
            cohort.created_at,
        )

    @property
    def record(self) -> Cohort:
        """The stored cohort (whose fingerprint is the `If-Match` of an update)."""
        return Cohort(
            self.id,
            self.program_id,
            self.name,
            self.starts_on,
            self.ends_on,
            self.applications_close_on,
            self.created_at,
        )
