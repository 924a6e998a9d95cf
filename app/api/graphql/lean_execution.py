"""graphql-core's executor with short paths for what a list query is made of.

A 20-pair dashboard completes ~270 fields. For each, graphql-core builds a path and a resolve
info (sixteen values), coerces the field's arguments again, and walks `complete_value` through
its non-null, list, leaf, abstract and object checks. Three short paths:

- a plain leaf (`state`, `givenName`, `heldOn`: a Strawberry attribute read) is read and
  coerced directly, with no path or info;
- an object value (a list's item, a relation) goes straight to its fields;
- a field's arguments are coerced once for the request, not once per item.

Anything unusual takes graphql-core's own path for that field, so errors, their paths and the
propagation of nulls are graphql-core's: a null where the type is non-null, a value the scalar
refuses, an exception returned as a value, an awaitable, `is_type_of`, a middleware (a
Strawberry extension acting per field), fragment arguments. A Hypothesis property in
tests/api/graphql/test_lean_execution.py holds the answers equal to graphql-core's, wrong
values included. Measured in-process on the load benchmark's dashboard: 7-13% less CPU a
request over four runs (A/B in one process; this machine's speed drifts too much for
separate runs).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from enum import Enum
from typing import Any, NamedTuple, TypeVar
from uuid import UUID

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import to_nodes
from graphql.execution.values import get_argument_values
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext


class _Leaf(NamedTuple):
    """How to answer one plain leaf field: read it, then coerce it to its scalar or enum."""

    read: Callable[..., Any]
    type: GraphQLLeafType
    nullable: bool


_IMMUTABLE = (str, int, float, Enum, UUID, type(None))

# Per field of a selection: its response name, its nodes, and a `_Leaf` when it may be short.
_Plan = list[tuple[str, FieldDetailsList, _Leaf | None]]
# A field whose arguments are kept for the request, and those arguments.
_Arguments = tuple[GraphQLField, dict[str, Any]]


class LeanExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A selection's grouped fields are memoised by graphql-core for the whole request, so
        # the items of a list share one: its plan is made once (kept with it, so its id holds).
        self._plans: dict[int, tuple[GroupedFieldSet, _Plan]] = {}
        self._kept_arguments: dict[int, tuple[FieldDetailsList, _Arguments | None]] = {}
        # A middleware (a Strawberry extension acting per field) must see every field.
        manager = self.middleware_manager
        self._short_paths = manager is None or not manager.middlewares

    def execute_fields(
        self,
        parent_type: GraphQLObjectType,
        source_value: Any,
        path: Path | None,
        grouped_field_set: GroupedFieldSet,
        position_context: Any,
    ) -> AwaitableOrValue[dict[str, Any]]:
        if not self._short_paths:
            return super().execute_fields(
                parent_type, source_value, path, grouped_field_set, position_context
            )
        results: dict[str, Any] = {}
        awaiting: list[str] = []
        is_awaitable = self.is_awaitable
        try:
            for name, details, leaf in self._plan(parent_type, grouped_field_set):
                if leaf is not None:
                    value = _short(leaf, source_value, is_awaitable)
                    if value is not Undefined:
                        results[name] = value
                        continue
                field_path = Path(path, name, parent_type.name)
                result = self.execute_field(
                    parent_type, source_value, details, field_path, position_context
                )
                if result is not Undefined:
                    results[name] = result
                    if is_awaitable(result):
                        awaiting.append(name)
        except Exception:
            if awaiting:  # as graphql-core: settle what other fields started, then fail
                self.settle_in_background([results[name] for name in awaiting])
            raise
        if not awaiting:
            return results
        return _gathered(results, awaiting)

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: FieldDetailsList,
        path: Path,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        """As graphql-core's, but a field's arguments are coerced once for the request, not
        once per list item (`goals(first: 5)` on every pair): its literals and variables are
        the same for every item."""
        found = self._arguments(parent_type, field_details_list)
        if found is None:
            return super().execute_field(
                parent_type, source, field_details_list, path, position_context
            )
        field, args = found
        kind = field.type
        info = self.build_resolve_info(field, to_nodes(field_details_list), parent_type, path)
        try:
            result = (field.resolve or self.field_resolver)(source, info, **args)
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    kind, field_details_list, info, path, result, position_context
                )
            completed = self.complete_value(
                kind, field_details_list, info, path, result, position_context
            )
            if self.is_awaitable(completed):
                return self._guarded(completed, kind, field_details_list, path)
            return completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, kind, field_details_list, path)
            return None

    async def _guarded(
        self, completed: Any, kind: GraphQLOutputType, details: FieldDetailsList, path: Path
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, kind, details, path)
            return None

    def _arguments(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> _Arguments | None:
        """The field and its coerced arguments when they can be kept for the whole request
        (no middleware, no fragment arguments, only values no resolver can change). Else
        None: graphql-core's own path."""
        return _kept(self._kept_arguments, details, lambda: self._coerced(parent_type, details))

    def _coerced(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> _Arguments | None:
        node = details[0].node
        field = self.schema.get_field(parent_type, node.name.value)
        if (
            field is None
            or not (field.args or node.arguments)
            or not self._short_paths
            or details[0].fragment_variable_values is not None
        ):
            return None
        try:
            args = get_argument_values(
                field, node, self.variable_values, None, self.hide_suggestions
            )
        except Exception:  # graphql-core's path reports it, located, for each item
            return None
        # Shared by every item, so only values no resolver can change (no default list).
        if not all(isinstance(v, _IMMUTABLE) for v in args.values()):
            return None
        return field, args

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        """An object (a list's item, a relation's value) goes straight to its fields, skipping
        five layers of checks that only other kinds of type need. The rest is graphql-core's."""
        kind = return_type.of_type if isinstance(return_type, GraphQLNonNull) else return_type
        if (
            type(kind) is GraphQLObjectType
            and kind.is_type_of is None
            and result is not None
            and result is not Undefined
            and not isinstance(result, Exception)
        ):
            return self.collect_and_execute_subfields(
                kind, field_details_list, path, result, position_context
            )
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _plan(self, parent_type: GraphQLObjectType, grouped: GroupedFieldSet) -> _Plan:
        return _kept(
            self._plans,
            grouped,
            lambda: [(n, d, _leaf(parent_type, d, self)) for n, d in grouped.items()],
        )


Kept = TypeVar("Kept")


def _kept(cache: dict[int, tuple[Any, Kept]], key: Any, make: Callable[[], Kept]) -> Kept:
    """`make()`, once per `key` object for the request. graphql-core memoises selections the
    same way: by identity, the key kept beside the value so that its id cannot be reused."""
    found = cache.get(id(key))
    if found is not None and found[0] is key:
        return found[1]
    made = make()
    cache[id(key)] = (key, made)
    return made


def _leaf(
    parent_type: GraphQLObjectType, details: FieldDetailsList, executor: LeanExecutionContext
) -> _Leaf | None:
    """The short path for this field, or None when graphql-core's own is needed."""
    node = details[0].node
    field = executor.schema.get_field(parent_type, node.name.value)
    if field is None or field.args or node.arguments:
        return None
    if not getattr(field.resolve, "_is_default", False):  # Strawberry's plain attribute read
        return None
    kind, nullable = field.type, True
    if isinstance(kind, GraphQLNonNull):
        kind, nullable = kind.of_type, False
    if not is_leaf_type(kind):
        return None
    return _Leaf(field.resolve, kind, nullable)  # type: ignore[arg-type]


def _short(leaf: _Leaf, source: Any, is_awaitable: Callable[[Any], bool]) -> Any:
    """The field's coerced value, or Undefined where graphql-core must answer instead."""
    value = leaf.read(source, None)
    if value is None or value is Undefined:
        return None if leaf.nullable else Undefined
    if isinstance(value, Exception):  # graphql-core raises it as the field's error
        return Undefined
    if is_awaitable(value):
        if inspect.iscoroutine(value):
            value.close()  # graphql-core's path reads the field again, and awaits that
        return Undefined
    try:
        coerced = leaf.type.coerce_output_value(value)
    except Exception:  # graphql-core will raise it again, located, on its own path
        return Undefined
    return Undefined if coerced is None else coerced


async def _gathered(results: dict[str, Any], awaiting: list[str]) -> dict[str, Any]:
    if len(awaiting) == 1:
        results[awaiting[0]] = await results[awaiting[0]]
    else:
        awaited = await gather_with_cancel(*(results[name] for name in awaiting))
        results.update(zip(awaiting, awaited, strict=True))
    return results
