"""Examples of cohort reports, fees and luncheon groups."""

from __future__ import annotations

from typing import Any

COHORT_REPORT_READ: dict[str, Any] = {
    "examples": [
        {
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "mentorships": 12,
            "by_state": {"active": 9, "completed": 1, "withdrawn": 1, "rematched": 1},
            "meetings": 86,
            "hours": 121.5,
            "checkpoint_outcomes": {"continue": 10, "rematched": 1, "withdrawn": 1},
            "completion_rate": 0.83,
            "withdrawal_rate": 0.08,
            "checkup_averages": [
                {
                    "item": "the relationship is useful",
                    "aggregate": {"count": 8, "mean": 4.4, "suppressed": False},
                }
            ],
            "form_items": [
                {
                    "kind": "final",
                    "form_version": 1,
                    "key": "met_goals",
                    "text": "The mentee met the goals in the development plan",
                    "scale": "agree_5",
                    "favourable": "agree",
                    "unit": "points",
                    "aggregate": {"count": 8, "mean": 4.4, "suppressed": False},
                    "evaluation_round": None,
                }
            ],
            "smallest_group": 5,
        }
    ]
}
FEE_BILL_READ: dict[str, Any] = {
    "examples": [
        {
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "fee_cents": 150000,
            "billed_to": "each protégé's department",
            "departments": [
                {"department": "Finance", "proteges": 2, "amount_cents": 300000},
                {"department": "Transportation", "proteges": 1, "amount_cents": 150000},
            ],
            "total_cents": 450000,
        }
    ]
}
LUNCHEON_GROUP_SCHEMA: dict[str, Any] = {
    "examples": [
        {
            "number": 1,
            "mentees": [
                "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
            ],
            "hosts": ["7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"],
        }
    ]
}
LUNCHEON_GROUPS_UPDATE: dict[str, Any] = {
    "examples": [
        {
            "groups": [
                {
                    "number": 1,
                    "mentees": [
                        "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                        "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
                    ],
                    "hosts": ["7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"],
                }
            ]
        }
    ]
}
LUNCHEON_HOSTS_READ: dict[str, Any] = {
    "examples": [
        {
            "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
            "volunteers": [
                "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                "8c9d0e1f-2a3b-4c4d-9e5f-6a7b8c9d0e1f",
            ],
        }
    ]
}
