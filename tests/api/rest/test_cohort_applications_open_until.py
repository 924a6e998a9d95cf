"""A cohort says when its applications close (`applications_open_until`), as its program's
policy reads it, over REST and GraphQL: Maine at the cohort's start, Caltrans on its last day
(the day before its `ends_on`, the first day past its term), the coordinator's close date over
both."""
# ruff: noqa: F811  (the `counter` fixture is imported, then requested by name)

from __future__ import annotations

from tests.api.graphql.test_efficiency import counter  # noqa: F401  (the fixture)

START, END = "2027-07-12", "2028-04-30"
LAST_DAY = "2028-04-29"  # the day before END, the first day past the term
GRAPHQL = """query($id: UUID!, $program: UUID!) {
  cohort(id: $id) { applicationsCloseOn applicationsOpenUntil }
  cohorts(programId: $program) { edges { node { id applicationsOpenUntil } } } }"""


async def _program(client, headers, preset) -> str:
    program = await client.post(
        "/v1/programs", headers=headers, json={"name": "Leaders", "preset": preset}
    )
    assert program.status_code == 201, program.text
    return program.json()["id"]


async def _cohort(client, headers, program, **dates) -> dict:
    cohort = await client.post(
        f"/v1/programs/{program}/cohorts",
        headers=headers,
        json={"name": "2027", "starts_on": START, **dates},
    )
    assert cohort.status_code == 201, cohort.text
    return cohort.json()


async def _read(client, headers, program, cohort) -> tuple[str | None, str | None, str | None]:
    """The cohort's `applications_open_until` as GET, the program's list and GraphQL read it."""
    one = (await client.get(f"/v1/cohorts/{cohort}", headers=headers)).json()
    listed = (await client.get(f"/v1/programs/{program}/cohorts", headers=headers)).json()
    [row] = [c for c in listed["items"] if c["id"] == cohort]
    found = await client.post(
        "/graphql",
        headers=headers,
        json={"query": GRAPHQL, "variables": {"id": cohort, "program": program}},
    )
    data = found.json()["data"]
    [node] = [e["node"] for e in data["cohorts"]["edges"] if e["node"]["id"] == cohort]
    assert data["cohort"]["applicationsOpenUntil"] == node["applicationsOpenUntil"]
    return (
        one["applications_open_until"],
        row["applications_open_until"],
        node["applicationsOpenUntil"],
    )


async def test_a_maine_cohort_takes_applications_until_it_starts(client, auth):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events": "Preliminary Mentoring matches
    # made" as the cycle starts: protégés have applied by then.
    headers = await auth()
    program = await _program(client, headers, "maine-mms")
    cohort = await _cohort(client, headers, program, ends_on=END)
    assert cohort["applications_close_on"] is None
    assert cohort["applications_open_until"] == START
    assert await _read(client, headers, program, cohort["id"]) == (START, START, START)


async def test_a_caltrans_cohort_takes_applications_to_its_last_day_and_while_it_has_no_end(
    client, auth
):
    # seed 002_59333b271e9b4b69.txt: the volunteer list is "readily available for all
    # employees to use when seeking out a mentor": pairs form as people come.
    headers = await auth()
    program = await _program(client, headers, "caltrans")
    ended = await _cohort(client, headers, program, ends_on=END)
    assert await _read(client, headers, program, ended["id"]) == (LAST_DAY,) * 3
    endless = await _cohort(client, headers, program)
    assert await _read(client, headers, program, endless["id"]) == (None, None, None)


async def test_the_coordinators_close_date_is_when_applications_close_in_every_program(
    client, auth
):
    # seed 004_5b4c852a2ca2c393.txt "Schedule of Events" and 002_59333b271e9b4b69.txt: the
    # handbooks' readings apply when the coordinator set no date of their own.
    headers = await auth()
    for preset in ("maine-mms", "caltrans"):
        program = await _program(client, headers, preset)
        cohort = await _cohort(
            client, headers, program, ends_on=END, applications_close_on="2027-06-30"
        )
        read = await _read(client, headers, program, cohort["id"])
        assert read == ("2027-06-30",) * 3, preset
        moved = await client.patch(
            f"/v1/cohorts/{cohort['id']}", headers=headers, json={"applications_close_on": None}
        )
        opens_until = START if preset == "maine-mms" else LAST_DAY
        assert moved.json()["applications_open_until"] == opens_until


async def _list_statements(client, headers, counter, program) -> int:
    before = counter.statements
    listed = await client.get(f"/v1/programs/{program}/cohorts", headers=headers)
    assert listed.status_code == 200, listed.text
    return counter.statements - before


async def test_a_programs_cohort_list_costs_the_same_statements_for_one_cohort_or_many(
    client, auth, counter
):
    # seed 002_59333b271e9b4b69.txt: each cohort's close date reads its program's one policy.
    headers = await auth()
    one, many = (
        await _program(client, headers, "caltrans"),
        await _program(client, headers, "caltrans"),
    )
    await _cohort(client, headers, one, ends_on=END)
    for _ in range(4):
        await _cohort(client, headers, many, ends_on=END)
    assert await _list_statements(client, headers, counter, one) == await _list_statements(
        client, headers, counter, many
    )
