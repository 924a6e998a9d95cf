"""API token format: `mnt_` + 30 base62 characters of secret + 6 of checksum.

As with GitHub's tokens, the prefix makes leaked tokens easy to scan for, and the checksum
lets a typo be refused without a database look-up. Only the SHA-256 is ever stored.
"""

from __future__ import annotations

import hashlib
import zlib

PREFIX = "mnt_"
SECRET_LENGTH = 30  # 30 base62 characters carry about 178 bits
CHECKSUM_LENGTH = 6
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
TOKEN_LENGTH = len(PREFIX) + SECRET_LENGTH + CHECKSUM_LENGTH


def _base62(number: int, width: int) -> str:
    digits = []
    for _ in range(width):
        number, rest = divmod(number, 62)
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def checksum(secret: str) -> str:
    """Six base62 characters of CRC32 over the secret part."""
    return _base62(zlib.crc32(secret.encode()), CHECKSUM_LENGTH)


def token_from_random(random_bytes: bytes) -> str:
    """A token whose secret is drawn from `random_bytes` (at least 23 bytes, from `secrets`)."""
    if len(random_bytes) < 23:
        raise ValueError("need at least 23 random bytes for 178 bits")
    secret = _base62(int.from_bytes(random_bytes, "big"), SECRET_LENGTH)
    return PREFIX + secret + checksum(secret)


def looks_valid(token: str) -> bool:
    """Right prefix, length, alphabet and checksum: worth a look-up."""
    if len(token) != TOKEN_LENGTH or not token.startswith(PREFIX):
        return False
    body = token[len(PREFIX) :]
    if any(c not in ALPHABET for c in body):
        return False
    return checksum(body[:SECRET_LENGTH]) == body[SECRET_LENGTH:]


def token_hash(token: str) -> bytes:
    """What is stored and looked up: the SHA-256 of the whole token."""
    return hashlib.sha256(token.encode()).digest()


def hint(token: str) -> str:
    """Enough of the token to tell it apart in a list, too little to use."""
    return token[: len(PREFIX) + 6] + "…"
