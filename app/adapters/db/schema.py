"""Every table module, imported once so Alembic (autogenerate, `alembic check`) sees them all.

Each area keeps its tables in its own module on the shared `metadata`; add new modules here.
"""

from app.adapters.db import (
    tables,
    tables_integrations,
    tables_people,
    tables_programs,
    tables_records,
    tables_relationships,
)
from app.adapters.db.tables import metadata

__all__ = [
    "metadata",
    "tables",
    "tables_integrations",
    "tables_people",
    "tables_programs",
    "tables_records",
    "tables_relationships",
]
