"""A pair's own term length, written in their agreement (Caltrans, NC).

002 FAQ "How long should the mentoring relationship last?": six months is recommended, and
the length is "agreed upon and documented in the mentoring contract"; jobs that need it "may
consider a longer duration". So the contract's `duration` section states the term, within
the policy's hard bounds, and once both have signed it, the mentorship's end and every date
derived from it (checkups, the final evaluation's term end) follow. A term shorter than the
policy recommends is accepted: the agreement carries a notice saying so (`term_notice`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.lifecycle.status import MentorshipStatus
from app.domain.policy.model import Policy
from app.domain.timeline import Timeline, agreed_duration, timeline_for

TERM_SECTION = "duration"
FIELD = f"terms.{TERM_SECTION}"
# A policy may leave the term without a ceiling (Caltrans: "longer"); ten years keeps every
# derived date computable and is far beyond any program in the seeds.
LONGEST_TERM_MONTHS = 120

# fmt: off
_SMALL = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
# fmt: on
_NUMBERS = {word: n for n, word in enumerate(_SMALL) if n} | {"a": 1, "an": 1}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40}
_UNITS = {"month": 1, "months": 1, "year": 12, "years": 12}


def _number(words: list[str]) -> int | None:
    if len(words) == 1 and words[0].isdigit():
        return int(words[0])
    if len(words) == 1:
        return _NUMBERS.get(words[0], _TENS.get(words[0]))
    if len(words) == 2 and words[0] in _TENS and _NUMBERS.get(words[1], 10) < 10:
        return _TENS[words[0]] + _NUMBERS[words[1]]
    return None


def months_in(text: str) -> int | None:
    """The months a contract's term states: "9", "9 months", "nine months", "one year",
    "twenty-four months"; None when the text states no single length."""
    words = re.findall(r"\d+|[a-z]+", text.lower())
    factor = _UNITS.get(words[-1], 0) if words else 0
    count = _number(words[:-1] if factor else words)
    if count is None:
        return None
    return count * (factor or 1)


def agreed_term(policy: Policy, terms: Mapping[str, Any]) -> int | None:
    """The term in months an agreement states, within the policy's bounds; None when the
    policy's agreement has no term section or this agreement leaves it out."""
    if TERM_SECTION not in policy.agreement.sections or TERM_SECTION not in terms:
        return None
    months = months_in(str(terms[TERM_SECTION]))
    if months is None:
        raise InvalidInput(
            'state the term as a number of months or years, e.g. "9 months"',
            field=FIELD,
            rule="term_in_months",
        )
    if months > LONGEST_TERM_MONTHS:
        raise InvalidInput(
            f"a term of {months} months is longer than {LONGEST_TERM_MONTHS} months",
            field=FIELD,
            rule="term_within_policy",
        )
    try:
        return agreed_duration(policy, months)
    except InvalidInput as refused:
        raise InvalidInput(refused.detail, field=FIELD, rule="term_within_policy") from None


def below_recommendation(policy: Policy, months: int) -> str | None:
    """The notice a term of ``months`` earns when it is shorter than the policy recommends
    (002 FAQ: six months, 003 "Duration": a year); None when it is not, or nothing is."""
    recommended = policy.term.recommended_min_months
    if recommended is None or months >= recommended:
        return None
    return (
        f"a term of at least {_months(recommended)} is recommended; "
        f"this agreement states {_months(months)}"
    )


def term_notice(policy: Policy, terms: Mapping[str, Any]) -> str | None:
    """The notice an agreement's stated term earns (see ``below_recommendation``); None when
    it states no term, or none shorter than recommended. Never refuses: the term was checked
    when it was written."""
    if TERM_SECTION not in policy.agreement.sections or TERM_SECTION not in terms:
        return None
    months = months_in(str(terms[TERM_SECTION]))
    return None if months is None else below_recommendation(policy, months)


def _months(count: int) -> str:
    return "1 month" if count == 1 else f"{count} months"


def term_change(status: MentorshipStatus, months: int | None, today: date) -> Timeline | None:
    """The mentorship's new timeline once both have signed an agreement stating ``months``;
    None when the term stays as it is. A term cannot be agreed to have ended already."""
    if months is None or months == status.timeline.duration_months:
        return None
    timeline = timeline_for(status.timeline.starts_on, status.policy, months)
    if timeline.ends_on < today:
        raise InvalidInput(
            f"a term of {months} months would have ended on {timeline.ends_on.isoformat()}",
            field=FIELD,
            rule="term_already_over",
        )
    return timeline
