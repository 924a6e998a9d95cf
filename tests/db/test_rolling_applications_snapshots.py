"""Policy snapshots stored before a cohort could take applications until its end read after it
as they did: their cohorts close applications at the start; the downgrade gives back what the
previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261207_handbook_rolling_applications.py"


async def test_a_program_stored_before_rolling_applications_still_closes_them_at_the_start(
    migrated_url,
):
    # seed 002_59333b271e9b4b69.txt "Shaping Successful Mentoring Programs": the Caltrans preset
    # now keeps taking applications; a program stored before keeps what its coordinator had.
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["onboarding"]["applications_close_at_start"]
            upgraded = await revision.upgraded(old)
            assert stored_policy(upgraded).onboarding.applications_close_at_start, key
            assert await revision.downgraded(upgraded) == old, key
