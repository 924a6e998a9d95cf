"""Repository of the integrations area, one module per concept. Every statement is scoped to
one organisation, except the delivery worker's queue, which an administrative unit of work
reads across them."""

from __future__ import annotations

from app.adapters.db.repositories.integrations.hr_changes import SqlHrChangeRecords
from app.adapters.db.repositories.integrations.roster import SqlRosterFacts
from app.adapters.db.repositories.integrations.scim import SqlScimRecords
from app.adapters.db.repositories.integrations.webhook_deliveries import SqlWebhookDeliveries
from app.adapters.db.repositories.integrations.webhook_endpoints import SqlWebhookEndpoints


class SqlIntegrationRepository(
    SqlWebhookEndpoints,
    SqlWebhookDeliveries,
    SqlScimRecords,
    SqlHrChangeRecords,
    SqlRosterFacts,
):
    """Webhooks, SCIM, HR-change flags and roster facts of one organisation."""


__all__ = ["SqlIntegrationRepository"]
