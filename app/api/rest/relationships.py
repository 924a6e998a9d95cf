"""REST routes of running a mentorship, made of the concept modules."""

from __future__ import annotations

from app.api.rest import (
    relationship_calendar,
    relationship_disclosures,
    relationship_goals,
    relationship_lifecycle,
    relationship_records,
    relationship_reports,
)

# In matching order (see `app.main.create_app`).
routers = (
    relationship_lifecycle.router,
    relationship_records.router,
    relationship_goals.router,
    relationship_disclosures.router,
    relationship_reports.router,
    relationship_calendar.router,
)
