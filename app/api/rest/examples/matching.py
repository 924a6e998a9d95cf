"""Examples of matching runs and mentorships."""

from __future__ import annotations

from typing import Any

MATCH_LOCK_CREATE: dict[str, Any] = {
    "examples": [
        {
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
        }
    ]
}
MATCH_LOCK_READ: dict[str, Any] = {
    "examples": [
        {
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "locked_by": "coordinator@example.org",
        }
    ]
}
PROPOSAL_READ: dict[str, Any] = {
    "examples": [
        {
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "score": 0.82,
            "locked": False,
            "explanation": {
                "rules": [{"rule": "not_in_supervisory_line", "passed": True}],
                "score": {"total": 0.82},
            },
            "runners_up": [{"mentor_id": "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f", "score": 0.74}],
        }
    ]
}
MATCHING_RUN_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "state": "draft",
            "policy_version": 1,
            "proposals": [
                {
                    "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "score": 0.82,
                    "locked": False,
                    "explanation": {
                        "rules": [{"rule": "not_in_supervisory_line", "passed": True}],
                        "score": {"total": 0.82},
                    },
                    "runners_up": [
                        {"mentor_id": "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f", "score": 0.74}
                    ],
                }
            ],
            "unmatched": [
                {
                    "mentee_id": "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
                    "reason": "no mentor outside the supervisory line has a place left",
                    "refused_by": {"not_in_supervisory_line": 2, "capacity": 1},
                }
            ],
            "total_score": 0.82,
            "supervisory_line": {
                "reading": "a mentor is never in the mentee's chain of command",
                "rule": "not_in_supervisory_line",
            },
            "mentors_without_mentee": [],
            "created_by": "coordinator@example.org",
            "created_at": "2027-02-15T10:00:00Z",
            "published_at": None,
        }
    ]
}
PUBLISHED_RUN_READ: dict[str, Any] = {
    "examples": [
        {
            "matching_run_id": "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
            "mentorships": [
                {
                    "id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
                    "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
                    "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "state": "proposed",
                    "formed_by": "algorithm",
                    "matching_run_id": "5d6e7f80-9a1b-4c2d-8e3f-405162738495",
                    "starts_on": "2027-03-01",
                    "ends_on": "2027-12-01",
                    "checkpoint_due_on": "2027-06-01",
                    "policy_version": 1,
                    "policy": {"duration_months": 9, "checkpoint_month": 3},
                    "explanation": {},
                    "created_at": "2027-02-20T10:00:00Z",
                }
            ],
        }
    ]
}
SUGGESTED_MENTOR_READ: dict[str, Any] = {
    "examples": [
        {
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "score": 0.82,
            "explanation": {"rules": [{"rule": "not_in_supervisory_line", "passed": True}]},
        }
    ]
}
