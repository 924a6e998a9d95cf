"""Policy snapshots stored before a referred mentor's qualifications gated the match read after
it as they did: their referred pairs confirm as before; the downgrade gives back what the
previous revision reads."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import asyncpg

from app.adapters.db.sql import to_dsn
from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS

_REVISION = (
    Path(__file__).parents[2] / "migrations/versions/20261207_handbook_referent_qualifications.py"
)


def _revision():  # the migration module, loaded by path as Alembic does
    spec = importlib.util.spec_from_file_location("referent_revision", _REVISION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_a_snapshot_stored_before_referrals_waited_for_the_administrator_does_not_wait(
    migrated_url,
):
    revision = _revision()
    connection = await asyncpg.connect(to_dsn(migrated_url))
    try:
        for key, preset in PRESETS.items():
            old = json.loads(json.dumps(preset.to_dict()))
            del old["matching"]["referent_qualifications_confirmed"]
            raw = await connection.fetchval(
                f"SELECT ({revision.upgraded('$1::jsonb')})::text", json.dumps(old)
            )
            read = stored_policy(json.loads(raw))
            assert not read.matching.referent_qualifications_confirmed, key
            assert read.matching.weights == preset.matching.weights, key
            back = await connection.fetchval(
                f"SELECT ({revision.downgraded('$1::jsonb')})::text", raw
            )
            assert json.loads(back) == old, key
    finally:
        await connection.close()
