"""A record made by `maker` is the record its dataclass would make: equal, frozen, hashed
alike, whatever the values; and `maker` refuses the classes it could not make faithfully."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.adapters.db.record_maker import maker
from app.adapters.db.repositories.relationships.statements import fields_of, from_row, row_reader
from app.domain.directory import Employee
from app.services.programs.records import Mentorship
from app.services.relationships.records import Goal, Meeting

_VALUE = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.uuids(), st.dates())


@pytest.mark.parametrize("cls", [Employee, Mentorship])
@given(data=st.data())
def test_a_made_record_is_the_dataclasses_own(cls: type, data: st.DataObject) -> None:
    values = [data.draw(_VALUE) for _ in dataclasses.fields(cls)]
    made, expected = maker(cls)(*values), cls(*values)
    assert type(made) is cls
    assert made == expected
    assert dataclasses.astuple(made) == tuple(values)
    assert hash(made) == hash(expected)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.id = None  # type: ignore[attr-defined]


def test_a_made_record_wants_every_field() -> None:
    with pytest.raises(TypeError):
        maker(Mentorship)(*range(3))


@dataclasses.dataclass(frozen=True, slots=True)
class _Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError("negative")


@dataclasses.dataclass(slots=True)
class _Mutable:
    value: int


@dataclasses.dataclass(frozen=True)
class _Unslotted:
    value: int


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived:
    value: int
    twice: int = dataclasses.field(init=False, default=0)


@pytest.mark.parametrize("cls", [_Checked, _Mutable, _Unslotted, _Derived, dict])
def test_it_refuses_what_it_could_not_make_faithfully(cls: Any) -> None:
    with pytest.raises(TypeError):
        maker(cls)


@pytest.mark.parametrize("cls", [Meeting, Goal])
@given(data=st.data())
def test_a_row_read_positionally_is_the_record_from_row_makes(
    cls: type, data: st.DataObject
) -> None:
    names = fields_of(cls)
    values = [
        data.draw(st.one_of(st.none(), st.lists(st.text(max_size=3), max_size=2)))
        if name in ("topics", "comments")
        else data.draw(_VALUE)
        for name in names
    ]
    # A row is read by name (`from_row`) or in column order (`row_reader`): the same record.
    in_order: Any = values
    assert row_reader(cls)(in_order) == from_row(cls, dict(zip(names, values, strict=True)))
