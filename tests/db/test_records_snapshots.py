"""Policy snapshots stored before the records revision read as they ran: every new setting
off, no forms, and the old checkup item list dropped (a running Caltrans pair keeps its 1-5
scores); the downgrade gives the previous revision a snapshot it can read."""

from __future__ import annotations

from app.domain.forms.kinds import EvaluationKind
from app.domain.policy.model import Policy, stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites


def _as_stored_before(policy: Policy) -> dict:
    """The snapshot as the previous revision wrote it."""
    data = as_stored(policy.to_dict())
    for key in ("monthly", "compatibility_check", "forms"):
        del data["evaluations"][key]
    data["evaluations"]["checkup_items"] = ["We have enough trust so we can work together."]
    del data["agreement"]["required_sections"]
    del data["goals"]["monthly_progress_reports"]
    del data["ending"]["coordinator_debriefs_each"]
    return data


async def test_a_snapshot_stored_before_the_revision_reads_with_its_settings_off(migrated_url):
    async with rewrites(migrated_url, "20261206_records_forms_and_records.py") as revision:
        for key, preset in PRESETS.items():
            old = _as_stored_before(preset)
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert read.evaluations.forms == (), key
            assert read.evaluations.form(EvaluationKind.CHECKUP) is None
            assert not read.goals.monthly_progress_reports
            assert read.duration_months == preset.duration_months
            back = await revision.downgraded(upgraded)
            assert set(back["evaluations"]) == set(old["evaluations"])
