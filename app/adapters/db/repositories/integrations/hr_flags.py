"""Statements for flags on pairs broken by HR changes (reads the programs area's
mentorships, writes only our own flags)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from app.adapters.db.sql import compile_statement
from app.adapters.db.tables_integrations import mentorship_flags as f
from app.adapters.db.tables_programs import mentorships as m

_ORG: sa.BindParameter[object] = sa.bindparam("org")

OPEN_PAIRS = compile_statement(
    sa.select(m.c.id, m.c.mentee_id, m.c.mentor_id, m.c.policy)
    .where(
        m.c.organization_id == _ORG,
        m.c.state == sa.func.any(sa.bindparam("states", type_=sa.ARRAY(sa.Text))),
        sa.or_(
            m.c.mentee_id == sa.func.any(sa.bindparam("ids", type_=sa.ARRAY(m.c.id.type))),
            m.c.mentor_id == sa.func.any(sa.bindparam("ids2", type_=sa.ARRAY(m.c.id.type))),
        ),
    )
    .order_by(m.c.id)
)
ADD_FLAG = compile_statement(
    insert(f)
    .values(
        organization_id=_ORG,
        id=sa.bindparam("id"),
        mentorship_id=sa.bindparam("mentorship_id"),
        rules=sa.bindparam("rules"),
        reasons=sa.bindparam("reasons"),
        raised_at=sa.bindparam("raised_at"),
    )
    .on_conflict_do_nothing(
        index_elements=["organization_id", "mentorship_id", "rules"],
        index_where=sa.text("resolved_at IS NULL"),
    )
    .returning(f.c.id)
)
FLAGS_OF = compile_statement(
    sa.select(f.c.id, f.c.mentorship_id, f.c.rules, f.c.reasons, f.c.raised_at)
    .where(
        f.c.organization_id == _ORG,
        f.c.mentorship_id == sa.bindparam("mentorship_id"),
        f.c.resolved_at.is_(None),
    )
    .order_by(f.c.raised_at, f.c.id)
)
RESOLVE_FLAGS = compile_statement(
    f.update()
    .where(
        f.c.organization_id == _ORG,
        f.c.mentorship_id == sa.bindparam("mentorship_id"),
        f.c.resolved_at.is_(None),
    )
    .values(resolved_at=sa.func.now())
)
OPEN_FLAGS = compile_statement(
    sa.select(f.c.id, f.c.mentorship_id, f.c.rules, f.c.reasons, f.c.raised_at)
    .where(f.c.organization_id == _ORG, f.c.resolved_at.is_(None))
    .order_by(f.c.raised_at.desc(), f.c.id)
    .limit(sa.literal_column("500"))
)
