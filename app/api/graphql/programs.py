"""The programs area in GraphQL, made of its concept modules (the same service functions as
REST). Strawberry lists a type's fields base by base, in the order the bases are named."""

from __future__ import annotations

import strawberry

from app.api.graphql.application_queries import ApplicationQuery
from app.api.graphql.cohort_mutations import CohortMutation
from app.api.graphql.matching_queries import MatchingQuery
from app.api.graphql.mentorship_queries import MentorshipQuery
from app.api.graphql.program_catalog import CatalogMutation, CatalogQuery
from app.api.graphql.program_mutations import ApplicationMutation, MatchingMutation


@strawberry.type
class ProgramQuery(CatalogQuery, ApplicationQuery, MatchingQuery, MentorshipQuery):
    pass


@strawberry.type
class ProgramMutation(ApplicationMutation, MatchingMutation, CohortMutation, CatalogMutation):
    pass
