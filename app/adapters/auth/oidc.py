"""Bearer JWTs from an organisation's identity provider (OIDC), verified against its JWKS.

Only asymmetric algorithms are accepted (never `none`, never HS* for a JWKS issuer); `exp`,
`nbf`, `iss` and `aud` are checked; the key set is cached by PyJWKClient and fetched in a
thread so a slow identity provider never blocks the event loop. Each fetch first passes the
outbound URL guard (the same as webhooks'), against what the host resolves to then. A key
the set does not hold (a rotation) makes PyJWKClient fetch the set again, at most once per
cooldown; keys are not cached one by one, so a re-used `kid` takes its new key with the
next fetch of the set rather than never.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import jwt
from jwt import PyJWKClient

from app.adapters.auth.errors import InvalidCredentials
from app.adapters.db.database import Database
from app.adapters.db.unit_of_work import SqlUnitOfWork
from app.adapters.outbound import refused_address_sync
from app.domain.access import OidcIssuer, Principal, Role
from app.domain.outbound_urls import OutboundPolicy

ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA"]
ISSUER_TTL_SECONDS = 60.0
KEY_SET_LIFESPAN_SECONDS = 300.0
# How soon after a fetch an unknown `kid` may fetch the set again: tokens naming made-up
# keys cannot make the service hammer the identity provider.
REFRESH_COOLDOWN_SECONDS = 30.0
_MESSAGES: list[tuple[type[jwt.PyJWTError], str]] = [
    (jwt.ExpiredSignatureError, "the token has expired"),
    (jwt.ImmatureSignatureError, "the token is not valid yet"),
    (jwt.InvalidSignatureError, "the token's signature does not verify"),
    (jwt.InvalidAudienceError, "the token is not for this service"),
    (jwt.InvalidIssuerError, "the token's issuer is not registered"),
    (jwt.PyJWKClientConnectionError, "the issuer's key set could not be fetched"),
    (jwt.PyJWKClientError, "the token's signing key is not in the issuer's key set"),
]


class GuardedKeySet(PyJWKClient):
    """PyJWKClient whose every fetch first passes the outbound URL guard (it runs in a worker
    thread, so the guard resolves the host synchronously there)."""

    def __init__(self, uri: str, outbound: OutboundPolicy, cooldown: float) -> None:
        super().__init__(
            uri, lifespan=KEY_SET_LIFESPAN_SECONDS, timeout=5, cooldown_duration=cooldown
        )
        self.outbound = outbound

    def fetch_data(self) -> Any:
        if why := refused_address_sync(self.uri, self.outbound):
            raise jwt.PyJWKClientConnectionError(why)
        return super().fetch_data()


class OidcVerifier:
    def __init__(
        self,
        database: Database,
        outbound: OutboundPolicy = OutboundPolicy(),
        refresh_cooldown: float = REFRESH_COOLDOWN_SECONDS,
    ) -> None:
        self._database = database
        self._outbound = outbound
        self.refresh_cooldown = refresh_cooldown
        self._clients: dict[str, PyJWKClient] = {}
        self._issuers: dict[str, tuple[float, list[OidcIssuer]]] = {}
        self._organization_of: dict[tuple[str, str], Any] = {}

    async def verify(self, token: str) -> Principal:
        """The principal a provider's token names, or InvalidCredentials saying why not."""
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError:
            raise InvalidCredentials("the token is malformed") from None
        if header.get("alg") not in ALGORITHMS:
            raise InvalidCredentials("the token's signing algorithm is not accepted")
        issuer = await self._issuer_for(str(unverified.get("iss", "")), unverified.get("aud"))
        try:
            key = await asyncio.to_thread(
                self._client(issuer.jwks_url).get_signing_key_from_jwt, token
            )
            claims = jwt.decode(
                token,
                key.key,
                algorithms=ALGORITHMS,
                audience=issuer.audience,
                issuer=issuer.issuer,
                leeway=30,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as error:
            message = next(
                (m for t, m in _MESSAGES if isinstance(error, t)), "the token is invalid"
            )
            raise InvalidCredentials(message) from None
        return await self._principal(issuer, claims)

    def _client(self, jwks_url: str) -> PyJWKClient:
        if jwks_url not in self._clients:
            self._clients[jwks_url] = GuardedKeySet(jwks_url, self._outbound, self.refresh_cooldown)
        return self._clients[jwks_url]

    async def _issuer_for(self, iss: str, aud: object) -> OidcIssuer:
        cached = self._issuers.get(iss)
        if cached is None or cached[0] <= time.monotonic():
            async with self._database.connect() as connection:
                rows = await connection.fetch("SELECT * FROM oidc_issuers_for($1)", iss)
            issuers = [_issuer(r) for r in rows]
            for row, issuer in zip(rows, issuers, strict=True):
                self._organization_of[(issuer.issuer, issuer.audience)] = row["organization_id"]
            cached = (time.monotonic() + ISSUER_TTL_SECONDS, issuers)
            self._issuers[iss] = cached
        audiences = {aud} if isinstance(aud, str) else set(aud) if isinstance(aud, list) else set()
        for issuer in cached[1]:
            if issuer.audience in audiences:
                return issuer
        if cached[1]:
            raise InvalidCredentials("the token is not for this service")
        raise InvalidCredentials("the token's issuer is not registered")

    async def _principal(self, issuer: OidcIssuer, claims: dict[str, Any]) -> Principal:
        organization_id = self._organization_of[(issuer.issuer, issuer.audience)]
        try:
            role = (
                Role(claims[issuer.role_claim])
                if issuer.role_claim in claims
                else issuer.default_role
            )
        except ValueError:
            role = None
        if role is None:
            raise InvalidCredentials("the token carries no role this service knows")
        employee_id = None
        if number := claims.get(issuer.employee_claim):
            async with SqlUnitOfWork(self._database, organization_id) as uow:
                employee = await uow.employees.by_number(str(number))
            employee_id = employee.id if employee else None
        if employee_id is None and role in (Role.PARTICIPANT, Role.SUPERVISOR):
            raise InvalidCredentials("the token's employee is not in the directory")
        return Principal(
            organization_id,
            role,
            f"oidc:{claims['sub']}",
            employee_id,
            frozenset(str(claims.get("scope", "")).split()),
        )


def _issuer(row: Any) -> OidcIssuer:
    return OidcIssuer(
        row["id"],
        row["issuer"],
        row["audience"],
        row["jwks_url"],
        row["role_claim"],
        row["employee_claim"],
        Role(row["default_role"]) if row["default_role"] else None,
    )
