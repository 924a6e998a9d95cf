"""The life of a mentorship: who may move it, when, and what every refusal says."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from app.domain.compatibility_checkpoint import answer_checkpoint, eligible_for_next_cohort
from app.domain.errors import DomainError, InvalidInput, NotPermitted, TransitionRefused
from app.domain.lifecycle.activation import amend_agreement, confirm, sign_agreement
from app.domain.lifecycle.checkpoint_answers import CheckpointDecision, CheckpointOutcome
from app.domain.lifecycle.endings import (
    ParticipantContact,
    TerminationRecommendation,
    complete,
    end_early,
    recommend_termination,
    terminate,
)
from app.domain.lifecycle.evaluations import (
    evaluations_owed,
    missing_evaluations,
    record_evaluation,
)
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import TERMINAL_STATES, MentorshipState
from app.domain.lifecycle.status import MentorshipEvent, MentorshipStatus, Transition, propose
from app.domain.policy.model import EvaluationKind, Policy, apply_overrides
from app.domain.policy.presets import PRESETS
from tests.domain.contacts import CONTACTED, not_working

START = date(2024, 9, 1)
CHARLOTTE = PRESETS["charlotte-sll"]


def _confirmed(policy: Policy = CHARLOTTE) -> MentorshipStatus:
    status = propose(policy=policy, starts_on=START)
    status = confirm(status, by=Party.MENTEE, today=START).status
    return confirm(status, by=Party.MENTOR, today=START).status


def _active(policy: Policy = CHARLOTTE) -> MentorshipStatus:
    status = _confirmed(policy)
    if status.state is MentorshipState.CONFIRMED:
        status = sign_agreement(status, by=Party.MENTEE, today=START).status
        status = sign_agreement(status, by=Party.MENTOR, today=START).status
    assert status.state is MentorshipState.ACTIVE
    return status


def _refused(rule: str, action: Callable[[], Transition]) -> None:
    with pytest.raises(TransitionRefused) as refused:
        action()
    assert refused.value.rule == rule


# --- confirmation and activation ---------------------------------------------------------


def test_confirmed_once_both_confirm_but_not_active_until_both_sign_the_agreement() -> None:
    status = propose(policy=CHARLOTTE, starts_on=START)
    first = confirm(status, by=Party.MENTEE, today=START)
    assert first.status.state is MentorshipState.PROPOSED
    second = confirm(first.status, by=Party.MENTOR, today=START)
    assert second.status.state is MentorshipState.CONFIRMED
    assert MentorshipEvent.CONFIRMED in second.events
    signed = sign_agreement(second.status, by=Party.MENTOR, today=START).status
    assert signed.state is MentorshipState.CONFIRMED
    active = sign_agreement(signed, by=Party.MENTEE, today=START + timedelta(days=3))
    assert active.status.state is MentorshipState.ACTIVE
    assert active.status.activated_on == START + timedelta(days=3)
    assert active.events == (MentorshipEvent.AGREEMENT_SIGNED, MentorshipEvent.ACTIVATED)


def test_without_a_required_agreement_the_mentorship_is_active_on_confirmation() -> None:
    status = propose(policy=PRESETS["maine-mms"], starts_on=START)
    status = confirm(status, by=Party.MENTOR, today=START).status
    after = confirm(status, by=Party.MENTEE, today=START)
    assert after.status.state is MentorshipState.ACTIVE
    assert after.events[-2:] == (MentorshipEvent.CONFIRMED, MentorshipEvent.ACTIVATED)


def test_only_the_mentee_and_mentor_confirm_each_once() -> None:
    status = propose(policy=CHARLOTTE, starts_on=START)
    with pytest.raises(NotPermitted):
        confirm(status, by=Party.COORDINATOR, today=START)
    once = confirm(status, by=Party.MENTEE, today=START).status
    _refused("already_confirmed", lambda: confirm(once, by=Party.MENTEE, today=START))


def test_the_agreement_is_signed_after_confirmation_not_before() -> None:
    status = propose(policy=CHARLOTTE, starts_on=START)
    _refused("wrong_state", lambda: sign_agreement(status, by=Party.MENTEE, today=START))


# --- compatibility checkpoint -------------------------------------------------------------


def test_checkpoint_opens_on_the_first_day_of_month_three_not_before() -> None:
    status = _active()
    _refused(
        "checkpoint_not_open",
        lambda: answer_checkpoint(
            status,
            by=Party.MENTEE,
            decision=CheckpointDecision.CONTINUE,
            today=date(2024, 10, 31),
            alternative_available=False,
        ),
    )
    opened = answer_checkpoint(
        status,
        by=Party.MENTEE,
        decision=CheckpointDecision.CONTINUE,
        today=date(2024, 11, 1),
        alternative_available=False,
    )
    assert opened.outcome is CheckpointOutcome.CONTINUE


def test_either_side_may_ask_for_a_change_without_a_reason_and_is_rematched_when_possible() -> None:
    after = answer_checkpoint(
        _active(),
        by=Party.MENTEE,
        decision=CheckpointDecision.CHANGE,
        today=date(2024, 11, 25),
        alternative_available=True,
    )
    assert after.status.state is MentorshipState.REMATCHED
    assert after.outcome is CheckpointOutcome.REMATCHED
    assert not eligible_for_next_cohort(after.status)


def test_the_checkpoint_continues_once_both_answer_continue() -> None:
    day = date(2024, 11, 25)
    status = answer_checkpoint(
        _active(),
        by=Party.MENTOR,
        decision=CheckpointDecision.CONTINUE,
        today=day,
        alternative_available=False,
    ).status
    assert status.checkpoint_outcome is None
    _refused(
        "already_answered",
        lambda: answer_checkpoint(
            status,
            by=Party.MENTOR,
            decision=CheckpointDecision.CHANGE,
            today=day,
            alternative_available=False,
        ),
    )
    both = answer_checkpoint(
        status,
        by=Party.MENTEE,
        decision=CheckpointDecision.CONTINUE,
        today=day,
        alternative_available=False,
    ).status
    assert both.checkpoint_outcome is CheckpointOutcome.CONTINUE
    assert both.state is MentorshipState.ACTIVE


def test_no_checkpoint_under_a_policy_without_one_and_never_by_a_coordinator() -> None:
    caltrans = _active(PRESETS["caltrans"])
    _refused(
        "no_checkpoint",
        lambda: answer_checkpoint(
            caltrans,
            by=Party.MENTEE,
            decision=CheckpointDecision.CHANGE,
            today=date(2025, 1, 1),
            alternative_available=True,
        ),
    )
    with pytest.raises(NotPermitted):
        answer_checkpoint(
            _active(),
            by=Party.COORDINATOR,
            decision=CheckpointDecision.CHANGE,
            today=date(2024, 11, 25),
            alternative_available=True,
        )


def test_a_program_may_stop_one_side_from_asking_for_a_change() -> None:
    policy = apply_overrides(CHARLOTTE, {"checkpoint": {"mentor_may_request_change": False}})
    _refused(
        "change_not_allowed",
        lambda: answer_checkpoint(
            _active(policy),
            by=Party.MENTOR,
            decision=CheckpointDecision.CHANGE,
            today=date(2024, 11, 25),
            alternative_available=True,
        ),
    )


# --- ending, completion, termination ------------------------------------------------------


@pytest.mark.parametrize("by", [Party.MENTEE, Party.MENTOR])
@pytest.mark.parametrize(
    "stage", [lambda: propose(policy=CHARLOTTE, starts_on=START), _confirmed, _active]
)
def test_either_participant_may_end_at_any_time_without_a_reason(
    by: Party, stage: Callable[[], MentorshipStatus]
) -> None:
    ended = end_early(stage(), by=by, today=START + timedelta(days=1))
    assert ended.status.state is MentorshipState.ENDED
    assert ended.status.closed_by is by


def test_a_coordinator_cannot_end_a_relationship_for_the_pair() -> None:
    with pytest.raises(NotPermitted):
        end_early(_active(), by=Party.COORDINATOR, today=START)


def test_completion_waits_for_the_end_of_the_term_and_the_required_evaluations() -> None:
    # seed 000_4e18aab21704e587.txt: "Evaluate the relationship at various points (at least
    # mid-point and ending)", an expectation of the mentor (seed 000_4e18aab21704e587.txt) and of
    # the mentee (001_5dd4108eec679fcc.txt).
    status = _active()
    last_day, end_day = date(2025, 5, 31), date(2025, 6, 1)
    _refused("before_term_end", lambda: complete(status, by=Party.SYSTEM, today=last_day))
    _refused("evaluations_missing", lambda: complete(status, by=Party.SYSTEM, today=end_day))
    assert missing_evaluations(status) == {EvaluationKind.FINAL: 2, EvaluationKind.MIDPOINT: 2}
    _refused(
        "midpoint_not_reached",
        lambda: record_evaluation(
            status, kind=EvaluationKind.MIDPOINT, by=Party.MENTEE, today=date(2025, 1, 14)
        ),
    )
    status = record_evaluation(
        status, kind=EvaluationKind.MIDPOINT, by=Party.MENTEE, today=date(2025, 1, 15)
    ).status
    status = record_evaluation(
        status, kind=EvaluationKind.FINAL, by=Party.MENTOR, today=date(2025, 5, 30)
    ).status
    status = record_evaluation(
        status, kind=EvaluationKind.MIDPOINT, by=Party.MENTOR, today=date(2025, 1, 16)
    ).status
    status = record_evaluation(
        status, kind=EvaluationKind.FINAL, by=Party.MENTEE, today=date(2025, 5, 30)
    ).status
    done = complete(status, by=Party.SYSTEM, today=date(2025, 6, 1))
    assert done.status.state is MentorshipState.COMPLETED


def test_both_mentor_and_mentee_evaluate_at_mid_point_and_end() -> None:
    # seed 000_4e18aab21704e587.txt (mentor) and 001_5dd4108eec679fcc.txt (mentee): "Evaluate
    # the relationship at various points (at least mid-point and ending)".
    status = _active()
    for kind, day in (
        (EvaluationKind.MIDPOINT, date(2025, 1, 15)),
        (EvaluationKind.FINAL, date(2025, 5, 30)),
    ):
        status = record_evaluation(status, kind=kind, by=Party.MENTEE, today=day).status
    with pytest.raises(TransitionRefused) as refused:
        complete(status, by=Party.SYSTEM, today=date(2025, 6, 1))
    assert refused.value.rule == "evaluations_missing"
    assert "1 final from the mentor" in refused.value.detail
    assert "1 midpoint from the mentor" in refused.value.detail
    assert [o.describe() for o in evaluations_owed(status)] == [
        "1 final from the mentor",
        "1 midpoint from the mentor",
    ]


def test_required_checkups_count_every_checkup_date_of_the_term() -> None:
    policy = apply_overrides(
        PRESETS["caltrans"], {"evaluations": {"required_before_completion": ["checkup"]}}
    )
    status = _active(policy)
    for _ in range(2):
        status = record_evaluation(
            status, kind=EvaluationKind.CHECKUP, by=Party.MENTEE, today=date(2024, 11, 1)
        ).status
    assert missing_evaluations(status) == {EvaluationKind.CHECKUP: 1}
    _refused(
        "evaluation_not_in_policy",
        lambda: record_evaluation(
            status, kind=EvaluationKind.MIDPOINT, by=Party.MENTEE, today=date(2025, 1, 1)
        ),
    )


def test_the_administrator_may_even_recommend_the_mentoring_relationship_be_terminated() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Confidentiality" exception 3: mentors or protégés "may
    # contact the Mentoring Program Administrator, who may intervene and may even recommend the
    # mentoring relationship be terminated": a recommendation to the pair, not an ending.
    maine = _active(PRESETS["maine-mms"])
    words = "  You both told me the meetings keep slipping; consider ending.  "
    recommended = recommend_termination(
        maine, by=Party.ADMINISTRATOR, today=date(2024, 10, 1), reason=words, **CONTACTED
    )
    contact = ParticipantContact("told", not_working().kind, not_working().occurred_at.date())
    assert recommended == TerminationRecommendation(date(2024, 10, 1), contact, words.strip())
    with pytest.raises(NotPermitted) as refused:
        recommend_termination(maine, by=Party.MENTEE, today=START, **CONTACTED)
    assert refused.value.rule == "administrator_only"
    with pytest.raises(InvalidInput) as too_long:
        recommend_termination(
            maine, by=Party.ADMINISTRATOR, today=START, reason="x" * 10_001, **CONTACTED
        )
    assert too_long.value.field == "reason"


def test_maines_administrator_recommends_termination_and_the_participants_end_it() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Confidentiality" exception 3: the Administrator "may even
    # recommend the mentoring relationship be terminated"; it is not theirs to end.
    maine = _active(PRESETS["maine-mms"])
    with pytest.raises(TransitionRefused) as refused:
        terminate(maine, by=Party.ADMINISTRATOR, today=START)
    assert refused.value.rule == "administrator_recommends_participants_end"
    assert "the participants end it" in str(refused.value)
    ended = end_early(maine, by=Party.MENTEE, today=START)
    assert ended.status.state is MentorshipState.ENDED


def test_charlotte_caltrans_and_nc_name_no_administrator_who_recommends_or_terminates() -> None:
    # seeds 000_4e18aab21704e587.txt, 002_59333b271e9b4b69.txt, 003_e5d42bff8b56600f.txt: the
    # participants end the relationship; no handbook but Maine's gives staff that say.
    for key in ("charlotte-sll", "caltrans", "nc-model"):
        status = _active(PRESETS[key])
        with pytest.raises(TransitionRefused) as refused:
            recommend_termination(status, by=Party.ADMINISTRATOR, today=START, **CONTACTED)
        assert refused.value.rule == "administrator_recommendation_not_in_policy", key
        _refused(
            "administrator_intervention_not_in_policy",
            lambda status=status: terminate(status, by=Party.ADMINISTRATOR, today=START),
        )


def test_a_program_that_chose_administrator_termination_keeps_it() -> None:
    # seed 004_5b4c852a2ca2c393.txt exception 3 reads as a recommendation; an organisation may
    # still give its administrator the ending itself, as Maine programs made before did.
    policy = apply_overrides(
        PRESETS["maine-mms"], {"ending": {"administrator_may_terminate": True}}
    )
    done = terminate(_active(policy), by=Party.ADMINISTRATOR, today=START)
    assert done.status.state is MentorshipState.ENDED
    assert done.events == (MentorshipEvent.TERMINATED,)
    with pytest.raises(NotPermitted):
        terminate(_active(policy), by=Party.MENTEE, today=START)


@settings(max_examples=40)
@given(
    key=st.sampled_from(sorted(PRESETS)),
    may_terminate=st.booleans(),
    may_recommend=st.booleans(),
    flagged=st.booleans(),
)
def test_the_administrator_ends_a_pair_only_where_the_policy_says_or_an_hr_change_flagged_it(
    key: str, may_terminate: bool, may_recommend: bool, flagged: bool
) -> None:
    # seed 004_5b4c852a2ca2c393.txt exception 3: recommending is not ending; DOMAIN
    # "Eligibility": a pair whose person leaves is flagged and the coordinator closes it in
    # every program.
    ending = {
        "administrator_may_terminate": may_terminate,
        "administrator_may_recommend_termination": may_recommend,
    }
    status = _active(apply_overrides(PRESETS[key], {"ending": ending}))
    ends = partial(terminate, status, by=Party.ADMINISTRATOR, today=START, flagged=flagged)
    recommends = partial(
        recommend_termination, status, by=Party.ADMINISTRATOR, today=START, **CONTACTED
    )
    assert _refusal(ends) == (
        None
        if flagged or may_terminate
        else "administrator_recommends_participants_end"
        if may_recommend
        else "administrator_intervention_not_in_policy"
    )
    assert (_refusal(recommends) is None) is may_recommend


def _refusal(action: Callable[[], object]) -> str | None:
    """The rule that refused ``action``, or None when it went through."""
    try:
        action()
    except TransitionRefused as refused:
        return refused.rule
    return None


def test_no_recommendation_once_the_relationship_is_over() -> None:
    # seed 004_5b4c852a2ca2c393.txt exception 3: a recommendation is about a relationship that
    # is not working, so one still running.
    ended = end_early(_active(PRESETS["maine-mms"]), by=Party.MENTOR, today=START).status
    with pytest.raises(TransitionRefused) as refused:
        recommend_termination(ended, by=Party.ADMINISTRATOR, today=START, **CONTACTED)
    assert refused.value.rule == "terminal_state"


def _every_action(status: MentorshipStatus, today: date) -> list[Callable[[], Transition]]:
    actions: list[Callable[[], Transition]] = []
    for by in Party:
        actions += [
            partial(move, status, by=by, today=today)
            for move in (confirm, sign_agreement, end_early, complete, terminate)
        ]
        actions += [
            partial(record_evaluation, status, kind=kind, by=by, today=today)
            for kind in EvaluationKind
        ]
        actions += [
            partial(
                answer_checkpoint,
                status,
                decision=decision,
                by=by,
                today=today,
                alternative_available=True,
            )
            for decision in CheckpointDecision
        ]
    return actions


def test_every_terminal_state_is_final() -> None:
    maine = PRESETS["maine-mms"]
    day = date(2026, 1, 1)
    finals = [
        end_early(_active(), by=Party.MENTOR, today=START).status,
        terminate(_active(maine), by=Party.ADMINISTRATOR, today=START, flagged=True).status,
        answer_checkpoint(
            _active(),
            by=Party.MENTEE,
            decision=CheckpointDecision.CHANGE,
            today=date(2024, 11, 2),
            alternative_available=False,
        ).status,
        answer_checkpoint(
            _active(),
            by=Party.MENTEE,
            decision=CheckpointDecision.CHANGE,
            today=date(2024, 11, 2),
            alternative_available=True,
        ).status,
        complete(_active(maine), by=Party.SYSTEM, today=day).status,
    ]
    assert {s.state for s in finals} == TERMINAL_STATES
    for status in finals:
        for action in _every_action(status, day):
            with pytest.raises(DomainError):
                action()


# --- the snapshot rule --------------------------------------------------------------------


def test_editing_the_program_policy_changes_nothing_for_a_running_mentorship() -> None:
    program_policy = CHARLOTTE
    status = _active(program_policy)
    evaluations = {"midpoint": False, "required_before_completion": ["final"], "forms": []}
    program_policy = apply_overrides(
        program_policy, {"duration_months": 12, "checkpoint_month": 6, "evaluations": evaluations}
    )
    assert program_policy.duration_months == 12
    assert status.policy == CHARLOTTE
    assert status.timeline.ends_on == date(2025, 6, 1)
    assert status.timeline.checkpoint_opens_on == date(2024, 11, 1)
    assert EvaluationKind.MIDPOINT in missing_evaluations(status)


@given(st.sampled_from(sorted(PRESETS)), st.integers(1, 40), st.booleans())
def test_no_policy_edit_after_start_reaches_a_running_mentorship(
    key: str, months: int, midpoint: bool
) -> None:
    status = _active(PRESETS[key])
    before = (status.policy, status.timeline, missing_evaluations(status))
    edit: dict[str, Any] = {
        "duration_months": months,
        "checkpoint_month": None,
        "term": {"agreed_per_pair": False, "min_months": None},
        "evaluations": {
            "midpoint": midpoint,
            "required_before_completion": [],
            "checkup_every_months": None,
            "compatibility_check": False,
            "forms": [],
        },
    }
    apply_overrides(status.policy, edit)
    assert (status.policy, status.timeline, missing_evaluations(status)) == before


# --- random sequences never reach an impossible state -------------------------------------

ALLOWED_MOVES = {
    MentorshipState.PROPOSED: {
        MentorshipState.PROPOSED,
        MentorshipState.CONFIRMED,
        MentorshipState.ACTIVE,
        MentorshipState.ENDED,
    },
    MentorshipState.CONFIRMED: {
        MentorshipState.CONFIRMED,
        MentorshipState.ACTIVE,
        MentorshipState.ENDED,
    },
    MentorshipState.ACTIVE: {
        MentorshipState.ACTIVE,
        MentorshipState.COMPLETED,
        MentorshipState.ENDED,
        MentorshipState.WITHDRAWN,
        MentorshipState.REMATCHED,
    },
}


# Mostly the participants, so runs get far enough to reach every state; others to be refused.
actors = st.sampled_from([Party.MENTEE, Party.MENTOR] * 3 + list(Party))


class MentorshipMachine(RuleBasedStateMachine):
    """Random actors doing random things on random days to one mentorship."""

    status: MentorshipStatus
    today: date

    # Charlotte more often: it is the preset with a checkpoint (withdrawn / rematched states).
    @initialize(
        key=st.sampled_from(["charlotte-sll"] * 3 + sorted(PRESETS)),
        start=st.dates(date(2020, 1, 1), date(2030, 12, 31)),
    )
    def start(self, key: str, start: date) -> None:
        self.status = propose(policy=PRESETS[key], starts_on=start)
        self.today = start

    def _try(self, action: Callable[[], Transition]) -> None:
        before = self.status
        try:
            after = action()
        except (TransitionRefused, NotPermitted):
            return
        assert not before.is_terminal, f"{before.state} is final yet something moved it"
        assert after.status.state in ALLOWED_MOVES[before.state]
        assert after.events
        self.status = after.status

    @rule()
    def cooperate(self) -> None:
        """The next step a willing pair would take, so runs reach the later states."""
        status = self.status
        unconfirmed = sorted(PARTICIPANTS - status.confirmed_by)
        unsigned = sorted(PARTICIPANTS - status.agreement_signed_by)
        if status.state is MentorshipState.PROPOSED and unconfirmed:
            self._try(lambda: confirm(status, by=unconfirmed[0], today=self.today))
        elif status.state is MentorshipState.CONFIRMED and unsigned:
            self._try(lambda: sign_agreement(status, by=unsigned[0], today=self.today))
        elif status.state is MentorshipState.ACTIVE and missing_evaluations(status):
            kind = next(iter(missing_evaluations(status)))
            self._try(
                lambda: record_evaluation(status, kind=kind, by=Party.MENTEE, today=self.today)
            )
            self.today += timedelta(days=30)
        elif status.state is MentorshipState.ACTIVE:
            self._try(lambda: complete(status, by=Party.SYSTEM, today=self.today))
            self.today += timedelta(days=30)

    @rule(days=st.integers(0, 120))
    def time_passes(self, days: int) -> None:
        self.today += timedelta(days=days)

    @rule(by=actors)
    def confirm(self, by: Party) -> None:
        self._try(lambda: confirm(self.status, by=by, today=self.today))

    @rule(by=actors)
    def sign(self, by: Party) -> None:
        self._try(lambda: sign_agreement(self.status, by=by, today=self.today))

    @rule(by=actors, kind=st.sampled_from(EvaluationKind))
    def evaluate(self, by: Party, kind: EvaluationKind) -> None:
        self._try(lambda: record_evaluation(self.status, kind=kind, by=by, today=self.today))

    @rule(by=actors, decision=st.sampled_from(CheckpointDecision), alternative=st.booleans())
    def checkpoint(self, by: Party, decision: CheckpointDecision, alternative: bool) -> None:
        self._try(
            lambda: answer_checkpoint(
                self.status,
                by=by,
                decision=decision,
                today=self.today,
                alternative_available=alternative,
            )
        )

    @rule(by=actors, dice=st.integers(0, 15))
    def end(self, by: Party, dice: int) -> None:
        if dice == 0:  # ending is rare, or few runs would live long enough to complete
            self._try(lambda: end_early(self.status, by=by, today=self.today))

    @rule(by=actors)
    def complete(self, by: Party) -> None:
        self._try(lambda: complete(self.status, by=by, today=self.today))

    @rule(by=st.sampled_from(Party), dice=st.integers(0, 5))
    def terminate(self, by: Party, dice: int) -> None:
        if dice == 0:
            self._try(lambda: terminate(self.status, by=by, today=self.today))

    @invariant()
    def state_agrees_with_what_was_recorded(self) -> None:
        if not hasattr(self, "status"):
            return
        status, policy = self.status, self.status.policy
        both_confirmed = status.confirmed_by >= PARTICIPANTS
        signed = (
            status.agreement_signed_by >= PARTICIPANTS
            or not policy.agreement.signed_by_both_before_active
        )
        assert status.confirmed_by <= PARTICIPANTS
        assert status.agreement_signed_by <= PARTICIPANTS
        assert status.is_terminal == (status.closed_on is not None)
        if status.state is MentorshipState.PROPOSED:
            assert not both_confirmed
        if status.state is MentorshipState.CONFIRMED:
            assert both_confirmed
            assert not signed
        if status.state is MentorshipState.ACTIVE:
            assert both_confirmed
            assert signed
            assert status.activated_on is not None
        if status.state is MentorshipState.COMPLETED:
            assert status.closed_on is not None
            assert status.closed_on >= status.timeline.ends_on
            assert not missing_evaluations(status)
        if status.state in (MentorshipState.WITHDRAWN, MentorshipState.REMATCHED):
            assert policy.checkpoint_month is not None
            assert status.checkpoint_outcome == CheckpointOutcome(status.state.value)
        if status.state is MentorshipState.ENDED:
            assert status.closed_by in PARTICIPANTS | {Party.ADMINISTRATOR}


MentorshipMachine.TestCase.settings = settings(
    max_examples=200, stateful_step_count=60, deadline=None
)
TestMentorshipMachine = MentorshipMachine.TestCase


# --- agreements that stay signed ----------------------------------------------------------


def test_an_amended_agreement_makes_the_pair_wait_for_both_signatures_again() -> None:
    # seed 000_4e18aab21704e587.txt, Mentoring Relationship Agreement: "Mentor Signature and
    # date / Mentee Signature and date": what the pair lives by is what both signed.
    status = _active()
    assert status.activated_on is not None
    amended = amend_agreement(status)
    assert amended.status.state is MentorshipState.CONFIRMED
    assert amended.status.agreement_signed_by == frozenset()
    _refused(
        "wrong_state", lambda: complete(amended.status, by=Party.SYSTEM, today=date(2025, 7, 1))
    )
    once = sign_agreement(amended.status, by=Party.MENTOR, today=date(2025, 2, 1)).status
    assert once.state is MentorshipState.CONFIRMED
    again = sign_agreement(once, by=Party.MENTEE, today=date(2025, 2, 2)).status
    assert again.state is MentorshipState.ACTIVE
    assert again.activated_on == status.activated_on


def test_amending_where_no_signature_is_required_leaves_the_pair_active() -> None:
    policy = apply_overrides(PRESETS["maine-mms"], {"agreement": {"required": True}})
    status = _active(policy)
    assert amend_agreement(status).status.state is MentorshipState.ACTIVE
