"""Running a mentorship: its part of the authorization matrix."""

from __future__ import annotations

from tests.api.matrix import Op

REST: dict[tuple[str, str], Op] = {}

GRAPHQL: dict[str, tuple[str, str | None]] = {}


async def seed(client, auth) -> dict:
    return {"secrets": set(), "ids": set()}
