"""The short paths of lean execution (`lean_execution.py`), field by field: which fields may
take one, and how each is answered: a plain leaf read and coerced, a plain attribute read with
no resolve info, a relation's resolver called with its context alone, an object or a list of
objects completed straight to their fields. Where a value is anything unusual, graphql-core's
own path answers instead."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from operator import attrgetter
from typing import Any, NamedTuple

from graphql import (
    GraphQLField,
    GraphQLLeafType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    Undefined,
    is_leaf_type,
)
from graphql.execution.collect_fields import FieldDetailsList, GroupedFieldSet

from app.api.graphql.direct_resolvers import CONTEXT_ONLY


class Leaf(NamedTuple):
    """How to answer one plain leaf field: read it, then coerce it to its scalar or enum."""

    read: Callable[[Any], Any]
    type: GraphQLLeafType
    nullable: bool


class Plain(NamedTuple):
    """A plain attribute holding an object or a list of objects: read with no resolve info."""

    read: Callable[[Any], Any]
    type: GraphQLOutputType
    objects: Objects | None = None  # how its value is completed, once planned


class Relation(NamedTuple):
    """A field whose resolver reads nothing of its info but the context (see
    `direct_resolvers.CONTEXT_ONLY`): called with the context alone, no path or info made."""

    resolve: Callable[..., Any]
    field: GraphQLField
    args: dict[str, Any]  # coerced once for the request, once planned
    objects: Objects | None = None


class ContextOnly:
    """The resolve info a `Relation`'s resolver is given: the request's context, nothing else
    (anything else it reads fails loudly as that field's error)."""

    __slots__ = ("context",)

    def __init__(self, context: Any) -> None:
        self.context = context


class Objects(NamedTuple):
    """How to complete a field's object, or list of objects, straight to their fields."""

    type: GraphQLObjectType
    fields: GroupedFieldSet  # the objects' own selection, collected once for the request
    nullable: bool
    listed: bool
    item_type: GraphQLOutputType  # a list's item type (for its errors), else `type`
    items_nullable: bool


def short_of(
    schema: GraphQLSchema, parent_type: GraphQLObjectType, details: FieldDetailsList
) -> Leaf | Plain | Relation | None:
    """The short path for this field, or None when graphql-core's own is needed. A
    relation's arguments and an object's completion are the executor's to plan."""
    node = details[0].node
    field = schema.get_field(parent_type, node.name.value)
    if field is None:
        return None
    if field.resolve is not None and field.extensions.get(CONTEXT_ONLY):
        return Relation(field.resolve, field, {})
    if field.args or node.arguments:
        return None
    read = attribute(field)
    if read is None:
        return None
    nullable, kind = unwrapped(field.type)
    if is_leaf_type(kind):
        return Leaf(read, kind, nullable)
    return Plain(read, field.type)


def attribute(field: GraphQLField) -> Callable[[Any], Any] | None:
    """How to read a Strawberry field that is a plain attribute (no resolver, permission or
    extension of its own), the way Strawberry's default resolver reads it; else None."""
    definition, resolve = field.extensions.get("strawberry-definition"), field.resolve
    if definition is None or resolve is None or not definition.is_basic_field:
        return None
    if getattr(resolve, "__name__", None) != "_get_basic_result":
        return None  # a wrapper with work to do (extensions, error handlers)
    if definition.default_resolver is getattr:
        return attrgetter(definition.python_name)
    return lambda source: resolve(source, None)


def unwrapped(kind: GraphQLOutputType) -> tuple[bool, Any]:
    """Whether the type is nullable, and the type inside its non-null wrapper."""
    if isinstance(kind, GraphQLNonNull):
        return False, kind.of_type
    return True, kind


def plain_item(item: Any, nullable: bool, is_awaitable: Callable[[Any], bool]) -> bool:
    if item is None:
        return nullable
    return not isinstance(item, Exception) and not is_awaitable(item)


def leaf_value(leaf: Leaf, source: Any, is_awaitable: Callable[[Any], bool]) -> Any:
    """The field's coerced value, or Undefined where graphql-core must answer instead."""
    value = leaf.read(source)
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
