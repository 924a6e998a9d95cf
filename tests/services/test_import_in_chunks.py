"""An import is validated and written in chunks (so no step holds the event loop long);
the result is the same as in one piece: row numbers, manager links, every row kept."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from app.adapters.clock import SystemClock
from app.adapters.db.repositories.employee_writes import STAGE_ABOVE
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.api.rest.streamed_json import EnvelopeReader
from app.domain.access import Principal, Role
from app.services.directory.employee_rows import VALIDATE_CHUNK, validate_rows
from app.services.directory.employees import import_employees
from tests.factories import employee_row


def test_rows_refused_in_later_chunks_keep_their_row_numbers():
    rows = [employee_row(f"E{n:05}") for n in range(2 * VALIDATE_CHUNK + 10)]
    bad = [0, VALIDATE_CHUNK - 1, VALIDATE_CHUNK, 2 * VALIDATE_CHUNK + 9]
    for n in bad:
        rows[n]["level"] = "senior"
    rows[VALIDATE_CHUNK + 3] = "not an object"  # type: ignore[call-overload]

    good, errors = validate_rows(rows)

    assert sorted(e.row for e in errors) == sorted([n + 1 for n in bad] + [VALIDATE_CHUNK + 4])
    assert [i for i, _ in good] == [
        n for n in range(len(rows)) if n not in bad and n != VALIDATE_CHUNK + 3
    ]


async def test_reports_written_before_their_managers_across_chunks_are_all_linked(
    database, org, connection
):
    # Each row's manager is the next row: the batch lists every report before its manager,
    # so written in chunks as listed, a row would name a manager not yet written.
    count = 2 * STAGE_ABOVE + 5
    rows = [
        employee_row(f"E{n:05}", manager_employee_number=f"E{n + 1:05}" if n + 1 < count else None)
        for n in range(count)
    ]
    hr = Principal(org.id, Role.INTEGRATION, "hr-sync")
    report = await import_employees(
        uow=SqlUnitOfWork(database, org.id), principal=hr, clock=SystemClock(), rows=rows
    )
    assert (report.created, report.errors) == (count, [])
    linked = await connection.fetchval(
        "SELECT count(*) FROM employees e JOIN employees m ON m.id = e.manager_id "
        "AND m.organization_id = e.organization_id "
        "WHERE e.organization_id = $1 AND m.employee_number = e.manager_employee_number",
        org.id,
    )
    assert linked == count - 1


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=30,
)


def _read_in_pieces(
    body: bytes, cuts: list[int], reader: EnvelopeReader | None = None
) -> tuple[list[object], object]:
    """Feed `body` cut at `cuts` (the way it arrives over a network): (rows, envelope)."""
    reader, rows, start = reader or EnvelopeReader("employees"), [], 0
    for cut in sorted({min(c, len(body)) for c in cuts}):
        for chunk in reader.feed(body[start:cut], False):
            rows += chunk
        start = cut
    for chunk in reader.feed(body[start:], True):
        rows += chunk
    return rows, reader.envelope()


def test_a_number_cut_between_two_pieces_at_its_point_or_exponent_is_read_whole():
    # Found by the property below: "-4." of "-4.8e+16" decodes as -4, its "." left over.
    for cut in range(1, 40):
        body = b'{"x": -4.839438769701061e+16, "employees": [{"level": 1.5e3}]}'
        rows, envelope = _read_in_pieces(body, [cut])
        assert rows == [{"level": 1500.0}]
        assert envelope == {"x": -4.839438769701061e16, "employees": [None]}


@given(
    st.lists(_json_values, max_size=6),
    st.dictionaries(st.sampled_from(["mode", "x"]), _json_values, max_size=2),
    st.sampled_from([None, 0, 2]),
    st.lists(st.integers(min_value=0, max_value=400), max_size=8),
)
def test_a_body_read_in_pieces_yields_the_rows_json_decodes(rows, others, indent, cuts):
    body = json.dumps({**others, "employees": rows}, indent=indent).encode()
    got_rows, envelope = _read_in_pieces(body, cuts)
    assert got_rows == rows
    assert envelope == {**others, "employees": [None] * len(rows)}


@given(_json_values, st.lists(st.integers(min_value=0, max_value=200), max_size=5))
def test_a_body_that_is_not_such_an_object_is_left_for_the_envelope_check(value, cuts):
    body = json.dumps(value).encode()
    rows, envelope = _read_in_pieces(body, cuts)
    expected = json.loads(body)
    if isinstance(expected, dict) and isinstance(expected.get("employees"), list):
        assert rows == expected["employees"]
    else:
        assert (rows, envelope) == ([], expected)


@given(
    st.text(alphabet=' {}[],:"0a\\\n', max_size=30),
    st.lists(st.integers(min_value=0, max_value=30), max_size=4),
)
def test_malformed_text_read_in_pieces_fails_as_json_fails(text, cuts):
    body = ('{"employees": [' + text).encode()
    try:
        json.loads(body)
        fails = False
    except ValueError:
        fails = True
    try:
        _read_in_pieces(body, cuts)
        read_fails = False
    except ValueError:
        read_fails = True
    assert read_fails == fails


class _Run(list):  # type: ignore[type-arg]
    """A run of rows as a block reader hands it back: marked, to tell it from single rows."""


def _decoded_run(text: str) -> _Run | None:
    try:
        return _Run(json.loads(text))
    except ValueError:
        return None


_objects = st.dictionaries(
    st.sampled_from(["a", "b", "},{", "]"]),
    _json_values | st.sampled_from(["},", "}, {", '"}]', "\\"]),
    max_size=3,
)


@given(
    st.lists(_objects | _json_values, max_size=8),
    st.sampled_from([None, 0, 1]),
    st.lists(st.integers(min_value=0, max_value=400), max_size=6),
    st.integers(min_value=1, max_value=60),
)
def test_runs_of_rows_read_in_one_call_are_the_rows_json_decodes(rows, indent, cuts, chars):
    # A run is cut at a `}` before `,` or `]`, which strings and nested values also hold.
    body = json.dumps({"employees": rows}, indent=indent).encode()
    reader = EnvelopeReader("employees", _decoded_run, block_chars=chars)
    got_rows, envelope = _read_in_pieces(body, cuts, reader)
    assert got_rows == rows
    assert envelope == {"employees": [None] * len(rows)}
