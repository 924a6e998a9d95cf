"""What a resolver raised by surprise reaches the client as "Unexpected error." (its text may
hold anything); the client's own mistakes and the domain's refusals keep their words."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from app.adapters.clock import SystemClock
from app.api.graphql.context import Context
from app.api.graphql.schema import build_schema
from app.config import Settings
from app.domain.access import Principal, Role

SCHEMA = build_schema(Settings(environment="test"))


def _failing_uow() -> Any:
    raise RuntimeError("connection to db-7.internal refused (password=hunter2)")


def _run(query: str, new_uow: Any = _failing_uow) -> list[str]:
    context = Context(
        principal=Principal(uuid.uuid4(), Role.ORG_ADMIN, "test"),
        new_uow=new_uow,
        clock=SystemClock(),
    )
    result = asyncio.run(SCHEMA.execute(query, context_value=context))
    return [e.message for e in result.errors or ()]


def test_a_surprise_is_masked() -> None:
    assert _run("{ mentorships(first: 1) { edges { cursor } } }") == ["Unexpected error."]


def test_the_domain_s_refusal_keeps_its_words() -> None:
    # The page size is refused before the unit of work is entered.
    [message] = _run("{ mentorships(first: 0) { edges { cursor } } }", new_uow=object)
    assert "limit must be between 1 and" in message


def test_a_client_mistake_keeps_its_words() -> None:
    [message] = _run("{ mentorships(first: 1) { nope } }")
    assert "Cannot query field 'nope'" in message


def test_an_answer_without_errors_is_untouched() -> None:
    assert _run("{ __typename }") == []
