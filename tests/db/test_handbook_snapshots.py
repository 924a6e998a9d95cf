"""Policy snapshots stored before the handbook revision read after it: the two settings no
rule read are dropped, a plan form the handbooks do not name reads as plain goals; the
downgrade gives the previous revision a snapshot it reads, the session required where a rule
asks for it."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import asyncpg

from app.adapters.db.sql import to_dsn
from app.domain.development_plan import PlanForm
from app.domain.policy.model import Policy, stored_policy
from app.domain.policy.presets import PRESETS

_REVISION = Path(__file__).parents[2] / "migrations/versions/20261206_handbook_settings_read.py"


def _revision():  # the migration module, loaded by path as Alembic does
    spec = importlib.util.spec_from_file_location("handbook_revision", _REVISION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_stored_before(policy: Policy, plan: str | None = None) -> dict:
    data = json.loads(json.dumps(policy.to_dict()))
    data["supervisor_role"] = "development_partner"
    data["onboarding"]["information_session_required"] = True
    if plan is not None:
        data["goals"]["plan"] = plan
    return data


async def test_a_snapshot_stored_before_the_revision_reads_after_it(migrated_url):
    revision = _revision()
    connection = await asyncpg.connect(to_dsn(migrated_url))
    try:
        for key, preset in PRESETS.items():
            old = _as_stored_before(preset)
            raw = await connection.fetchval(
                f"SELECT ({revision.upgraded('$1::jsonb')})::text", json.dumps(old)
            )
            assert stored_policy(json.loads(raw)) == preset, key
            back = json.loads(
                await connection.fetchval(f"SELECT ({revision.downgraded('$1::jsonb')})::text", raw)
            )
            assert back["supervisor_role"] == "none"
            required = back["onboarding"]["information_session_required"]
            assert required == (key == "nc-model"), key
        odd = _as_stored_before(PRESETS["caltrans"], plan="career map")
        raw = await connection.fetchval(
            f"SELECT ({revision.upgraded('$1::jsonb')})::text", json.dumps(odd)
        )
        assert stored_policy(json.loads(raw)).goals.plan is PlanForm.GOALS
    finally:
        await connection.close()
