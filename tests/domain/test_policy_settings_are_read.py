"""No inert settings: every policy setting is read by a rule outside the policy modules (or
through a Policy method a rule calls). A setting that drives nothing is a bug: it either
drives behaviour or is removed, with a migration of the stored policies."""

from __future__ import annotations

import dataclasses
import re
import typing
from pathlib import Path

from app.domain.policy.model import Policy

APP = Path(__file__).resolve().parents[2] / "app"
POLICY_MODULES = APP / "domain" / "policy"

# Settings a rule reads through a Policy method, and the method the rule calls.
READ_THROUGH = {
    "term.min_months": "term_bounds",
    "term.max_months": "term_bounds",
    "evaluations.program_evaluation": "kinds",
    "evaluations.monthly": "kinds",
    "evaluations.compatibility_check": "kinds",
}
# Declared and not yet read: none. The test fails as soon as a setting joins them.
NOT_YET_READ: dict[str, str] = {}


def _settings(cls: type, prefix: str = "") -> list[str]:
    hints = typing.get_type_hints(cls)
    found = []
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            found += _settings(hint, f"{prefix}{field.name}.")
        found.append(f"{prefix}{field.name}")
    return found


def _rules_source() -> str:
    return "\n".join(
        path.read_text() for path in APP.rglob("*.py") if POLICY_MODULES not in path.parents
    )


def _read(setting: str, source: str) -> bool:
    name = setting.rsplit(".", 1)[-1]
    if re.search(rf"\.{name}\b", source):
        return True
    method = READ_THROUGH.get(setting)
    return method is not None and re.search(rf"\.{method}\(", source) is not None


def test_a_policy_setting_that_no_rule_reads_is_a_bug():
    source = _rules_source()
    unread = {s for s in _settings(Policy) if not _read(s, source)}
    assert unread == set(NOT_YET_READ), (
        f"read by no rule: {sorted(unread - set(NOT_YET_READ))}; "
        f"read now, take off NOT_YET_READ: {sorted(set(NOT_YET_READ) - unread)}"
    )


def test_the_check_finds_a_setting_nothing_reads():
    source = _rules_source()
    assert not _read("group_activities.a_setting_nobody_reads", source)
    assert _read("cadence.measured", source)
