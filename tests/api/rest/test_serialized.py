"""Answers written straight to JSON say exactly what their response model would have said."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

import pytest
from fastapi.exceptions import ResponseValidationError
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from app.adapters.db import json_codec
from app.adapters.db.stored_json import StoredJson
from app.api.rest.schemas.employees import EmployeePageRead, EmployeeRead
from app.api.rest.schemas.matching import MentorshipPageRead, MentorshipRead
from app.api.rest.serialized import answer, plan
from app.domain.directory import Employee, EmploymentStatus
from app.domain.lifecycle.states import MentorshipState
from app.services.programs.records import Mentorship

text = st.text(st.characters(codec="utf-8"), max_size=8)
documents = st.dictionaries(
    text,
    st.recursive(
        st.none() | st.booleans() | st.integers(-(2**70), 2**70) | text,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner),
        max_leaves=10,
    ),
    max_size=5,
)


def _mentorship(policy: dict[str, Any], created_at: datetime | None) -> Mentorship:
    return Mentorship(
        uuid4(),
        uuid4(),
        uuid4(),
        uuid4(),
        MentorshipState.ACTIVE,
        "matching",
        None,
        date(2026, 1, 5),
        date(2026, 10, 5),
        None,
        3,
        StoredJson(json.dumps(policy), json_codec.loads),
        StoredJson('{"score": 0.75, "rules": []}', json_codec.loads),
        created_at,
    )


def _as_the_model_says(model: type[BaseModel], content: Any) -> Any:
    return json.loads(model.model_validate(content, from_attributes=True).model_dump_json())


@given(policy=documents, stamp=st.none() | st.datetimes(timezones=st.just(UTC)))
def test_a_mentorship_is_written_as_its_response_model_writes_it(policy, stamp):
    record = _mentorship(policy, stamp)
    response = answer(MentorshipRead, record)
    assert response.media_type == "application/json"
    assert json.loads(response.body) == _as_the_model_says(MentorshipRead, record)


def test_a_page_of_mentorships_is_written_as_its_response_model_writes_it():
    items = [_mentorship({"duration_months": 9}, datetime(2026, 1, 5, 9, 30, tzinfo=UTC))] * 2
    content = {"items": items, "next_cursor": "opaque"}
    body = json.loads(answer(MentorshipPageRead, content).body)
    assert body == _as_the_model_says(MentorshipPageRead, content)
    assert body["items"][0]["policy"] == {"duration_months": 9}


def test_a_model_with_a_field_not_written_exactly_here_is_refused():
    class Measured(BaseModel):
        hours: float  # pydantic writes 3 as 3.0

    with pytest.raises(TypeError, match=r"Measured\.hours"):
        plan(Measured)
    with pytest.raises(TypeError, match=r"Measured\.hours"):
        answer(Measured, {"hours": 3})


def _employee(attributes: dict[str, Any], created_at: datetime | None) -> Employee:
    return Employee(
        uuid4(),
        uuid4(),
        "E1",
        "Ada",
        "Ng",
        None,
        "Analyst",
        8,
        "Finance",
        None,
        "E0",
        uuid4(),
        date(2019, 1, 1),
        EmploymentStatus.ACTIVE,
        True,
        attributes,
        created_at,
        created_at,
    )


@given(attributes=documents)
def test_a_page_of_employees_is_written_as_its_response_model_writes_it(attributes):
    stamp = datetime(2026, 1, 5, 9, 30, 0, 250, tzinfo=UTC)
    content = {"items": [_employee(attributes, stamp)], "next_cursor": "RTE"}
    body = json.loads(answer(EmployeePageRead, content).body)
    assert body == _as_the_model_says(EmployeePageRead, content)


def test_a_value_the_model_refuses_is_still_refused():
    with pytest.raises(ResponseValidationError):
        answer(EmployeeRead, _employee({}, None))  # `created_at` may not be null
