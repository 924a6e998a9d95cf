"""REST routes of running a mentorship."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/v1", tags=["mentorships"])
