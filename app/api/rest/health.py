"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import Readiness

router = APIRouter(tags=["health"])


@router.get("/healthz", operation_id="healthz")
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


@router.get("/readyz", operation_id="readyz")
async def readyz(state: Readiness) -> JSONResponse:
    """The database answers and its schema is at the migration head (else 503)."""
    return JSONResponse(state, status_code=200 if state["ready"] else 503)
