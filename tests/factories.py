"""Test data that reads like an HR export."""

from __future__ import annotations

from typing import Any


def employee_row(number: str, **fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "employee_number": number,
        "given_name": "Given" + number,
        "family_name": "Family",
        "email": f"{number.lower()}@example.org",
        "level": 3,
        "department": "Finance",
        "unit": "Payroll",
        "hire_date": "2020-01-15",
        "employment_status": "active",
        "in_good_standing": True,
    }
    row.update(fields)
    return row
