"""Liveness and readiness probes."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.api.deps import Readiness

router = APIRouter(tags=["health"])


@router.get(
    "/healthz",
    operation_id="healthz",
    responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}},
)
async def healthz() -> dict[str, str]:
    """The process is up."""
    return {"status": "ok"}


_READY = {"ready": True, "database": "reachable", "revision": "runjobs0001", "head": "runjobs0001"}


@router.get(
    "/readyz",
    operation_id="readyz",
    responses={200: {"content": {"application/json": {"example": _READY}}}},
)
async def readyz(state: Readiness) -> JSONResponse:
    """The database answers and its schema is at the migration head (else 503)."""
    return JSONResponse(state, status_code=200 if state["ready"] else 503)
