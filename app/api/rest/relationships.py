"""REST routes of running a mentorship (one router, made of the concept modules)."""

from __future__ import annotations

from fastapi import APIRouter

from app.api.rest import (
    relationship_calendar,
    relationship_lifecycle,
    relationship_records,
    relationship_reports,
)

router = APIRouter(prefix="/v1", tags=["mentorships"])
router.include_router(relationship_lifecycle.router)
router.include_router(relationship_records.router)
router.include_router(relationship_reports.router)
router.include_router(relationship_calendar.router)
