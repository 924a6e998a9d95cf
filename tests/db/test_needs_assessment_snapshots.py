"""Policy snapshots stored before NC's needs assessment moved to the initial meeting read after
it as they did: their first meetings wait for nothing, their eligibility rules are as stored;
the downgrade gives back what the previous revision reads."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import asyncpg

from app.adapters.db.sql import to_dsn
from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS

_REVISION = (
    Path(__file__).parents[2]
    / "migrations/versions/20261207_handbook_needs_assessment_at_initial_meeting.py"
)


def _revision():  # the migration module, loaded by path as Alembic does
    spec = importlib.util.spec_from_file_location("needs_assessment_revision", _REVISION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_snapshot_stored_before_the_initial_meeting_waited_for_the_form_does_not_wait(
    migrated_url,
):
    revision = _revision()
    connection = await asyncpg.connect(to_dsn(migrated_url))
    try:
        for key, preset in PRESETS.items():
            old = json.loads(json.dumps(preset.to_dict()))
            del old["onboarding"]["needs_assessment_by_initial_meeting"]
            old["eligibility"]["mentee_rules"].append({"rule": "needs_assessment_provided"})
            raw = await connection.fetchval(
                f"SELECT ({revision.upgraded('$1::jsonb')})::text", json.dumps(old)
            )
            read = stored_policy(json.loads(raw))
            assert not read.onboarding.needs_assessment_by_initial_meeting, key
            assert read.eligibility.mentee_rules[-1].name == "needs_assessment_provided", key
            back = await connection.fetchval(
                f"SELECT ({revision.downgraded('$1::jsonb')})::text", raw
            )
            assert json.loads(back) == old, key
    finally:
        await connection.close()
