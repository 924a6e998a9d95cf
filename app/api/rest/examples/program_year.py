"""Examples of the program year's worklist and calendar edits."""

from __future__ import annotations

from typing import Any

WORKLIST_READ: dict[str, Any] = {
    "examples": [
        {
            "items": [
                {
                    "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
                    "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
                    "kind": "group_session_missed",
                    "rule": "group session participation is mandatory: missed by the mentee",
                    "seed": "000_4e18aab21704e587.txt",
                    "due_on": "2027-02-04",
                    "overdue": True,
                },
                {
                    "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
                    "cohort_id": "c0ffee00-1234-4abc-9def-0123456789ab",
                    "kind": "checkpoint_unanswered",
                    "rule": "answer the compatibility checkpoint (0 of 2 answered)",
                    "seed": "000_4e18aab21704e587.txt",
                    "due_on": "2027-04-03",
                    "overdue": False,
                },
            ],
            "next_cursor": None,
            "total": 2,
        }
    ]
}
COHORT_EVENT_UPDATE: dict[str, Any] = {
    "examples": [{"title": "Orientation (moved)", "starts_on": "2027-03-10"}]
}
