"""A cohort's luncheon groups and the caller's calendar feed in GraphQL (the same services as
REST): what people of a cohort meet at, and when, beyond their own pair's meetings."""

from __future__ import annotations

from uuid import UUID

import strawberry

from app.api.graphql import relationship_report_types as rt
from app.api.graphql.relationship_common import args, done
from app.domain.luncheons import LuncheonGroup as DomainLuncheonGroup
from app.services.relationships import calendar_feed, luncheon_groups


@strawberry.type
class CalendarMutation:
    @strawberry.mutation(
        description="Seat a cohort's mentees in luncheon groups; hosts rotate. Once a luncheon "
        "has been held the groups stand (rule luncheon_groups_fixed)"
    )
    async def compute_luncheon_groups(
        self, info: strawberry.Info, cohort_id: UUID
    ) -> rt.LuncheonPlanResult:
        work = luncheon_groups.compute_luncheon_groups(
            **args(info, clock=True), cohort_id=cohort_id
        )
        return await done(work, rt.luncheon_plan)

    @strawberry.mutation(
        description="Replace a cohort's luncheon groups (same rules); once a luncheon has been "
        "held a mentee who stays keeps their group (rule mentees_remain_with_their_group)"
    )
    async def edit_luncheon_groups(
        self, info: strawberry.Info, cohort_id: UUID, groups: list[rt.LuncheonGroupInput]
    ) -> rt.LuncheonPlanResult:
        plan = [DomainLuncheonGroup(g.number, tuple(g.mentees), tuple(g.hosts)) for g in groups]
        work = luncheon_groups.edit_luncheon_groups(
            **args(info, clock=True), cohort_id=cohort_id, groups=plan
        )
        return await done(work, rt.luncheon_plan)

    @strawberry.mutation(description="A new secret URL for the caller's calendar feed")
    async def issue_calendar_feed(self, info: strawberry.Info) -> rt.CalendarFeedResult:
        def url(issued: calendar_feed.IssuedFeed) -> rt.CalendarFeed:
            return rt.CalendarFeed(url=f"/v1/calendar/{issued.organization_id}/{issued.secret}.ics")

        return await done(calendar_feed.issue_calendar_feed(**args(info)), url)
