"""Tables of running a mentorship (on the shared metadata)."""

from __future__ import annotations

import sqlalchemy as sa  # noqa: F401
from sqlalchemy.dialects import postgresql as pg  # noqa: F401

from app.adapters.db.tables import metadata  # noqa: F401
