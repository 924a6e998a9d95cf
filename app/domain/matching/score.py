"""Soft preferences: a pair's score as named terms weighted by the policy (seeds 000-004).

Every term's value is in [0, 1] and its contribution is `weight * value`; the score is
the sum of contributions, so an explanation shows exactly what each preference added.
Overlaps are the share of what the mentee asked for that the mentor offers: it adds up
per competency, which lets the bulk path (`matching_bulk`) work from inverted indexes.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.domain.matching.candidate import MatchCandidate
    from app.domain.policy.model import PreferenceWeights


class ScoreTermName(StrEnum):
    """The soft preferences, named as in `PreferenceWeights`."""

    STATED_PREFERENCE = "stated_preference"
    CROSS_DEPARTMENT = "cross_department"
    CROSS_GENDER = "cross_gender"
    CROSS_RACE = "cross_race"
    COMPETENCY_OVERLAP = "competency_overlap"
    CAREER_PATH_OVERLAP = "career_path_overlap"


@dataclass(frozen=True, slots=True)
class ScoreTerm:
    """What one preference added: `contribution == weight * value`."""

    name: ScoreTermName
    weight: float
    value: float
    contribution: float

    def to_dict(self) -> dict[str, object]:
        """`{name, weight, value, contribution}`."""
        return {
            "name": self.name.value,
            "weight": self.weight,
            "value": self.value,
            "contribution": self.contribution,
        }


@dataclass(frozen=True, slots=True)
class PairScore:
    """A pair's score and the terms it is the sum of."""

    total: float
    terms: tuple[ScoreTerm, ...]

    def to_dict(self) -> dict[str, object]:
        """`{total, terms: [...]}`."""
        return {"total": self.total, "terms": [t.to_dict() for t in self.terms]}


def stated_preference(mentee: MatchCandidate, mentor: MatchCandidate) -> float:
    """1 when the mentee asked for this mentor or the mentor's department (000 self-assessment);
    a mentor the mentee ranked counts by rank (004 interviews), the first choice fully."""
    if mentor.id in mentee.ranked_mentors:
        return rank_value(mentee.ranked_mentors, mentor.id)
    if mentor.id in mentee.preferred_mentors:
        return 1.0
    return 1.0 if mentor.department in mentee.preferred_departments else 0.0


def rank_value(ranked: tuple[Hashable, ...], mentor_id: Hashable) -> float:
    """The k-th of n ranked mentors (k from 0) is worth (n - k) / n: the first 1, each next
    one less, the last still more than a mentor not ranked (0)."""
    if mentor_id not in ranked:
        return 0.0
    return (len(ranked) - ranked.index(mentor_id)) / len(ranked)


def differs(mine: str | None, theirs: str | None) -> float:
    """1 when both are known and differ. Gender and race are known only when opted in."""
    return 1.0 if mine is not None and theirs is not None and mine != theirs else 0.0


def share_covered(wanted: frozenset[str], offered: frozenset[str]) -> float:
    """The share of `wanted` found in `offered` (0 when nothing is wanted)."""
    return len(wanted & offered) / len(wanted) if wanted else 0.0


def term_values(mentee: MatchCandidate, mentor: MatchCandidate) -> tuple[float, ...]:
    """Each term's value in `ScoreTermName` order."""
    return (
        stated_preference(mentee, mentor),
        differs(mentee.department, mentor.department),
        differs(mentee.gender, mentor.gender),
        differs(mentee.race, mentor.race),
        share_covered(mentee.competencies_wanted, mentor.competencies_offered),
        share_covered(mentee.career_path, mentor.career_path),
    )


def weight_vector(weights: PreferenceWeights) -> tuple[float, ...]:
    """The policy's weights in `ScoreTermName` order."""
    return (
        weights.stated_preference,
        weights.cross_department,
        weights.cross_gender,
        weights.cross_race,
        weights.competency_overlap,
        weights.career_path_overlap,
    )


def pair_score(mentee: MatchCandidate, mentor: MatchCandidate, weights: PreferenceWeights) -> float:
    """The pair's score alone, without building terms (fast path)."""
    total = 0.0
    for weight, value in zip(weight_vector(weights), term_values(mentee, mentor), strict=True):
        total += weight * value
    return total


def score_breakdown(
    mentee: MatchCandidate, mentor: MatchCandidate, weights: PreferenceWeights
) -> PairScore:
    """The score with every term; `total` is exactly the sum of the contributions."""
    terms = tuple(
        ScoreTerm(name, weight, value, weight * value)
        for name, weight, value in zip(
            ScoreTermName, weight_vector(weights), term_values(mentee, mentor), strict=True
        )
    )
    total = 0.0
    for term in terms:
        total += term.contribution
    return PairScore(total, terms)
