"""Who an audit record names (issue 4: an audit log of who, what, when and why): the employee
behind a principal bound to one, whichever token or sign-in they came through; otherwise the
principal's own subject (a service token, an operator, a background job)."""

from __future__ import annotations

from uuid import uuid4

from hypothesis import given
from hypothesis import strategies as st

from app.domain.access import AuditEvent, Principal, Role

subjects = st.sampled_from(["token:1", "oidc:abc", "cli", "system:matching"])


@given(st.sampled_from(Role), subjects, st.uuids())
def test_a_person_is_named_by_their_employee_id_whatever_the_door(role, subject, employee):
    principal = Principal(uuid4(), role, subject, employee)
    event = AuditEvent.by(principal, "program.created", "program")
    assert (event.actor, event.actor_role) == (f"employee:{employee}", role.value)


@given(st.sampled_from(Role), subjects)
def test_a_principal_with_no_employee_is_named_by_its_subject(role, subject):
    event = AuditEvent.by(Principal(uuid4(), role, subject), "employees.imported", "employees")
    assert event.actor == subject
