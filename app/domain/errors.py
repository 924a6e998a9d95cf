"""Domain errors: what went wrong in the domain's words, never an HTTP status.

The API edge maps each ``code`` to a problem document (see ``app/api/errors.py``),
so a code, once published, is part of the public contract: never rename one.
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """A rule refused something. ``code`` is stable; ``detail`` is for a human."""

    code: ClassVar[str] = "domain-error"

    def __init__(self, detail: str, *, field: str | None = None, rule: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.field = field
        self.rule = rule


class NotFound(DomainError):
    """The thing does not exist, or the caller may not know that it does."""

    code = "not-found"


class InvalidInput(DomainError):
    """The request names a value the rules cannot accept (beyond schema validation)."""

    code = "invalid-input"


class Conflict(DomainError):
    """The request collides with the current state (a duplicate, a second publish)."""

    code = "conflict"


class PreconditionFailed(DomainError):
    """The thing changed since the caller read it (a stale `If-Match`)."""

    code = "precondition-failed"


class PolicyError(DomainError):
    """A policy, or an override of one, would be incoherent."""

    code = "invalid-policy"


class TransitionRefused(DomainError):
    """A mentorship cannot move as asked from where it is; ``rule`` says which rule refused."""

    code = "transition-refused"


class NotPermitted(DomainError):
    """The actor's role does not allow this action (a function-level refusal)."""

    code = "not-permitted"
