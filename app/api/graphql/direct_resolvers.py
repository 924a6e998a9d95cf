"""Hot resolvers called by graphql-core directly, without Strawberry's wrapper around each call.

Strawberry wraps every resolver it calls in an `Info` object, an argument conversion and an
extension chain: ~10 µs a call. A dashboard of 20 pairs calls four relations a pair, and the
wrapping cost more than the batches that fetched their data (the dashboard, in-process:
8.6 -> 5.5 ms). The functions and the schema's text stay exactly as declared; only who calls
them changes. None of our extensions acts per field, so nothing the wrapper did is lost.
(Plain attributes were tried too: no difference that this machine could measure.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLSchema


def install(schema: strawberry.Schema, resolvers: dict[str, dict[str, Callable[..., Any]]]) -> None:
    """`resolvers` by type name, then GraphQL field name, each called as graphql-core calls."""
    core: GraphQLSchema = schema._schema  # Strawberry offers no public handle
    for type_name, fields in resolvers.items():
        kind = core.type_map[type_name]
        assert isinstance(kind, GraphQLObjectType)
        for name, resolve in fields.items():
            kind.fields[name].resolve = resolve
