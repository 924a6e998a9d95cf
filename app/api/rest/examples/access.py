"""Examples of tokens, identity providers and the audit log."""

from __future__ import annotations

from typing import Any

API_TOKEN_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a",
            "name": "HR sync (Workday)",
            "hint": "mtk_…9f2c",
            "role": "integration",
            "employee_id": None,
            "scopes": ["employees:write"],
            "created_by": "admin@example.org",
            "created_at": "2027-01-04T09:00:00Z",
            "expires_at": "2028-01-04T09:00:00Z",
            "revoked_at": None,
            "last_used_at": "2027-02-01T06:00:12Z",
        }
    ]
}
API_TOKEN_CREATED_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a",
            "name": "HR sync (Workday)",
            "hint": "mtk_…9f2c",
            "role": "integration",
            "employee_id": None,
            "scopes": ["employees:write"],
            "created_by": "admin@example.org",
            "created_at": "2027-01-04T09:00:00Z",
            "expires_at": "2028-01-04T09:00:00Z",
            "revoked_at": None,
            "last_used_at": None,
            "token": "mtk_3q7ZkR2mV8xN1pL6sT9wY4bC0dF5gH2j",
        }
    ]
}
OIDC_ISSUER_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a8b",
            "issuer": "https://login.example.org/tenant/v2.0",
            "audience": "api://mentoring",
            "jwks_url": "https://login.example.org/tenant/discovery/v2.0/keys",
            "role_claim": "roles",
            "employee_claim": "employee_number",
            "default_role": "participant",
        }
    ]
}
AUDIT_EVENT_READ: dict[str, Any] = {
    "examples": [
        {
            "id": 1042,
            "occurred_at": "2027-03-09T09:12:00Z",
            "actor": "employee:5d1c3a2b-7e4f-4a60-9b8c-1d2e3f4a5b6c",
            "actor_role": "participant",
            "action": "agreement.signed",
            "resource_type": "mentorship",
            "resource_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "reason": None,
            "request_id": "8f14e45fceea167a",
            "details": {"version": 2, "by": "mentor"},
        }
    ]
}
ORGANIZATION_READ: dict[str, Any] = {
    "examples": [
        {
            "id": "0c1d2e3f-4a5b-4c6d-8e7f-8a9b0c1d2e3f",
            "slug": "charlotte",
            "name": "City of Charlotte",
        }
    ]
}
