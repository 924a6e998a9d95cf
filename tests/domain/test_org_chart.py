"""The supervisory chain at any depth (002 FAQ, 003 "not direct reports", 004 "even indirectly")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.org_chart import (
    ancestor_sets,
    chains_of,
    find_cycles,
    managers_to_look_up,
    supervisory_chain,
)

#   ceo
#   ├── vp_ops
#   │   └── director
#   │       ├── manager
#   │       │   └── analyst
#   │       └── engineer
#   └── vp_hr
CHART: dict[str, str | None] = {
    "ceo": None,
    "vp_ops": "ceo",
    "vp_hr": "ceo",
    "director": "vp_ops",
    "manager": "director",
    "engineer": "director",
    "analyst": "manager",
}


def naive_chain(start: int, manager_of: dict[int, int | None]) -> list[int]:
    chain: list[int] = []
    node = manager_of.get(start)
    while node is not None and node != start and node not in chain:
        chain.append(node)
        node = manager_of.get(node)
    return chain


@st.composite
def forests(draw: st.DrawFn) -> dict[int, int | None]:
    """Random org charts: each employee's manager was hired (numbered) before them."""
    size = draw(st.integers(1, 60))
    return {i: (None if i == 0 else draw(st.none() | st.integers(0, i - 1))) for i in range(size)}


@st.composite
def any_manager_graph(draw: st.DrawFn) -> dict[int, int | None]:
    """HR data as it may arrive: cycles, self-managers and unknown managers included."""
    size = draw(st.integers(1, 30))
    return {i: draw(st.none() | st.integers(0, size + 3)) for i in range(size)}


def test_chain_lists_every_manager_up_to_the_top_nearest_first() -> None:
    assert supervisory_chain("analyst", CHART) == ("manager", "director", "vp_ops", "ceo")
    assert supervisory_chain("ceo", CHART) == ()


def test_an_employee_unknown_to_the_directory_has_no_chain() -> None:
    assert supervisory_chain("contractor", CHART) == ()


def test_ancestor_sets_cover_indirect_managers() -> None:
    sets = ancestor_sets(CHART)
    assert sets["analyst"] == {"manager", "director", "vp_ops", "ceo"}
    assert "vp_hr" not in sets["engineer"]
    assert sets["ceo"] == frozenset()


def test_chain_stops_at_a_cycle_instead_of_looping() -> None:
    looped: dict[str, str | None] = {"a": "b", "b": "c", "c": "a", "d": "a"}
    assert supervisory_chain("a", looped) == ("b", "c")
    assert supervisory_chain("d", looped) == ("a", "b", "c")
    assert ancestor_sets(looped)["d"] == {"a", "b", "c"}


def test_someone_recorded_as_their_own_manager_has_no_chain() -> None:
    assert supervisory_chain("x", {"x": "x"}) == ()
    assert ancestor_sets({"x": "x"}) == {"x": frozenset()}


def test_each_manager_cycle_is_reported_once() -> None:
    graph: dict[str, str | None] = {"a": "b", "b": "a", "c": "a", "d": "e", "e": "f", "f": "d"}
    cycles = find_cycles(graph)
    assert sorted(frozenset(c) for c in cycles) == sorted([frozenset("ab"), frozenset("def")])
    assert find_cycles(CHART) == []


@given(forests())
def test_chains_and_ancestor_sets_agree_with_a_naive_walk_on_random_forests(
    chart: dict[int, int | None],
) -> None:
    sets = ancestor_sets(chart)
    for employee in chart:
        expected = naive_chain(employee, chart)
        assert list(supervisory_chain(employee, chart)) == expected
        assert sets[employee] == frozenset(expected)


@given(any_manager_graph())
def test_ancestor_sets_agree_with_the_chain_even_with_cycles(graph: dict[int, int | None]) -> None:
    sets = ancestor_sets(graph)
    for employee in graph:
        assert sets[employee] == frozenset(supervisory_chain(employee, graph))


@given(any_manager_graph())
def test_find_cycles_reports_exactly_the_employees_who_manage_themselves_indirectly(
    graph: dict[int, int | None],
) -> None:
    cycles = find_cycles(graph)
    members = [m for cycle in cycles for m in cycle]
    assert len(members) == len(set(members))  # no cycle (or member) twice
    for cycle in cycles:
        for i, member in enumerate(cycle):
            assert graph[member] == cycle[(i + 1) % len(cycle)]
    in_a_cycle = {e for e in graph if e in naive_reach(e, graph)}
    assert set(members) == in_a_cycle


def naive_reach(start: int, graph: dict[int, int | None]) -> set[int]:
    """Everyone met following manager links from `start` (excluded unless met again)."""
    seen: set[int] = set()
    node = graph.get(start)
    while node is not None and node not in seen:
        seen.add(node)
        node = graph.get(node)
    return seen


def walk_a_level_at_a_time(
    employee_ids: set[int], directory: dict[int, int | None]
) -> dict[int, int | None]:
    """What the repository reads: the links of the people asked about, then of their managers,
    level by level, each level one look-up by id (an id the directory lacks reads nothing)."""
    manager_of: dict[int, int | None] = {}
    asked = wanted = set(employee_ids)
    while wanted:
        manager_of.update((e, directory[e]) for e in wanted if e in directory)
        wanted = managers_to_look_up(manager_of, asked)
        asked = asked | wanted
    return manager_of


# Seeds 004_5b4c852a2ca2c393.txt ("no supervisory responsibility over the protege, even
# indirectly"), 002_59333b271e9b4b69.txt and 003_e5d42bff8b56600f.txt: the chain matching refuses is
# built from links read a level at a time, never a recursive query whose plan depends on the
# statistics of the moment.
@given(any_manager_graph(), st.data())
def test_the_whole_supervisory_chain_is_found_from_links_read_a_level_at_a_time(
    graph: dict[int, int | None], data: st.DataObject
) -> None:
    people = data.draw(st.sets(st.integers(0, len(graph) + 3)))
    chains = chains_of(people, walk_a_level_at_a_time(people, graph))
    for person in people:
        assert chains.get(person, frozenset()) == frozenset(supervisory_chain(person, graph))
    assert all(chains.values())  # only people with someone above them appear
