"""Policy snapshots stored before a program could ask for the plan's draft by the initial
meeting read after it as they did: an empty plan puts no pair on the worklist; the downgrade
gives back what the previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261208_handbook_plan_draft_at_initial_meeting.py"


async def test_a_snapshot_stored_before_the_plan_draft_was_asked_for_asks_for_none(
    migrated_url,
):
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["goals"]["plan_drafted_at_initial_meeting"]
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.goals.plan_drafted_at_initial_meeting, key
            assert read.goals.max_objectives == preset.goals.max_objectives, key
            assert await revision.downgraded(upgraded) == old, key
