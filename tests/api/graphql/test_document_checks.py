"""The document checks: each distinct document parsed and validated once, its limits kept."""

from __future__ import annotations

import strawberry
from graphql import ValidationRule

from app.api.graphql.document_checks import DocumentChecks, Documents


@strawberry.type
class _Query:
    @strawberry.field
    def greeting(self) -> str:
        return "hello"


class _CountingRule(ValidationRule):
    """Counts the documents it is asked to validate."""

    seen = 0

    def __init__(self, context: object) -> None:
        super().__init__(context)  # type: ignore[arg-type]
        _CountingRule.seen += 1


def _schema(documents: Documents, max_tokens: int = 100) -> strawberry.Schema:
    return strawberry.Schema(
        query=_Query,
        extensions=[lambda: DocumentChecks(documents, (_CountingRule,), max_tokens)],
    )


async def test_a_document_seen_before_is_not_validated_again():
    schema = _schema(Documents(maxsize=8))
    _CountingRule.seen = 0
    first = await schema.execute("{ greeting }")
    again = await schema.execute("{ greeting }")
    assert first.data == again.data == {"greeting": "hello"}
    assert _CountingRule.seen == 1


async def test_a_document_that_fails_validation_is_refused_every_time():
    schema = _schema(Documents(maxsize=8))
    for _ in range(2):
        result = await schema.execute("{ farewell }")
        assert result.errors
        assert "farewell" in result.errors[0].message


async def test_a_document_over_the_token_limit_is_refused():
    schema = _schema(Documents(maxsize=8), max_tokens=3)
    result = await schema.execute("{ greeting greeting greeting }")
    assert result.errors
    assert "token" in result.errors[0].message.lower()


def test_documents_past_their_size_forget_the_least_recently_used():
    documents = Documents(maxsize=2)
    a, b, c = (object(), object(), object())
    documents.keep("a", a)  # type: ignore[arg-type]
    documents.keep("b", b)  # type: ignore[arg-type]
    assert documents.get("a") is a  # "a" used again: "b" is now the oldest
    documents.keep("c", c)  # type: ignore[arg-type]
    assert documents.get("b") is None
    assert documents.get("a") is a
    assert documents.get("c") is c
