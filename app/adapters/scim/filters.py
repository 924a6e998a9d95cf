"""SCIM filters as SQL over the employees (Users) and scim_groups (Groups) tables, so the
database filters before paging (`totalResults` and `startIndex` stay right). scim2-models
parses the filter; this module only maps its tree to columns. Supported: `eq`, `ne`, `co`,
`sw`, `ew`, `pr`, `and`, `or`, `not`; anything else is refused with SCIM's `invalidFilter`."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from scim2_models import InvalidFilterException
from scim2_models.path.expressions import (
    AttrPath,
    CompareOperator,
    Comparison,
    FilterNode,
    LogicalExpr,
    LogicalOperator,
    Not,
    Present,
    ValuePath,
)

from app.adapters.db.tables import employees as t
from app.adapters.db.tables_integrations import scim_groups as g

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
USER_NAME = "scim_user_name"
EXTERNAL_ID = "scim_external_id"

# SCIM attribute (lower case, sub-attribute after a dot) -> (column, case-exact?)
_COLUMNS: dict[str, tuple[Any, bool]] = {
    "id": (sa.cast(t.c.id, sa.Text), True),
    "username": (t.c.attributes[USER_NAME].astext, False),
    "externalid": (t.c.attributes[EXTERNAL_ID].astext, True),
    "name.givenname": (t.c.given_name, False),
    "name.familyname": (t.c.family_name, False),
    "title": (t.c.job_title, False),
    "emails": (t.c.email, False),
    "emails.value": (t.c.email, False),
    "employeenumber": (t.c.employee_number, True),
    "department": (t.c.department, False),
    "manager.value": (sa.cast(t.c.manager_id, sa.Text), True),
    "meta.lastmodified": (t.c.updated_at, True),
    "meta.created": (t.c.created_at, True),
}

_GROUP_COLUMNS: dict[str, tuple[Any, bool]] = {
    "id": (sa.cast(g.c.id, sa.Text), True),
    "displayname": (g.c.display_name, False),
    "externalid": (g.c.external_id, True),
    "meta.lastmodified": (g.c.updated_at, True),
    "meta.created": (g.c.created_at, True),
}
_MEMBERS = ("members", "members.value")
_USERS = (_COLUMNS, (ENTERPRISE.lower(), CORE.lower()))
_GROUPS = (_GROUP_COLUMNS, (GROUP.lower(),))


def _column(path: AttrPath, sub: str | None = None, vocabulary: Any = _USERS) -> tuple[Any, bool]:
    columns, uris = vocabulary
    name = path.attr.lower() + (
        f".{(sub or path.sub_attr)}".lower() if sub or path.sub_attr else ""
    )
    if path.uri and path.uri.lower() not in uris:
        raise InvalidFilterException(detail=f"unknown schema {path.uri}")
    if name == "active" and columns is _COLUMNS:
        return t.c.employment_status, True
    if name not in columns:
        raise InvalidFilterException(detail=f"cannot filter on {path}")
    return columns[name]  # type: ignore[no-any-return]


def where(node: FilterNode | None) -> Any:
    """The SQL condition over employees for a parsed SCIM filter (None: every row)."""
    return _where(node, _USERS)


def where_group(node: FilterNode | None) -> Any:
    """The SQL condition over scim_groups; `members.value eq "<user id>"` finds a user's groups."""
    return _where(node, _GROUPS)


def _where(node: FilterNode | None, vocabulary: Any) -> Any:
    if node is None:
        return sa.true()
    if isinstance(node, LogicalExpr):
        terms = [_where(term, vocabulary) for term in node.terms]
        return sa.and_(*terms) if node.op == LogicalOperator.and_ else sa.or_(*terms)
    if isinstance(node, Not):
        return sa.not_(_where(node.expr, vocabulary))
    if isinstance(node, Present):
        if vocabulary is _GROUPS and node.attr_path.attr.lower() == "members":
            return sa.func.cardinality(g.c.member_ids) > 0
        column, _ = _column(node.attr_path, vocabulary=vocabulary)
        return column.is_not(None)
    if isinstance(node, ValuePath) and isinstance(node.val_filter, Comparison):
        inner = node.val_filter
        return _comparison(node.attr_path, inner.attr_path.attr, inner.op, inner.value, vocabulary)
    if isinstance(node, Comparison):
        return _comparison(node.attr_path, None, node.op, node.value, vocabulary)
    raise InvalidFilterException(detail=f"unsupported filter {node}")


def _comparison(
    path: AttrPath, sub: str | None, op: CompareOperator, value: Any, vocabulary: Any
) -> Any:
    name = path.attr.lower() + (f".{sub or path.sub_attr}".lower() if sub or path.sub_attr else "")
    if vocabulary is _GROUPS and name in _MEMBERS:
        return _member(op, value)
    column, exact = _column(path, sub, vocabulary)
    return _compare(column, exact, op, value, path.attr)


def _member(op: CompareOperator, value: Any) -> Any:
    if op != CompareOperator.eq:
        raise InvalidFilterException(detail="members can only be compared with eq")
    try:
        member = uuid.UUID(str(value))
    except ValueError:
        return sa.false()  # no user has such an id
    return g.c.member_ids.contains(sa.literal([member], g.c.member_ids.type))


def _compare(column: Any, exact: bool, op: CompareOperator, value: Any, attr: str) -> Any:
    if attr.lower() == "active" and column is t.c.employment_status:
        active = value if isinstance(value, bool) else str(value).lower() == "true"
        test = column == "active"
        return test if (op == CompareOperator.eq) == active else sa.not_(test)
    if not isinstance(value, str):
        value = str(value).lower() if isinstance(value, bool) else str(value)
    left, right = (column, value) if exact else (sa.func.lower(column), value.lower())
    match op:
        case CompareOperator.eq:
            return left == right
        case CompareOperator.ne:
            return sa.or_(left != right, column.is_(None))
        case CompareOperator.co:
            return left.contains(right, autoescape=True)
        case CompareOperator.sw:
            return left.startswith(right, autoescape=True)
        case CompareOperator.ew:
            return left.endswith(right, autoescape=True)
    raise InvalidFilterException(detail=f"the {op.value} operator is not supported here")
