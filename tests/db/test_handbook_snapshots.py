"""Policy snapshots stored before the handbook revision read after it: the two settings no
rule read are dropped, a plan form the handbooks do not name reads as plain goals; the
downgrade gives the previous revision a snapshot it reads, the session required where a rule
asks for it."""

from __future__ import annotations

from app.domain.development_plan import PlanForm
from app.domain.policy.model import Policy, stored_policy
from app.domain.policy.presets import PRESETS
from tests.db.revisions import as_stored, rewrites


def _as_stored_before(policy: Policy, plan: str | None = None) -> dict:
    data = as_stored(policy.to_dict())
    data["supervisor_role"] = "development_partner"
    data["onboarding"]["information_session_required"] = True
    if plan is not None:
        data["goals"]["plan"] = plan
    return data


async def test_a_snapshot_stored_before_the_revision_reads_after_it(migrated_url):
    async with rewrites(migrated_url, "20261206_handbook_settings_read.py") as revision:
        for key, preset in PRESETS.items():
            upgraded = await revision.upgraded(_as_stored_before(preset))
            assert stored_policy(upgraded) == preset, key
            back = await revision.downgraded(upgraded)
            assert back["supervisor_role"] == "none"
            required = back["onboarding"]["information_session_required"]
            assert required == (key == "nc-model"), key
        odd = _as_stored_before(PRESETS["caltrans"], plan="career map")
        upgraded = await revision.upgraded(odd)
        assert stored_policy(upgraded).goals.plan is PlanForm.GOALS
