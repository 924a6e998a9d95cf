"""Tables of the programs area (on the shared metadata).

Free-form answers (self-assessments, mentor profiles, eligibility decisions, run results)
are JSONB: they are read and written whole, never filtered on.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.sql import literals
from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org
from app.domain.matching.run_state import PENDING, RunState


def _created_at() -> sa.Column[object]:
    return moment_column("created_at")


def _refers(table: str, column: str, name: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id", column], [f"{table}.organization_id", f"{table}.id"], name=name
    )


_JSON_OBJECT = sa.text("'{}'::jsonb")
_UUID = pg.UUID(as_uuid=True)

programs = sa.Table(
    "programs",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("preset", sa.Text, nullable=False),
    sa.Column("policy_version", sa.Integer, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
)

# Every version of every program's policy is kept: mentorships name the one they started under.
program_policies = sa.Table(
    "program_policies",
    metadata,
    _org(),
    sa.Column("program_id", _UUID, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("policy", pg.JSONB, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "program_id", "version"),
    _refers("programs", "program_id", "fk_program_policies_program"),
)

cohorts = sa.Table(
    "cohorts",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("program_id", _UUID, nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=True),
    sa.Column("applications_close_on", sa.Date, nullable=True),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _refers("programs", "program_id", "fk_cohorts_program"),
    sa.Index("ix_cohorts_organization_id_program_id_id", "organization_id", "program_id", "id"),
)

cohort_events = sa.Table(
    "cohort_events",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=True),
    sa.Column("attendees", pg.ARRAY(_UUID), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("excused", pg.ARRAY(_UUID), nullable=False, server_default=sa.text("'{}'")),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _refers("cohorts", "cohort_id", "fk_cohort_events_cohort"),
    sa.Index("ix_cohort_events_organization_id_cohort_id", "organization_id", "cohort_id"),
)

applications = sa.Table(
    "applications",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("employee_id", _UUID, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("profile", pg.JSONB, nullable=False, server_default=_JSON_OBJECT),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("supervisor_approval", sa.Text, nullable=True),
    sa.Column("overrides", pg.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
    sa.Column("eligible", sa.Boolean, nullable=False),
    sa.Column("eligibility", pg.JSONB, nullable=False),
    _created_at(),
    sa.Column(
        "evaluated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "cohort_id", "employee_id"),
    _refers("cohorts", "cohort_id", "fk_applications_cohort"),
    _refers("employees", "employee_id", "fk_applications_employee"),
    sa.Index("ix_applications_organization_id_employee_id", "organization_id", "employee_id"),
    # The cohort's list pages in the order applications came (keyset).
    sa.Index(
        "ix_applications_organization_id_cohort_id_created_at",
        "organization_id",
        "cohort_id",
        "created_at",
        "id",
    ),
    sa.CheckConstraint("role IN ('mentee', 'mentor')", name="role"),
    sa.CheckConstraint("capacity >= 0", name="capacity_not_negative"),
)

# A coordinator's fixed pair: every later run of the cohort keeps it.
match_locks = sa.Table(
    "match_locks",
    metadata,
    _org(),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("mentee_id", _UUID, nullable=False),
    sa.Column("mentor_id", _UUID, nullable=False),
    sa.Column("locked_by", sa.Text, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "cohort_id", "mentee_id"),
    _refers("cohorts", "cohort_id", "fk_match_locks_cohort"),
)

matching_runs = sa.Table(
    "matching_runs",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("policy_version", sa.Integer, nullable=False),
    sa.Column("result", pg.JSONB, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    _created_at(),
    sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
    # Background computation (see services/matching/run_jobs.py): when it was last claimed
    # and ended, why it failed (a problem document), and how many times it was claimed.
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("failure", pg.JSONB, nullable=True),
    sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _refers("cohorts", "cohort_id", "fk_matching_runs_cohort"),
    sa.Index("ix_matching_runs_organization_id_cohort_id_id", "organization_id", "cohort_id", "id"),
    # The queue of runs to compute, across organisations: only pending rows, so it stays small.
    sa.Index(
        "ix_matching_runs_pending",
        "created_at",
        postgresql_where=sa.text(f"state IN ({literals(PENDING)})"),
    ),
    sa.CheckConstraint(f"state IN ({literals(RunState)})", name="state"),
)

mentorships = sa.Table(
    "mentorships",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("mentee_id", _UUID, nullable=False),
    sa.Column("mentor_id", _UUID, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("formed_by", sa.Text, nullable=False),
    sa.Column("matching_run_id", _UUID, nullable=True),
    sa.Column("starts_on", sa.Date, nullable=False),
    sa.Column("ends_on", sa.Date, nullable=False),
    sa.Column("checkpoint_due_on", sa.Date, nullable=True),
    sa.Column("policy_version", sa.Integer, nullable=False),
    sa.Column("policy", pg.JSONB, nullable=False),  # the snapshot it lives under
    sa.Column("explanation", pg.JSONB, nullable=False, server_default=_JSON_OBJECT),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _refers("cohorts", "cohort_id", "fk_mentorships_cohort"),
    _refers("employees", "mentee_id", "fk_mentorships_mentee"),
    _refers("employees", "mentor_id", "fk_mentorships_mentor"),
    _refers("matching_runs", "matching_run_id", "fk_mentorships_matching_run"),
    sa.Index("ix_mentorships_organization_id_mentee_id", "organization_id", "mentee_id"),
    sa.Index("ix_mentorships_organization_id_mentor_id", "organization_id", "mentor_id"),
    sa.Index("ix_mentorships_organization_id_cohort_id", "organization_id", "cohort_id"),
)

PROGRAM_TABLES = (
    "programs",
    "program_policies",
    "cohorts",
    "cohort_events",
    "applications",
    "match_locks",
    "matching_runs",
    "mentorships",
)
