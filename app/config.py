"""Settings from the environment (prefix-free names, as twelve-factor apps expect)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.domain.outbound_urls import OutboundPolicy

DEVELOPMENT_SECRET = "development-only-secret-change-me-0123456789"  # noqa: S105 (refused outside dev)


class Settings(BaseSettings):
    """Everything the service reads from its environment."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str | None = Field(default=None, description="PostgreSQL URL; unset = embedded")
    data_dir: Path = Path(".mentoring")
    secret_key: str = DEVELOPMENT_SECRET
    db_pool_size: int = 10
    app_database_url: str | None = Field(
        default=None,
        description="How the application connects (a role that owns nothing); by default the "
        "DATABASE_URL with the user replaced by mentoring_app",
    )
    app_database_password: str | None = None
    rate_limit: str | None = Field(default="1200/minute", description="Per token; empty = off")
    rate_limit_storage: str = "memory://"
    background_work: bool = Field(
        default=True,
        description="Run webhook delivery, deadlines and purges inside `serve` (once across "
        "its processes); off when `mentoring worker` runs them on its own",
    )
    matching_background_above: int = Field(
        default=2000,
        ge=0,
        description="A matching run for a cohort of more applications than this is queued "
        "for the background and answered 202 (as with `Prefer: respond-async`)",
    )
    # Every URL the server calls (webhooks, identity providers' key sets) may then be on a
    # private or loopback address: local receivers and tests only.
    webhook_allow_private_addresses: bool = False
    log_level: str = "INFO"
    otel_exporter_otlp_endpoint: str | None = None
    max_body_bytes: int = 1024 * 1024  # bulk imports allow more: see IMPORT_MAX_BODY_BYTES
    graphql_max_depth: int = 10
    graphql_max_aliases: int = 15
    graphql_max_tokens: int = 2000
    graphql_max_cost: int = 20_000

    @model_validator(mode="after")
    def _refuse_default_secret_in_production(self) -> Settings:
        if self.environment == "production" and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("SECRET_KEY must be set to a real secret in production")
        return self

    @property
    def outbound_policy(self) -> OutboundPolicy:
        """The outbound URL guard's strictness: plain http is for development and tests."""
        return OutboundPolicy(
            require_https=self.environment == "production",
            allow_private_addresses=self.webhook_allow_private_addresses,
        )

    @cached_property
    def pgdata(self) -> Path:
        return (self.data_dir / "pgdata").resolve()
