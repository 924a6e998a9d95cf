"""Examples of applications' people: the register, committees, conflicts, shortlists."""

from __future__ import annotations

from typing import Any

CARRIED_MENTEE_READ: dict[str, Any] = {
    "examples": [
        {
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "from_cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "withdrawn_on": "2027-06-15",
            "reason": "no rematch was possible at the three-month checkpoint",
            "application_id": None,
        }
    ]
}
REGISTER_ENTRY_WRITE: dict[str, Any] = {
    "examples": [
        {
            "expertise": ["budgeting", "public speaking"],
            "capacity": 2,
            "availability": "two lunches a month",
            "division": "District 4",
        }
    ]
}
REGISTERED_MENTOR_READ: dict[str, Any] = {
    "examples": [
        {
            "employee_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "name": "Grace Hopper",
            "job_title": "Budget Director",
            "department": "Finance",
            "division": "District 4",
            "expertise": ["budgeting", "public speaking"],
            "capacity": 2,
            "availability": "two lunches a month",
        }
    ]
}
MENTOR_REPLACEMENT_CREATE: dict[str, Any] = {
    "examples": [{"mentor_id": "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f"}]
}
CONFLICT_OF_INTEREST_CREATE: dict[str, Any] = {
    "examples": [
        {
            "employee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "other_employee_id": "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f",
            "reason": "siblings",
        }
    ]
}
CONFLICT_OF_INTEREST_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "employee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "other_employee_id": "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f",
            "reason": "siblings",
            "recorded_by": "coordinator@example.org",
            "recorded_at": "2027-02-03T10:20:00Z",
        }
    ]
}
COMMITTEE_RECOMMENDATION_CREATE: dict[str, Any] = {
    "examples": [
        {
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "note": "similar career path; different division",
        }
    ]
}
COMMITTEE_RECOMMENDATION_READ: dict[str, Any] = {
    "examples": [
        {
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "note": "similar career path; different division",
            "recommended_by": "committee@example.org",
            "recommended_at": "2027-02-10T15:00:00Z",
        }
    ]
}
APPLICATION_EDIT: dict[str, Any] = {
    "examples": [
        {
            "strengths": ["listening", "budget analysis"],
            "weaknesses": ["delegation"],
            "goals": ["lead the payroll team"],
            "competencies_wanted": ["public speaking"],
            "needs_assessment": "wants to grow into a supervisory role",
            "preferences": {
                "mentor_ids": ["7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"],
                "departments": ["Finance"],
                "notes": "a mentor outside my department",
            },
        }
    ]
}
REFERRAL_CONFIRMATION_CREATE: dict[str, Any] = {
    "examples": [{"note": "qualifications confirmed with the referring manager on 2027-02-08"}]
}
SHORTLIST_RANKING_WRITE: dict[str, Any] = {
    "examples": [
        {
            "mentor_ids": [
                "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f",
            ]
        }
    ]
}
