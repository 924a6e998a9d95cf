"""Tables of the records issue 23 adds (on the shared metadata): the mentors who volunteer to
host a cohort's luncheons."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org

_UUID = pg.UUID(as_uuid=True)

# Charlotte (000 "Group Learning"): "four mentors will each volunteer to host".
luncheon_volunteers = sa.Table(
    "luncheon_volunteers",
    metadata,
    _org(),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("employee_id", _UUID, nullable=False),
    moment_column("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "cohort_id", "employee_id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "cohort_id"],
        ["cohorts.organization_id", "cohorts.id"],
        name="fk_luncheon_volunteers_cohort",
    ),
    sa.ForeignKeyConstraint(
        ["organization_id", "employee_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_luncheon_volunteers_employee",
    ),
)


def _of_mentorship(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id", "mentorship_id"],
        ["mentorships.organization_id", "mentorships.id"],
        name=f"fk_{table}_mentorship",
    )


# NC (003 "Evaluation"): the coordinator's individual debrief with each participant.
debriefs = sa.Table(
    "debriefs",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("party", sa.Text, nullable=False),
    sa.Column("participant_id", _UUID, nullable=False),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("recorded_by", _UUID, nullable=True),
    sa.Column("notes", sa.Text, nullable=True),
    moment_column("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "mentorship_id", "party", name="uq_debriefs_party"),
    _of_mentorship("debriefs"),
)

# NC (003 "Expectations"): each side's monthly progress report.
progress_reports = sa.Table(
    "progress_reports",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("party", sa.Text, nullable=False),
    sa.Column("author_id", _UUID, nullable=False),
    sa.Column("month", sa.Integer, nullable=False),
    sa.Column("submitted_on", sa.Date, nullable=False),
    sa.Column("on_track", sa.Boolean, nullable=False),
    sa.Column("assignments_done", sa.Integer, nullable=False),
    sa.Column("reflections", sa.Text, nullable=True),
    moment_column("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint(
        "organization_id", "mentorship_id", "party", "month", name="uq_progress_reports_month"
    ),
    _of_mentorship("progress_reports"),
)

RECORDS_TABLES = ("luncheon_volunteers", "debriefs", "progress_reports")
