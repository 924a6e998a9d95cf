"""The scim2-server storage over our employees (Users) and role groups (Groups, in
`groups`): reads through our repositories, writes through the use cases, filters in SQL.
The caller comes from the request (a context variable set by the SCIM application), so
every statement is bound to its organisation."""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from scim2_models import (
    InvalidFilterException,
    InvalidValueException,
    NotFoundException,
    PreconditionFailedException,
    Resource,
    ResourceType,
    ResponseParameters,
    SearchRequest,
    UniquenessException,
)
from scim2_server.storage import AsyncScimStorage, SearchPage

from app.adapters.clock import SystemClock
from app.adapters.db.database import Database
from app.adapters.db.tables import employees as t
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.scim import filters, groups, users
from app.domain.access import Principal
from app.domain.directory import Employee
from app.domain.errors import DomainError, NotFound
from app.services.integrations import scim_directory as service
from app.services.ports import UnitOfWork


@dataclass(frozen=True, slots=True)
class Caller:
    principal: Principal
    database: Database
    base_url: str = ""  # where this request's client reaches /scim/v2, for `$ref`s

    def new_uow(self) -> UnitOfWork:
        return SqlUnitOfWork(self.database, self.principal.organization_id)


CALLER: contextvars.ContextVar[Caller] = contextvars.ContextVar("scim_caller")
_VISIBLE = sa.not_(sa.func.coalesce(t.c.attributes[users.DELETED].as_boolean(), sa.false()))


def _uuid(resource_id: str) -> UUID:
    try:
        return UUID(resource_id)
    except ValueError:
        raise NotFoundException(detail="no such user") from None


def _is_group(resource_type: ResourceType) -> bool:
    return resource_type.id == "Group"


class EmployeeStorage(AsyncScimStorage):
    async def _employee(self, resource_id: str) -> Employee:
        caller = CALLER.get()
        try:
            found = await service.provisioned_employee(
                uow=caller.new_uow(), principal=caller.principal, employee_id=_uuid(resource_id)
            )
        except NotFound:
            raise NotFoundException(detail="no such user") from None
        if found.attributes.get(users.DELETED):
            raise NotFoundException(detail="no such user")
        return found

    async def get(
        self,
        resource_type: ResourceType,
        resource_id: str,
        *,
        response_parameters: ResponseParameters[Any] | None = None,
    ) -> Resource[Any]:
        if _is_group(resource_type):
            return await groups.GroupStore(CALLER.get()).get(resource_id)
        return users.to_user(await self._employee(resource_id))

    async def search(
        self,
        resource_types: list[ResourceType],
        search_request: SearchRequest[Any],
        *,
        position: Any = None,
    ) -> SearchPage:
        """Users, Groups, or (at the root) Users then Groups as one collection."""
        count = service.MAX_RESULTS if search_request.count is None else search_request.count
        offset = max((search_request.start_index or 1) - 1, 0)
        limit = min(count, service.MAX_RESULTS)
        kinds = {_is_group(r) for r in resource_types}
        total, found, refused = 0, list[Resource[Any]](), list[InvalidFilterException]()
        # At the root, a filter on what one type does not have matches none of its
        # resources (RFC 7644 §3.4.2.1); users come first, then groups fill the page.
        if False in kinds:
            try:
                total, found = await self._users(search_request, offset, limit)
            except InvalidFilterException as error:
                refused.append(error)
        if True in kinds:
            try:
                more, page = await groups.GroupStore(CALLER.get()).search(
                    search_request, max(offset - total, 0), max(limit - len(found), 0)
                )
                total, found = total + more, [*found, *page]
            except InvalidFilterException as error:
                refused.append(error)
        if len(refused) == len(kinds):
            raise refused[0]
        return SearchPage(total, found)

    async def _users(
        self, search_request: SearchRequest[Any], offset: int, limit: int
    ) -> tuple[int, list[Resource[Any]]]:
        caller = CALLER.get()
        scim_filter = search_request.filter
        condition = sa.and_(_VISIBLE, filters.where(scim_filter.ast if scim_filter else None))
        total, found = await service.search_provisioned_employees(
            uow=caller.new_uow(),
            principal=caller.principal,
            condition=condition,
            offset=offset,
            limit=limit,
        )
        return total, [users.to_user(e) for e in found]

    async def _manager_number(self, user: users.ScimUser) -> str | None:
        reference = users.manager_reference(user)
        if reference is None:
            return None
        try:
            return (await self._employee(reference)).employee_number
        except NotFoundException:
            raise InvalidValueException(detail="manager: no such user") from None

    async def _write(self, row: dict[str, Any]) -> Resource[Any]:
        caller = CALLER.get()
        try:
            stored = await service.write_provisioned_employee(
                new_uow=caller.new_uow, principal=caller.principal, clock=SystemClock(), row=row
            )
        except DomainError as error:
            where = f"{error.field}: " if error.field else ""
            raise InvalidValueException(detail=where + error.detail) from None
        return users.to_user(stored)

    async def create(self, resource_type: ResourceType, resource: Resource[Any]) -> Resource[Any]:
        if _is_group(resource_type):
            return await groups.GroupStore(CALLER.get()).create(resource)  # type: ignore[arg-type]
        user: users.ScimUser = resource  # type: ignore[assignment]
        row = users.to_row(user, None, await self._manager_number(user))
        if await self._taken(row["employee_number"]):
            raise UniquenessException(detail="a user with this employeeNumber exists")
        await self._check_user_name(user.user_name, row["employee_number"])
        return await self._write(row)

    async def _check_user_name(self, user_name: str | None, employee_number: str) -> None:
        """userName is unique among the organisation's users (RFC 7643 §4.1.1), compared
        as SCIM compares it (not case-exact), as `userName eq` finds it."""
        if not user_name:  # required by the schema: scim2-server refuses such a user first
            return
        caller = CALLER.get()
        taken = sa.and_(
            _VISIBLE,
            sa.func.lower(t.c.attributes[filters.USER_NAME].astext) == user_name.lower(),
            t.c.employee_number != employee_number,
        )
        total, _ = await service.search_provisioned_employees(
            uow=caller.new_uow(), principal=caller.principal, condition=taken, offset=0, limit=0
        )
        if total:
            raise UniquenessException(detail="a user with this userName exists")

    async def _taken(self, employee_number: str) -> bool:
        caller = CALLER.get()
        async with caller.new_uow() as uow:
            found = await uow.employees.by_number(employee_number)
        return found is not None and not found.attributes.get(users.DELETED)

    async def update(
        self,
        resource_type: ResourceType,
        resource: Resource[Any],
        *,
        expected_version: str | None = None,
    ) -> Resource[Any]:
        if _is_group(resource_type):
            store = groups.GroupStore(CALLER.get())
            return await store.update(resource, expected_version)  # type: ignore[arg-type]
        existing = await self._employee(str(resource.id))
        _check_version(existing, expected_version)
        user: users.ScimUser = resource  # type: ignore[assignment]
        row = users.to_row(user, existing, await self._manager_number(user))
        if row["employee_number"] != existing.employee_number:
            raise InvalidValueException(detail="employeeNumber cannot change (it is HR's key)")
        await self._check_user_name(user.user_name, existing.employee_number)
        return await self._write(row)

    async def delete(
        self, resource_type: ResourceType, resource_id: str, *, expected_version: str | None = None
    ) -> None:
        """A soft delete: the employee is deactivated and hidden from SCIM, never erased,
        because mentorships and the audit trail still name them. A group is deleted."""
        if _is_group(resource_type):
            await groups.GroupStore(CALLER.get()).delete(resource_id, expected_version)
            return
        existing = await self._employee(resource_id)
        _check_version(existing, expected_version)
        user = users.to_user(existing)
        row = users.to_row(user, existing, existing.manager_employee_number)
        row["employment_status"] = "inactive"
        row["attributes"][users.DELETED] = True
        await self._write(row)


def _check_version(employee: Employee, expected: str | None) -> None:
    if expected is not None and expected != users.version(employee):
        raise PreconditionFailedException(detail="the user changed since it was read")


def new_id() -> str:
    return str(uuid.uuid4())
