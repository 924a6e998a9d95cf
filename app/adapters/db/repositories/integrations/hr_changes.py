"""HR changes' effect on running pairs: the open pairs of changed employees, and the flags
raised on them until a coordinator deals with them."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from uuid import UUID

from app.adapters.db.repositories.integrations import hr_flags
from app.adapters.db.repositories.integrations.statements import IntegrationStatements
from app.domain.lifecycle.states import MentorshipState
from app.services.integrations.ports import MentorshipFlag, OpenPair


class SqlHrChangeRecords(IntegrationStatements):
    """Pairs an HR change may affect, and their flags."""

    async def open_pairs_of(
        self, employee_ids: Sequence[UUID], states: Collection[MentorshipState]
    ) -> list[OpenPair]:
        ids = list(employee_ids)
        rows = await self._fetch(hr_flags.OPEN_PAIRS, ids=ids, ids2=ids, states=list(states))
        return [OpenPair(r["id"], r["mentee_id"], r["mentor_id"], r["policy"]) for r in rows]

    async def add_flag(self, flag: MentorshipFlag) -> bool:
        """False when the same flag is already open for the pair."""
        values = {**{k: getattr(flag, k) for k in ("id", "mentorship_id", "raised_at")}}
        values |= {"rules": list(flag.rules), "reasons": list(flag.reasons)}
        return bool(await self._fetch(hr_flags.ADD_FLAG, **values))

    async def flags_of(self, mentorship_id: UUID) -> list[MentorshipFlag]:
        """The pair's open flags, oldest first."""
        rows = await self._fetch(hr_flags.FLAGS_OF, mentorship_id=mentorship_id)
        return [
            MentorshipFlag(
                r["id"], r["mentorship_id"], tuple(r["rules"]), tuple(r["reasons"]), r["raised_at"]
            )
            for r in rows
        ]

    async def resolve_flags(self, mentorship_id: UUID) -> None:
        """The pair's open flags are dealt with (it was closed)."""
        await self._fetch(hr_flags.RESOLVE_FLAGS, mentorship_id=mentorship_id)

    async def open_flags(self) -> list[MentorshipFlag]:
        rows = await self._fetch(hr_flags.OPEN_FLAGS)
        return [
            MentorshipFlag(
                r["id"], r["mentorship_id"], tuple(r["rules"]), tuple(r["reasons"]), r["raised_at"]
            )
            for r in rows
        ]
