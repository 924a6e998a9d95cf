"""A query cost limit: one request cannot ask for everything.

Each field returning an object costs 1; a scalar costs nothing more, as its value comes in
the row its object was read with (what costs is rows and resolvers, not columns). A field
returning a list multiplies what is under it by how many items it may return: its `first`
argument, else that argument's default, else an assumed page. Connections take `first`, so
nested lists cost their product and `employees(first: 200) { edges { node { reports {
reports { ... } } } } }` is refused before anything runs, while a dashboard of 200 mentorships
with their people, the first page of each plan and the latest meeting (9,201) is not.
Fragments count where they are used.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLArgument,
    GraphQLError,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    get_nullable_type,
)

ASSUMED_LIST_LENGTH = 50  # a list without `first`, or with `first` given as a variable


def cost_rule(max_cost: int) -> type[ValidationRule]:
    """A validation rule refusing operations whose estimated cost exceeds `max_cost`."""

    class QueryCost(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            root = self.context.schema.get_root_type(node.operation)
            cost = _cost(node.selection_set, root, self.context, frozenset())
            if cost > max_cost:
                self.report_error(
                    GraphQLError(
                        f"query cost {cost} exceeds the limit of {max_cost}: ask for fewer items "
                        "(a smaller `first`) or fewer nested lists",
                        node,
                    )
                )

    return QueryCost


def _cost(
    selections: SelectionSetNode | None,
    parent: GraphQLNamedType | None,
    context: ValidationContext,
    fragments: frozenset[str],
) -> int:
    if selections is None:
        return 0
    total = 0
    for selection in selections.selections:
        if isinstance(selection, FieldNode):
            total += _field_cost(selection, parent, context, fragments)
        elif isinstance(selection, InlineFragmentNode):
            on = selection.type_condition
            target = context.schema.get_type(on.name.value) if on else parent
            total += _cost(selection.selection_set, target, context, fragments)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in fragments:
            fragment = context.get_fragment(selection.name.value)
            if fragment is not None:
                target = context.schema.get_type(fragment.type_condition.name.value)
                total += _cost(
                    fragment.selection_set, target, context, fragments | {selection.name.value}
                )
    return total


def _field_cost(
    node: FieldNode,
    parent: GraphQLNamedType | None,
    context: ValidationContext,
    fragments: frozenset[str],
) -> int:
    definition = (
        parent.fields.get(node.name.value) if isinstance(parent, GraphQLObjectType) else None
    )
    if definition is None:  # unknown fields are other rules' business
        return 1
    if node.selection_set is None:  # a scalar or enum: part of its parent's row
        return 0
    # Lists, and connections (which page with `first`), run their selection per item; a
    # connection's `edges` are that same page, already counted.
    is_list = isinstance(get_nullable_type(definition.type), GraphQLList)
    pages = "first" in definition.args or (is_list and not _is_edges(node, parent))
    multiplier = _first(node, definition.args.get("first")) if pages else 1
    inner = _cost(node.selection_set, get_named_type(definition.type), context, fragments)
    return 1 + multiplier * inner


def _is_edges(node: FieldNode, parent: GraphQLNamedType | None) -> bool:
    return node.name.value == "edges" and parent is not None and parent.name.endswith("Connection")


def _first(node: FieldNode, declared: GraphQLArgument | None) -> int:
    for argument in node.arguments or ():
        if argument.name.value in ("first", "last"):  # a page read forward or backward
            value = argument.value
            return (
                max(1, int(value.value)) if isinstance(value, IntValueNode) else ASSUMED_LIST_LENGTH
            )
    default = declared.default_value if declared is not None else None
    return max(1, default) if isinstance(default, int) else ASSUMED_LIST_LENGTH
