"""Every collection is listable, with one pagination: `limit` and an opaque `cursor` in,
`items` and `next_cursor` out, and the next page's absolute URL in a `Link` header."""

from __future__ import annotations

import re

from tests.api.graphql.test_efficiency import counter  # noqa: F401  (the fixture)
from tests.api.rest.program_helpers import MENTEE, MENTOR, apply, directory, nc_cohort

NEXT = re.compile(r'^<(?P<url>[^>]+)>; rel="next"$')


async def _walk(client, headers, path, limit) -> tuple[list[dict], list[str]]:
    """Every item of a list, following `Link: rel="next"` as a generic client would; and
    the links it followed."""
    items, links, url = [], [], f"{path}?limit={limit}"
    while True:
        response = await client.get(url, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        if page["next_cursor"] is None:
            assert "link" not in response.headers
            return items, links
        found = NEXT.match(response.headers["link"])
        assert found, response.headers["link"]
        url = found["url"]
        links.append(url)
        assert page["next_cursor"] in url


async def test_programs_are_listed_a_page_at_a_time_by_following_the_link(client, auth):
    headers = await auth()
    made = []
    for n in range(5):
        body = {"name": f"Program {n}", "preset": "caltrans"}
        made.append((await client.post("/v1/programs", headers=headers, json=body)).json())
    items, links = await _walk(client, headers, "/v1/programs", limit=2)
    assert sorted(p["id"] for p in items) == sorted(p["id"] for p in made)
    assert len(links) == 2
    assert all(link.startswith("http://") for link in links), "the Link is absolute"
    assert all(p["policy"]["duration_months"] for p in items), "with the effective policy"


async def test_a_programs_cohorts_and_a_cohorts_matching_runs_are_listed(client, auth):
    headers = await auth()
    ids = await directory(client, headers)
    made = await nc_cohort(client, headers, ids)
    second = await client.post(
        f"/v1/programs/{made['program']}/cohorts",
        headers=headers,
        json={"name": "2027", "starts_on": "2027-09-01"},
    )
    cohorts, _ = await _walk(client, headers, f"/v1/programs/{made['program']}/cohorts", 1)
    assert {c["id"] for c in cohorts} == {made["cohort"], second.json()["id"]}

    await apply(client, headers, made["cohort"], ids["E2"], MENTEE)
    await apply(client, headers, made["cohort"], ids["M3"], MENTOR)
    first = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)
    again = await client.post(f"/v1/cohorts/{made['cohort']}/matching-runs", headers=headers)
    runs, _ = await _walk(client, headers, f"/v1/cohorts/{made['cohort']}/matching-runs", 1)
    assert {r["id"] for r in runs} == {first.json()["id"], again.json()["id"]}
    assert all(r["proposals"] for r in runs)


async def test_applications_page_through_every_one_once(client, auth):
    headers = await auth()
    ids = await directory(client, headers)
    made = await nc_cohort(client, headers, ids)
    order = ["E2", "M3", "M2", "E1"]
    for number in order:
        await apply(client, headers, made["cohort"], ids[number], MENTEE)
    items, links = await _walk(client, headers, f"/v1/cohorts/{made['cohort']}/applications", 3)
    # In the order they came: (created_at, id), and a test's requests share one transaction's
    # clock, so here the ids decide.
    assert sorted(a["employee_id"] for a in items) == sorted(ids[n] for n in order)
    assert [(a["created_at"], a["id"]) for a in items] == sorted(
        (a["created_at"], a["id"]) for a in items
    )
    assert len(links) == 1


async def test_an_organisation_lists_only_itself(client, auth, org, other_org):
    listed = await client.get("/v1/organizations", headers=await auth())
    assert listed.json() == {
        "items": [{"id": str(org.id), "slug": org.slug, "name": org.name}],
        "next_cursor": None,
    }


async def test_webhook_endpoints_and_mentorships_answer_pages(client, auth):
    headers = await auth()
    for n in range(3):
        await client.post(
            "/v1/webhook-endpoints",
            headers=headers,
            json={"url": f"https://hr.example.org/hooks/{n}", "event_types": ["*"]},
        )
    endpoints, links = await _walk(client, headers, "/v1/webhook-endpoints", 2)
    assert len(endpoints) == 3
    assert len(links) == 1
    assert (await client.get("/v1/mentorships", headers=headers)).json() == {
        "items": [],
        "next_cursor": None,
    }


async def test_an_unknown_query_parameter_is_refused_with_its_name(client, auth):
    headers = await auth()
    for method, url in (
        ("GET", "/v1/programs?limt=5"),
        ("GET", "/v1/employees?page=2"),
        ("GET", "/v1/employees/00000000-0000-4000-8000-000000000001?expand=all"),
        ("POST", "/v1/programs?dry_run=true"),
    ):
        response = await client.request(
            method, url, headers=headers, json={"name": "x", "preset": "caltrans"}
        )
        assert response.status_code == 400, (url, response.text)
        problem = response.json()
        assert response.headers["content-type"] == "application/problem+json"
        assert problem["type"] == "/problems/unknown-query-parameter"
        assert problem["errors"][0]["location"] == "query"
        assert problem["field"] == url.split("?")[1].split("=")[0]
    assert (await client.get("/v1/programs?limit=5", headers=headers)).status_code == 200


async def test_a_cursor_this_service_did_not_issue_is_refused(client, auth):
    for cursor in ("%%%", "bm90IGpzb24", "WzEsMiwzXQ"):  # not base64; not JSON; not a key here
        response = await client.get("/v1/programs", params={"cursor": cursor}, headers=await auth())
        assert response.status_code == 422, (cursor, response.text)
        assert response.json()["field"] == "cursor"


async def test_a_page_costs_the_same_statements_whatever_its_length(
    client,
    auth,
    counter,  # noqa: F811  (the fixture)
):
    headers = await auth()
    for n in range(30):
        body = {"name": f"Program {n}", "preset": "caltrans"}
        await client.post("/v1/programs", headers=headers, json=body)
    costs = {}
    for limit in (2, 20):
        first = await client.get(f"/v1/programs?limit={limit}", headers=headers)
        before = counter.statements
        deeper = await client.get(first.headers["link"][1:].split(">")[0], headers=headers)
        assert deeper.status_code == 200
        costs[limit] = counter.statements - before
    assert costs[2] == costs[20]


async def test_a_page_of_mentorships_learns_that_another_follows_without_a_statement_more(
    client,
    auth,
    counter,  # noqa: F811  (the fixture)
    database,
    org,
):
    # The page reads one row more than it shows, to learn that another page follows, in the
    # same statement; that row's documents are left unread, while every row shown has its own.
    from tests.api.graphql.mentorship_fixtures import seed_pairs

    seeded = await seed_pairs(database, org, 3)
    headers = await auth()
    items, _ = await _walk(client, headers, "/v1/mentorships", limit=2)
    assert sorted(m["id"] for m in items) == sorted(str(i) for i in seeded.mentorships)
    pages, costs = {}, {}
    for limit in (2, 3):
        before = counter.statements
        pages[limit] = (await client.get(f"/v1/mentorships?limit={limit}", headers=headers)).json()
        costs[limit] = counter.statements - before
    assert costs[2] == costs[3]
    assert (pages[2]["next_cursor"] is None, pages[3]["next_cursor"] is None) == (False, True)
    for page in pages.values():
        assert all(m["policy"]["duration_months"] > 0 for m in page["items"])
        assert all(isinstance(m["explanation"], dict) for m in page["items"])
