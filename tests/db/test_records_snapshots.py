"""Policy snapshots stored before the records revision read as they ran: every new setting
off, no forms, and the old checkup item list dropped (a running Caltrans pair keeps its 1-5
scores); the downgrade gives the previous revision a snapshot it can read."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import asyncpg

from app.adapters.db.sql import to_dsn
from app.domain.forms.kinds import EvaluationKind
from app.domain.policy.model import Policy, stored_policy
from app.domain.policy.presets import PRESETS

_REVISION = Path(__file__).parents[2] / "migrations/versions/20261206_records_forms_and_records.py"


def _revision():  # the migration module, loaded by path as Alembic does
    spec = importlib.util.spec_from_file_location("records_revision", _REVISION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_stored_before(policy: Policy) -> dict:
    """The snapshot as the previous revision wrote it."""
    data = json.loads(json.dumps(policy.to_dict()))
    for key in ("monthly", "compatibility_check", "forms"):
        del data["evaluations"][key]
    data["evaluations"]["checkup_items"] = ["We have enough trust so we can work together."]
    del data["agreement"]["required_sections"]
    del data["goals"]["monthly_progress_reports"]
    del data["ending"]["coordinator_debriefs_each"]
    return data


async def test_a_snapshot_stored_before_the_revision_reads_with_its_settings_off(migrated_url):
    revision = _revision()
    connection = await asyncpg.connect(to_dsn(migrated_url))
    try:
        for key, preset in PRESETS.items():
            old = _as_stored_before(preset)
            raw = await connection.fetchval(
                f"SELECT ({revision.upgraded('$1::jsonb')})::text", json.dumps(old)
            )
            read = stored_policy(json.loads(raw))
            assert read.evaluations.forms == (), key
            assert read.evaluations.form(EvaluationKind.CHECKUP) is None
            assert not read.goals.monthly_progress_reports
            assert read.duration_months == preset.duration_months
            back = await connection.fetchval(
                f"SELECT ({revision.downgraded('$1::jsonb')})::text", raw
            )
            assert set(json.loads(back)["evaluations"]) == set(old["evaluations"])
    finally:
        await connection.close()
