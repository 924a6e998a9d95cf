"""Policy snapshots stored before NC's needs assessment moved to the initial meeting read after
it as they did: their first meetings wait for nothing, their eligibility rules are as stored;
the downgrade gives back what the previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261207_handbook_needs_assessment_at_initial_meeting.py"


async def test_a_snapshot_stored_before_the_initial_meeting_waited_for_the_form_does_not_wait(
    migrated_url,
):
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["onboarding"]["needs_assessment_by_initial_meeting"]
            old["eligibility"]["mentee_rules"].append({"rule": "needs_assessment_provided"})
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.onboarding.needs_assessment_by_initial_meeting, key
            assert read.eligibility.mentee_rules[-1].name == "needs_assessment_provided", key
            assert await revision.downgraded(upgraded) == old, key
