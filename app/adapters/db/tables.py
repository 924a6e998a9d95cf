"""The schema, as SQLAlchemy Core tables. Alembic autogenerates against this metadata.

Every tenant-owned table carries `organization_id`, leading its keys and indexes, so the
schema can later be distributed by organisation without a rewrite.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata = sa.MetaData(naming_convention=NAMING)


def moment_column(name: str) -> sa.Column[object]:
    """A timezone-aware timestamp set by the database when the row is written."""
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now())


def _timestamps() -> list[sa.Column[object]]:
    return [moment_column("created_at"), moment_column("updated_at")]


def organization_id_column() -> sa.Column[object]:
    """The tenant column every tenant table leads its keys with."""
    return sa.Column(
        "organization_id", pg.UUID(as_uuid=True), sa.ForeignKey("organizations.id"), nullable=False
    )


organizations = sa.Table(
    "organizations",
    metadata,
    sa.Column("id", pg.UUID(as_uuid=True), primary_key=True),
    sa.Column("slug", sa.Text, nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    # One mentor's open pairs in all the organisation's programs together (NULL: no cap).
    sa.Column("max_open_pairs_per_mentor", sa.Integer, nullable=True),
    sa.Column("version", sa.Integer, nullable=False, server_default=sa.text("1")),
    *_timestamps(),
    sa.CheckConstraint(
        "max_open_pairs_per_mentor IS NULL OR max_open_pairs_per_mentor >= 1",
        name="max_open_pairs_per_mentor_at_least_one",
    ),
)

employees = sa.Table(
    "employees",
    metadata,
    organization_id_column(),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("employee_number", sa.Text, nullable=False),
    sa.Column("given_name", sa.Text, nullable=False),
    sa.Column("family_name", sa.Text, nullable=False),
    sa.Column("email", sa.Text, nullable=True),
    sa.Column("job_title", sa.Text, nullable=True),
    sa.Column("level", sa.Integer, nullable=False),
    sa.Column("department", sa.Text, nullable=False),
    sa.Column("unit", sa.Text, nullable=True),
    # The reference as HR sent it; `manager_id` is filled once that employee exists.
    sa.Column("manager_employee_number", sa.Text, nullable=True),
    sa.Column("manager_id", pg.UUID(as_uuid=True), nullable=True),
    sa.Column("hire_date", sa.Date, nullable=True),
    sa.Column("employment_status", sa.Text, nullable=False),
    sa.Column("in_good_standing", sa.Boolean, nullable=False),
    sa.Column("attributes", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    *_timestamps(),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "employee_number"),
    sa.ForeignKeyConstraint(
        ["organization_id", "manager_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_employees_manager",
    ),
    sa.CheckConstraint(
        "employment_status IN ('active', 'leave', 'inactive')", name="employment_status"
    ),
    sa.CheckConstraint("level >= 0", name="level_not_negative"),
    sa.Index("ix_employees_organization_id_manager_id", "organization_id", "manager_id"),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    organization_id_column(),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("hint", sa.Text, nullable=False),  # the first characters, to tell tokens apart
    sa.Column(
        "token_hash", sa.LargeBinary, nullable=False, unique=True
    ),  # SHA-256, never the token
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("employee_id", pg.UUID(as_uuid=True), nullable=True),
    sa.Column("scopes", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'::text[]")),
    sa.Column("created_by", sa.Text, nullable=False),
    moment_column("created_at"),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.ForeignKeyConstraint(
        ["organization_id", "employee_id"],
        ["employees.organization_id", "employees.id"],
        name="fk_api_tokens_employee",
    ),
)

oidc_issuers = sa.Table(
    "oidc_issuers",
    metadata,
    organization_id_column(),
    sa.Column("id", pg.UUID(as_uuid=True), nullable=False),
    sa.Column("issuer", sa.Text, nullable=False),
    sa.Column("audience", sa.Text, nullable=False),
    sa.Column("jwks_url", sa.Text, nullable=False),
    sa.Column("role_claim", sa.Text, nullable=False),
    sa.Column("employee_claim", sa.Text, nullable=False),
    sa.Column("default_role", sa.Text, nullable=True),
    moment_column("created_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("issuer", "audience"),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
    organization_id_column(),
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), nullable=False),
    moment_column("occurred_at"),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("actor_role", sa.Text, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("resource_type", sa.Text, nullable=False),
    sa.Column("resource_id", sa.Text, nullable=True),
    sa.Column("reason", sa.Text, nullable=True),
    sa.Column("request_id", sa.Text, nullable=True),
    # Facts about the change (counts, fields touched), never confidential content.
    sa.Column("details", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    # Before sealing (app.adapters.db.audit_seals): HMAC of the previous record's chain_hash
    # and this record. Since: NULL, and `record_mac` is an HMAC of this record alone.
    sa.Column("chain_hash", sa.Text, nullable=True),
    sa.Column("record_mac", sa.Text, nullable=True),
    sa.PrimaryKeyConstraint("organization_id", "id"),
    sa.UniqueConstraint("organization_id", "record_mac"),
)

# Audit records written but not yet sealed: queued by the writer, taken by the sealer.
audit_unsealed = sa.Table(
    "audit_unsealed",
    metadata,
    organization_id_column(),
    sa.Column("event_id", sa.BigInteger, nullable=False),
    sa.PrimaryKeyConstraint("organization_id", "event_id"),
)

# Each seal: the records it sealed (ids and MACs, in order) and an HMAC linking it to the
# organisation's previous seal.
audit_seals = sa.Table(
    "audit_seals",
    metadata,
    organization_id_column(),
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), nullable=False),
    moment_column("sealed_at"),
    sa.Column("event_ids", pg.ARRAY(sa.BigInteger), nullable=False),
    sa.Column("record_macs", pg.ARRAY(sa.Text), nullable=False),
    sa.Column("chain_hash", sa.Text, nullable=False),
    sa.PrimaryKeyConstraint("organization_id", "id"),
)

# Events are written here in the same transaction as the change that caused them; the
# webhook worker delivers them (transactional outbox).
outbox_events = sa.Table(
    "outbox_events",
    metadata,
    organization_id_column(),
    sa.Column("id", sa.BigInteger, sa.Identity(always=True), nullable=False),
    sa.Column("event_id", pg.UUID(as_uuid=True), nullable=False, unique=True),
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("payload", pg.JSONB, nullable=False),
    moment_column("occurred_at"),
    sa.PrimaryKeyConstraint("organization_id", "id"),
)
