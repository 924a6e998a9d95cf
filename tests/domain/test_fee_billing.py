"""Who Maine's fee bills: the protégés who entered the initiative, each once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.domain.fee_billing import PairForBilling, billed_proteges
from app.domain.lifecycle.parties import PARTICIPANTS, Party
from app.domain.lifecycle.states import MentorshipState

BOTH = PARTICIPANTS


def test_proteges_departments_will_be_billed_for_the_initiative_they_entered() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Cost": "Protégés' departments will be billed $150.00 for the
    # 9-month initiative."; "Schedule of Events": participants confirm their matches on Sept 1.
    pairs = [
        PairForBilling("confirmed", MentorshipState.ACTIVE, BOTH),
        PairForBilling("only proposed", MentorshipState.PROPOSED, frozenset({Party.MENTEE})),
    ]
    assert billed_proteges(pairs) == {"confirmed"}


def test_a_protege_whose_only_pair_ended_unconfirmed_is_not_billed() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Cost": the bill is for the initiative, which a match
    # declined before both confirmed it never entered.
    ended = PairForBilling("declined", MentorshipState.ENDED, frozenset({Party.MENTOR}))
    withdrawn = PairForBilling("withdrawn", MentorshipState.WITHDRAWN)
    assert billed_proteges([ended, withdrawn]) == frozenset()


def test_a_rematched_protege_is_billed_once() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Cost": one fee for the 9-month initiative, however many
    # mentors the protégé had in it.
    first = PairForBilling("rematched", MentorshipState.REMATCHED, BOTH)
    second = PairForBilling("rematched", MentorshipState.ACTIVE, BOTH)
    assert billed_proteges([first, second]) == {"rematched"}


def test_a_confirmed_pair_that_later_ended_early_is_billed() -> None:
    # seed 004_5b4c852a2ca2c393.txt "Cost": a protégé who entered the initiative and then ended
    # the relationship early entered it all the same.
    ended = PairForBilling("ended", MentorshipState.ENDED, BOTH)
    assert billed_proteges([ended]) == {"ended"}


_PAIRS = st.lists(
    st.builds(
        PairForBilling,
        st.sampled_from("abcde"),
        st.sampled_from(MentorshipState),
        st.frozensets(st.sampled_from(sorted(PARTICIPANTS))),
    )
)


@given(_PAIRS)
def test_a_protege_is_billed_exactly_when_both_sides_confirmed_one_of_their_pairs(
    pairs: list[PairForBilling],
) -> None:
    # seed 004_5b4c852a2ca2c393.txt "Cost": billed once per protégé who entered the initiative.
    billed = billed_proteges(pairs)
    for protege in {p.protege for p in pairs}:
        theirs = [p for p in pairs if p.protege == protege]
        confirmed = any(
            p.confirmed_by == BOTH
            or p.state in (MentorshipState.CONFIRMED, MentorshipState.ACTIVE)
            or p.state is MentorshipState.COMPLETED
            for p in theirs
        )
        assert (protege in billed) is confirmed
    assert billed <= {p.protege for p in pairs}
    assert billed_proteges(pairs + pairs) == billed
