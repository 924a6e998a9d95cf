"""REST shapes of the integrations area: webhook endpoints and their deliveries."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.api.pagination import Page
from app.api.rest.examples import integrations as ex

_URL = r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[!-~]*)?$"
EventType = Annotated[str, Field(pattern=r"^(\*|[a-z_]+\.[a-z_]+)$", max_length=100)]

_TYPES = (
    "Event types, e.g. `employee.updated`, `mentorship.activated`, `deadline.due` (the "
    "document's `webhooks` list every one, with its payload); `*` for every event"
)


class WebhookEndpointCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "url": "https://hr.example.org/hooks/mentoring",
                    "event_types": ["mentorship.activated", "meeting.logged"],
                    "description": "HRIS sync",
                }
            ]
        },
    )

    url: str = Field(max_length=2000, pattern=_URL, description="Where events are POSTed")
    event_types: list[EventType] = Field(min_length=1, max_length=50, description=_TYPES)
    description: str = Field(default="", max_length=500)


class WebhookEndpointUpdate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"event_types": ["*"], "enabled": True}]}
    )

    url: str | None = Field(default=None, max_length=2000, pattern=_URL)
    event_types: list[EventType] | None = Field(default=None, min_length=1, max_length=50)
    description: str | None = Field(default=None, max_length=500)
    enabled: bool | None = Field(default=None, description="Re-enable after a 410, or pause")


class WebhookEndpointRead(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "id": "c0ffee00-1234-4abc-9def-0123456789ab",
                    "url": "https://hr.example.org/hooks/mentoring",
                    "description": "HRIS sync",
                    "event_types": ["meeting.logged", "mentorship.activated"],
                    "enabled": False,
                    "disabled_reason": "the receiver answered 410 Gone",
                    "version": 1,
                    "created_at": "2027-01-04T09:30:00Z",
                    "updated_at": "2027-01-04T09:30:00Z",
                    "previous_secret_expires_at": "2027-01-05T09:30:00Z",
                }
            ]
        },
    )

    id: UUID
    url: str
    description: str
    event_types: list[str]
    enabled: bool
    disabled_reason: str | None = Field(description="Why deliveries stopped, if they did")
    version: int = Field(description="Also the `ETag`; send it back in `If-Match`")
    created_at: datetime
    updated_at: datetime
    previous_secret_expires_at: datetime | None = Field(
        description="Until then, the rotated-out secret signs too"
    )


class WebhookEndpointPageRead(Page[WebhookEndpointRead]):
    """The organisation's subscriptions."""


class WebhookEndpointSecretRead(WebhookEndpointRead):
    model_config = ConfigDict(json_schema_extra=ex.WEBHOOK_ENDPOINT_SECRET_READ)

    secret: str = Field(
        description="The signing secret (`whsec_...`): shown at creation and rotation only"
    )


class WebhookDeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.WEBHOOK_DELIVERY_READ)

    id: int
    endpoint_id: UUID
    event_id: UUID = Field(description="The `webhook-id` header: the same on every retry")
    event_type: str
    state: str = Field(description="pending, delivered or failed")
    attempts: int
    next_attempt_at: datetime
    last_status: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


class WebhookDeliveryPageRead(Page[WebhookDeliveryRead]):
    """Deliveries, newest first."""


class WebhookPingRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.WEBHOOK_PING_READ)

    event_id: UUID


class RosterRowErrorRead(BaseModel):
    row: int = Field(
        description="Data row of the file, counting from 1 after the header; 0: the whole file"
    )
    employee_number: str | None
    field: str | None
    reason: str


class RosterImportRead(BaseModel):
    model_config = ConfigDict(json_schema_extra=ex.ROSTER_IMPORT_READ)

    dry_run: bool = Field(description="True: nothing was stored; the counts say what would be")
    rows: int
    created: int
    updated: int
    unchanged: int
    errors: list[RosterRowErrorRead]
    ignored_columns: list[str] = Field(description="Columns that match no employee field")


class MentorshipFlagRead(BaseModel):
    model_config = ConfigDict(from_attributes=True, json_schema_extra=ex.MENTORSHIP_FLAG_READ)

    id: UUID
    mentorship_id: UUID
    rules: list[str] = Field(description="The hard rules the pair breaks now, or someone_left")
    reasons: list[str]
    raised_at: datetime


class MentorshipFlagPageRead(Page[MentorshipFlagRead]):
    """A page of mentorship flags."""
