"""The SCIM 2.0 endpoint (`/scim/v2`): scim2-server's ASGI application over our storage,
authenticated with our API tokens (the integration role, or an administrator)."""

from __future__ import annotations

from typing import Any

from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    ETag,
    Filter,
    ForbiddenException,
    Patch,
    ResourceType,
    ScimProvider,
    ServiceProviderConfig,
    Sort,
    UnauthorizedException,
    User,
)
from scim2_server.applications.asgi import ASGIApplication
from scim2_server.requests import ScimRequest
from scim2_server.responses import ScimResponse
from scim2_server.service import ScimService

from app.adapters.auth.authenticator import Authenticator
from app.adapters.auth.errors import InvalidCredentials
from app.adapters.db.database import Database
from app.adapters.scim.groups import DESCRIPTION, HrGroup
from app.adapters.scim.storage import CALLER, Caller, EmployeeStorage
from app.adapters.scim.users import HrEnterpriseUser
from app.domain.access import Role
from app.services.integrations.scim_directory import MAX_RESULTS

PROVISIONERS = (Role.INTEGRATION, Role.ORG_ADMIN)


def provider() -> ScimProvider:
    config = ServiceProviderConfig(
        patch=Patch(supported=True),
        bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
        filter=Filter(supported=True, max_results=MAX_RESULTS),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=False),
        etag=ETag(supported=True),
        authentication_schemes=[
            AuthenticationScheme(
                type=AuthenticationScheme.Type.oauthbearertoken,
                name="API token",
                description="An API token of the integration role, as a bearer token",
            )
        ],
    )
    users = ResourceType.from_resource(User[HrEnterpriseUser])
    users.description = "An employee of the directory, keyed by HR's employeeNumber"
    groups = ResourceType.from_resource(HrGroup)
    groups.description = DESCRIPTION
    return ScimProvider(
        models=[User, HrEnterpriseUser, HrGroup], resource_types=[users, groups], config=config
    )


class ScimApplication(ASGIApplication):
    def __init__(self, database: Database, authenticator: Authenticator, secret: str) -> None:
        scim_provider = provider()
        super().__init__(
            EmployeeStorage(), scim_provider, ScimService(scim_provider, secret=secret)
        )
        self.database, self.authenticator = database, authenticator

    async def dispatch_request(self, request: ScimRequest) -> ScimResponse:
        if not self.needs_auth(request):
            return await self.handler.handle(request)
        scheme, _, token = (request.header("Authorization") or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise UnauthorizedException(detail="send an API token as a bearer token")
        try:
            principal = await self.authenticator.authenticate(token.strip())
        except InvalidCredentials as error:
            raise UnauthorizedException(detail=error.reason) from None
        if principal.role not in PROVISIONERS:
            raise ForbiddenException(detail=f"the {principal.role} role may not provision users")
        token_var = CALLER.set(Caller(principal, self.database, request.base_url))
        try:
            request.subject = principal
            return await self.handler.handle(request)
        finally:
            CALLER.reset(token_var)


def scim_app(state: Any) -> ScimApplication:
    """Built lazily from the app's state, which holds the database once started."""
    return ScimApplication(state.database, state.authenticator, state.settings.secret_key)


class ScimMount:
    """Mounted at `/scim`; builds the SCIM application on the first request, once the
    database exists (it is opened at start-up, after the routes are mounted)."""

    def __init__(self) -> None:
        self._app: ScimApplication | None = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if self._app is None:
            self._app = scim_app(scope["app"].state)
        await self._app(scope, receive, send)
