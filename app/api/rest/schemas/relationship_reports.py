"""REST shapes of a cohort's reports, fee bill and luncheon groups."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import relationship_reports as ex

_READ = ConfigDict(from_attributes=True)
_INPUT = ConfigDict(extra="forbid")


class AggregateRead(BaseModel):
    model_config = _READ
    count: int
    mean: float | None
    suppressed: bool = Field(description="Fewer than five answered: the mean is not shown")


class ItemAverageRead(BaseModel):
    model_config = _READ
    item: str
    aggregate: AggregateRead


class FormItemReportRead(BaseModel):
    model_config = _READ
    kind: str = Field(description="The evaluation the form is for (checkup, midpoint, ...)")
    form_version: int
    key: str
    text: str
    scale: str | None = Field(description='As printed: "1 = Strongly Agree, ..., 5 = ..."')
    favourable: str | None = Field(description="Which end of the scale agrees: low or high")
    unit: str
    aggregate: AggregateRead
    evaluation_round: int | None = Field(
        default=None,
        description="The program evaluation's round on the cohort's calendar these answers "
        "were given in; null for other evaluations",
    )


class CohortReportRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.COHORT_REPORT_READ)
    cohort_id: UUID
    mentorships: int
    by_state: dict[str, int]
    meetings: int
    hours: float
    checkpoint_outcomes: dict[str, int | None] = Field(description="null: under five, suppressed")
    completion_rate: float | None
    withdrawal_rate: float | None
    checkup_averages: list[ItemAverageRead]
    form_items: list[FormItemReportRead] = Field(
        description="Every form's scale and number items, in the form's own direction"
    )
    smallest_group: int


class DepartmentBillRead(BaseModel):
    model_config = _READ
    department: str
    proteges: int
    amount_cents: int


class FeeBillRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.FEE_BILL_READ)
    cohort_id: UUID
    fee_cents: int
    billed_to: str
    departments: list[DepartmentBillRead]
    total_cents: int


class LuncheonGroupSchema(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        from_attributes=True,
        json_schema_extra=ex.LUNCHEON_GROUP_SCHEMA,
    )
    number: int = Field(ge=1)
    mentees: list[UUID] = Field(description="Stay together all term")
    hosts: list[UUID] = Field(description="The host at each luncheon, in order")


class LuncheonGroupPageRead(Page[LuncheonGroupSchema]):
    """A page of luncheon groups."""


class LuncheonGroupsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=ex.LUNCHEON_GROUPS_UPDATE)
    groups: list[LuncheonGroupSchema] = Field(max_length=100)
