"""Maine's referral (004 "four means": a protégé refers someone they know): the protégé
proposes the pair, and the Program Administrator records that the referent's qualifications
were confirmed, with who confirmed and when."""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import Conflict, NotFound
from app.domain.policy.model import PairFormation
from app.services.approvers import approver_name
from app.services.ports import Clock, UnitOfWork
from app.services.programs.records import Mentorship


async def confirm_referent_qualifications(
    *, uow: UnitOfWork, principal: Principal, clock: Clock, mentorship_id: UUID, note: str = ""
) -> Mentorship:
    """Record that the referred mentor's qualifications were confirmed (staff)."""
    reach(principal, Resource.MENTORSHIPS, Action.OVERRIDE)
    async with uow:
        found = await uow.programs.get_mentorship(mentorship_id, lock=True)
        if found is None:
            raise NotFound("no such mentorship", field="id")
        if found.formed_by != PairFormation.REFERRAL.value:
            raise Conflict("this pair was not formed by a referral", field="id", rule="referral")
        referral: dict[str, Any] = {
            **dict(found.explanation.get("referral") or {}),
            "qualifications_confirmed": True,
            "confirmed_by": await approver_name(uow, principal),
            "confirmed_on": clock.now().date().isoformat(),
            "note": note.strip(),
        }
        explanation = {**dict(found.explanation), "referral": referral}
        await uow.programs.set_explanation(mentorship_id, explanation)
        await uow.access.record(
            AuditEvent.by(principal, "referral.qualifications_confirmed", "mentorship", found.id)
        )
        await uow.commit()
    return replace(found, explanation=explanation)
