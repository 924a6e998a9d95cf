"""Path, query and header parameters read as FastAPI's `request_params_to_args` reads them,
with what it works out about each field on every request worked out once per route.

FastAPI asks of every field, on every request, whether it is a model, a sequence, JSON, and
which aliases it answers to: on a page of twenty employees, that introspection was ~15% of
the handler's CPU. Here those answers are kept per field (they depend on the declaration
only); what is left per request is the same look-up and the same validation, in the same
order, with the same locations in errors. A field declared as a parameter model is read by
FastAPI's own function.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from fastapi import params
from fastapi._compat import ModelField, get_missing_field_error
from fastapi._compat import field_annotation_is_sequence as _is_sequence
from fastapi.dependencies.utils import (
    _get_param_aliases,
    _get_param_model,
    _is_json_field,
    request_params_to_args,
)
from starlette.datastructures import Headers, ImmutableMultiDict

Received = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class _Param:
    """What FastAPI works out about one field on every request."""

    field: ModelField
    keys: tuple[str, ...]  # the request keys it answers to, in preference order
    listed: bool  # read as every value of a repeated key
    sequence: bool  # an empty list counts as absent
    where: str  # the first part of an error's location: "path", "query", "header"
    required: bool


@dataclass(frozen=True, slots=True)
class ParamReader:
    """Reads one call's parameters of one kind (path, query or header)."""

    params: tuple[_Param | ModelField, ...]  # a bare ModelField: FastAPI's own reading

    def read(self, received: Received) -> tuple[dict[str, Any], list[Any]]:
        values: dict[str, Any] = {}
        errors: list[Any] = []
        for param in self.params:
            if not isinstance(param, _Param):
                read, found = request_params_to_args([param], received)
                values.update(read)
                errors.extend(found)
                continue
            value, found = _read(param, received, values)
            if found:
                errors.extend(found)
            else:
                values[param.field.name] = value
        return values, errors


def reader(fields: Sequence[ModelField]) -> ParamReader:
    return ParamReader(tuple(_param(f) for f in fields))


def _param(field: ModelField) -> _Param | ModelField:
    info = field.field_info
    if _get_param_model(field) is not None or not isinstance(info, params.Param):
        return field
    sequence = _is_sequence(info.annotation)
    return _Param(
        field=field,
        keys=tuple(key for _, key in _get_param_aliases(field)),
        listed=sequence and not _is_json_field(field),
        sequence=sequence,
        where=info.in_.value,
        required=info.is_required(),
    )


def _read(param: _Param, received: Received, values: dict[str, Any]) -> tuple[Any, list[Any]]:
    """As `request_params_to_args` with `_get_multidict_value` and
    `_validate_value_with_model_field`, for one field."""
    keys = param.keys
    key = next((k for k in keys if k in received), keys[0]) if len(keys) > 1 else keys[0]
    if param.listed and isinstance(received, ImmutableMultiDict | Headers):
        value = received.getlist(key)
    else:
        value = received.get(key, None)
    loc = (param.where, key)
    if value is None or (param.sequence and len(value) == 0):
        if param.required:
            return None, [get_missing_field_error(loc=loc)]
        value = deepcopy(param.field.default)
        if not param.field.field_info.validate_default:
            return value, []
    return param.field.validate(value, values, loc=loc)
