"""Examples of programs, cohorts, their events and applications."""

from __future__ import annotations

from typing import Any

PRESET_READ: dict[str, Any] = {
    "examples": [
        {
            "key": "charlotte-sll",
            "title": "City of Charlotte: Strategic Leadership & Learning",
            "description": "9-month terms, a checkpoint in month 3, signed agreements",
            "policy": {"duration_months": 9, "checkpoint_month": 3},
        }
    ]
}
PROGRAM_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
            "name": "Leadership mentoring 2027",
            "preset": "charlotte-sll",
            "policy_version": 1,
            "policy": {"duration_months": 9, "checkpoint_month": 3},
            "created_at": "2027-01-04T09:00:00Z",
        }
    ]
}
COHORT_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "program_id": "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7",
            "name": "Spring 2027",
            "starts_on": "2027-03-01",
            "ends_on": "2027-12-01",
            "applications_close_on": "2027-02-12",
            "applications_open_until": "2027-02-12",
        }
    ]
}
COHORT_EVENT_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e",
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "kind": "information_session",
            "title": "Information session",
            "starts_on": "2027-01-12",
            "ends_on": None,
            "attendees": [
                "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            ],
            "excused": ["3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"],
        }
    ]
}
ATTENDANCE_CREATE: dict[str, Any] = {
    "examples": [
        {
            "employee_ids": [
                "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            ],
            "excused": ["3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"],
        }
    ]
}
ATTENDANCE_CORRECTION_CREATE: dict[str, Any] = {
    "examples": [{"employee_ids": ["7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"], "excused": []}]
}
APPLICATION_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "employee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "role": "mentee",
            "profile": {
                "strengths": ["listening", "budget analysis"],
                "weaknesses": ["delegation"],
                "goals": ["lead the payroll team"],
                "competencies_wanted": ["public speaking"],
                "needs_assessment": "wants to grow into a supervisory role",
            },
            "capacity": 0,
            "supervisor_approval": "approved",
            "overrides": [],
            "eligibility": {
                "eligible": True,
                "rules": [
                    {
                        "rule": "information_session_attended",
                        "passed": True,
                        "reason": "attended the information session on 2027-01-12",
                    },
                    {
                        "rule": "supervisor_approved",
                        "passed": True,
                        "reason": "approved by the supervisor",
                    },
                ],
            },
            "created_at": "2027-01-20T11:00:00Z",
            "evaluated_at": "2027-01-21T08:30:00Z",
        }
    ]
}
ELIGIBILITY_OVERRIDE_CREATE: dict[str, Any] = {
    "examples": [
        {
            "rule": "information_session_attended",
            "reason": "on leave during every information session; briefed one-to-one",
        }
    ]
}
VOLUNTEER_READ: dict[str, Any] = {
    "examples": [
        {
            "employee_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "name": "Grace Hopper",
            "job_title": "Budget Director",
            "department": "Finance",
            "profile": {"expertise": ["budgeting"], "bio": "twenty years"},
            "open_places": 1,
        }
    ]
}
