"""Examples of a pair's development plan (goals) and evaluations."""

from __future__ import annotations

from typing import Any

GOAL_UPDATE: dict[str, Any] = {
    "examples": [{"progress": 75, "outcome": "presented the draft to the finance committee"}]
}

GOAL_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "kind": "objective",
            "parent_id": None,
            "text": "present the FY28 budget to the board",
            "progress": 50,
            "outcome": None,
            "comments": [
                {
                    "by": "mentor",
                    "text": "rehearse with me the week before",
                    "at": "2027-04-01T12:00:00+00:00",
                }
            ],
            "smart": {
                "measure": "the board approves it",
                "achievable": "with the mentor's review",
                "relevant": "budget officers present to the board",
                "due_on": "2027-11-30",
            },
            "created_at": "2027-03-10T09:00:00Z",
        }
    ]
}

EVALUATION_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "kind": "midpoint",
            "party": "mentee",
            "scores": {"meeting_frequency": 4, "usefulness": 5},
            "free_text": "the feedback on my presentations helps",
            "submitted_on": "2027-07-20",
            "answers": {"meeting_frequency": 4, "usefulness": 5},
            "form_version": 1,
            "period_number": None,
            "partner_reads_free_text": False,
        }
    ]
}
