"""Examples of a pair's agreement: its terms, versions and signatures, and the register of them."""

from __future__ import annotations

from typing import Any

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
            "term_notice": None,
        },
        {
            "mentorship_id": "0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b",
            "title": "Caltrans Mentoring Contract",
            "sections": [
                "duration",
                "competencies_to_model",
                "development_plan_elements",
                "ground_rules",
            ],
            "version": 1,
            "terms": {"duration": "four months", "ground_rules": "cancel a day ahead"},
            "signatures": [],
            "signed_by_both": False,
            "withheld": [],
            "written_at": "2027-03-08T13:50:00Z",
            "term_notice": "a term of at least 6 months is recommended; "
            "this agreement states 4 months",
        },
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
