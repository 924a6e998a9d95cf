"""Ports of the integrations area (idempotency, webhooks, SCIM, roster files)."""

from __future__ import annotations

from typing import Protocol


class IntegrationRepository(Protocol):
    pass
