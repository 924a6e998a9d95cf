"""A JSON object as it was stored: read-only, decoded on first use, and written out again
from its own text. A mentorship carries two such documents (its 2 KB policy snapshot and its
matching explanation); most reads of a mentorship never look inside them, and a list that
only passes them on need not decode and encode them again."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any
from uuid import UUID

import orjson


class StoredJson(Mapping[str, Any]):
    """A mapping over stored JSON text (an object); `text` is that JSON, unchanged."""

    __slots__ = ("_decoded", "_loads", "text")

    def __init__(self, text: str, loads: Callable[[str], Any]) -> None:
        self.text = text
        self._loads = loads
        self._decoded: dict[str, Any] | None = None

    def _value(self) -> dict[str, Any]:
        if self._decoded is None:
            decoded = self._loads(self.text)
            if not isinstance(decoded, dict):
                raise TypeError(f"stored JSON is not an object: {self.text[:40]!r}")
            self._decoded = decoded
        return self._decoded

    def __getitem__(self, key: str) -> Any:
        return self._value()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._value())

    def __len__(self) -> int:
        return len(self._value())

    def __repr__(self) -> str:
        return f"StoredJson({self.text!r})"


class NotRead(Mapping[str, Any]):
    """A document that a read chose not to fetch (a list whose caller asked nothing of it).
    Any use of it is a bug, and says so at once rather than passing on an empty document."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __getitem__(self, key: str) -> Any:
        raise self._unread()

    def __iter__(self) -> Iterator[str]:
        raise self._unread()

    def __len__(self) -> int:
        raise self._unread()

    def _unread(self) -> LookupError:
        return LookupError(f"{self.name} was not read: ask for it when listing")


def orjson_default(value: Any) -> Any:
    """orjson's `default` for what records carry: a stored document as its own text (never
    decoded and encoded again), any other mapping as a dict, asyncpg's UUID subclass (which
    orjson does not take) as text. Called for every id of every row of a page, so each type's
    answer is looked up by the type once known (a chain of isinstance checks, one of them
    against an ABC, was most of a call's cost)."""
    convert = _CONVERTERS.get(type(value))
    if convert is None:
        convert = _converter(value)
        _CONVERTERS[type(value)] = convert
    return convert(value)


def _converter(value: Any) -> Callable[[Any], Any]:
    if isinstance(value, StoredJson):
        return _fragment
    if isinstance(value, UUID):
        return str
    if isinstance(value, Mapping):
        return dict
    raise TypeError(f"not JSON: {type(value).__name__}")


def _fragment(value: StoredJson) -> orjson.Fragment:
    return orjson.Fragment(value.text)


_CONVERTERS: dict[type, Callable[[Any], Any]] = {}
