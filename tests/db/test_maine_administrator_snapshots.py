"""Policy snapshots stored before Maine's Administrator could recommend ending a relationship
read after it as they did: no recommendation, and a Maine program made then keeps its
administrator's termination (the organisation may have chosen it); the downgrade gives back
what the previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261207_handbook_maine_administrator_recommends.py"


async def test_a_snapshot_stored_before_recommendations_keeps_its_administrators_say(
    migrated_url,
):
    # seed 004_5b4c852a2ca2c393.txt "Confidentiality" exception 3: Maine's presets of before
    # let the administrator terminate; a program stored then is not rewritten.
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["ending"]["administrator_may_recommend_termination"]
            old["ending"]["administrator_may_terminate"] = key == "maine-mms"
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.ending.administrator_may_recommend_termination, key
            assert read.ending.administrator_may_terminate is (key == "maine-mms"), key
            assert await revision.downgraded(upgraded) == old, key
