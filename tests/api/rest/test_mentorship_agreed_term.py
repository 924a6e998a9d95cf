"""Caltrans: "How long should the mentoring relationship last? ... agreed upon and documented
in the mentoring contract" (002 FAQ); six months recommended, longer for jobs that need it.
Once both have initialled a contract with another length, the end date, the checkups and
the term's deadlines follow. A shorter length than recommended (Caltrans six months, NC a
year: 003 "Duration") is accepted and the agreement says so (`term_notice`); only a length
outside a program's own hard bounds is refused by name."""
# ruff: noqa: F811  (the `clock` fixture is imported, then requested by name)

from __future__ import annotations

from datetime import date

from tests.api.mentorship_setup import clock, propose  # noqa: F401  (the fixture)

START = date(2027, 1, 4)
CONTRACT = {"competencies_to_model": "negotiation", "ground_rules": "cancel a day ahead"}


async def _confirmed(client, pairing):
    for who in (pairing.mentee, pairing.mentor):
        confirmed = await client.post(f"/v1/mentorships/{pairing.id}/confirm", headers=who)
        assert confirmed.status_code == 200, confirmed.text


async def _contract(client, pairing, duration):
    url = f"/v1/mentorships/{pairing.id}/agreement"
    return await client.put(
        url, headers=pairing.mentee, json={"terms": {**CONTRACT, "duration": duration}}
    )


async def _sign(client, pairing, who):
    signed = await client.post(f"/v1/mentorships/{pairing.id}/agreement/sign", headers=who)
    assert signed.status_code == 200, signed.text


async def _term(client, pairing):
    mentorship = await client.get(f"/v1/mentorships/{pairing.id}", headers=pairing.admin)
    progress = await client.get(f"/v1/mentorships/{pairing.id}/progress", headers=pairing.admin)
    return mentorship.json()["ends_on"], progress.json()


async def test_a_nine_month_contract_moves_the_end_and_the_checkups_once_both_initial_it(
    client, auth, clock
):
    pairing = await propose(client, auth, "caltrans", START)
    await _confirmed(client, pairing)
    assert (await _contract(client, pairing, "nine months")).status_code == 200
    await _sign(client, pairing, pairing.mentee)
    ends_on, _ = await _term(client, pairing)
    assert ends_on == "2027-07-04"  # one signature changes nothing yet
    await _sign(client, pairing, pairing.mentor)
    ends_on, progress = await _term(client, pairing)
    assert (ends_on, progress["ends_on"]) == ("2027-10-04", "2027-10-04")
    assert progress["checkups"] == ["2027-03-04", "2027-05-04", "2027-07-04", "2027-09-04"]
    assert progress["state"] == "active"
    # The six-month date no longer ends it.
    clock.set(date(2027, 7, 4))
    early = await client.post(
        f"/v1/mentorships/{pairing.id}/complete", headers=pairing.mentee, json={}
    )
    assert (early.status_code, early.json()["rule"]) == (409, "before_term_end")


async def test_an_amendment_back_to_six_months_restores_the_default_term(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _confirmed(client, pairing)
    await _contract(client, pairing, "twelve months")
    for who in (pairing.mentee, pairing.mentor):
        await _sign(client, pairing, who)
    assert (await _term(client, pairing))[0] == "2028-01-04"
    clock.set(date(2027, 4, 1))
    await _contract(client, pairing, "6 months")
    await _sign(client, pairing, pairing.mentor)
    assert (await _term(client, pairing))[0] == "2028-01-04"  # an amendment needs both again
    await _sign(client, pairing, pairing.mentee)
    ends_on, progress = await _term(client, pairing)
    assert ends_on == "2027-07-04"
    assert progress["checkups"] == ["2027-03-04", "2027-05-04", "2027-07-04"]


async def test_a_term_outside_the_programs_bounds_is_refused_naming_the_field(client, auth, clock):
    # A program may still bound the term itself: this one sets a hard minimum of six months.
    bounded = {"term": {"min_months": 6}}
    pairing = await propose(client, auth, "caltrans", START, policy=bounded)
    await _confirmed(client, pairing)
    short = await _contract(client, pairing, "three months")
    assert short.status_code == 422
    assert (short.json()["field"], short.json()["rule"]) == ("terms.duration", "term_within_policy")
    vague = await _contract(client, pairing, "as long as it takes")
    assert (vague.json()["field"], vague.json()["rule"]) == ("terms.duration", "term_in_months")
    # Nothing was written: there is still no contract to sign.
    agreement = await client.get(f"/v1/mentorships/{pairing.id}/agreement", headers=pairing.mentee)
    assert agreement.json()["version"] == 0


async def test_the_recommended_duration_of_six_months_is_not_a_minimum_a_four_month_contract_stands(
    client, auth, clock
):
    # seed 002_59333b271e9b4b69.txt FAQ "How long should the mentoring relationship last?":
    # "The recommended duration of the relationship is six-months. The length should be agreed
    # upon and documented in the mentoring contract."
    pairing = await propose(client, auth, "caltrans", START)
    await _confirmed(client, pairing)
    written = await _contract(client, pairing, "four months")
    assert written.status_code == 200, written.text
    notice = "a term of at least 6 months is recommended; this agreement states 4 months"
    assert written.json()["term_notice"] == notice
    for who in (pairing.mentee, pairing.mentor):
        await _sign(client, pairing, who)
    assert (await _term(client, pairing))[0] == "2027-05-04"
    # The coordinator reads the same notice: a fact about the term, not the pair's words.
    staff = pairing.tokens["STAFF"]
    seen = await client.get(f"/v1/mentorships/{pairing.id}/agreement", headers=staff)
    assert seen.json()["term_notice"] == notice
    amended = await _contract(client, pairing, "six months")
    assert amended.json()["term_notice"] is None


async def test_at_least_a_one_year_partnership_is_recommended_an_nc_pair_may_agree_nine_months(
    client, auth, clock
):
    # seed 003_e5d42bff8b56600f.txt "Duration": "dependent upon the guidelines stipulated by
    # the governing agency; however at least a one-year partnership ... [is] recommended";
    # "Requirements": both "Commit to a reasonable duration for the partnership".
    pairing = await propose(client, auth, "nc-model", START)
    await _confirmed(client, pairing)
    url = f"/v1/mentorships/{pairing.id}/agreement"
    terms = {"ground_rules": "be on time", "duration": "nine months"}
    written = await client.put(url, headers=pairing.mentee, json={"terms": terms})
    assert written.status_code == 200, written.text
    assert written.json()["term_notice"] == (
        "a term of at least 12 months is recommended; this agreement states 9 months"
    )
    for who in (pairing.mentee, pairing.mentor):
        await _sign(client, pairing, who)
    assert (await _term(client, pairing))[0] == "2027-10-04"


async def test_graphql_signs_the_same_term(client, auth, clock):
    pairing = await propose(client, auth, "caltrans", START)
    await _confirmed(client, pairing)
    await _contract(client, pairing, "one year")
    await _sign(client, pairing, pairing.mentee)
    signed = await client.post(
        "/graphql",
        headers=pairing.mentor,
        json={
            "query": "mutation($id: UUID!) { signAgreement(mentorshipId: $id) "
            "{ __typename ... on Agreement { signedByBoth } } }",
            "variables": {"id": pairing.id},
        },
    )
    assert signed.json()["data"]["signAgreement"]["signedByBoth"] is True
    assert (await _term(client, pairing))[0] == "2028-01-04"


async def test_graphql_shows_the_same_notice_on_the_agreement(client, auth, clock):
    # seed 002_59333b271e9b4b69.txt FAQ: "The recommended duration of the relationship is
    # six-months": the contract the pair writes over GraphQL carries the same notice.
    pairing = await propose(client, auth, "caltrans", START)
    await _confirmed(client, pairing)
    mutation = (
        "mutation($id: UUID!, $terms: JSON!) { writeAgreement(mentorshipId: $id, terms: $terms) "
        "{ __typename ... on Agreement { termNotice } } }"
    )
    short = {**CONTRACT, "duration": "four months"}
    written = await client.post(
        "/graphql",
        headers=pairing.mentee,
        json={"query": mutation, "variables": {"id": pairing.id, "terms": short}},
    )
    assert written.json()["data"]["writeAgreement"]["termNotice"] == (
        "a term of at least 6 months is recommended; this agreement states 4 months"
    )
    query = "query($id: UUID!) { agreement(mentorshipId: $id) { termNotice } }"
    staff = pairing.tokens["STAFF"]
    read = await client.post(
        "/graphql", headers=staff, json={"query": query, "variables": {"id": pairing.id}}
    )
    assert read.json()["data"]["agreement"]["termNotice"].startswith("a term of at least 6")
    six = {**CONTRACT, "duration": "six months"}
    rewritten = await client.post(
        "/graphql",
        headers=pairing.mentee,
        json={"query": mutation, "variables": {"id": pairing.id, "terms": six}},
    )
    assert rewritten.json()["data"]["writeAgreement"]["termNotice"] is None
