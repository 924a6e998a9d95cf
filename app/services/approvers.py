"""Who approved: the person behind a principal, named as people read it, never a bare token id."""

from __future__ import annotations

from app.domain.access import Principal, Role
from app.services.ports import UnitOfWork


async def approver_name(uow: UnitOfWork, principal: Principal) -> str:
    """The employee behind the token or sign-in ("Given Family (number)"), else the token's
    label (an integration's), else the subject as given; inside the caller's transaction."""
    if principal.employee_id is not None:
        employee = await uow.employees.get(principal.employee_id)
        if employee is not None:
            return f"{employee.given_name} {employee.family_name} ({employee.employee_number})"
    if principal.token_id is not None:
        token = next((t for t in await uow.access.tokens() if t.id == principal.token_id), None)
        if token is not None:
            kind = "integration" if principal.role is Role.INTEGRATION else principal.role.value
            return f"{token.name} ({kind} token)"
    return principal.subject
