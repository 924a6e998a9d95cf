"""A cohort as it is read: what is stored, and the last day it takes applications, which the
program's policy decides when the coordinator set no close date (so an integrator need not know
each handbook's reading)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from app.domain.calendar.cohort_calendar import applications_close_on
from app.domain.policy.model import Policy
from app.services.programs.records import Cohort

_STORED = tuple(f.name for f in fields(Cohort))


@dataclass(frozen=True, slots=True)
class CohortView(Cohort):
    """A stored cohort and `applications_open_until`: the last day it takes applications
    (None: while the cohort has no end)."""

    applications_open_until: date | None = None

    @classmethod
    def of(cls, cohort: Cohort, policy: Policy) -> CohortView:
        """The cohort, its applications closing as `policy` reads it."""
        closes = applications_close_on(
            policy, cohort.starts_on, cohort.ends_on, cohort.applications_close_on
        )
        return cls(
            **{name: getattr(cohort, name) for name in _STORED}, applications_open_until=closes
        )

    @property
    def record(self) -> Cohort:
        """The stored cohort (whose fingerprint is the `If-Match` of an update)."""
        return Cohort(**{name: getattr(self, name) for name in _STORED})
