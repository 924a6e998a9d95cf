"""Policy snapshots stored before NC counted face-to-face meetings only read after it as they
did: every logged meeting counts towards their meetings a month; the downgrade gives back what
the previous revision reads."""

from __future__ import annotations

from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261207_handbook_face_to_face_meetings.py"


async def test_a_snapshot_stored_before_check_ins_stopped_counting_as_meetings_counts_them(
    migrated_url,
):
    async with rewrites(migrated_url, _REVISION) as revision:
        for key, preset in PRESETS.items():
            old = as_stored(preset.to_dict())
            del old["cadence"]["face_to_face_meetings_only"]
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert not read.cadence.face_to_face_meetings_only, key
            assert read.cadence.min_meetings_per_month == preset.cadence.min_meetings_per_month
            assert await revision.downgraded(upgraded) == old, key
