"""Policy snapshots stored before an agreement's sections could be a guide read after it as
they did: only the listed sections are accepted; the downgrade gives back what the previous
revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261208_handbook_agreement_sections_are_a_guide.py"


async def test_a_snapshot_stored_before_sections_could_be_a_guide_keeps_to_the_listed_ones(
    migrated_url,
):
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["agreement"]["sections_are_a_guide"]
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.agreement.sections_are_a_guide, key
            assert read.agreement.sections == preset.agreement.sections, key
            assert await revision.downgraded(upgraded) == old, key
