"""The domain's inputs gathered from stored rows: an applicant's facts for eligibility and a
person's matching facts, each built the same way whatever path a pair takes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any
from uuid import UUID

from app.domain.directory import Employee
from app.domain.eligibility.decision import evaluate_eligibility
from app.domain.eligibility.facts import ApplicantFacts, ApplicantRole, EligibilityOverride
from app.domain.matching.candidate import MatchCandidate
from app.domain.policy.model import Policy
from app.services.programs.records import Application

SELF_ASSESSMENT = ("strengths", "weaknesses", "goals", "leadership_history")
# Calendar events whose attendance counts as the information session / orientation (002, 003).
INFORMATION_EVENTS = frozenset({"information_session", "orientation"})
_APPROVAL = {"approved": True, "declined": False}


def applicant_facts(
    application: Application, employee: Employee, *, attended: bool, current_load: int
) -> ApplicantFacts:
    """What the eligibility rules read about one applicant, from HR data and the application."""
    profile = application.profile
    graduate_of = employee.attributes.get("graduate_of") or []
    return ApplicantFacts(
        role=application.role,
        level=employee.level,
        hire_date=employee.hire_date,
        employment_status=employee.employment_status,
        in_good_standing=employee.in_good_standing,
        supervisor_approved=_APPROVAL.get(application.supervisor_approval or ""),
        attended_information_session=attended,
        graduate_of=frozenset(graduate_of if isinstance(graduate_of, list) else [graduate_of]),
        capacity=application.capacity,
        current_mentee_count=current_load,
        self_assessment_sections=frozenset(s for s in SELF_ASSESSMENT if profile.get(s)),
        needs_assessment_provided=bool(profile.get("needs_assessment")),
        # Only an explicit yes attests (GraphQL profiles are free JSON: "no" is not a yes).
        participation_in_idp=profile.get("participation_in_idp") is True,
        commits_to_evaluation=profile.get("commits_to_evaluation") is True,
    )


def evaluated(
    application: Application,
    employee: Employee,
    policy: Policy,
    today: date,
    *,
    attended: bool,
    current_load: int,
) -> Application:
    """The application with its eligibility decided again from today's HR data."""
    rules = (
        policy.eligibility.mentee_rules
        if application.role is ApplicantRole.MENTEE
        else policy.eligibility.mentor_rules
    )
    facts = applicant_facts(application, employee, attended=attended, current_load=current_load)
    decision = evaluate_eligibility(rules, facts, today, overrides_of(application))
    return replace(application, eligible=decision.eligible, eligibility=decision.to_dict())


def overrides_of(application: Application) -> list[EligibilityOverride]:
    return [
        EligibilityOverride(
            rule=o["rule"],
            approved_by=o["approved_by"],
            approved_at=datetime.fromisoformat(o["approved_at"]),
            reason=o["reason"],
        )
        for o in application.overrides
    ]


def _ids(values: Any) -> frozenset[UUID]:
    return frozenset(_ranked(values))


def _ranked(values: Any) -> list[UUID]:
    """The ids in `values`, in order, each once; what is not an id is left out."""
    found: dict[UUID, None] = {}
    for value in values or ():
        try:
            found[UUID(str(value))] = None
        except ValueError:
            continue
    return list(found)


def _texts(values: Any) -> frozenset[str]:
    return frozenset(str(v).strip().lower() for v in values or () if str(v).strip())


def candidate(
    employee: Employee,
    application: Application | None,
    ancestors: Mapping[UUID, frozenset[UUID]],
    load: int = 0,
    load_elsewhere: int = 0,
    organization_cap: int | None = None,
) -> MatchCandidate:
    """One person's matching facts; a mentor with no application (an off-list choice) offers
    what the directory knows and the policy's default capacity. `organization_cap` is the
    organisation's cap across its programs, which the other programs' pairs count against."""
    profile: Mapping[str, Any] = application.profile if application else {}
    preferences = profile.get("preferences") or {}
    demographic = profile.get("demographic_pairing") is True
    return MatchCandidate(
        id=employee.id,
        level=employee.level,
        department=employee.department,
        unit=employee.unit,
        ancestors=frozenset(ancestors.get(employee.id, frozenset())),
        gender=employee.attributes.get("gender") if demographic else None,
        race=employee.attributes.get("race") if demographic else None,
        competencies_wanted=_texts(profile.get("competencies_wanted")),
        competencies_offered=_texts(profile.get("competencies")) | _texts(profile.get("expertise")),
        career_path=_texts(profile.get("career_path")),
        preferred_mentors=_ids(preferences.get("mentor_ids")),
        ranked_mentors=tuple(_ranked(preferences.get("shortlist_ranking"))),
        preferred_departments=frozenset(preferences.get("departments") or ()),
        conflicts=_ids(profile.get("conflicts")),
        capacity=application.capacity if application else None,
        current_load=load,
        manager=employee.manager_id,
        load_elsewhere=load_elsewhere,
        organization_cap=organization_cap,
    )
