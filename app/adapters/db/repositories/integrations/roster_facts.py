"""Read-only statements for roster exports: facts about who takes part, never their
self-assessments, notes or matching explanations."""

from __future__ import annotations

import sqlalchemy as sa

from app.adapters.db.sql import compile_statement
from app.adapters.db.tables import employees as emp
from app.adapters.db.tables_programs import applications as app_
from app.adapters.db.tables_programs import cohorts as coh
from app.adapters.db.tables_programs import mentorships as men

_ORG: sa.BindParameter[object] = sa.bindparam("org")
_COHORT = sa.bindparam("cohort", type_=coh.c.id.type)
_COHORT2 = sa.bindparam("cohort2", type_=coh.c.id.type)

PARTICIPANTS = compile_statement(
    sa.select(
        app_.c.id,
        app_.c.cohort_id,
        coh.c.name,
        emp.c.employee_number,
        emp.c.given_name,
        emp.c.family_name,
        emp.c.department,
        emp.c.unit,
        app_.c.role,
        app_.c.eligible,
    )
    .select_from(
        app_.join(
            emp,
            sa.and_(
                emp.c.organization_id == app_.c.organization_id, emp.c.id == app_.c.employee_id
            ),
        ).join(
            coh,
            sa.and_(coh.c.organization_id == app_.c.organization_id, coh.c.id == app_.c.cohort_id),
        )
    )
    .where(app_.c.organization_id == _ORG, sa.or_(_COHORT.is_(None), app_.c.cohort_id == _COHORT2))
    .order_by(coh.c.name, emp.c.employee_number, app_.c.role)
)

_mentee, _mentor = emp.alias("mentee"), emp.alias("mentor")
MENTORSHIPS = compile_statement(
    sa.select(
        men.c.id,
        men.c.cohort_id,
        _mentee.c.employee_number,
        _mentor.c.employee_number,
        men.c.state,
        men.c.starts_on,
        men.c.ends_on,
        men.c.checkpoint_due_on,
    )
    .select_from(
        men.join(
            _mentee,
            sa.and_(
                _mentee.c.organization_id == men.c.organization_id, _mentee.c.id == men.c.mentee_id
            ),
        ).join(
            _mentor,
            sa.and_(
                _mentor.c.organization_id == men.c.organization_id, _mentor.c.id == men.c.mentor_id
            ),
        )
    )
    .where(men.c.organization_id == _ORG, sa.or_(_COHORT.is_(None), men.c.cohort_id == _COHORT2))
    .order_by(men.c.starts_on, _mentee.c.employee_number)
)
