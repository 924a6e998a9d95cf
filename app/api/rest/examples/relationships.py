"""Examples of what a pair keeps: agreements, meetings, goals, evaluations, disclosures."""

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
SIGNATURE_READ: dict[str, Any] = {
    "examples": [
        {
            "party": "mentee",
            "signed_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "signed_at": "2027-03-08T14:05:00Z",
        }
    ]
}
AGREEMENT_READ: dict[str, Any] = {
    "examples": [
        {
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "title": "Mentoring partnership agreement",
            "sections": ["goals", "frequency", "confidentiality", "concerns"],
            "version": 2,
            "terms": {
                "goals": "prepare the mentee to present the budget to the board",
                "frequency": "bi-weekly",
                "confidentiality": "what we discuss stays between us",
            },
            "signatures": [
                {
                    "party": "mentee",
                    "signed_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "signed_at": "2027-03-08T14:05:00Z",
                },
                {
                    "party": "mentor",
                    "signed_by": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "signed_at": "2027-03-09T09:12:00Z",
                },
            ],
            "signed_by_both": True,
            "withheld": ["concerns"],
            "written_at": "2027-03-08T13:50:00Z",
        }
    ]
}
MEETING_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "held_on": "2027-03-15",
            "hours": 1.5,
            "topics": ["career goals", "budget presentation"],
            "goal_id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
            "competency": "public speaking",
            "observations": None,
            "follow_ups": "draft the board presentation outline",
            "notes": None,
            "logged_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "cancelled": False,
            "cancelled_at": None,
            "cancelled_by": None,
            "created_at": "2027-03-15T17:40:00Z",
        }
    ]
}
MEETING_LOG_READ: dict[str, Any] = {
    "examples": [
        {
            "meetings": [
                {
                    "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
                    "held_on": "2027-03-15",
                    "hours": 1.5,
                    "topics": ["career goals", "budget presentation"],
                    "goal_id": "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
                    "competency": "public speaking",
                    "observations": None,
                    "follow_ups": "draft the board presentation outline",
                    "notes": None,
                    "logged_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "cancelled": False,
                    "cancelled_at": None,
                    "cancelled_by": None,
                    "created_at": "2027-03-15T17:40:00Z",
                }
            ],
            "content_withheld": False,
            "cadence": {
                "months": [
                    {
                        "month": 1,
                        "starts_on": "2027-03-01",
                        "ends_on": "2027-03-31",
                        "meetings": 1,
                        "hours": 1.5,
                        "min_meetings": 2,
                        "min_hours": 2.0,
                        "finished": False,
                        "short": False,
                    }
                ],
                "initial_meeting_missed": False,
                "at_risk": False,
                "reason": "on track: 1 of 2 meetings this month",
                "short_months": [],
            },
        }
    ]
}
JOURNAL_ENTRY_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "entry_on": "2027-03-16",
            "entry": {
                "what_happened": "first budget review with my mentor",
                "what_i_learned": "lead with the decision the board must take",
            },
            "created_at": "2027-03-16T20:10:00Z",
        }
    ]
}
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
DISCLOSURE_CREATE: dict[str, Any] = {
    "examples": [
        {
            "kind": "advice_from_administrator",
            "to": [{"role": "administrator", "person_id": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"}],
            "parts": ["meeting_facts"],
            "description": "asked how to support a mentee facing a reorganisation",
            "purpose": "advice on the mentoring relationship",
            "protege_consent": False,
            "protege_informed": True,
            "occurred_at": "2027-04-02T10:00:00Z",
            "meeting_ids": ["1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"],
        }
    ]
}
DISCLOSURE_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "f6a7b8c9-d0e1-4f2a-9b3c-4d5e6f7a8b9c",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "kind": "advice_from_administrator",
            "by_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "by_party": "mentor",
            "recipients": [
                {"role": "administrator", "person_id": "b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e"}
            ],
            "about_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "parts": ["meeting_facts"],
            "description": "asked how to support a mentee facing a reorganisation",
            "purpose": "advice on the mentoring relationship",
            "occurred_at": "2027-04-02T10:00:00Z",
            "protege_consent": False,
            "protege_informed": True,
            "consent": "not_needed",
            "acknowledged_at": None,
            "meeting_ids": ["1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"],
        }
    ]
}
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
CALENDAR_FEED_READ: dict[str, Any] = {
    "examples": [
        {
            "url": "https://mentoring.example.org/v1/calendar/0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f/cal_4kP9sQ2vX7mZ.ics",
            "secret": "cal_4kP9sQ2vX7mZ",
        }
    ]
}
AGREEMENT_VERSION_READ: dict[str, Any] = {
    "examples": [
        {
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "version": 1,
            "terms": {
                "goals": "prepare the mentee to present the budget to the board",
                "frequency": "monthly",
            },
            "signatures": [
                {
                    "party": "mentee",
                    "signed_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "signed_at": "2027-03-08T14:05:00Z",
                }
            ],
            "signed_by_both": False,
            "withheld": ["concerns"],
            "written_at": "2027-03-05T11:00:00Z",
        }
    ]
}
AGREEMENT_REGISTER_ENTRY_READ: dict[str, Any] = {
    "examples": [
        {
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "mentee_id": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
            "mentor_id": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
            "title": "Mentoring partnership agreement",
            "version": 2,
            "signatures": [
                {
                    "party": "mentee",
                    "signed_by": "2f1c6b1e-9d1a-4a56-9a53-1b2f3c4d5e6f",
                    "signed_at": "2027-03-08T14:05:00Z",
                },
                {
                    "party": "mentor",
                    "signed_by": "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d",
                    "signed_at": "2027-03-09T09:12:00Z",
                },
            ],
            "signed_by_both": True,
        }
    ]
}
