"""Policy snapshots stored before a program could share evaluations' free text with the pair
read after it as they did: every evaluation's free text stays its respondent's, Caltrans'
checkup included; the downgrade gives back what the previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261207_handbook_checkup_dialogue.py"


async def test_a_snapshot_stored_before_free_text_could_be_shared_keeps_it_the_respondents(
    migrated_url,
):
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["evaluations"]["free_text_shared_with_pair"]
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert read.evaluations.free_text_shared_with_pair == frozenset(), key
            assert read.evaluations.kinds() == preset.evaluations.kinds(), key
            assert await revision.downgraded(upgraded) == old, key
