"""Signed development tokens (HS256 JWTs) until real API tokens and OIDC arrive.

They carry the organisation and role; the secret is the service's SECRET_KEY, which the
settings refuse to leave at its default outside development.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import jwt

from app.domain.access import Principal, Role

ISSUER = "mentoring-dev"
AUDIENCE = "mentoring-api"
ALGORITHM = "HS256"


class InvalidToken(Exception):
    """The token cannot be trusted; the message says why, in a few safe words."""


def mint(principal: Principal, secret: str, *, ttl: timedelta = timedelta(days=30)) -> str:
    """A signed token for this principal."""
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": principal.subject,
        "jti": uuid.uuid4().hex,
        "iat": now,
        "nbf": now,
        "exp": now + ttl,
        "org": str(principal.organization_id),
        "role": principal.role.value,
        "scope": " ".join(sorted(principal.scopes)),
    }
    if principal.employee_id is not None:
        claims["emp"] = str(principal.employee_id)
    return jwt.encode(claims, secret, algorithm=ALGORITHM)


def verify(token: str, secret: str) -> Principal:
    """The principal a token names, or InvalidToken saying which check failed."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            issuer=ISSUER,
            options={"require": ["exp", "iat", "sub", "iss", "aud"]},
        )
        return Principal(
            organization_id=uuid.UUID(claims["org"]),
            role=Role(claims["role"]),
            subject=claims["sub"],
            employee_id=uuid.UUID(claims["emp"]) if claims.get("emp") else None,
            scopes=frozenset(claims.get("scope", "").split()),
        )
    except jwt.ExpiredSignatureError:
        raise InvalidToken("the token has expired") from None
    except jwt.InvalidSignatureError:
        raise InvalidToken("the token's signature does not verify") from None
    except jwt.InvalidAudienceError:
        raise InvalidToken("the token is not for this service") from None
    except (jwt.PyJWTError, KeyError, ValueError):
        raise InvalidToken("the token is malformed") from None
