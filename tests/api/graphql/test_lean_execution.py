"""The lean executor answers exactly as graphql-core's own, whatever the objects hold: the same
data, the same errors at the same paths, the same nulls propagated. Values are drawn by
Hypothesis, wrong ones included (a null where the schema promises a value, a string where an
Int is due, an exception returned as a value)."""

from __future__ import annotations

import asyncio
import enum
from typing import Any

import strawberry
from hypothesis import given, settings
from hypothesis import strategies as st
from strawberry.extensions import ParserCache

from app.api.graphql import direct_resolvers
from app.api.graphql.lean_execution import LeanExecutionContext


@strawberry.enum
class Mood(enum.Enum):
    CALM = "calm"
    BUSY = "busy"


@strawberry.type
class Child:
    name: str
    count: int | None


@strawberry.type
class Item:
    name: str
    count: int | None
    mood: Mood
    maybe_mood: Mood | None
    child: Child | None
    must: Child
    kids: list[Child]
    crowd: list[Child | None] | None

    @strawberry.field
    def picked(self) -> list[Child]:  # a list a resolver returns, not an attribute
        return self.kids

    @strawberry.field
    async def later_child(self) -> Child | None:
        return self.child

    @strawberry.field
    def label(self, prefix: str = "#") -> str:
        return f"{prefix}{self.name}"

    @strawberry.field
    def shout(self, loud: bool = False, mood: Mood = Mood.CALM) -> str:
        return f"{self.name}{'!' if loud else ''}{mood.value}"

    @strawberry.field
    async def later(self) -> int | None:
        return self.count

    # Relations that read only the context: the lean schema calls them with it alone.
    pal: strawberry.Private[Any]

    @strawberry.field
    def friend(self, info: strawberry.Info) -> Child | None:
        return _outcome(self.pal, info)

    @strawberry.field
    def friends(self, info: strawberry.Info, first: int = 2) -> list[Child | None]:
        return _outcome(self.kids if self.kids is None else list(self.kids)[:first], info)


class Raised(Exception):
    """A relation's value that its resolver raises rather than returns."""


def _outcome(value: Any, info: Any) -> Any:
    if isinstance(value, Raised):
        raise value
    if info.context["later"]:  # not prefetched: the loader's answer is awaited
        return _soon(value)
    return value


async def _soon(value: Any) -> Any:
    return value


@strawberry.type
class Query:
    items: list[Item]
    first: Item | None


QUERY = """query ($p: String = "~") {
  items { name count mood maybeMood label(prefix: $p) later again: name ...Bits
          plain: label bang: label(prefix: "!") shout(loud: true) quiet: shout
          child { name count } must { name } kids { count name } other: must { count }
          crowd { name } picked { name count } laterChild { name }
          friend { name count } friends(first: 1) { name } everyFriend: friends { count } }
  first { name @skip(if: true) count mood @include(if: true) }
}
fragment Bits on Item { count name }"""
# Without variables: lean execution keeps its plans of it from one request to the next.
FIXED_QUERY = QUERY.replace('query ($p: String = "~")', "query").replace("$p", '"~"')

_WRONG: list[Any] = [None, "not a number", 2**40, ValueError("boom"), 1.5]
_NAME = st.one_of(st.text(max_size=5), st.sampled_from(_WRONG))
_COUNT = st.one_of(st.integers(-1000, 1000), st.sampled_from(_WRONG))


def _made(kind: type, fields: dict[str, Any]) -> Any:
    made = kind.__new__(kind)  # around the dataclass: wrong types are the point
    for name, value in fields.items():
        object.__setattr__(made, name, value)
    return made


_CHILD = st.one_of(
    st.builds(lambda f: _made(Child, f), st.fixed_dictionaries({"name": _NAME, "count": _COUNT})),
    st.sampled_from([None, ValueError("no child")]),
)
values = {
    "name": _NAME,
    "count": _COUNT,
    "mood": st.one_of(st.sampled_from(Mood), st.sampled_from(_WRONG)),
    "maybe_mood": st.one_of(st.sampled_from(Mood), st.sampled_from(_WRONG)),
    "child": _CHILD,
    "must": _CHILD,
    "kids": st.one_of(
        st.lists(_CHILD, max_size=3), st.lists(_CHILD, max_size=2).map(tuple), st.just(None)
    ),
    "crowd": st.one_of(
        st.lists(st.one_of(_CHILD, st.just(None)), max_size=3), st.sampled_from([None, 7])
    ),
}


values["pal"] = st.one_of(_CHILD, st.just(Raised("no friend")))


def _item(fields: dict[str, Any]) -> Item:
    empty = {"child": None, "must": None, "kids": [], "crowd": None, "pal": None}
    return _made(Item, {**empty, **fields})  # type: ignore[no-any-return]


async def _execute(schema: strawberry.Schema, root: Query, later: bool, query: str) -> Any:
    result = await schema.execute(query, root_value=root, context_value={"later": later})
    # What a failed field's siblings had started is settled in the background (both
    # executors): let it finish before the loop closes, or its coroutines go unawaited.
    for _ in range(5):
        await asyncio.sleep(0)
    return result


def _run(
    schema: strawberry.Schema, root: Query, later: bool = False, query: str = QUERY
) -> tuple[Any, list[tuple[str, Any]]]:
    result = asyncio.run(_execute(schema, root, later, query))
    errors = sorted((e.message, e.path) for e in result.errors or ())
    return result.data, errors


plain = strawberry.Schema(query=Query)
# Parsed once per text, as the service's schema does: the same nodes come back each time.
lean = strawberry.Schema(
    query=Query, execution_context_class=LeanExecutionContext, extensions=[ParserCache]
)
direct_resolvers.install(lean, {"Item": ("friend", "friends")})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.fixed_dictionaries(values), max_size=4),
    st.fixed_dictionaries(values),
    st.booleans(),
    st.sampled_from([QUERY, FIXED_QUERY]),
)
def test_the_lean_executor_answers_as_graphql_core(items, first, later, query) -> None:
    root = Query(items=[_item(i) for i in items], first=_item(first))
    assert _run(lean, root, later, query) == _run(plain, root, later, query)


def test_a_document_with_variables_is_planned_for_each_request_s_values() -> None:
    query = "query ($show: Boolean!) { first { name @include(if: $show) count } }"
    root = Query(items=[], first=_item({"name": "a", "count": 1, "mood": Mood.CALM}))

    async def run(show: bool) -> Any:
        return (await lean.execute(query, root_value=root, variable_values={"show": show})).data

    assert asyncio.run(run(True)) == {"first": {"name": "a", "count": 1}}
    assert asyncio.run(run(False)) == {"first": {"count": 1}}
    assert asyncio.run(run(True)) == {"first": {"name": "a", "count": 1}}


def test_a_null_in_a_non_null_leaf_nulls_its_parent_and_names_the_field() -> None:
    root = Query(items=[], first=_item({"name": "a", "count": 1, "mood": None, "maybe_mood": None}))
    data, errors = _run(lean, root)
    assert data == {"items": [], "first": None}
    assert errors == [("Cannot return null for non-nullable field Item.mood.", ["first", "mood"])]
