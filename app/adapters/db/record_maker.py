"""Records made from rows faster than their dataclass `__init__` makes them.

A frozen dataclass sets each field through `object.__setattr__` by name, which looks the
slot up again every time, and a page makes many records. `maker(cls)` writes a constructor
for one record type that sets each slot through its own descriptor, in field order: the same
object, made faster. Only for what that cannot change: a frozen, slotted dataclass whose
fields are all set by `__init__`, with no `__post_init__` to run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, TypeVar

Record = TypeVar("Record")


def maker(cls: type[Record]) -> Callable[..., Record]:
    """A constructor taking every field positionally, in declaration order, as `cls` does."""
    params = getattr(cls, "__dataclass_params__", None)
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if (
        params is None
        or not params.frozen
        or "__slots__" not in cls.__dict__
        or hasattr(cls, "__post_init__")
        or not all(f.init for f in fields)
    ):
        raise TypeError(f"{cls.__name__}: only frozen, slotted dataclasses without post-init")
    names = [f"v{i}" for i in range(len(fields))]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def make({', '.join(names)}):", "    made = new(cls)"]
    for i, field in enumerate(fields):
        namespace[f"set{i}"] = cls.__dict__[field.name].__set__  # the slot's own descriptor
        lines.append(f"    set{i}(made, v{i})")
    lines.append("    return made")
    exec("\n".join(lines), namespace)  # noqa: S102 (our own text: names and indices only)
    make: Callable[..., Record] = namespace["make"]
    make.__qualname__ = f"maker({cls.__name__})"
    return make
