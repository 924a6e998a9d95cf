"""Tables of who takes part (issue 22): the organisation's standing mentor register."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org

_UUID = pg.UUID(as_uuid=True)

# People who volunteer to mentor, kept across cohorts (002: a list per district or division).
mentor_register = sa.Table(
    "mentor_register",
    metadata,
    _org(),
    sa.Column("employee_id", _UUID, nullable=False),
    sa.Column("division", sa.Text, nullable=True),
    sa.Column("expertise", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("availability", sa.Text, nullable=False, server_default=sa.text("''")),
    moment_column("created_at"),
    moment_column("updated_at"),
    sa.PrimaryKeyConstraint("organization_id", "employee_id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "employee_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_mentor_register_employee",
    ),
)


# Conflicts of interest a coordinator records at any time (004 "Ethics"), beside those an
# applicant declares in their application; matching refuses both.
conflicts_of_interest = sa.Table(
    "conflicts_of_interest",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("employee_id", _UUID, nullable=False),
    sa.Column("other_employee_id", _UUID, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("recorded_by", sa.Text, nullable=False),
    moment_column("recorded_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "cohort_id"],
        ["cohorts.organization_id", "cohorts.id"],
        name="fk_conflicts_of_interest_cohort",
    ),
    sa.Index("ix_conflicts_of_interest_organization_id_cohort_id", "organization_id", "cohort_id"),
)

# The selection committee's recommendations (000 "Selection Committee"): one pair per mentee
# per cohort, replaced when the committee changes its mind; the coordinator publishes them.
committee_recommendations = sa.Table(
    "committee_recommendations",
    metadata,
    _org(),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("mentee_id", _UUID, nullable=False),
    sa.Column("mentor_id", _UUID, nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=sa.text("''")),
    sa.Column("recommended_by", sa.Text, nullable=False),
    moment_column("recommended_at"),
    sa.PrimaryKeyConstraint("organization_id", "cohort_id", "mentee_id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "cohort_id"],
        ["cohorts.organization_id", "cohorts.id"],
        name="fk_committee_recommendations_cohort",
    ),
)

PEOPLE_TABLES = ("mentor_register", "conflicts_of_interest", "committee_recommendations")
