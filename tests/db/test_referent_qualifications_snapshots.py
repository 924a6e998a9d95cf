"""Policy snapshots stored before a referred mentor's qualifications gated the match read after
it as they did: their referred pairs confirm as before; the downgrade gives back what the
previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites


async def test_a_snapshot_stored_before_referrals_waited_for_the_administrator_does_not_wait(
    migrated_url,
):
    async with rewrites(migrated_url, "20261207_handbook_referent_qualifications.py") as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["matching"]["referent_qualifications_confirmed"]
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.matching.referent_qualifications_confirmed, key
            assert read.matching.weights == preset.matching.weights, key
            assert await revision.downgraded(upgraded) == old, key
