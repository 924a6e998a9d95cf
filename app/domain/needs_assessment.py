"""NC's Needs Assessment Form (003): the mentee provides it "to the Mentor at the start of the
partnership", and the mentor reviews it at the initial meeting; "the mentee can also provide
this form in advance of the meeting, if desired". So it comes after matching, not before it:
the initial meeting is not logged until the form is on file, and a mentee whose applications
have closed may still hand it in through their application's profile."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from app.domain.errors import Conflict, TransitionRefused
from app.domain.policy.term import OnboardingPolicy

FIELD: Final = "needs_assessment"
RULE: Final = "needs_assessment_by_initial_meeting"


def provided(profile: Mapping[str, Any]) -> bool:
    """The form is on file: the profile holds it, with some content."""
    value = profile.get(FIELD)
    return bool(value.strip()) if isinstance(value, str) else bool(value)


def withheld(profile: Mapping[str, Any]) -> dict[str, Any]:
    """An application's profile as anyone but the applicant reads it: the form's text is the
    mentee's to give their mentor (003: "to the Mentor"; "Participants should keep meeting
    discussions confidential"), so staff see that it was provided (the eligibility decision,
    the pair's needs-assessment read), never what it says."""
    return {k: v for k, v in profile.items() if k != FIELD}


def kept(stored: Mapping[str, Any], edited: Mapping[str, Any]) -> dict[str, Any]:
    """A profile edited by someone who cannot read the form (`withheld`): the form stays as the
    mentee left it, neither dropped nor replaced by an edit that never saw it."""
    profile = {k: v for k, v in edited.items() if k != FIELD}
    if FIELD in stored:
        profile[FIELD] = stored[FIELD]
    return profile


def is_initial_meeting(earlier_cancelled: Iterable[bool]) -> bool:
    """A meeting logged now is the initial one when every meeting on record was cancelled
    (``earlier_cancelled``: whether each was): a cancelled meeting was never held."""
    return all(earlier_cancelled)


def require_for_initial_meeting(
    onboarding: OnboardingPolicy, *, initial: bool, form_provided: bool
) -> None:
    """Refuse to log the initial meeting before the mentee has provided the form, where the
    policy asks it by then; provided in advance, or any later meeting, is fine."""
    if onboarding.needs_assessment_by_initial_meeting and initial and not form_provided:
        raise TransitionRefused(
            "the mentee provides the needs assessment to the mentor by the initial meeting; "
            "it is not on file yet (the mentee adds it to their application's profile)",
            rule=RULE,
        )


def require_late_edit(
    onboarding: OnboardingPolicy,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    *,
    closed: str,
) -> None:
    """Once applications have closed (``closed`` says when) a profile is the matching's record
    and stays as it was, except the needs assessment, which a program asking it by the initial
    meeting still takes (the service checks the mentee is in an open pair)."""
    late = onboarding.needs_assessment_by_initial_meeting
    changed = {
        k for k in before.keys() | after.keys() if _said(before.get(k)) != _said(after.get(k))
    }
    if late and changed <= {FIELD}:
        return
    only = "; only the needs assessment may still be provided" if late else ""
    raise Conflict(closed + only, field="cohort_id", rule="applications_closed")


def _said(value: object) -> object:
    """What a profile field says: an empty one (absent, none, false, zero, empty, or a group of
    empty fields) says nothing, since REST stores a profile's defaults and GraphQL what it was
    given."""
    if isinstance(value, Mapping):
        kept = {k: _said(v) for k, v in value.items()}
        return {k: v for k, v in kept.items() if v is not None} or None
    return value or None
