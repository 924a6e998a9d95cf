"""Examples of webhooks, roster files and flags."""

from __future__ import annotations

from typing import Any

WEBHOOK_DELIVERY_READ: dict[str, Any] = {
    "examples": [
        {
            "id": 4711,
            "endpoint_id": "a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d",
            "event_id": "5e6f7a8b-9c0d-4e1f-9a2b-3c4d5e6f7a8b",
            "event_type": "mentorship.confirmed",
            "state": "pending",
            "attempts": 2,
            "next_attempt_at": "2027-03-02T10:05:00Z",
            "last_status": 503,
            "last_error": "Service Unavailable",
            "delivered_at": None,
            "created_at": "2027-03-02T10:00:00Z",
        }
    ]
}
WEBHOOK_PING_READ: dict[str, Any] = {
    "examples": [{"event_id": "5e6f7a8b-9c0d-4e1f-9a2b-3c4d5e6f7a8b"}]
}
ROSTER_IMPORT_READ: dict[str, Any] = {
    "examples": [
        {
            "dry_run": False,
            "rows": 120,
            "created": 3,
            "updated": 14,
            "unchanged": 102,
            "errors": [
                {
                    "row": 57,
                    "employee_number": "E1057",
                    "field": "hire_date",
                    "reason": "expected a date (YYYY-MM-DD or an Excel date), got 'soon'",
                }
            ],
            "ignored_columns": ["Badge colour"],
        }
    ]
}
MENTORSHIP_FLAG_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "rules": ["someone_on_leave"],
            "reasons": ["the mentor is on leave (HR import of 2027-04-01)"],
            "raised_at": "2027-04-01T06:00:00Z",
        }
    ]
}
WEBHOOK_ENDPOINT_SECRET_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "a7b8c9d0-e1f2-4a3b-8c4d-5e6f7a8b9c0d",
            "url": "https://hr.example.org/hooks/mentoring",
            "description": "HRIS sync",
            "event_types": ["mentorship.activated", "mentorship.completed"],
            "enabled": True,
            "disabled_reason": None,
            "version": 1,
            "created_at": "2027-01-04T09:30:00Z",
            "updated_at": "2027-01-04T09:30:00Z",
            "previous_secret_expires_at": None,
            "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        }
    ]
}
