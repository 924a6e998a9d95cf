"""GraphQL types of cohort reports, luncheon groups and the calendar."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from app.api.graphql.built import build
from app.api.graphql.problems import Problem


@strawberry.type(description="A mean of answers; null when fewer than five answered")
class AnswerAggregate:
    count: int
    mean: float | None
    suppressed: bool


@strawberry.type
class ItemAverage:
    item: str
    aggregate: AnswerAggregate


@strawberry.type(description="One form item's aggregate, read on the form's own scale")
class FormItemReport:
    kind: str
    form_version: int
    key: str
    text: str
    scale: str | None
    favourable: str | None
    unit: str
    aggregate: AnswerAggregate
    evaluation_round: int | None = strawberry.field(
        description="The program evaluation's round on the cohort's calendar; null for others"
    )


@strawberry.type(description="A cohort's aggregates; groups under five are suppressed")
class CohortReport:
    cohort_id: UUID
    mentorships: int
    by_state: JSON
    meetings: int
    hours: float
    checkpoint_outcomes: JSON
    completion_rate: float | None
    withdrawal_rate: float | None
    checkup_averages: list[ItemAverage]
    form_items: list[FormItemReport]
    smallest_group: int


@strawberry.type
class DepartmentBill:
    department: str
    proteges: int
    amount_cents: int


@strawberry.type(description="The program fee billed per department of the proteges")
class FeeBill:
    cohort_id: UUID
    fee_cents: int
    billed_to: str
    departments: list[DepartmentBill]
    total_cents: int


def cohort_report(report: Any) -> CohortReport:
    averages = [
        ItemAverage(item=a.item, aggregate=build(AnswerAggregate, a.aggregate))
        for a in report.checkup_averages
    ]
    items = [
        build(FormItemReport, item, aggregate=build(AnswerAggregate, item.aggregate))
        for item in report.form_items
    ]
    return build(CohortReport, report, checkup_averages=averages, form_items=items)


def fee_bill(bill: Any) -> FeeBill:
    return build(FeeBill, bill, departments=[build(DepartmentBill, d) for d in bill.departments])


@strawberry.type(description="Mentees who lunch together all term, and their host per luncheon")
class LuncheonGroup:
    number: int
    mentees: list[UUID]
    hosts: list[UUID]


@strawberry.input
class LuncheonGroupInput:
    number: int
    mentees: list[UUID]
    hosts: list[UUID]


@strawberry.type(description="The cohort's luncheon groups as set")
class LuncheonPlan:
    groups: list[LuncheonGroup]


LuncheonPlanResult = Annotated[LuncheonPlan | Problem, strawberry.union("LuncheonPlanResult")]


def luncheon_plan(groups: Any) -> LuncheonPlan:
    return LuncheonPlan(groups=[build(LuncheonGroup, g) for g in groups])


@strawberry.type(description="An entry of the caller's calendar (facts only)")
class CalendarEntry:
    uid: str
    title: str
    starts_on: date
    ends_on: date | None
    cancelled: bool
    attended: bool | None = strawberry.field(
        description="At a cohort event whose attendance was recorded (a group session): "
        "whether you were recorded present; null while nobody's attendance is recorded"
    )
    excused: bool = strawberry.field(
        description="Whether you were excused from this cohort event (an excused absence is "
        "not a missed session)"
    )


@strawberry.type(description="A new secret calendar URL, shown once")
class CalendarFeed:
    url: str


CalendarFeedResult = Annotated[CalendarFeed | Problem, strawberry.union("CalendarFeedResult")]
