"""Policy snapshots stored before the program evaluation could be timed read after it as they
did: the evaluation stays open all term; the downgrade gives back what the previous revision
reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites


async def test_a_snapshot_stored_before_program_evaluations_were_timed_keeps_them_open(
    migrated_url,
):
    async with rewrites(migrated_url, "20261207_handbook_program_evaluation_at_end.py") as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["evaluations"]["program_evaluation_at_end"]
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.evaluations.program_evaluation_at_end, key
            assert read.evaluations.program_evaluation == preset.evaluations.program_evaluation
            assert await revision.downgraded(upgraded) == old, key
