"""The GraphQL schema and its router, with limits so one request cannot ask for everything."""

from __future__ import annotations

import orjson
import strawberry
from cross_web import HTTPException
from fastapi import BackgroundTasks, Request, Response
from fastapi.responses import PlainTextResponse
from fastapi.routing import APIRoute, APIWebSocketRoute
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.fastapi import GraphQLRouter

from app.api.graphql import direct_resolvers
from app.api.graphql.access import AccessMutation, AccessQuery
from app.api.graphql.conclusion import ConclusionMutation, ConclusionQuery
from app.api.graphql.context import context_for
from app.api.graphql.cost import cost_rule
from app.api.graphql.employees import EmployeeMutation, EmployeeQuery
from app.api.graphql.integrations import IntegrationMutation, IntegrationQuery
from app.api.graphql.lean_execution import LeanExecutionContext
from app.api.graphql.program_types import DIRECT_RELATIONS
from app.api.graphql.programs import ProgramMutation, ProgramQuery
from app.api.graphql.records import RecordsMutation, RecordsQuery
from app.api.graphql.relationships import RelationshipMutation, RelationshipQuery
from app.config import Settings
from app.domain.errors import DomainError


@strawberry.type
class Query(
    EmployeeQuery,
    AccessQuery,
    ProgramQuery,
    RelationshipQuery,
    IntegrationQuery,
    RecordsQuery,
    ConclusionQuery,
):
    pass


@strawberry.type
class Mutation(
    EmployeeMutation,
    AccessMutation,
    ProgramMutation,
    RelationshipMutation,
    IntegrationMutation,
    RecordsMutation,
    ConclusionMutation,
):
    pass


def _limits(settings: Settings) -> list[type[SchemaExtension]]:
    # The rules are made once, here: a limiter built per request is a new rule class every
    # time, and the validation cache, keyed by the rules, would then never hit.
    rules = [
        *QueryDepthLimiter(max_depth=settings.graphql_max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.graphql_max_aliases).validation_rules,
        cost_rule(settings.graphql_max_cost),
    ]

    # Strawberry wants extension classes; these subclasses carry our configured limits.
    class Limits(AddValidationRules):
        def __init__(self) -> None:
            super().__init__(rules)

    class Tokens(MaxTokensLimiter):
        def __init__(self) -> None:
            super().__init__(max_token_count=settings.graphql_max_tokens)

    class Mask(MaskErrors):
        def __init__(self) -> None:
            super().__init__(should_mask_error=_is_unexpected)

        def _process_result(self, result: object) -> None:
            # Most results have no errors: skip the runtime Protocol check Strawberry makes
            # of every result (~5% of a small query's CPU). With errors, Strawberry's own.
            if getattr(result, "errors", None):
                super()._process_result(result)

    class Parsed(ParserCache):
        def __init__(self) -> None:
            super().__init__(maxsize=512)

    class Validated(ValidationCache):
        def __init__(self) -> None:
            super().__init__(maxsize=512)

    # Dashboards send the same documents again and again: parse and validate each once
    # (the limits above are validation rules, so their verdicts are cached with it).
    return [Parsed, Validated, Limits, Tokens, Mask]


def _is_unexpected(error: GraphQLError) -> bool:
    """Mask what a resolver raised by surprise; keep the client's own mistakes readable
    (syntax, unknown fields, limits) and the domain's refusals (their text is for people)."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | DomainError)


def build_schema(settings: Settings) -> strawberry.Schema:
    schema = strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=_limits(settings),
        execution_context_class=LeanExecutionContext,
    )
    direct_resolvers.install(schema, {"Mentorship": DIRECT_RELATIONS})
    return schema


class _Router(GraphQLRouter[object, None]):
    async def handle_post(self, request: Request) -> Response:
        """The POST route's handler in place of FastAPI's: Strawberry's own run, with the
        context made directly (`context_for`). FastAPI's handler resolved six dependencies
        a request to make it, a quarter of a small query's CPU."""
        context = await context_for(request)
        context.request, context.response = request, _sub_response()
        context.background_tasks = BackgroundTasks()
        request.state.graphql_response = context.response
        try:
            response = await self.run(request=request, context=context, root_value=None)
        except HTTPException as error:  # as Strawberry's own route answers it
            return PlainTextResponse(error.reason, status_code=error.status_code)
        if context.background_tasks.tasks:
            response.background = context.background_tasks
        return response

    async def get_sub_response(self, request: Request) -> Response:
        # Strawberry keeps it on the router, which concurrent requests share: ours is each
        # request's own (Strawberry's route, which sets none, keeps Strawberry's way).
        own: Response | None = getattr(request.state, "graphql_response", None)
        return own if own is not None else self.temporal_response  # type: ignore[attr-defined]

    def encode_json(self, data: object) -> str | bytes:
        """orjson: a dashboard's response is encoded several times faster than by `json`;
        `json` still takes what orjson refuses (integers beyond 64 bits in JSON scalars)."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return super().encode_json(data)


def _sub_response() -> Response:
    """What resolvers may set headers and a status on, as FastAPI makes it: no length (the
    real response has its own) and no status until one is set."""
    response = Response()
    del response.headers["content-length"]
    response.status_code = None  # type: ignore[assignment]
    return response


def build_router(settings: Settings) -> GraphQLRouter[object, None]:
    # Operations by POST only; the GraphiQL page is served offline by app/api/docs.py.
    router = _Router(
        build_schema(settings),
        path="/graphql",
        context_getter=context_for,  # for Strawberry's own route; ours is handle_post
        graphql_ide=None,
        allow_queries_via_get=False,
        include_in_schema=False,
    )
    # The schema has no subscriptions, and the context authenticates HTTP requests only: a
    # websocket would fail there with a server error. Without the route it is simply closed.
    router.routes[:] = [r for r in router.routes if not isinstance(r, APIWebSocketRoute)]
    for route in router.routes:
        if isinstance(route, APIRoute) and route.methods == {"POST"}:
            route.own_handler = router.handle_post  # type: ignore[attr-defined]  # see add_routes
    return router
