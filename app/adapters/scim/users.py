"""SCIM Users <-> employees. Columns hold what the directory knows; the rest of what the
identity provider sent (phone numbers, nicknames, ...) is kept in `attributes.scim`, so a
user reads back as it was written. Passwords are never kept."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from pydantic import field_validator
from scim2_models import EnterpriseUser, InvalidValueException, Meta, Mutability, Required, User

from app.adapters.scim.filters import EXTERNAL_ID, USER_NAME
from app.domain.directory import Employee, EmploymentStatus


class HrEnterpriseUser(EnterpriseUser):
    """The Enterprise User extension, saying what is true here: `employeeNumber` is HR's key
    for the person, set when they are provisioned and never changed through SCIM."""

    employee_number: Annotated[str | None, Mutability.immutable, Required.true] = None

    @field_validator("manager", mode="before")
    @classmethod
    def bare_manager_id(cls, value: Any) -> Any:
        """Entra ID sends the manager as the bare id string, not as `{"value": id}`."""
        if isinstance(value, str):
            return {"value": value} if value.strip() else None
        return value


ScimUser = User[HrEnterpriseUser]
EXTRAS = "scim"
DELETED = "scim_deleted"
# Kept in columns (name and emails keep their other sub-attributes in the extras).
_MAPPED = {"id", "meta", "schemas", "password", "userName", "externalId", "title", "active"}
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def version(employee: Employee) -> str:
    changed = employee.updated_at or _EPOCH
    return f'W/"{int(changed.timestamp() * 1_000_000)}"'


def to_user(employee: Employee) -> ScimUser:
    attributes = dict(employee.attributes)
    data: dict[str, Any] = dict(attributes.get(EXTRAS) or {})
    data |= {
        "id": str(employee.id),
        "userName": attributes.get(USER_NAME) or employee.email or employee.employee_number,
        "name": {
            **(data.get("name") or {}),
            "givenName": employee.given_name,
            "familyName": employee.family_name,
        },
        "active": employee.employment_status is EmploymentStatus.ACTIVE,
    }
    optional = {"externalId": attributes.get(EXTERNAL_ID), "title": employee.job_title}
    data |= {k: v for k, v in optional.items() if v is not None}
    if employee.email:
        data["emails"] = _emails(data.get("emails"), employee.email)
    enterprise = dict(data.get(HrEnterpriseUser.__schema__ or "", {}))
    enterprise |= {"employeeNumber": employee.employee_number, "department": employee.department}
    if employee.manager_id is not None:
        enterprise["manager"] = {**enterprise.get("manager", {}), "value": str(employee.manager_id)}
    else:
        enterprise.pop("manager", None)
    data[str(HrEnterpriseUser.__schema__)] = enterprise
    user = ScimUser.model_validate(data)
    user.meta = Meta(
        resource_type="User",
        created=employee.created_at,
        last_modified=employee.updated_at,
        version=version(employee),
    )
    return user


def _emails(sent: list[dict[str, Any]] | None, email: str) -> list[dict[str, Any]]:
    """The emails as sent, with the one the directory keeps (HR may have changed it)."""
    emails = list(sent or [])
    if any(e.get("value") == email for e in emails):
        return emails
    if not emails:
        return [{"value": email, "type": "work", "primary": True}]
    chosen = next((i for i, e in enumerate(emails) if e.get("primary")), 0)
    emails[chosen] = {**emails[chosen], "value": email}
    return emails


def to_row(user: ScimUser, existing: Employee | None, manager_number: str | None) -> dict[str, Any]:
    """The import row for a user; what SCIM cannot say (level, unit, hire date) is kept."""
    data = user.model_dump(exclude_none=True)
    enterprise = user[HrEnterpriseUser] if _has_enterprise(user) else None
    number = (enterprise.employee_number if enterprise else None) or (
        existing.employee_number if existing else None
    )
    if not number:
        raise InvalidValueException(
            detail=f"{HrEnterpriseUser.__schema__}:employeeNumber is required: "
            "it is HR's key for the person"
        )
    name = user.name
    attributes = dict(existing.attributes) if existing else {}
    attributes |= {
        USER_NAME: user.user_name,
        EXTERNAL_ID: user.external_id,
        DELETED: False,
        EXTRAS: {k: v for k, v in data.items() if k not in _MAPPED},
    }
    return {
        "employee_number": number,
        "given_name": (name.given_name if name else None) or user.display_name or user.user_name,
        "family_name": (name.family_name if name else None) or "-",
        "email": _primary_email(user),
        "job_title": user.title,
        "level": existing.level if existing else 0,
        "department": (enterprise.department if enterprise else None)
        or (existing.department if existing else "Unassigned"),
        "unit": existing.unit if existing else None,
        "manager_employee_number": manager_number,
        "hire_date": existing.hire_date if existing else None,
        "employment_status": "inactive" if user.active is False else "active",
        "in_good_standing": existing.in_good_standing if existing else True,
        "attributes": attributes,
    }


def _has_enterprise(user: ScimUser) -> bool:
    try:
        return user[HrEnterpriseUser] is not None
    except KeyError:
        return False


def _primary_email(user: ScimUser) -> str | None:
    emails = user.emails or []
    chosen = next((e for e in emails if e.primary), emails[0] if emails else None)
    return str(chosen.value) if chosen and chosen.value else None


def manager_reference(user: ScimUser) -> str | None:
    enterprise = user[HrEnterpriseUser] if _has_enterprise(user) else None
    manager = enterprise.manager if enterprise else None
    return str(manager.value) if manager and manager.value else None
