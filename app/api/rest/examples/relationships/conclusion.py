"""Examples of a concluding pair's records: the coordinator's debrief, monthly progress reports."""

from __future__ import annotations

from typing import Any

DEBRIEF_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "party": "mentee",
            "participant_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "held_on": "2027-12-03",
            "recorded_by": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e",
            "notes": "would take part again as a mentor",
            "created_at": "2027-12-03T16:00:00Z",
        }
    ]
}

PROGRESS_REPORT_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "party": "mentee",
            "author_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "month": 3,
            "submitted_on": "2027-05-31",
            "on_track": True,
            "assignments_done": 4,
            "reflections": "shadowed two budget hearings",
        }
    ]
}
