"""Who may enter a program: named rules over an applicant's facts, and the decision they make.

Each rule answers with a reason either way, so a person can be told exactly why (DOMAIN).
NC's "extenuating circumstances" (seed 003) let a coordinator admit someone who fails a
rule; the approval is recorded and the failed outcome stays in the decision.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date

from app.domain.eligibility.employment import ActiveEmployment
from app.domain.eligibility.facts import ApplicantFacts, EligibilityOverride
from app.domain.eligibility.outcome import EligibilityRule, RuleOutcome
from app.domain.errors import InvalidInput

# Rules no override lifts. 003's "*Extenuating circumstances" admit someone who does not
# "clearly" meet the program's criteria; whether a person is employed at all is not such a
# criterion but a fact of every program: someone on leave or gone is never proposed (DOMAIN).
NOT_OVERRIDABLE: frozenset[str] = frozenset({ActiveEmployment.name})


def require_overridable(rule: str) -> None:
    """Refuse an override of a rule no extenuating circumstance lifts."""
    if rule in NOT_OVERRIDABLE:
        raise InvalidInput(
            f"{rule} cannot be overridden: only people actively employed take part",
            field="rule",
            rule="not_overridable",
        )


@dataclass(frozen=True, slots=True)
class EligibilityDecision:
    """Every rule's outcome with its reason; failed rules stay listed even when overridden."""

    eligible: bool
    outcomes: tuple[RuleOutcome, ...]
    overrides: tuple[EligibilityOverride, ...] = field(default=())

    @property
    def failed(self) -> tuple[RuleOutcome, ...]:
        """The outcomes that did not pass, overridden or not."""
        return tuple(o for o in self.outcomes if not o.passed)

    @property
    def unresolved(self) -> tuple[RuleOutcome, ...]:
        """Failed outcomes no override covers: the reasons the applicant is not eligible."""
        return tuple(o for o in self.outcomes if not o.passed and o.override is None)

    def to_dict(self) -> dict[str, object]:
        """The decision as the API shows it: `{eligible, rules: [{rule, passed, reason}]}`."""
        return {"eligible": self.eligible, "rules": [o.to_dict() for o in self.outcomes]}


def evaluate_eligibility(
    rules: Iterable[EligibilityRule],
    facts: ApplicantFacts,
    today: date,
    overrides: Iterable[EligibilityOverride] = (),
) -> EligibilityDecision:
    """Evaluate every rule (none short-circuits) and apply coordinator overrides.

    Eligible when each rule passes or each failed rule is covered by an override;
    an override for a rule that passed, is not listed, or is ``NOT_OVERRIDABLE`` is not applied.
    """
    by_rule = {o.rule: o for o in overrides if o.rule not in NOT_OVERRIDABLE}
    outcomes: list[RuleOutcome] = []
    applied: dict[str, EligibilityOverride] = {}
    for rule in rules:
        outcome = rule.evaluate(facts, today)
        override = by_rule.get(outcome.rule)
        if not outcome.passed and override is not None:
            outcome = replace(outcome, override=override)
            applied[override.rule] = override
        outcomes.append(outcome)
    eligible = all(o.passed or o.override is not None for o in outcomes)
    return EligibilityDecision(eligible, tuple(outcomes), tuple(applied.values()))
