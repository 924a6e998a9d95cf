"""Programs: started from a preset with overrides; each policy edit is a new version."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Resource
from app.domain.authorization.table import reach
from app.domain.errors import Conflict, InvalidInput, NotFound, PreconditionFailed
from app.domain.policy.model import apply_overrides
from app.domain.policy.presets import PRESET_DETAILS, Preset, preset
from app.services.approvers import approver_name
from app.services.paging import Page, check_limit, page_of
from app.services.ports import UnitOfWork
from app.services.programs.records import Program


def list_presets(*, principal: Principal) -> list[Preset]:
    """The built-in policies a program can start from."""
    reach(principal, Resource.PROGRAMS, Action.READ)
    return list(PRESET_DETAILS.values())


async def create_program(
    *,
    uow: UnitOfWork,
    principal: Principal,
    name: str,
    preset_name: str,
    overrides: Mapping[str, object] | None = None,
) -> Program:
    """A program whose policy is the preset's with `overrides` applied (version 1)."""
    reach(principal, Resource.PROGRAMS, Action.WRITE)
    if not name.strip():
        raise InvalidInput("must not be blank", field="name")
    policy = apply_overrides(preset(preset_name), overrides or {})
    draft = Program(uuid.uuid4(), name.strip(), preset_name, 1, policy)
    async with uow:
        program = await uow.programs.add_program(draft, await approver_name(uow, principal))
        await uow.access.record(
            AuditEvent.by(principal, "program.created", "program", program.id, preset=preset_name)
        )
        await uow.outbox.emit("program.created", {"program_id": str(program.id)})
        await uow.commit()
    return program


async def get_program(*, uow: UnitOfWork, principal: Principal, program_id: UUID) -> Program:
    """One program with its current (effective) policy."""
    reach(principal, Resource.PROGRAMS, Action.READ)
    async with uow.read_only():
        found = await uow.programs.get_program(program_id)
    if found is None:
        raise NotFound("no such program", field="id")
    return found


async def list_programs(
    *,
    uow: UnitOfWork,
    principal: Principal,
    after: UUID | None = None,
    limit: int = 50,
    backward: bool = False,
) -> Page[Program]:
    """The organisation's programs in id order, a page after `after` (the last id shown);
    `backward`: the page just before it."""
    reach(principal, Resource.PROGRAMS, Action.READ)
    check_limit(limit)
    async with uow.read_only():
        found = await uow.programs.programs_page(after=after, limit=limit + 1, backward=backward)
    return page_of(found, limit, backward=backward)


async def update_program_policy(
    *,
    uow: UnitOfWork,
    principal: Principal,
    program_id: UUID,
    overrides: Mapping[str, object],
    expected_version: int | None = None,
    if_version: int | None = None,
) -> Program:
    """A new policy version from the current one; running mentorships keep their snapshot.
    `if_version` (an `If-Match`): refused as stale unless the policy is still at it."""
    reach(principal, Resource.PROGRAMS, Action.WRITE)
    async with uow:
        current = await uow.programs.get_program(program_id)
        if current is None:
            raise NotFound("no such program", field="id")
        if if_version is not None and if_version != current.policy_version:
            raise PreconditionFailed(
                f"the policy changed since it was read: it is at version "
                f"{current.policy_version}, not {if_version}",
                field="If-Match",
            )
        if expected_version is not None and expected_version != current.policy_version:
            raise Conflict(
                f"the policy is at version {current.policy_version}, not {expected_version}",
                field="expected_version",
            )
        policy = apply_overrides(current.policy, overrides)
        version = current.policy_version + 1
        if not await uow.programs.add_policy_version(
            program_id, version, policy.to_dict(), await approver_name(uow, principal)
        ):
            raise Conflict("the policy was changed meanwhile; read it again", field="policy")
        await uow.access.record(
            AuditEvent.by(
                principal,
                "program.policy_changed",
                "program",
                program_id,
                version=version,
                fields=sorted(overrides),
            )
        )
        await uow.commit()
    return Program(current.id, current.name, current.preset, version, policy, current.created_at)
