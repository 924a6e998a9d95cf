"""Ports of the integrations area (idempotency, webhooks, SCIM, roster files)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from app.domain.directory import Employee
from app.domain.lifecycle.states import MentorshipState
from app.domain.webhook_delivery import DeliveryState


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    """A subscription: where an organisation's events of some types are sent, signed."""

    id: UUID
    url: str
    description: str
    event_types: tuple[str, ...]
    enabled: bool
    disabled_reason: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    previous_secret_expires_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ScimGroup:
    """An identity provider's group of provisioned people (a role group, e.g. coordinators)."""

    id: UUID
    display_name: str
    external_id: str | None
    member_ids: tuple[UUID, ...]
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class WebhookDelivery:
    """One event on its way to one endpoint."""

    id: int
    endpoint_id: UUID
    event_id: UUID
    event_type: str
    state: DeliveryState
    attempts: int
    next_attempt_at: datetime
    last_status: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class DueDelivery:
    """What the worker needs to send one delivery, secrets included."""

    organization_id: UUID
    id: int
    endpoint_id: UUID
    url: str
    secrets: tuple[str, ...]  # the current one first; a rotated one while it lasts
    event_id: UUID
    event_type: str
    payload: Mapping[str, Any]
    occurred_at: datetime
    attempts: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SendResult:
    """The receiver's answer: an HTTP status, or why there was none."""

    status: int | None
    error: str | None = None
    retry: bool = True  # False: retrying cannot help (e.g. a refused address)


@dataclass(frozen=True, slots=True)
class Attempt:
    """What the worker records after one try."""

    organization_id: UUID
    delivery_id: int
    state: DeliveryState
    next_attempt_at: datetime
    status: int | None
    error: str | None


class WebhookSender(Protocol):
    async def send(self, delivery: DueDelivery, now: datetime) -> SendResult: ...


class IntegrationRepository(Protocol):
    async def add_endpoint(self, endpoint: WebhookEndpoint, secret: str) -> None: ...
    async def endpoints(self) -> list[WebhookEndpoint]: ...
    async def endpoint(self, endpoint_id: UUID) -> WebhookEndpoint | None: ...
    async def update_endpoint(
        self, endpoint_id: UUID, version: int | None, changes: Mapping[str, Any]
    ) -> WebhookEndpoint | None: ...
    async def rotate_secret(
        self, endpoint_id: UUID, secret: str, old_expires_at: datetime
    ) -> WebhookEndpoint | None: ...
    async def remove_endpoint(self, endpoint_id: UUID) -> bool: ...
    async def deliveries(
        self, endpoint_id: UUID, *, before: int | None, limit: int, backward: bool = False
    ) -> list[WebhookDelivery]: ...
    async def redeliver(self, delivery_id: int) -> WebhookDelivery | None: ...
    async def claim_due(self, limit: int) -> list[DueDelivery]: ...
    async def record_attempts(self, attempts: Sequence[Attempt]) -> None: ...
    async def disable_endpoints(self, gone: Sequence[tuple[UUID, UUID]], reason: str) -> None: ...
    async def scim_search(
        self, condition: object, *, offset: int, limit: int
    ) -> tuple[int, list[Employee]]: ...
    async def scim_group(self, group_id: UUID) -> ScimGroup | None: ...
    async def scim_group_search(
        self, condition: object, *, offset: int, limit: int
    ) -> tuple[int, list[ScimGroup]]: ...
    async def save_scim_group(self, group: ScimGroup) -> ScimGroup: ...
    async def remove_scim_group(self, group_id: UUID) -> bool: ...
    async def open_pairs_of(
        self, employee_ids: Sequence[UUID], states: Collection[MentorshipState]
    ) -> list[OpenPair]: ...
    async def add_flag(self, flag: MentorshipFlag) -> bool: ...
    async def open_flags(self) -> list[MentorshipFlag]: ...
    async def flags_of(self, mentorship_id: UUID) -> list[MentorshipFlag]: ...
    async def resolve_flags(self, mentorship_id: UUID) -> None: ...
    async def participant_facts(self, cohort_id: UUID | None) -> list[tuple[Any, ...]]: ...
    async def mentorship_facts(self, cohort_id: UUID | None) -> list[tuple[Any, ...]]: ...


@dataclass(frozen=True, slots=True)
class OpenPair:
    mentorship_id: UUID
    mentee_id: UUID
    mentor_id: UUID
    policy: dict[str, Any]


@dataclass(frozen=True, slots=True)
class MentorshipFlag:
    """Why a running pair no longer holds; open until a coordinator acts on the pair."""

    id: UUID
    mentorship_id: UUID
    rules: tuple[str, ...]
    reasons: tuple[str, ...]
    raised_at: datetime


class SpreadsheetReader(Protocol):
    """A roster file's rows of cells (the adapter knows the file formats)."""

    def rows(self, content: bytes, file_format: str) -> list[list[Any]]: ...


class SpreadsheetWriter(Protocol):
    """Writes a table (a header row, then rows of plain values) as a file people open."""

    def csv(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes: ...
    def xlsx(self, columns: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str) -> bytes: ...
