"""Hot resolvers called by graphql-core directly, without Strawberry's wrapper around each call.

Strawberry wraps every resolver it calls in an `Info` object, an argument conversion and an
extension chain: ~10 µs a call. A dashboard of 20 pairs calls four relations a pair, and the
wrapping cost more than the batches that fetched their data (the dashboard, in-process:
8.6 -> 5.5 ms). The functions are the ones the fields declare, read from the schema, and its
text is unchanged; only who calls them changes. None of our extensions acts per field, so
nothing the wrapper did is lost. (Plain attributes were tried too: no difference that this
machine could measure.) A resolver so called receives graphql-core's info, whose `context`
is ours, and its arguments already coerced by graphql-core.

A resolver installed here must read nothing of its info but `context`: the fields are marked
`CONTEXT_ONLY`, and lean execution calls them with the context alone, making no path or
resolve info for each (80 calls a dashboard; see `short_fields.Relation`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from graphql import GraphQLField, GraphQLObjectType, GraphQLSchema

# Where Strawberry keeps, on each graphql-core field and argument, what it was made from.
_DEFINITION = "strawberry-definition"
# Marks, on a graphql-core field, a resolver called directly that reads only `info.context`.
CONTEXT_ONLY = "mentoring-context-only"


def install(schema: strawberry.Schema, fields: dict[str, tuple[str, ...]]) -> None:
    """Have graphql-core call these fields' own resolvers (by type name, then field name).
    Each must read nothing of its info but `info.context`."""
    core: GraphQLSchema = schema._schema  # Strawberry offers no public handle
    for type_name, names in fields.items():
        kind = core.type_map[type_name]
        assert isinstance(kind, GraphQLObjectType)
        for name in names:
            kind.fields[name].resolve = _direct(kind.fields[name])
            kind.fields[name].extensions = {**kind.fields[name].extensions, CONTEXT_ONLY: True}


def _direct(field: GraphQLField) -> Callable[..., Any]:
    resolver = field.extensions[_DEFINITION].base_resolver
    assert resolver is not None, "only a field with a resolver of its own can be called directly"
    call: Callable[..., Any] = resolver.wrapped_func
    # GraphQL's argument names to the function's (`first` is `first`, `cohortId` is cohort_id).
    names = {n: a.extensions[_DEFINITION].python_name for n, a in field.args.items()}
    if all(graphql == python for graphql, python in names.items()):
        return call  # nothing to rename: no wrapper at all
    return lambda source, info, **args: call(source, info, **{names[k]: v for k, v in args.items()})
