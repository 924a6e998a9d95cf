"""Examples of a recorded confidentiality exception."""

from __future__ import annotations

from typing import Any

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
