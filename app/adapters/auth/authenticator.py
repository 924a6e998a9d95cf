"""Turn a bearer token into a principal: our own API tokens, or an OIDC provider's JWT."""

from __future__ import annotations

from datetime import UTC, datetime

from app.adapters.auth.errors import InvalidCredentials
from app.adapters.auth.oidc import OidcVerifier
from app.adapters.auth.token_cache import TOKENS, TokenCache
from app.adapters.db.database import Database
from app.domain import api_tokens
from app.domain.access import Principal, Role
from app.domain.outbound_urls import OutboundPolicy


class Authenticator:
    def __init__(
        self,
        database: Database,
        cache: TokenCache = TOKENS,
        outbound: OutboundPolicy = OutboundPolicy(),
    ) -> None:
        self._database = database
        self._cache = cache
        self._oidc = OidcVerifier(database, outbound)

    async def authenticate(self, token: str) -> Principal:
        """The caller, or InvalidCredentials naming the check that failed."""
        if token.startswith(api_tokens.PREFIX):
            return await self._api_token(token)
        if token.count(".") == 2:
            return await self._oidc.verify(token)
        raise InvalidCredentials("the token is malformed")

    async def _api_token(self, token: str) -> Principal:
        digest = api_tokens.token_hash(token)
        if (cached := self._cache.get(digest)) is not None:
            return cached  # only a token that passed every check below is ever cached
        if not api_tokens.looks_valid(token):
            raise InvalidCredentials("the token is malformed")
        async with self._database.connect() as connection:
            row = await connection.fetchrow("SELECT * FROM authenticate_api_token($1)", digest)
        if row is None:
            raise InvalidCredentials("the token is not known")
        if row["revoked_at"] is not None:
            raise InvalidCredentials("the token has been revoked")
        if row["expires_at"] is not None and row["expires_at"] <= datetime.now(UTC):
            raise InvalidCredentials("the token has expired")
        principal = Principal(
            row["organization_id"],
            Role(row["role"]),
            f"token:{row['id']}",
            row["employee_id"],
            frozenset(row["scopes"]),
            row["id"],
        )
        self._cache.put(digest, principal, row["expires_at"])
        return principal
