"""API tokens, OIDC issuers, the organisation and the audit log in GraphQL, made of their
concept modules. Strawberry lists a type's fields base by base, in the order the bases are
named."""

from __future__ import annotations

import strawberry

from app.api.graphql.api_tokens import TokenMutation, TokenQuery
from app.api.graphql.audit_log import AuditQuery
from app.api.graphql.oidc_issuers import IssuerMutation, IssuerQuery
from app.api.graphql.organization import OrganizationMutation, OrganizationQuery


@strawberry.type
class AccessQuery(TokenQuery, IssuerQuery, OrganizationQuery, AuditQuery):
    pass


@strawberry.type
class AccessMutation(TokenMutation, IssuerMutation, OrganizationMutation):
    pass
