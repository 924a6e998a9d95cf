"""Reading mentorships in GraphQL, a page or one at a time (the same services as REST)."""

from __future__ import annotations

from uuid import UUID

import strawberry

from app.api.graphql import page_relations
from app.api.graphql.context import context_of
from app.api.graphql.mentorship_relations import cursor
from app.api.graphql.mentorship_types import Mentorship, MentorshipConnection, MentorshipEdge
from app.api.graphql.programs_common import args, or_none
from app.api.graphql.relay import cursor_argument, direction, page_info
from app.services.paging import encode_cursor
from app.services.relationships import mentorships


@strawberry.type
class MentorshipQuery:
    @strawberry.field(
        description="The mentorships the caller may see, in id order (Relay connection; "
        "keyset pages: `first`/`after` forward, `last`/`before` backward)"
    )
    async def mentorships(
        self,
        info: strawberry.Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        cohort_id: UUID | None = None,
    ) -> MentorshipConnection:
        count, key, backward = direction(first, after, last, before, default=50)
        asked = page_relations.wanted(info)
        page = await mentorships.page_of_mentorships(
            **args(info),
            cohort_id=cohort_id,
            after=cursor(key, cursor_argument(backward)),
            limit=count,
            documents=asked.documents,
            backward=backward,
        )
        related = await page_relations.load_related(info, page.mentorships, asked)
        loaders = context_of(info).loaders
        edges = [
            MentorshipEdge(
                cursor=encode_cursor([str(m.id)]), node=Mentorship.of(m, loaders, related)
            )
            for m in page.mentorships
        ]
        return MentorshipConnection(
            edges=edges,
            page_info=page_info(
                [e.cursor for e in edges],
                more=page.has_more,
                backward=backward,
                resumed=key is not None,
            ),
        )

    @strawberry.field(description="A mentorship; null when not found")
    async def mentorship(self, info: strawberry.Info, id: UUID) -> Mentorship | None:
        found = await or_none(mentorships.get_mentorship(**args(info), mentorship_id=id))
        return Mentorship.of(found, context_of(info).loaders) if found else None
