"""The directory as an identity provider sees it (SCIM provisioning).

Writes go through `import_employees`, so a SCIM user is checked by exactly the rules of an
HR import. Searches filter in the database (the condition comes from the SCIM adapter) so
paging and totals are right.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any
from uuid import UUID

from app.domain.access import AuditEvent, Principal
from app.domain.authorization.names import Action, Reach, Resource
from app.domain.authorization.table import reach
from app.domain.directory import Employee
from app.domain.errors import InvalidInput, NotFound, NotPermitted
from app.services.directory.employees import import_employees
from app.services.integrations.ports import ScimGroup
from app.services.ports import Clock, UnitOfWork

MAX_RESULTS = 200


def _whole_directory(principal: Principal) -> None:
    if reach(principal, Resource.EMPLOYEES, Action.READ) is not Reach.ALL:
        raise NotPermitted("provisioning needs the whole directory", rule="employees:read")
    reach(principal, Resource.EMPLOYEES, Action.WRITE)


async def provisioned_employee(
    *, uow: UnitOfWork, principal: Principal, employee_id: UUID
) -> Employee:
    """One employee as provisioning sees it (deprovisioned ones included), or NotFound."""
    _whole_directory(principal)
    async with uow.read_only():
        found = await uow.employees.get(employee_id)
    if found is None:
        raise NotFound("no such user", field="id")
    return found


async def write_provisioned_employee(
    *,
    new_uow: Callable[[], UnitOfWork],
    principal: Principal,
    clock: Clock,
    row: Mapping[str, Any],
) -> Employee:
    """Create or replace one employee (the whole record), by the rules of an HR import."""
    _whole_directory(principal)
    report = await import_employees(uow=new_uow(), principal=principal, clock=clock, rows=[row])
    if report.errors:
        error = report.errors[0]
        raise InvalidInput(error.reason, field=error.field)
    number = str(row["employee_number"])
    async with new_uow().read_only() as uow:
        stored = await uow.employees.by_number(number)
    if stored is None:  # pragma: no cover - the import just stored it
        raise NotFound("the user was not stored", field="employee_number")
    return stored


async def search_provisioned_employees(
    *, uow: UnitOfWork, principal: Principal, condition: object, offset: int, limit: int
) -> tuple[int, list[Employee]]:
    """The total matching `condition` and one page of them, in employee_number order."""
    _whole_directory(principal)
    if not 0 <= limit <= MAX_RESULTS:
        raise InvalidInput(f"count must be between 0 and {MAX_RESULTS}", field="count")
    async with uow.read_only():
        return await uow.integrations.scim_search(condition, offset=offset, limit=limit)


async def provisioned_group(*, uow: UnitOfWork, principal: Principal, group_id: UUID) -> ScimGroup:
    """One of the organisation's SCIM groups, or NotFound."""
    _whole_directory(principal)
    async with uow.read_only():
        found = await uow.integrations.scim_group(group_id)
    if found is None:
        raise NotFound("no such group", field="id")
    return found


async def search_provisioned_groups(
    *, uow: UnitOfWork, principal: Principal, condition: object, offset: int, limit: int
) -> tuple[int, list[ScimGroup]]:
    """The total matching `condition` and one page of them, by displayName."""
    _whole_directory(principal)
    if not 0 <= limit <= MAX_RESULTS:
        raise InvalidInput(f"count must be between 0 and {MAX_RESULTS}", field="count")
    async with uow.read_only():
        return await uow.integrations.scim_group_search(condition, offset=offset, limit=limit)


async def group_members(
    *, uow: UnitOfWork, principal: Principal, employee_ids: Sequence[UUID]
) -> list[Employee]:
    """The employees among `employee_ids` (one query for a whole page of groups)."""
    _whole_directory(principal)
    async with uow.read_only():
        return await uow.employees.get_many(list(dict.fromkeys(employee_ids)))


async def write_provisioned_group(
    *, uow: UnitOfWork, principal: Principal, group: ScimGroup
) -> ScimGroup:
    """Create or replace a group; every member is an employee of the organisation (another
    organisation's id is refused exactly like one that never existed)."""
    _whole_directory(principal)
    if not group.display_name.strip():
        raise InvalidInput("must not be blank", field="displayName")
    async with uow:
        known = {e.id for e in await uow.employees.get_many(list(set(group.member_ids)))}
        if unknown := [str(m) for m in group.member_ids if m not in known]:
            raise InvalidInput(f"no such user: {', '.join(unknown)}", field="members")
        saved = await uow.integrations.save_scim_group(group)
        await uow.access.record(
            AuditEvent.by(principal, "scim_group.saved", "scim_group", group.id, members=len(known))
        )
        await uow.commit()
    return saved


async def remove_provisioned_group(
    *, uow: UnitOfWork, principal: Principal, group_id: UUID
) -> None:
    """Delete a group (its members stay in the directory)."""
    _whole_directory(principal)
    async with uow:
        if not await uow.integrations.remove_scim_group(group_id):
            raise NotFound("no such group", field="id")
        await uow.access.record(
            AuditEvent.by(principal, "scim_group.removed", "scim_group", group_id)
        )
        await uow.commit()
