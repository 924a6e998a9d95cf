"""The GraphQL schema and its router, with limits so one request cannot ask for everything."""

from __future__ import annotations

import asyncio
import functools
import json
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import orjson
import strawberry
from fastapi.routing import APIWebSocketRoute
from graphql import GraphQLError
from strawberry.extensions import (
    MaskErrors,
    MaxAliasesLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLRequestData
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.name_converter import NameConverter

from app.api.graphql.access import AccessMutation, AccessQuery
from app.api.graphql.conclusion import ConclusionMutation, ConclusionQuery
from app.api.graphql.context import Context, context_for
from app.api.graphql.cost import cost_rule
from app.api.graphql.document_checks import DocumentChecks, Documents
from app.api.graphql.employees import EmployeeMutation, EmployeeQuery
from app.api.graphql.integrations import IntegrationMutation, IntegrationQuery
from app.api.graphql.people import PeopleMutation, PeopleQuery
from app.api.graphql.program_lists import ProgramListQuery
from app.api.graphql.program_year import ProgramYearMutation, ProgramYearQuery
from app.api.graphql.programs import ProgramMutation, ProgramQuery
from app.api.graphql.records import RecordsMutation, RecordsQuery
from app.api.graphql.relationships import RelationshipMutation, RelationshipQuery
from app.api.graphql.termination import TerminationMutation, TerminationQuery
from app.config import Settings
from app.domain.errors import DomainError


@strawberry.type
class Query(
    EmployeeQuery,
    AccessQuery,
    ProgramQuery,
    ProgramListQuery,
    RelationshipQuery,
    IntegrationQuery,
    ProgramYearQuery,
    PeopleQuery,
    RecordsQuery,
    ConclusionQuery,
    TerminationQuery,
):
    pass


@strawberry.type
class Mutation(
    EmployeeMutation,
    AccessMutation,
    ProgramMutation,
    RelationshipMutation,
    IntegrationMutation,
    ProgramYearMutation,
    PeopleMutation,
    RecordsMutation,
    ConclusionMutation,
    TerminationMutation,
):
    pass


# (max depth, max aliases, max cost, max tokens): all a schema takes from the settings.
_Limits = tuple[int, int, int, int]


def _limits(limits: _Limits) -> list[Callable[[], SchemaExtension]]:
    """The schema's extensions, as factories (Strawberry makes each afresh per request)."""
    max_depth, max_aliases, max_cost, max_tokens = limits
    # The rules are made once, here: a limiter makes a new rule class each time it is built.
    rules = (
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
        cost_rule(max_cost),
    )
    # Dashboards send the same documents again and again: parse and validate each once
    # (the limits above are validation rules, so their verdicts are kept with it).
    documents = Documents(maxsize=512)
    return [
        lambda: DocumentChecks(documents, rules, max_tokens),
        lambda: MaskErrors(should_mask_error=_is_unexpected),
    ]


def _is_unexpected(error: GraphQLError) -> bool:
    """Mask what a resolver raised by surprise; keep the client's own mistakes readable
    (syntax, unknown fields, limits) and the domain's refusals (their text is for people)."""
    original = error.original_error
    return original is not None and not isinstance(original, GraphQLError | DomainError)


class RememberedNames(NameConverter):
    """Strawberry's naming (snake_case to camelCase), each name worked out once: Strawberry
    asks again for every argument of every field it resolves (a dashboard's page of pairs
    asks for each pair's `goals` arguments), and the answer never changes."""

    def __init__(self) -> None:
        super().__init__()
        self._names: dict[str, str] = {}

    def apply_naming_config(self, name: str) -> str:
        if (known := self._names.get(name)) is None:
            known = self._names[name] = super().apply_naming_config(name)
        return known


def build_schema(settings: Settings) -> strawberry.Schema:
    return _schema(
        (
            settings.graphql_max_depth,
            settings.graphql_max_aliases,
            settings.graphql_max_cost,
            settings.graphql_max_tokens,
        )
    )


@functools.cache
def _schema(limits: _Limits) -> strawberry.Schema:
    """Built once per set of limits: a schema holds no per-app state, and building one is
    most of what `create_app` costs, which a process making many apps (the tests) repeats."""
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        extensions=_limits(limits),
        config=StrawberryConfig(name_converter=RememberedNames()),
    )


# A body above this size is decoded in a worker thread (an import's variables), so the event
# loop keeps serving every other request meanwhile; smaller ones are not worth the hop.
DECODE_IN_THREAD_BYTES = 64 * 1024
# The body decoded off the loop for this request, handed to `decode_json` (per task).
_decoded: ContextVar[tuple[bytes, object] | None] = ContextVar("graphql_body", default=None)


def decoded_body(body: bytes) -> object:
    return json.loads(body)


class _Router(GraphQLRouter[Context, None]):
    async def parse_http_body(
        self,
        request: Any,  # Strawberry's request adapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """Strawberry's own parsing, with a large JSON body decoded in a worker thread."""
        if request.method == "POST":
            body = await request.get_body()
            if isinstance(body, bytes) and len(body) > DECODE_IN_THREAD_BYTES:
                try:
                    decoded = await asyncio.to_thread(decoded_body, body)
                except ValueError:  # Strawberry reads it again and answers its own 400
                    return await super().parse_http_body(request)
                token = _decoded.set((body, decoded))
                try:
                    return await super().parse_http_body(request)
                finally:
                    _decoded.reset(token)
        return await super().parse_http_body(request)

    def decode_json(self, data: str | bytes) -> object:
        held = _decoded.get()
        if held is not None and held[0] is data:
            return held[1]
        return super().decode_json(data)

    def encode_json(self, data: object) -> str | bytes:
        """orjson (Strawberry's documented hook for the encoder): a dashboard's response is
        encoded faster than by `json`; `json` still takes what orjson refuses
        (integers beyond 64 bits in JSON scalars)."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return super().encode_json(data)


def build_router(settings: Settings) -> GraphQLRouter[Context, None]:
    # Operations by POST only; the GraphiQL page is served offline by app/api/docs.py.
    router = _Router(
        build_schema(settings),
        path="/graphql",
        context_getter=context_for,
        graphql_ide=None,
        allow_queries_via_get=False,
        include_in_schema=False,
    )
    # The schema has no subscriptions, and the context authenticates HTTP requests only: a
    # websocket would fail there with a server error. Without the route it is simply closed.
    router.routes[:] = [r for r in router.routes if not isinstance(r, APIWebSocketRoute)]
    return router
