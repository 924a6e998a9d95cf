"""Running a mentorship in GraphQL: the same service functions as REST."""

from __future__ import annotations


class RelationshipQuery:
    pass


class RelationshipMutation:
    pass
