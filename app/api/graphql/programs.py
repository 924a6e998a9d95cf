"""The programs area in GraphQL: the same service functions as REST."""

from __future__ import annotations


class ProgramQuery:
    pass


class ProgramMutation:
    pass
