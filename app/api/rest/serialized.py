"""Answers written straight to JSON, shaped by their route's response model.

FastAPI validates what a route returns into its `response_model`, then serializes that; for
a record carrying stored documents (a mentorship's policy snapshot and explanation) that
means decoding each document, walking it, and encoding it again. `answer` writes the same
JSON in one step: each of the model's fields taken from the record, a stored document as
its own stored text. The route still declares `response_model`, which its OpenAPI keeps
describing; a model with a field this module cannot write exactly as pydantic would is
refused the first time it is used (`plan`), and a value orjson cannot write goes the
ordinary way through the model.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache, partial
from typing import Any, Union, get_args, get_origin
from uuid import UUID

import orjson
from fastapi.exceptions import ResponseValidationError
from pydantic import BaseModel, TypeAdapter, ValidationError
from starlette.responses import Response

from app.api.deps import json_default

# Types whose JSON orjson writes exactly as pydantic does (datetimes with OPT_UTC_Z).
_PLAIN = (UUID, str, int, bool, date, datetime, type(None))
_OPTIONS = orjson.OPT_UTC_Z
# A field of a model: its name, the plan for its value (None: written as it is), whether it
# is a list of such values, and whether it may be null.
FieldPlan = tuple[str, "Plan | None", bool, bool]


class Plan:
    """How to write a model: each field, plain or itself a model (or a list of them)."""

    def __init__(self, fields: list[FieldPlan]) -> None:
        self.fields = fields

    def shape(self, value: Any) -> dict[str, Any]:
        get: Callable[[str], Any] = (
            value.__getitem__ if isinstance(value, Mapping) else partial(getattr, value)
        )
        shaped = {}
        for name, inner, many, nullable in self.fields:
            item = get(name)
            if item is None and not nullable:
                raise KeyError(name)  # the model refuses it, as it would have
            if inner is not None and item is not None:
                item = [inner.shape(i) for i in item] if many else inner.shape(item)
            shaped[name] = item
        return shaped


def answer(
    model: type[BaseModel],
    content: Any,
    status_code: int = 200,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """`content` written as `model` would write it, without validating it into `model`;
    `headers` are the ones a route set on its `Response` parameter (a page's `Link`), which
    FastAPI does not add to a response the route returns itself."""
    writing = plan(model)  # outside the `try`: a model it cannot write is a bug, said at once
    try:
        body = orjson.dumps(writing.shape(content), default=json_default, option=_OPTIONS)
    except (TypeError, KeyError, AttributeError):  # e.g. a field left to its default, an
        # integer beyond 64 bits: the model validates and writes it, as FastAPI would
        adapter = TypeAdapter(model)
        try:
            body = adapter.dump_json(adapter.validate_python(content, from_attributes=True))
        except ValidationError as error:  # a server error, as FastAPI makes it
            raise ResponseValidationError(error.errors(), body=content) from None
    kept = {} if headers is None else {k: v for k, v in headers.items() if k == "link"}
    return Response(body, status_code=status_code, headers=kept, media_type="application/json")


@cache
def plan(model: type[BaseModel]) -> Plan:
    """The model's fields, or TypeError naming one this module cannot write as pydantic does."""
    fields: list[FieldPlan] = []
    for name, info in model.model_fields.items():
        if info.alias not in (None, name) or info.exclude:
            raise TypeError(f"{model.__name__}.{name}: aliases and exclusions are not written")
        inner, many = _field_plan(model, name, info.annotation)
        fields.append((name, inner, many, _nullable(info.annotation)))
    return Plan(fields)


def _field_plan(model: type[BaseModel], name: str, annotation: Any) -> tuple[Plan | None, bool]:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        if len(kinds) == 1:
            return _field_plan(model, name, kinds[0])
        if all(k in _PLAIN for k in kinds):
            return None, False
    if origin is list and len(args) == 1 and _is_model(args[0]):
        return plan(args[0]), True
    if _is_model(annotation):
        return plan(annotation), False
    if annotation in _PLAIN or (origin is dict and args[:1] == (str,) and args[1] is Any):
        return None, False
    if _is_plain_enum(annotation):  # both write its value
        return None, False
    raise TypeError(f"{model.__name__}.{name}: {annotation!r} is not written here")


def _nullable(annotation: Any) -> bool:
    return annotation is Any or (
        get_origin(annotation) in (Union, types.UnionType) and type(None) in get_args(annotation)
    )


def _is_plain_enum(annotation: Any) -> bool:
    return (
        isinstance(annotation, type)
        and issubclass(annotation, Enum)
        and all(type(m.value) in (str, int) for m in annotation)
    )


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
