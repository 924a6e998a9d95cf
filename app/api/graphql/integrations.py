"""The integrations area in GraphQL: the same service functions as REST."""

from __future__ import annotations


class IntegrationQuery:
    pass


class IntegrationMutation:
    pass
