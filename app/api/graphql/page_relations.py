"""A page of mentorships loads the relations its nodes ask for once, for the whole page.

The relations' fields (`mentee`, `goals`, `lastMeeting`, ...) are each a DataLoader
over a batch service function. Awaited field by field, each node's relation is a coroutine and
a task of its own in the executor; loaded here by the same DataLoaders' batch functions (so
the same batches and statements, the same rules) and kept in their per-request cache, the
fields find their answer ready and the page completes without awaiting anything. A field
whose answer is not here (another path to a mentorship, an alias with other arguments) loads
it itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

import strawberry
from graphql import OperationDefinitionNode
from strawberry.dataloader import DataLoader
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField, Selection

from app.api.graphql.context import context_of
from app.api.graphql.loaders import GoalKey, GoalPageAsked
from app.api.pagination import key_in, uuid_key
from app.domain.directory import Employee
from app.domain.errors import InvalidInput
from app.services.programs.records import Mentorship
from app.services.relationships.goals import DEFAULT_PAGE, GoalPage
from app.services.relationships.progress import ProgressView
from app.services.relationships.records import Meeting

Key = TypeVar("Key")
Found = TypeVar("Found")
DOCUMENTS = frozenset({"policy", "explanation"})


@dataclass(slots=True)
class Related:
    """What a page's nodes asked of their relations, by key; a key absent was not loaded."""

    people: dict[UUID, Employee | None] = field(default_factory=dict)
    goals: dict[GoalKey, GoalPage | None] = field(default_factory=dict)
    last_meetings: dict[UUID, Meeting | None] = field(default_factory=dict)
    progress: dict[UUID, ProgressView | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Wanted:
    """The fields a connection's nodes select, fragments opened."""

    names: frozenset[str]
    goal_pages: frozenset[GoalPageAsked]

    @property
    def documents(self) -> bool:
        return bool(self.names & DOCUMENTS)


# What a page's nodes ask for depends on the document and its variables alone, and the same
# document text gives back the same document (app.api.graphql.document_checks): a document
# without variables is read once per field path, not on every request.
_WANTED: dict[tuple[int, tuple[str | int, ...]], tuple[OperationDefinitionNode, Wanted]] = {}
_WANTED_KEPT = 512


def wanted(info: strawberry.Info) -> Wanted:
    """What `edges { node { ... } }` of the field being resolved asks for."""
    if info.variable_values:
        return _wanted(info)
    operation, key = info.operation, (id(info.operation), tuple(info.path.as_list()))
    known = _WANTED.get(key)
    if known is not None and known[0] is operation:  # the id of a document still alive
        return known[1]
    if len(_WANTED) >= _WANTED_KEPT:
        _WANTED.clear()
    found = _WANTED[key] = (operation, _wanted(info))
    return found[1]


def _wanted(info: strawberry.Info) -> Wanted:
    edges = _named(info.selected_fields[0].selections, "edges")
    nodes = _named([s for e in edges for s in e.selections], None, under="node")
    pages = {page for f in nodes if f.name == "goals" and (page := wanted_goal_page(f)) is not None}
    return Wanted(frozenset(f.name for f in nodes), frozenset(pages))


async def load_related(info: strawberry.Info, page: Sequence[Mentorship], asked: Wanted) -> Related:
    """The relations `asked` of every mentorship of `page`, each in one batch, all at once.
    A relation whose batch fails is left out: each field then loads it and fails alone, as it
    would have without this."""
    loaders, related = context_of(info).loaders, Related()
    ids = [m.id for m in page]
    work: list[tuple[dict[Any, Any], Awaitable[dict[Any, Any]]]] = []
    if asked.names & {"mentee", "mentor"}:
        people = [p for m in page for p in (m.mentee_id, m.mentor_id)]
        work.append((related.people, _batch(loaders.employee, people)))
    for count, cursor, backward in asked.goal_pages:
        keys = [(i, count, cursor, backward) for i in ids]
        work.append((related.goals, _batch(loaders.goals, keys)))
    if "lastMeeting" in asked.names:
        work.append((related.last_meetings, _batch(loaders.last_meeting, ids)))
    if "progress" in asked.names:
        work.append((related.progress, _batch(loaders.progress, ids)))
    answers = await asyncio.gather(*(w[1] for w in work), return_exceptions=True)
    for (into, _), found in zip(work, answers, strict=True):
        if not isinstance(found, BaseException):
            into.update(found)
    return related


async def _batch(loader: DataLoader[Key, Found], keys: Sequence[Key]) -> dict[Key, Found]:
    """`keys`' answers by the loader's own batch function, called once (the statements a
    `load_many` would send), and kept in the loader's cache for the rest of the request. Not
    through `load_many`: that makes a future, a callback and a batch entry for every key."""
    distinct = list(dict.fromkeys(keys))
    answers = await loader.load_fn(distinct)
    found = {
        k: a for k, a in zip(distinct, answers, strict=True) if not isinstance(a, BaseException)
    }
    loader.prime_many(found)
    return found


def wanted_goal_page(selected: SelectedField) -> GoalPageAsked | None:
    """The page a `goals` selection asks for, when its arguments are plain and page one way
    (otherwise the field reads, or refuses, its page itself)."""
    given = {name: value for name, value in selected.arguments.items() if value is not None}
    if "last" in given or "before" in given:
        if "first" in given or "after" in given:
            return None
        count, cursor, backward = given.get("last", DEFAULT_PAGE), given.get("before"), True
    else:
        count, cursor, backward = given.get("first", DEFAULT_PAGE), given.get("after"), False
    # Strawberry gives a literal as the document spells it (`first: 5` is "5"), a variable
    # as coerced: the document is valid, so a literal of this Int argument is its digits.
    if isinstance(count, str) and count.lstrip("-").isdigit():
        count = int(count)
    if not isinstance(count, int) or not (cursor is None or isinstance(cursor, str)):
        return None
    try:
        return count, key_in(cursor, uuid_key), backward
    except InvalidInput:
        return None


def _named(
    selections: Sequence[Selection], name: str | None, under: str | None = None
) -> list[SelectedField]:
    """Fields among `selections` (fragments opened) called `name`, or every field inside the
    fields called `under`."""
    found: list[SelectedField] = []
    for selection in selections:
        if isinstance(selection, FragmentSpread | InlineFragment):
            found += _named(selection.selections, name, under)
        elif under is not None and selection.name == under:
            found += _named(selection.selections, None)
        elif under is None and (name is None or selection.name == name):
            found.append(selection)
    return found
