"""Examples of a pair's progress: its record, the checkpoint's outcome, the completion form."""

from __future__ import annotations

from typing import Any

MENTORSHIP_PROGRESS_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "state": "active",
            "confirmed_by": ["mentee", "mentor"],
            "agreement_required": True,
            "agreement_signed_by": ["mentee", "mentor"],
            "evaluations_done": ["midpoint"],
            "evaluations_missing": {"final": 2},
            "awaiting_signatures": False,
            "evaluations_owed": ["final"],
            "starts_on": "2027-03-01",
            "ends_on": "2027-12-01",
            "initial_meeting_due_on": "2027-03-15",
            "checkpoint_opens_on": "2027-05-15",
            "checkpoint_due_on": "2027-06-01",
            "midpoint_on": "2027-07-16",
            "checkups": ["2027-06-01", "2027-09-01"],
            "activated_on": "2027-03-09",
            "closed_on": None,
            "checkpoint_outcome": "continue",
            "successor_id": None,
            "mentee_eligible_for_next_cohort": False,
            "outcomes": None,
            "at_risk": False,
            "at_risk_reason": None,
        }
    ]
}

COMPLETION_CREATE: dict[str, Any] = {
    "examples": [
        {
            "outcomes": {
                "goals_met": "presented the FY28 budget to the board",
                "next_steps": "apply for the supervisor opening in Payroll",
            }
        }
    ]
}

CHECKPOINT_READ: dict[str, Any] = {
    "examples": [
        {
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "opens_on": "2027-05-15",
            "due_on": "2027-06-01",
            "closes_on": "2027-06-15",
            "my_decision": "continue",
            "change_requested": False,
            "awaiting": "mentor",
            "outcome": None,
            "state": "open",
            "proposed_mentor_id": None,
            "successor_id": None,
            "rematch_of": None,
            "mentee_eligible_for_next_cohort": False,
        }
    ]
}

NEEDS_ASSESSMENT_READ: dict[str, Any] = {
    "examples": [
        {
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "asked_by_initial_meeting": True,
            "provided": True,
            "text": "wants to grow into a supervisory role",
            "text_withheld": False,
        }
    ]
}

TERMINATION_RECOMMENDATION_CREATE: dict[str, Any] = {
    "examples": [{"reason": "You both told me the meetings keep slipping; consider ending."}]
}

TERMINATION_RECOMMENDATION_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "recommended_on": "2027-10-01",
            "recommended_by": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e",
            "answers": {
                "disclosure_id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
                "kind": "relationship_not_working",
                "contacted_on": "2027-09-24",
            },
            "reason": "You both told me the meetings keep slipping; consider ending.",
        }
    ]
}
