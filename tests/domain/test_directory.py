"""Manager cycles: found wherever they are, blamed on the row of the batch that closed them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.directory import rows_closing_a_cycle

numbers = st.sampled_from([f"E{n}" for n in range(12)])


def _has_cycle(graph: dict[str, str | None]) -> bool:
    for start in graph:
        seen, node = set(), start
        while node is not None:
            if node in seen:
                return True
            seen.add(node)
            node = graph.get(node)
    return False


@given(st.dictionaries(numbers, st.none() | numbers))
def test_removing_the_blamed_rows_leaves_no_cycle(graph):
    order = {n: i for i, n in enumerate(graph)}
    blamed = rows_closing_a_cycle(graph, order)
    repaired = {n: (None if n in blamed else m) for n, m in graph.items()}
    assert not _has_cycle(repaired)
    assert bool(blamed) == _has_cycle(graph)


def test_the_latest_row_of_a_cycle_is_blamed():
    blamed = rows_closing_a_cycle({"A": "B", "B": "C", "C": "A"}, {"A": 0, "B": 1, "C": 2})
    assert list(blamed) == ["C"]
    assert set(blamed["C"]) == {"A", "B", "C"}


def test_a_chain_is_not_a_cycle():
    assert rows_closing_a_cycle({"A": "B", "B": "C", "C": None}, {"A": 0}) == {}
