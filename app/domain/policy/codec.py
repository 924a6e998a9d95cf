"""Turn frozen policy sections into JSON-compatible dicts and back, naming bad fields by path.

One generic codec instead of a hand-written to_dict/from_dict per section: a setting added
to a section is then serialised, overridable and refused-when-mistyped with no extra code.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import types
import typing
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, Self

from app.domain.errors import PolicyError

Decoder = Callable[[object, str], object]
_CUSTOM_DECODERS: dict[object, Decoder] = {}


def register_decoder(hint: object, decoder: Decoder) -> None:
    """Teach the codec to rebuild values of a non-plain type (e.g. an eligibility rule)."""
    _CUSTOM_DECODERS[hint] = decoder


class Section:
    """Mixin for a frozen dataclass of settings: to_dict / from_dict by field path."""

    __slots__ = ()

    def to_dict(self) -> dict[str, object]:
        """The section as a JSON-compatible dict (str, int, float, bool, None, list, dict)."""
        names = [f.name for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        return {name: encode(getattr(self, name)) for name in names}

    @classmethod
    def from_dict(cls, data: Mapping[str, object], path: str = "") -> Self:
        """Rebuild the section; a missing, unknown or mistyped key is refused by its path."""
        return typing.cast(Self, decode_section(cls, data, path))


def encode(value: object) -> object:
    """A setting's JSON-compatible form."""
    if isinstance(value, Section):
        return value.to_dict()
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, frozenset):
        return sorted(str(encode(v)) for v in value)
    if isinstance(value, tuple):
        return [encode(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def join(path: str, key: str) -> str:
    """The dotted path of ``key`` inside ``path``."""
    return f"{path}.{key}" if path else key


def decode_section(cls: type, raw: object, path: str) -> object:
    """Rebuild the dataclass ``cls`` from ``raw``, which must hold exactly its fields."""
    if not isinstance(raw, Mapping):
        raise PolicyError(f"{path or 'policy'} must be an object", field=path or None)
    hints, names = _shape(cls)
    for key in raw:
        if key not in names:
            field = join(path, str(key))
            raise PolicyError(f"unknown setting {field!r}", field=field)
    missing = [name for name in names if name not in raw]
    if missing:
        field = join(path, missing[0])
        raise PolicyError(f"missing setting {field!r}", field=field)
    values = {name: decode(hints[name], raw[name], join(path, name)) for name in names}
    try:
        return cls(**values)
    except PolicyError as error:  # a section's own check knows only its relative field name
        field = join(path, error.field or "")
        raise PolicyError(error.detail, field=field or None, rule=error.rule) from None


@functools.cache
def _shape(cls: type) -> tuple[dict[str, Any], tuple[str, ...]]:
    """A section's field types and names. Resolving the type hints is most of a decode's
    cost, and a pair's policy is decoded on every write to it."""
    return typing.get_type_hints(cls), tuple(f.name for f in dataclasses.fields(cls))


def decode(hint: Any, raw: object, path: str) -> object:
    """Rebuild one value of type ``hint`` from its JSON form."""
    origin = typing.get_origin(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return decode_section(hint, raw, path)
    if origin in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        if raw is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return decode(inner, raw, path)
    if origin in (tuple, frozenset):
        return _decode_collection(origin, typing.get_args(hint)[0], raw, path)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        members = {member.value: member for member in hint}
        if isinstance(raw, str) and raw in members:
            return members[raw]
        raise PolicyError(f"{path} must be one of: {', '.join(members)}", field=path)
    return _decode_scalar(hint, raw, path)


def _decode_collection(origin: object, item: Any, raw: object, path: str) -> object:
    if not isinstance(raw, list):
        raise PolicyError(f"{path} must be a list", field=path)
    items = [decode(item, value, f"{path}[{i}]") for i, value in enumerate(raw)]
    if origin is frozenset:
        if len(set(items)) != len(items):
            raise PolicyError(f"{path} lists a value twice", field=path)
        return frozenset(items)
    return tuple(items)


def _decode_scalar(hint: Any, raw: object, path: str) -> object:
    if hint is bool:
        if isinstance(raw, bool):
            return raw
        raise PolicyError(f"{path} must be true or false", field=path)
    if hint is int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        raise PolicyError(f"{path} must be a whole number", field=path)
    if hint is float:
        if isinstance(raw, int | float) and not isinstance(raw, bool) and math.isfinite(raw):
            return float(raw)
        raise PolicyError(f"{path} must be a finite number", field=path)
    if hint is str:
        if isinstance(raw, str):
            return raw
        raise PolicyError(f"{path} must be text", field=path)
    decoder = _CUSTOM_DECODERS.get(hint)
    if decoder is None:  # pragma: no cover - a programming error, not user input
        raise TypeError(f"no decoder for {hint!r}")
    return decoder(raw, path)


def merge(
    base: Mapping[str, object], overrides: Mapping[str, object], path: str = ""
) -> dict[str, object]:
    """``base`` with ``overrides`` laid over it; objects merge key by key, other values replace.

    A key ``base`` does not have is refused, so a typo never silently does nothing.
    """
    merged = dict(base)
    for key, value in overrides.items():
        field = join(path, str(key))
        if key not in base:
            raise PolicyError(f"unknown setting {field!r}", field=field)
        current = base[key]
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = merge(current, value, field)
        else:
            merged[key] = value
    return merged
