"""SMART goals (NC 003 "Expectations": the mentee commits to "setting SMART goals"): where the
policy asks for them, each goal and objective states, beside its text (what is Specific), how
it is Measured, why it is Achievable and Relevant, and the date it is due (Time-bound)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from app.domain.errors import InvalidInput

SMART_FIELDS = ("measure", "achievable", "relevant", "due_on")
SMART_KINDS = frozenset({"goal", "objective"})
MAX_TEXT = 1000


def check_smart(
    kind: str, smart: Mapping[str, object] | None, *, required: bool
) -> dict[str, str] | None:
    """The SMART fields, checked; InvalidInput names the field missing or malformed."""
    if smart is not None and not isinstance(smart, Mapping):
        raise InvalidInput("smart is an object of SMART fields", field="smart")
    if smart is None or not smart:
        if required and kind in SMART_KINDS:
            raise InvalidInput(
                f"this program's goals are SMART: give {', '.join(SMART_FIELDS)}",
                field="smart",
                rule="smart_goals",
            )
        return None
    checked: dict[str, str] = {}
    for key, value in smart.items():
        if key not in SMART_FIELDS:
            raise InvalidInput(f"SMART fields are {', '.join(SMART_FIELDS)}", field=f"smart.{key}")
        if not isinstance(value, str) or len(value) > MAX_TEXT:
            raise InvalidInput(f"1 to {MAX_TEXT} characters", field=f"smart.{key}")
        checked[key] = value.strip()
    if required and kind in SMART_KINDS:
        for key in SMART_FIELDS:
            if not checked.get(key):
                raise InvalidInput(f"a SMART {kind} states its {key}", field=f"smart.{key}")
    if checked.get("due_on"):
        try:
            date.fromisoformat(checked["due_on"])
        except ValueError:
            raise InvalidInput("a date, YYYY-MM-DD", field="smart.due_on") from None
    return checked
