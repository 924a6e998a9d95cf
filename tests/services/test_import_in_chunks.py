"""An import is validated and written in chunks (so no step holds the event loop long);
the result is the same as in one piece: row numbers, manager links, every row kept."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from app.adapters.clock import SystemClock
from app.adapters.db.repositories.employees import WRITE_CHUNK
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.api.rest.large_json import decoded_in_steps
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
    count = 2 * WRITE_CHUNK + 5
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


@given(_json_values, st.sampled_from([None, 0, 2]))
def test_a_body_decoded_in_steps_is_the_body_json_decodes(value, indent):
    body = json.dumps(value, indent=indent).encode()
    assert decoded_in_steps(body) == json.loads(body)


@given(st.text(alphabet=' {}[],:"0a\\\n', max_size=30))
def test_malformed_text_fails_in_steps_as_json_fails(text):
    body = text.encode()
    try:
        expected: object = json.loads(body)
    except ValueError as error:
        expected = (type(error), str(error))
    try:
        got: object = decoded_in_steps(body)
    except ValueError as error:
        got = (type(error), str(error))
    assert got == expected
