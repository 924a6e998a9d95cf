"""Tables of running a mentorship (on the shared metadata).

Each mentorship's lifecycle details live in `mentorship_progress`, beside the programs
area's `mentorships` row (whose `state` column alone this area changes). Confidential
content (meeting notes, journal entries, evaluation free text, agreement terms) is stored
here and only ever returned through the confidentiality rules.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from app.adapters.db.tables import metadata, moment_column
from app.adapters.db.tables import organization_id_column as _org

_UUID = pg.UUID(as_uuid=True)


def _created_at() -> sa.Column[object]:
    return moment_column("created_at")


def _of_mentorship(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["organization_id", "mentorship_id"],
        ["mentorships.organization_id", "mentorships.id"],
        name=f"fk_{table}_mentorship",
    )


def _by_mentorship(table: str) -> sa.Index:
    return sa.Index(f"ix_{table}_organization_id_mentorship_id", "organization_id", "mentorship_id")


_EMPTY_TEXTS = sa.text("'{}'")

mentorship_progress = sa.Table(
    "mentorship_progress",
    metadata,
    _org(),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("confirmed_by", pg.ARRAY(sa.Text), nullable=False, server_default=_EMPTY_TEXTS),
    sa.Column(
        "agreement_signed_by", pg.ARRAY(sa.Text), nullable=False, server_default=_EMPTY_TEXTS
    ),
    sa.Column("evaluations_done", pg.ARRAY(sa.Text), nullable=False, server_default=_EMPTY_TEXTS),
    # "kind:side" per answer given: completion waits for each side the form names (records).
    sa.Column("evaluations_by", pg.ARRAY(sa.Text), nullable=False, server_default=_EMPTY_TEXTS),
    sa.Column(
        "checkpoint_answers", pg.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")
    ),
    sa.Column("checkpoint_outcome", sa.Text, nullable=True),
    sa.Column("rematch_proposal", pg.JSONB, nullable=True),
    sa.Column("successor_id", _UUID, nullable=True),
    sa.Column("activated_on", sa.Date, nullable=True),
    sa.Column("closed_on", sa.Date, nullable=True),
    sa.Column("closed_by", sa.Text, nullable=True),
    sa.Column("eligible_for_next_cohort", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("outcomes", pg.JSONB, nullable=True),
    # The administrator's recommendations to end the pair, to the pair (Maine, 004 exception 3).
    sa.Column(
        "termination_recommendations",
        pg.JSONB,
        nullable=False,
        server_default=sa.text("'[]'::jsonb"),
    ),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
    sa.PrimaryKeyConstraint("organization_id", "mentorship_id"),
    _of_mentorship("mentorship_progress"),
)

agreements = sa.Table(
    "agreements",
    metadata,
    _org(),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("terms", pg.JSONB, nullable=False),
    sa.Column("written_by", _UUID, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "mentorship_id", "version"),
    _of_mentorship("agreements"),
)

agreement_signatures = sa.Table(
    "agreement_signatures",
    metadata,
    _org(),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("party", sa.Text, nullable=False),
    sa.Column("signed_by", _UUID, nullable=False),
    sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint("organization_id", "mentorship_id", "version", "party"),
    sa.ForeignKeyConstraint(
        ["organization_id", "mentorship_id", "version"],
        ["agreements.organization_id", "agreements.mentorship_id", "agreements.version"],
        name="fk_agreement_signatures_agreement",
    ),
)

meetings = sa.Table(
    "meetings",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("held_on", sa.Date, nullable=False),
    sa.Column("hours", sa.Float, nullable=False),
    sa.Column("topics", pg.ARRAY(sa.Text), nullable=False, server_default=_EMPTY_TEXTS),
    sa.Column("goal_id", _UUID, nullable=True),
    sa.Column("competency", sa.Text, nullable=True),
    sa.Column("observations", sa.Text, nullable=True),
    sa.Column("follow_ups", sa.Text, nullable=True),
    sa.Column("notes", sa.Text, nullable=True),
    sa.Column("logged_by", _UUID, nullable=False),
    sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("cancelled_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("cancelled_by", _UUID, nullable=True),
    # Face to face (in person, virtual) or a check-in (phone, email); NULL: not stated (003).
    sa.Column("mode", sa.Text, nullable=True),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _of_mentorship("meetings"),
    # In date order within each pair: the latest meeting is one index step (read backwards).
    sa.Index(
        "ix_meetings_organization_id_mentorship_id_held_on",
        "organization_id",
        "mentorship_id",
        "held_on",
        "created_at",
        "id",
    ),
    sa.CheckConstraint("hours >= 0 AND hours <= 24", name="hours_in_a_day"),
    sa.CheckConstraint("mode IN ('in_person', 'virtual', 'phone', 'email')", name="meeting_mode"),
)

journal_entries = sa.Table(
    "journal_entries",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("author_id", _UUID, nullable=False),
    sa.Column("entry_on", sa.Date, nullable=False),
    sa.Column("entry", pg.JSONB, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _of_mentorship("journal_entries"),
    _by_mentorship("journal_entries"),
)

goals = sa.Table(
    "goals",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("parent_id", _UUID, nullable=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("progress", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("outcome", sa.Text, nullable=True),
    sa.Column("comments", pg.JSONB, nullable=False, server_default=sa.text("'[]'::jsonb")),
    sa.Column("smart", pg.JSONB, nullable=True),  # NC's SMART fields (records)
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _of_mentorship("goals"),
    _by_mentorship("goals"),
    sa.CheckConstraint("progress >= 0 AND progress <= 100", name="progress_percent"),
)

evaluations = sa.Table(
    "evaluations",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("respondent_id", _UUID, nullable=False),
    sa.Column("party", sa.Text, nullable=False),
    sa.Column("scores", pg.JSONB, nullable=False),
    sa.Column("free_text", sa.Text, nullable=True),
    sa.Column("submitted_on", sa.Date, nullable=False),
    # The answers item by item, and the version of the form they were given under (records).
    sa.Column("answers", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("form_version", sa.Integer, nullable=True),
    # The period the answer was given for, so later calendar and term edits never move it.
    sa.Column("period_number", sa.Integer, nullable=True),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _of_mentorship("evaluations"),
    _by_mentorship("evaluations"),
)

disclosures = sa.Table(
    "disclosures",
    metadata,
    _org(),
    sa.Column("id", _UUID, nullable=False),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("by_id", _UUID, nullable=False),
    sa.Column("by_party", sa.Text, nullable=False),
    sa.Column("recipients", pg.JSONB, nullable=False),
    sa.Column("about_id", _UUID, nullable=False),
    sa.Column("parts", pg.ARRAY(sa.Text), nullable=False, server_default=_EMPTY_TEXTS),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("purpose", sa.Text, nullable=False),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("protege_consent", sa.Boolean, nullable=False),
    sa.Column("protege_informed", sa.Boolean, nullable=False),
    # The protege's own acts (records): their answer to a request, their acknowledgement.
    sa.Column("consent", sa.Text, nullable=False, server_default=sa.text("'not_needed'")),
    sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("meeting_ids", pg.ARRAY(_UUID), nullable=False, server_default=_EMPTY_TEXTS),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    _of_mentorship("disclosures"),
    _by_mentorship("disclosures"),
)

# One row per deadline announced: `mentoring tick` emits each due date's event once.
deadline_notices = sa.Table(
    "deadline_notices",
    metadata,
    _org(),
    sa.Column("mentorship_id", _UUID, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("due_on", sa.Date, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "mentorship_id", "kind", "due_on"),
    _of_mentorship("deadline_notices"),
)

# Charlotte's luncheons: a cohort's groups of mentees, and each group's host per luncheon.
luncheon_groups = sa.Table(
    "luncheon_groups",
    metadata,
    _org(),
    sa.Column("cohort_id", _UUID, nullable=False),
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("mentee_ids", pg.ARRAY(_UUID), nullable=False),
    sa.Column("host_ids", pg.ARRAY(_UUID), nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "cohort_id", "number"),
    sa.ForeignKeyConstraint(
        ["organization_id", "cohort_id"],
        ["cohorts.organization_id", "cohorts.id"],
        name="fk_luncheon_groups_cohort",
    ),
)

# A person's calendar feed: the URL carries a secret; only its hash is kept.
calendar_feeds = sa.Table(
    "calendar_feeds",
    metadata,
    _org(),
    sa.Column("employee_id", _UUID, nullable=False),
    sa.Column("secret_hash", pg.BYTEA, nullable=False),
    _created_at(),
    sa.PrimaryKeyConstraint("organization_id", "employee_id"),
    sa.UniqueConstraint("organization_id", "secret_hash"),
    sa.ForeignKeyConstraint(
        ["organization_id", "employee_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_calendar_feeds_employee",
    ),
)

RELATIONSHIP_TABLES = (
    "mentorship_progress",
    "agreements",
    "agreement_signatures",
    "meetings",
    "journal_entries",
    "goals",
    "evaluations",
    "disclosures",
    "deadline_notices",
    "luncheon_groups",
    "calendar_feeds",
)
