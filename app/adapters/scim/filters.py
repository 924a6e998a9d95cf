"""SCIM filters as SQL over the employees table, so the database filters before paging
(`totalResults` and `startIndex` stay right). Supported: `eq`, `ne`, `co`, `sw`, `ew`, `pr`,
`and`, `or`, `not`; anything else is refused with SCIM's `invalidFilter`."""

from __future__ import annotations

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

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
CORE = "urn:ietf:params:scim:schemas:core:2.0:User"
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


def _column(path: AttrPath, sub: str | None = None) -> tuple[Any, bool]:
    name = path.attr.lower() + (
        f".{(sub or path.sub_attr)}".lower() if sub or path.sub_attr else ""
    )
    if path.uri and path.uri.lower() not in (ENTERPRISE.lower(), CORE.lower()):
        raise InvalidFilterException(detail=f"unknown schema {path.uri}")
    if name == "active":
        return t.c.employment_status, True
    if name not in _COLUMNS:
        raise InvalidFilterException(detail=f"cannot filter on {path}")
    return _COLUMNS[name]


def where(node: FilterNode | None) -> Any:
    """The SQL condition for a parsed SCIM filter (None: every row)."""
    if node is None:
        return sa.true()
    if isinstance(node, LogicalExpr):
        terms = [where(term) for term in node.terms]
        return sa.and_(*terms) if node.op == LogicalOperator.and_ else sa.or_(*terms)
    if isinstance(node, Not):
        return sa.not_(where(node.expr))
    if isinstance(node, Present):
        column, _ = _column(node.attr_path)
        return column.is_not(None)
    if isinstance(node, ValuePath) and isinstance(node.val_filter, Comparison):
        inner = node.val_filter
        column, exact = _column(node.attr_path, inner.attr_path.attr)
        return _compare(column, exact, inner.op, inner.value, node.attr_path.attr)
    if isinstance(node, Comparison):
        column, exact = _column(node.attr_path)
        return _compare(column, exact, node.op, node.value, node.attr_path.attr)
    raise InvalidFilterException(detail=f"unsupported filter {node}")


def _compare(column: Any, exact: bool, op: CompareOperator, value: Any, attr: str) -> Any:
    if attr.lower() == "active":
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
