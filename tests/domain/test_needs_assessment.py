"""NC's Needs Assessment Form comes at the start of the partnership, not before matching."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import Conflict, TransitionRefused
from app.domain.needs_assessment import (
    FIELD,
    RULE,
    is_initial_meeting,
    kept,
    provided,
    require_for_initial_meeting,
    require_late_edit,
    withheld,
)
from app.domain.policy.presets import PRESETS

NC = PRESETS["nc-model"].onboarding
CLOSED = "applications to 2027 closed on 2027-01-04"


def test_provide_a_completed_needs_assessment_form_to_the_mentor_at_the_start_of_the_partnership():
    # seed 003_e5d42bff8b56600f.txt "Expectations" (mentee): "Provide a completed Needs
    # Assessment Form to the Mentor at the start of the partnership"; "Initial Meeting": the
    # mentor reviews "the Needs Assessment Form that will be provided by the mentee during the
    # meeting". Only NC asks it, and by the initial meeting: never as an entry rule.
    assert NC.needs_assessment_by_initial_meeting
    others = {k: p.onboarding.needs_assessment_by_initial_meeting for k, p in PRESETS.items()}
    assert others == {
        "charlotte-sll": False,
        "caltrans": False,
        "nc-model": True,
        "maine-mms": False,
    }
    rules = {r.name for p in PRESETS.values() for r in p.eligibility.mentee_rules}
    assert "needs_assessment_provided" not in rules
    with pytest.raises(TransitionRefused) as refused:
        require_for_initial_meeting(NC, initial=True, form_provided=False)
    assert refused.value.rule == RULE
    require_for_initial_meeting(NC, initial=True, form_provided=True)


def test_the_mentee_can_also_provide_this_form_in_advance_of_the_meeting_if_desired():
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": "The mentee can also provide this form in
    # advance of the meeting, if desired": on file before the first meeting is logged, and
    # handed in after applications closed, through the application's profile.
    before = {"goals": ["lead"], "needs_assessment": None}
    require_late_edit(NC, before, before | {"needs_assessment": "supervising"}, closed=CLOSED)
    with pytest.raises(Conflict) as refused:
        require_late_edit(NC, before, before | {"goals": ["other"]}, closed=CLOSED)
    assert refused.value.rule == "applications_closed"
    assert "only the needs assessment" in refused.value.detail


@given(
    cancelled=st.lists(st.booleans(), max_size=6),
    form=st.booleans(),
    key=st.sampled_from(sorted(PRESETS)),
)
def test_only_the_initial_meeting_of_an_nc_pair_waits_for_the_form(cancelled, form, key):
    # seed 003_e5d42bff8b56600f.txt "Initial Meeting": the form is reviewed at the initial
    # meeting; a later meeting, another program, or the form on file never waits.
    onboarding = PRESETS[key].onboarding
    initial = is_initial_meeting(cancelled)
    refused = onboarding.needs_assessment_by_initial_meeting and initial and not form
    try:
        require_for_initial_meeting(onboarding, initial=initial, form_provided=form)
    except TransitionRefused:
        assert refused
    else:
        assert not refused
    assert initial == (not any(not c for c in cancelled))


@given(st.one_of(st.none(), st.text(max_size=5), st.lists(st.text(max_size=3), max_size=2)))
def test_a_form_is_on_file_only_with_some_content(value):
    assert provided({"needs_assessment": value}) == bool(
        value.strip() if isinstance(value, str) else value
    )


@pytest.mark.parametrize("key", ["charlotte-sll", "caltrans", "maine-mms"])
def test_other_programs_take_no_profile_edit_after_applications_close(key):
    onboarding = PRESETS[key].onboarding
    with pytest.raises(Conflict) as refused:
        require_late_edit(onboarding, {}, {"needs_assessment": "x"}, closed=CLOSED)
    assert refused.value.detail == CLOSED


PROFILES = st.dictionaries(
    st.sampled_from([FIELD, "goals", "strengths", "career_path"]),
    st.one_of(st.none(), st.text(max_size=5)),
)


@given(PROFILES)
def test_the_form_goes_to_the_mentor_so_staff_read_the_application_without_its_text(profile):
    # seed 003_e5d42bff8b56600f.txt "Expectations": "Provide a completed Needs Assessment Form
    # to the Mentor"; "Mentor-Mentee Agreement": "Participants should keep meeting discussions
    # confidential". Staff see that it was provided (the eligibility decision), not what it says.
    seen = withheld(profile)
    assert FIELD not in seen
    assert seen == {k: v for k, v in profile.items() if k != FIELD}


@given(PROFILES, PROFILES)
def test_an_edit_by_someone_who_cannot_read_the_form_leaves_it_as_the_mentee_left_it(
    stored, edited
):
    # seed 003_e5d42bff8b56600f.txt: the form is the mentee's to give; an edit that never saw
    # it neither drops nor replaces it.
    profile = kept(stored, edited)
    assert profile.get(FIELD) == stored.get(FIELD)
    assert (FIELD in profile) == (FIELD in stored)
    assert withheld(profile) == withheld(edited)
