"""Policy snapshots stored before a recommended term was told from a hard bound read after it
as they did: no recommendation, and the hard minimum Caltrans' and NC's programs were made
with (six months, a year) still refuses a shorter term; the downgrade gives back what the
previous revision reads."""

from __future__ import annotations

import pytest

from app.domain.agreed_term import agreed_term, term_notice
from app.domain.errors import InvalidInput
from app.domain.policy.model import stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites

_REVISION = "20261207_handbook_recommended_terms.py"
# What the Caltrans (002) and NC (003) presets stored before this revision: a hard minimum.
_STORED_MINIMUM = {"caltrans": 6, "nc-model": 12}


def _as_stored_before(key: str) -> dict:
    old = as_stored(PRESETS[key].to_dict())
    del old["term"]["recommended_min_months"]
    old["term"]["min_months"] = _STORED_MINIMUM.get(key)
    return old


async def test_a_snapshot_stored_before_the_recommendation_keeps_its_hard_minimum(migrated_url):
    async with rewrites(migrated_url, _REVISION) as revision:
        for key in PRESETS:
            old = _as_stored_before(key)
            upgraded = await revision.upgraded(old)
            read = stored_policy(upgraded)
            assert read.term.recommended_min_months is None, key
            assert read.term.min_months == _STORED_MINIMUM.get(key), key
            assert await revision.downgraded(upgraded) == old, key
        caltrans = stored_policy(await revision.upgraded(_as_stored_before("caltrans")))
        with pytest.raises(InvalidInput):
            agreed_term(caltrans, {"duration": "four months"})
        assert term_notice(caltrans, {"duration": "four months"}) is None
