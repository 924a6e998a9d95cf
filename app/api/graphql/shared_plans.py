"""What lean execution works out about a document, kept from one request to the next.

For each request, lean execution collects each object's fields (graphql-core's
`collect_subfields`) and plans how each field is answered (`short_fields`): ~10% of a
dashboard's CPU, the same work every time the same document comes again. A document
without variables always selects the same fields with the same arguments, so for one
schema its objects' selections and their plans can be kept: they are keyed by the
identity of the document's field nodes (documents themselves are kept by the parser
cache, so the same text brings the same nodes), and each entry holds its nodes, so that
an id cannot be reused while it is kept. A request with variables, or with fragment
arguments, plans for itself alone (see `LeanExecutionContext`). The store is bounded:
past `MAX_ENTRIES` it starts again empty, which only costs planning anew.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any

from graphql import GraphQLOutputType, GraphQLSchema
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet

from app.api.graphql.short_fields import Objects

MAX_ENTRIES = 4096

Plan = list[Any]  # lean execution's plan of one selection
_Nodes = tuple[Any, ...]


class SharedPlans:
    def __init__(self) -> None:
        # (type id, node ids) -> (nodes, how the field's objects are completed)
        self._objects: dict[tuple[int, ...], tuple[_Nodes, Objects | None]] = {}
        # A kept selection's id -> (the selection, its plan once made); only theirs.
        self._plans: dict[int, tuple[GroupedFieldSet, Plan | None]] = {}

    def objects(
        self,
        kind: GraphQLOutputType,
        details: FieldDetailsList,
        make: Callable[[], Objects | None],
    ) -> Objects | None:
        """The field's objects as kept, else `make()`, then kept (and their selection may
        have its plan kept)."""
        nodes = tuple(d.node for d in details)
        key = (id(kind), *map(id, nodes))
        kept = self._objects.get(key)
        if kept is not None and all(a is b for a, b in zip(kept[0], nodes, strict=True)):
            return kept[1]
        objects = make()
        if len(self._objects) >= MAX_ENTRIES:
            self._objects.clear()
            self._plans.clear()
        self._objects[key] = (nodes, objects)
        if objects is not None:
            self._plans[id(objects.fields)] = (objects.fields, None)
        return objects

    def plan(self, grouped: GroupedFieldSet, make: Callable[[], Plan]) -> Plan | None:
        """The selection's plan as kept, made and kept when the selection is a kept one;
        None for any other selection (a request's own)."""
        kept = self._plans.get(id(grouped))
        if kept is None or kept[0] is not grouped:
            return None
        plan = kept[1]
        if plan is None:
            plan = make()
            self._plans[id(grouped)] = (grouped, plan)
        return plan


_BY_SCHEMA: weakref.WeakKeyDictionary[GraphQLSchema, SharedPlans] = weakref.WeakKeyDictionary()


def shared_for(schema: GraphQLSchema) -> SharedPlans:
    found = _BY_SCHEMA.get(schema)
    if found is None:
        found = _BY_SCHEMA[schema] = SharedPlans()
    return found
