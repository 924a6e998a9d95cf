"""GraphQL objects built from the services' records by field name, the one way every type
of a mentorship's record is made from its record (mappings become JSON, tuples lists)."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, cast

from strawberry.scalars import JSON

T = TypeVar("T")


# How a value of each type is passed on (0: as it is, 1: a tuple as a list, 2: a mapping as
# JSON), learnt from the first value of the type: asking a UUID or a date whether it has
# `keys` raises and catches an AttributeError inside `hasattr`, for every field of every node.
_HOW: dict[type, int] = {}
# The types learnt to pass on as they are: most values, checked with one set lookup.
_AS_IS: set[type] = {str, int, float, bool, type(None)}
# Per type built and overrides given: the names read from the record, and one reader that
# takes them all at once (a page of pairs builds its nodes' meetings and goals this way).
_SHAPES: dict[tuple[type, tuple[str, ...]], tuple[tuple[str, ...], Callable[[Any], Any]]] = {}


def _shape(kind: type, given: tuple[str, ...]) -> tuple[tuple[str, ...], Callable[[Any], Any]]:
    if (shape := _SHAPES.get((kind, given))) is None:
        names = tuple(n for n in kind.__annotations__ if n not in given)
        read = attrgetter(*names)
        shape = _SHAPES[kind, given] = (names, read if len(names) > 1 else lambda v: (read(v),))
    return shape


def _how(item: Any) -> int:
    how = _HOW.get(type(item))
    if how is None:
        how = _HOW[type(item)] = 1 if isinstance(item, tuple) else 2 if hasattr(item, "keys") else 0
        if how == 0:
            _AS_IS.add(type(item))
    return how


def build(kind: type[T], value: Any, **overrides: Any) -> T:
    """A GraphQL object from a record with the same field names (mappings become JSON)."""
    names, read = _shape(kind, tuple(overrides))
    values = dict(zip(names, read(value), strict=True))
    for name, item in values.items():
        if type(item) in _AS_IS:
            continue
        if (how := _how(item)) == 1:
            values[name] = list(item)
        elif how == 2:
            values[name] = cast(JSON, dict(item))
    return kind(**values, **overrides)
