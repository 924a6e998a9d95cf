"""The eligibility rules the seed programs use, by their stable names.

A policy lists rules as data (`to_dict` / `rule_from_dict`), so the names are part of
stored policies and of the API: never rename one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from app.domain.eligibility.application import (
    AttendedInformationSession,
    CommitsToEvaluation,
    HasCapacity,
    NeedsAssessmentProvided,
    ParticipationInIdp,
    SelfAssessmentComplete,
    SupervisorApproved,
)
from app.domain.eligibility.employment import (
    ActiveEmployment,
    GraduateOf,
    MinimumLevel,
    MinimumMonthsOfService,
    NoDisciplinaryIssues,
)
from app.domain.eligibility.outcome import EligibilityRule, NamedRule
from app.domain.errors import PolicyError

RULE_TYPES: dict[str, type[NamedRule]] = {
    cls.name: cls
    for cls in (
        NoDisciplinaryIssues,
        MinimumMonthsOfService,
        SupervisorApproved,
        AttendedInformationSession,
        MinimumLevel,
        GraduateOf,
        HasCapacity,
        SelfAssessmentComplete,
        NeedsAssessmentProvided,
        ParticipationInIdp,
        CommitsToEvaluation,
        ActiveEmployment,
    )
}


def rule_from_dict(data: Mapping[str, object]) -> EligibilityRule:
    """Rebuild a rule from `to_dict` output; an unknown name or parameter is a PolicyError."""
    raw_name = data.get("rule")
    name = raw_name if isinstance(raw_name, str) else ""
    cls = RULE_TYPES.get(name)
    if cls is None:
        known = ", ".join(sorted(RULE_TYPES))
        raise PolicyError(f"unknown eligibility rule {raw_name!r}; known: {known}", field="rule")
    params = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k != "rule"}
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(params) - fields)
    if unknown:
        raise PolicyError(f"{name} has no setting {unknown[0]!r}", field=unknown[0], rule=name)
    try:
        rule = cls(**params)
    except TypeError:
        raise PolicyError(f"{name} needs: {', '.join(sorted(fields))}", rule=name) from None
    return rule  # type: ignore[return-value]
