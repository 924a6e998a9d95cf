"""Program policy: every setting the seed programs vary, as immutable, serialisable values.

A ``Policy`` is valid by construction: each section checks itself and ``Policy`` checks
what spans sections, so an incoherent policy can never be stored or snapshotted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from app.domain.confidentiality.disclosure import DisclosureKind
from app.domain.eligibility.outcome import EligibilityRule
from app.domain.eligibility.rules import rule_from_dict
from app.domain.errors import DomainError, PolicyError
from app.domain.forms.kinds import EvaluationKind
from app.domain.policy.choices import (
    CadenceMeasure,
    FeePayer,
    LateAnswer,
    NoRematchOutcome,
    PairFormation,
    SupervisoryLine,
    refuse_negative,
)
from app.domain.policy.choices import refuse as _refuse
from app.domain.policy.codec import Section, merge, register_decoder
from app.domain.policy.pair_work import (
    AgreementPolicy,
    CadencePolicy,
    EvaluationPolicy,
    GoalsPolicy,
)
from app.domain.policy.program_year import CalendarEntry, FeePolicy, GroupActivityPolicy
from app.domain.policy.term import CheckpointPolicy, EndingPolicy, OnboardingPolicy, TermPolicy

__all__ = [
    "AgreementPolicy",
    "CadenceMeasure",
    "CadencePolicy",
    "CalendarEntry",
    "CheckpointPolicy",
    "EligibilityPolicy",
    "EndingPolicy",
    "EvaluationKind",
    "EvaluationPolicy",
    "FeePayer",
    "FeePolicy",
    "GoalsPolicy",
    "GroupActivityPolicy",
    "LateAnswer",
    "MatchingPolicy",
    "NoRematchOutcome",
    "OnboardingPolicy",
    "PairFormation",
    "Policy",
    "PreferenceWeights",
    "SupervisoryLine",
    "TermPolicy",
    "apply_overrides",
]


@dataclass(frozen=True, slots=True)
class PreferenceWeights(Section):
    """How much each soft preference adds to a proposed pair's score (all >= 0)."""

    stated_preference: float = 1.0
    cross_department: float = 0.0
    cross_gender: float = 0.0
    cross_race: float = 0.0
    competency_overlap: float = 1.0
    career_path_overlap: float = 0.0

    def __post_init__(self) -> None:
        for name in PreferenceWeights.__dataclass_fields__:
            value = getattr(self, name)
            refuse_negative(value, f"weight {name} must be >= 0", name)


@dataclass(frozen=True, slots=True)
class MatchingPolicy(Section):
    """Hard matching rules (a pair breaking one is never proposed) and soft preference weights.

    `supervisory_line` says how far up the chain `forbid_supervisory_chain` reaches (each
    handbook reads it its own way); `supervisor_override_allowed` lets a coordinator pair
    across that line on record. Capacity is per program; the organisation's cap across its
    programs is the organisation's setting, not a program's.
    """

    require_higher_level: bool = True
    min_level_gap: int = 1
    forbid_supervisory_chain: bool = True
    supervisory_line: SupervisoryLine = SupervisoryLine.WHOLE_CHAIN
    supervisor_override_allowed: bool = False
    forbid_same_unit: bool = True
    forbid_same_department: bool = False
    one_to_one: bool = True
    default_mentor_capacity: int = 1
    volunteers_from_register: bool = False  # the organisation's standing mentor register
    # A referred mentor's qualifications are confirmed by the administrator before the pair is
    # (004 "Referrals": "MMS will contact the referent ... to confirm qualifications").
    referent_qualifications_confirmed: bool = False
    weights: PreferenceWeights = PreferenceWeights()
    # How many of its best allowed mentors each mentee's shortlist starts with: the solver's
    # graph. The run is still the best over every allowed pair (lists widen where needed);
    # a larger list costs memory and time in large cohorts, a smaller one more widening.
    candidates_per_mentee: int = 64

    def __post_init__(self) -> None:
        _refuse(self.min_level_gap < 0, "min_level_gap must be >= 0", "min_level_gap")
        capacity = self.default_mentor_capacity
        _refuse(capacity < 1, "a mentor's capacity must be at least 1", "default_mentor_capacity")
        _refuse(
            self.one_to_one and capacity != 1,
            "a one-to-one program gives each mentor exactly one mentee",
            "default_mentor_capacity",
        )
        _refuse(
            not 1 <= self.candidates_per_mentee <= 1000,
            "a shortlist keeps between 1 and 1000 mentors",
            "candidates_per_mentee",
        )


@dataclass(frozen=True, slots=True)
class EligibilityPolicy(Section):
    """Who may enter; ``overrides_allowed``: a coordinator may admit, on record, one who fails."""

    mentee_rules: tuple[EligibilityRule, ...] = ()
    mentor_rules: tuple[EligibilityRule, ...] = ()
    overrides_allowed: bool = False


@dataclass(frozen=True, slots=True)
class Policy(Section):
    """Everything a program's rules vary; a running mentorship keeps the one it started with."""

    duration_months: int = 12
    checkpoint_month: int | None = None
    term: TermPolicy = field(default_factory=TermPolicy)
    checkpoint: CheckpointPolicy = field(default_factory=CheckpointPolicy)
    evaluations: EvaluationPolicy = field(default_factory=EvaluationPolicy)
    cadence: CadencePolicy = field(default_factory=CadencePolicy)
    agreement: AgreementPolicy = field(default_factory=AgreementPolicy)
    goals: GoalsPolicy = field(default_factory=GoalsPolicy)
    eligibility: EligibilityPolicy = field(default_factory=EligibilityPolicy)
    matching: MatchingPolicy = field(default_factory=MatchingPolicy)
    pair_formation: tuple[PairFormation, ...] = (PairFormation.COORDINATOR,)
    group_activities: GroupActivityPolicy = field(default_factory=GroupActivityPolicy)
    fee: FeePolicy = field(default_factory=FeePolicy)
    disclosure_exceptions: frozenset[DisclosureKind] = field(default_factory=frozenset)
    onboarding: OnboardingPolicy = field(default_factory=OnboardingPolicy)
    ending: EndingPolicy = field(default_factory=EndingPolicy)
    calendar: tuple[CalendarEntry, ...] = ()

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Refuse, with a reason and the field, a policy whose settings contradict each other."""
        months = self.duration_months
        _refuse(months < 1, "a term lasts at least one month", "duration_months")
        low, high = self.shortest_term(), self.term.max_months
        _refuse(
            months < low, f"the term is shorter than the minimum of {low} months", "duration_months"
        )
        _refuse(
            high is not None and months > high,
            f"the term is longer than the maximum of {high} months",
            "duration_months",
        )
        check = self.checkpoint_month
        _refuse(
            check is not None and check < 1,
            "the checkpoint month is at least 1",
            "checkpoint_month",
        )
        _refuse(
            check is not None and check >= low,
            f"the checkpoint (month {check}) must fall before the term ends ({low} months)",
            "checkpoint_month",
        )
        every = self.evaluations.checkup_every_months
        _refuse(
            every is not None and every > low,
            f"checkups every {every} months would never fall inside a {low}-month term",
            "evaluations.checkup_every_months",
        )
        _refuse(
            not self.pair_formation, "at least one way of forming pairs is needed", "pair_formation"
        )
        _refuse(
            len(set(self.pair_formation)) != len(self.pair_formation),
            "a way of forming pairs is listed twice",
            "pair_formation",
        )

    def shortest_term(self) -> int:
        """The shortest term the program's own dates must fit, in months: a per-pair term's
        hard minimum, else the program's term. A pair free to agree a shorter one (no hard
        minimum) gets the dates that fall inside it: a checkpoint or checkup after its end has
        none."""
        if self.term.agreed_per_pair and self.term.min_months is not None:
            return self.term.min_months
        return self.duration_months

    def term_bounds(self) -> tuple[int, int | None]:
        """The shortest and longest term (None: no ceiling) a pair may agree, in months. With
        no hard minimum a pair may agree any term of a month or more; a recommended length
        (``term.recommended_min_months``) only earns a shorter one a notice."""
        if not self.term.agreed_per_pair:
            return self.duration_months, self.duration_months
        return self.term.min_months or 1, self.term.max_months


def apply_overrides(policy: Policy, overrides: Mapping[str, object]) -> Policy:
    """``policy`` with nested partial ``overrides`` applied; PolicyError names any bad field."""
    return Policy.from_dict(merge(policy.to_dict(), overrides))


def stored_policy(snapshot: Mapping[str, object]) -> Policy:
    """The policy of a stored snapshot (a pair's, a run's). The pairs of a program share their
    snapshot, and decoding one, every setting checked, costs several times reading the pair;
    so decoded snapshots are kept, by their text. A Policy is deeply frozen: sharing is safe."""
    key = _snapshot_key(snapshot)
    policy = _STORED.get(key)
    if policy is None:
        policy = Policy.from_dict(snapshot)
        if len(_STORED) >= _STORED_AT_MOST:
            _STORED.clear()  # a handful of programs' versions is the usual working set
        _STORED[key] = policy
    return policy


def _snapshot_key(snapshot: Mapping[str, object]) -> str:
    """A snapshot read as stored JSON carries its text (`text`): that is its key, as it is,
    where a repr would copy and escape its 2 KB for every pair read. Else its repr."""
    text = getattr(snapshot, "text", None)
    return text if isinstance(text, str) else repr(snapshot)


_STORED: dict[str, Policy] = {}
_STORED_AT_MOST = 256


def _decode_rule(raw: object, path: str) -> EligibilityRule:
    if not isinstance(raw, Mapping):
        raise PolicyError(f"{path} must be an object", field=path)
    try:
        return rule_from_dict(dict(raw))
    except DomainError as error:
        field_path = f"{path}.{error.field}" if error.field else path
        raise PolicyError(error.detail, field=field_path, rule=error.rule) from None
    except (KeyError, TypeError, ValueError) as error:
        raise PolicyError(f"{path} is not a valid eligibility rule: {error}", field=path) from None


register_decoder(EligibilityRule, _decode_rule)
