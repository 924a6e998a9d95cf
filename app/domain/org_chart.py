"""The supervisory chain: who is above whom, at any depth (seeds 002, 003, 004).

A mentor may have no supervisory responsibility over the protege, "even indirectly"
(004), so matching needs every manager up the chain, not just the direct one. The HR
system's data can hold cycles; every walk here stops at one instead of looping.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Set
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


def supervisory_chain(employee_id: K, manager_of: Mapping[K, K | None]) -> tuple[K, ...]:
    """Every manager above `employee_id`, nearest first, stopping at the top or at a cycle."""
    chain: list[K] = []
    seen = {employee_id}
    node = manager_of.get(employee_id)
    while node is not None and node not in seen:
        chain.append(node)
        seen.add(node)
        node = manager_of.get(node)
    return tuple(chain)


def ancestor_sets(manager_of: Mapping[K, K | None]) -> dict[K, frozenset[K]]:
    """The set of `supervisory_chain` members for every employee, each chain walked once.

    Memoised: an employee's set is its manager plus the manager's set, so the whole
    directory costs one visit per employee (plus building the sets themselves).
    """
    result: dict[K, frozenset[K]] = {}
    for start in manager_of:
        if start not in result:
            _fill_path(start, manager_of, result)
    return result


def managers_to_look_up(manager_of: Mapping[K, K | None], asked: Set[K]) -> set[K]:
    """The managers named in `manager_of` whose own manager is still to be looked up: the
    next level of a walk up the chart that reads the links a level at a time."""
    return {m for m in manager_of.values() if m is not None and m not in asked}


def chains_of(employee_ids: Iterable[K], manager_of: Mapping[K, K | None]) -> dict[K, frozenset[K]]:
    """The supervisory chains of `employee_ids`, from the manager links of them and of everyone
    above them; only those with someone above them appear. A link not given ends the chain."""
    sets = ancestor_sets(manager_of)
    return {e: sets[e] for e in employee_ids if sets.get(e)}


def _fill_path(start: K, manager_of: Mapping[K, K | None], result: dict[K, frozenset[K]]) -> None:
    """Walk up from `start` to a known set, the top or a cycle; fill sets on the way back."""
    path: list[K] = []
    position: dict[K, int] = {}
    node: K | None = start
    while node is not None and node not in result and node not in position:
        position[node] = len(path)
        path.append(node)
        node = manager_of.get(node)
    if node is None:
        above: frozenset[K] = frozenset()
        stop = len(path)
    elif node in result:
        above = result[node] | {node}
        stop = len(path)
    else:  # a cycle: each member has the others above it (what a walk from it would meet)
        stop = position[node]
        members = frozenset(path[stop:])
        for member in path[stop:]:
            result[member] = members - {member}
        above = members
    for member in reversed(path[:stop]):
        result[member] = above
        above = above | {member}


def find_cycles(manager_of: Mapping[K, K | None]) -> list[tuple[K, ...]]:
    """Each manager cycle once, in the order the manager links run, from the first member met."""
    cycles: list[tuple[K, ...]] = []
    done: set[K] = set()
    for start in manager_of:
        path: list[K] = []
        position: dict[K, int] = {}
        node: K | None = start
        while node is not None and node not in done and node not in position:
            position[node] = len(path)
            path.append(node)
            node = manager_of.get(node)
        if node is not None and node in position:
            cycles.append(tuple(path[position[node] :]))
        done.update(path)
    return cycles
