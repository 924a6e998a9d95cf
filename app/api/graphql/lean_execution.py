"""graphql-core's executor with short paths for what a list query is made of.

A 20-pair dashboard completes ~270 fields. For each, graphql-core builds a path and a resolve
info (sixteen values), coerces the field's arguments again, and walks `complete_value` through
its non-null, list, leaf, abstract and object checks. The short paths:

- a plain leaf (`state`, `givenName`, `heldOn`: a Strawberry attribute read) is read and
  coerced directly, with no path or info;
- a relation whose resolver reads only the context (`direct_resolvers`) is called with it
  alone, with no info;
- an object value (a list's item, a relation) goes straight to its fields;
- a field's arguments are coerced once for the request, not once per item.

How each field is answered is planned by `lean_planning.py`; this module executes the plans.

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

import weakref
from collections.abc import Awaitable, Sequence
from typing import Any, TypeVar

from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLResolveInfoHelpers,
    Undefined,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.executor import to_nodes
from graphql.pyutils import AwaitableOrValue, Path, gather_with_cancel

from app.api.graphql.lean_planning import PlanningExecutionContext
from app.api.graphql.short_fields import (
    ContextOnly,
    Leaf,
    Objects,
    Plain,
    Relation,
    leaf_value,
    plain_item,
)

_NOT_SHORT: Any = object()  # the short path does not apply: graphql-core's own answers


class LeanExecutionContext(PlanningExecutionContext):
    """Executes with the plans `PlanningExecutionContext` makes (`lean_planning.py`)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.async_helpers = _weakly_bound_helpers(self)
        self._context_only = ContextOnly(self.context_value)

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
            for name, details, short in self._plan(parent_type, grouped_field_set):
                if type(short) is Leaf:
                    value = leaf_value(short, source_value, is_awaitable)
                    if value is not Undefined:
                        results[name] = value
                        continue
                field_path = Path(path, name, parent_type.name)
                result = _NOT_SHORT
                if position_context is None:
                    if type(short) is Relation:
                        result = self._related(
                            short, parent_type, source_value, details, field_path
                        )
                    elif type(short) is Plain:
                        result = self._plain(short, source_value, details, field_path)
                if result is _NOT_SHORT:
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
        info = self.build_resolve_info(field, to_nodes(field_details_list), parent_type, path)
        try:
            result = (field.resolve or self.field_resolver)(source, info, **args)
        except Exception as raw_error:
            self.handle_field_error(raw_error, field.type, field_details_list, path)
            return None
        return self._completed(field, info, field_details_list, path, result, position_context)

    def _completed(
        self,
        field: GraphQLField,
        info: GraphQLResolveInfo[Any],
        details: FieldDetailsList,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        """A resolver's result completed, as graphql-core's `execute_field` completes it."""
        kind = field.type
        try:
            if self.is_awaitable(result):
                return self.complete_awaitable_value(
                    kind, details, info, path, result, position_context
                )
            completed = self.complete_value(kind, details, info, path, result, position_context)
            if self.is_awaitable(completed):
                return self._guarded(completed, kind, details, path)
            return completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, kind, details, path)
            return None

    def _related(
        self,
        relation: Relation,
        parent_type: GraphQLObjectType,
        source: Any,
        details: FieldDetailsList,
        path: Path,
    ) -> AwaitableOrValue[Any]:
        """A relation's resolver called with the context alone and its object(s) completed
        directly; a value that needs graphql-core's completion (an awaitable: not prefetched)
        gets a resolve info made then. `_NOT_SHORT` before anything ran when it cannot."""
        objects = relation.objects
        if objects is None:
            return _NOT_SHORT
        field = relation.field
        try:
            result = relation.resolve(source, self._context_only, **relation.args)
            completed = self._complete_objects(objects, details, path, result)
        except Exception as raw_error:
            self.handle_field_error(raw_error, field.type, details, path)
            return None
        if completed is _NOT_SHORT:
            info = self.build_resolve_info(field, to_nodes(details), parent_type, path)
            return self._completed(field, info, details, path, result, None)
        if self.is_awaitable(completed):
            return self._guarded(completed, field.type, details, path)
        return completed

    async def _guarded(
        self, completed: Any, kind: GraphQLOutputType, details: FieldDetailsList, path: Path
    ) -> Any:
        try:
            return await completed
        except Exception as raw_error:
            self.handle_field_error(raw_error, kind, details, path)
            return None

    def complete_value(
        self,
        return_type: GraphQLOutputType,
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> AwaitableOrValue[Any]:
        """An object or a list of objects (a relation's value, a page's edges) goes straight
        to the objects' fields, skipping the layers of checks that only other kinds of value
        need. The rest is graphql-core's."""
        if position_context is None:
            objects = self._objects(return_type, field_details_list)
            if objects is not None:
                done = self._complete_objects(objects, field_details_list, path, result)
                if done is not _NOT_SHORT:
                    return done
        return super().complete_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _plain(
        self, plain: Plain, source: Any, details: FieldDetailsList, path: Path
    ) -> AwaitableOrValue[Any]:
        """A plain attribute's object(s), completed as graphql-core's `execute_field` would,
        with no resolve info made; `_NOT_SHORT` before anything ran when its path is needed."""
        objects = plain.objects
        if objects is None:
            return _NOT_SHORT
        try:
            completed = self._complete_objects(objects, details, path, plain.read(source))
        except Exception as raw_error:
            self.handle_field_error(raw_error, plain.type, details, path)
            return None
        if completed is not _NOT_SHORT and self.is_awaitable(completed):
            return self._guarded(completed, plain.type, details, path)
        return completed

    def _complete_objects(
        self, objects: Objects, details: FieldDetailsList, path: Path, value: Any
    ) -> AwaitableOrValue[Any]:
        """`value` completed, or `_NOT_SHORT` before anything ran when it holds anything but
        plain objects (or nulls where allowed): graphql-core reports those as it does."""
        if value is None:
            return None if objects.nullable else _NOT_SHORT
        if not objects.listed:
            if isinstance(value, Exception) or self.is_awaitable(value):
                return _NOT_SHORT
            return self.execute_fields(objects.type, value, path, objects.fields, None)
        if type(value) is not list and type(value) is not tuple:
            return _NOT_SHORT
        if not all(plain_item(item, objects.items_nullable, self.is_awaitable) for item in value):
            return _NOT_SHORT
        return self._complete_list(objects, details, path, value)

    def _complete_list(
        self, objects: Objects, details: FieldDetailsList, path: Path, items: Sequence[Any]
    ) -> AwaitableOrValue[list[Any]]:
        """As graphql-core's `complete_iterable_value`, for items known to be plain objects."""
        completed: list[Any] = []
        awaiting: list[int] = []
        try:
            for index, item in enumerate(items):
                if item is None:
                    completed.append(None)
                    continue
                item_path = Path(path, index, None)
                try:
                    fields = self.execute_fields(
                        objects.type, item, item_path, objects.fields, None
                    )
                except Exception as raw_error:  # raises again if the item may not be null
                    self.handle_field_error(raw_error, objects.item_type, details, item_path)
                    fields = None
                else:
                    if self.is_awaitable(fields):
                        awaiting.append(index)
                        fields = self._guarded(fields, objects.item_type, details, item_path)
                completed.append(fields)
        except Exception:
            if awaiting:  # as graphql-core: settle what other items started, then fail
                self.settle_in_background([completed[index] for index in awaiting])
            raise
        if not awaiting:
            return completed
        return _gathered(completed, awaiting)


def _weakly_bound_helpers(executor: LeanExecutionContext) -> GraphQLResolveInfoHelpers:
    """graphql-core's helpers for resolvers (`info.async_helpers`), holding the executor
    weakly. Its own hold bound methods of the executor, which holds them: a reference cycle
    that kept every request's executor, and all it reached, for the garbage collector (see
    `Loaders._batched`). Should a helper outlive its executor, there is no execution left
    to track work for, and gathering needs none."""
    ref = weakref.ref(executor)

    def gather(values: Sequence[Awaitable[Any]]) -> Awaitable[list[Any]]:
        alive = ref()
        return gather_with_cancel(*values) if alive is None else alive.gather_async_work(values)

    def track(values: Sequence[Any]) -> None:
        alive = ref()
        if alive is not None:
            alive.track_async_work(values)

    return GraphQLResolveInfoHelpers(gather=gather, track=track)


Gathered = TypeVar("Gathered", dict[str, Any], list[Any])


async def _gathered(results: Gathered, awaiting: list[Any]) -> Gathered:
    """`results` with its awaited entries (a dict's keys, or a list's indices) replaced by
    what they gave, as graphql-core gathers them."""
    if len(awaiting) == 1:
        results[awaiting[0]] = await results[awaiting[0]]
        return results
    awaited = await gather_with_cancel(*(results[key] for key in awaiting))
    for key, value in zip(awaiting, awaited, strict=True):
        results[key] = value
    return results
