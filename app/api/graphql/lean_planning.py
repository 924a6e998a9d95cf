"""The plans of lean execution (`lean_execution.py`): for each selection, how each of its fields
is answered (`short_fields`), with what it needs worked out once: a relation's arguments,
how an object's value is completed, the objects' own selection.

Plans are kept for the request, by the identity of graphql-core's selections (which it
memoises for the request, so the items of a list share one); for a document without
variables they are kept across requests too (`shared_plans`). Anything a plan cannot hold
(a middleware, fragment arguments, arguments a resolver could change, @defer, @stream,
`is_type_of`) leaves that field to graphql-core's own path.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Any, TypeVar
from uuid import UUID

from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLStreamDirective,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet
from graphql.execution.values import get_argument_values, get_directive_values
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from app.api.graphql.shared_plans import shared_for
from app.api.graphql.short_fields import Leaf, Objects, Plain, Relation, short_of, unwrapped

_IMMUTABLE = (str, int, float, Enum, UUID, type(None))

# Per field of a selection: its response name, its nodes, and how it may be short, if it may.
Plan = list[tuple[str, FieldDetailsList, Leaf | Plain | Relation | None]]
# A field whose arguments are kept for the request, and those arguments.
_Arguments = tuple[GraphQLField, dict[str, Any]]


class PlanningExecutionContext(StrawberryGraphQLCoreExecutionContext):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A selection's grouped fields are memoised by graphql-core for the whole request, so
        # the items of a list share one: its plan is made once (kept with it, so its id holds).
        self._plans: dict[int, tuple[GroupedFieldSet, Plan]] = {}
        self._kept_arguments: dict[int, tuple[FieldDetailsList, _Arguments | None]] = {}
        self._kept_objects: dict[int, tuple[FieldDetailsList, dict[int, Objects | None]]] = {}
        # A middleware (a Strawberry extension acting per field) must see every field.
        manager = self.middleware_manager
        self._short_paths = manager is None or not manager.middlewares
        # Without variables, a document always selects and plans alike: kept across requests.
        shares = self._short_paths and not self.variable_values.sources  # none declared
        self._shared = shared_for(self.schema) if shares else None

    def _plan(self, parent_type: GraphQLObjectType, grouped: GroupedFieldSet) -> Plan:
        def make() -> Plan:
            return [(n, d, self._planned(parent_type, d)) for n, d in grouped.items()]

        if self._shared is not None and (plan := self._shared.plan(grouped, make)) is not None:
            return plan  # a kept selection's plan, kept with it
        return _kept(self._plans, grouped, make)

    def _planned(
        self, parent_type: GraphQLObjectType, details: FieldDetailsList
    ) -> Leaf | Plain | Relation | None:
        """A field's short path with what it needs for the request: a relation's arguments
        and how an object's value is completed (the same for every item of a list)."""
        short = short_of(self.schema, parent_type, details)
        if type(short) is Plain:
            return short._replace(objects=self._objects(short.type, details))
        if type(short) is Relation:
            args: dict[str, Any] = {}
            if short.field.args or details[0].node.arguments:
                found = self._arguments(parent_type, details)
                if found is None:
                    return None
                args = found[1]
            return short._replace(args=args, objects=self._objects(short.field.type, details))
        return short

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

    def _objects(self, return_type: GraphQLOutputType, details: FieldDetailsList) -> Objects | None:
        """How this field's object(s) may be completed directly, or None (kept for the request,
        by the field's nodes and the type: graphql-core completes list items with the same
        nodes and the item type)."""
        found = self._kept_objects.get(id(details))
        if found is None or found[0] is not details:
            found = self._kept_objects[id(details)] = (details, {})
        by_type = found[1]
        if id(return_type) not in by_type:  # schema types live as long as the schema
            by_type[id(return_type)] = self._shared_objects(return_type, details)
        return by_type[id(return_type)]

    def _shared_objects(
        self, return_type: GraphQLOutputType, details: FieldDetailsList
    ) -> Objects | None:
        """`_objects_of`, kept across requests where the document allows (`shared_plans`)."""
        shared = self._shared
        if shared is None or any(d.fragment_variable_values is not None for d in details):
            return self._objects_of(return_type, details)
        return shared.objects(return_type, details, lambda: self._objects_of(return_type, details))

    def _objects_of(
        self, return_type: GraphQLOutputType, details: FieldDetailsList
    ) -> Objects | None:
        nullable, kind = unwrapped(return_type)
        listed, item_type, items_nullable = False, return_type, True
        if type(kind) is GraphQLList:
            # Streamed lists (@stream) are graphql-core's to deliver.
            if get_directive_values(GraphQLStreamDirective, details[0].node, self.variable_values):
                return None
            listed, item_type = True, kind.of_type
            items_nullable, kind = unwrapped(item_type)
        if type(kind) is not GraphQLObjectType or kind.is_type_of is not None:
            return None
        grouped, deferred, _forbidden = self.collect_subfields(kind, details)
        if deferred:  # @defer: graphql-core's incremental delivery
            return None
        return Objects(kind, grouped, nullable, listed, item_type, items_nullable)


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
