"""a revoked API token is announced on the channel `api_token_revoked`

Each API process caches the tokens it has authenticated. A trigger announces every
revocation, however it is made, to every process that listens (delivered when the revoking
transaction commits), so each forgets the token at once instead of when its cache entry
ages out. The payload is the token's hash in hex, never the token.

Revision ID: ops0001
Revises: a4b1c0de0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "ops0001"
down_revision: str | Sequence[str] | None = "a4b1c0de0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "api_token_revoked"


def upgrade() -> None:
    op.execute(
        f"""
CREATE FUNCTION announce_token_revoked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('{CHANNEL}', encode(NEW.token_hash, 'hex'));
  RETURN NULL;
END $$"""
    )
    op.execute(
        """
CREATE TRIGGER api_token_revoked
AFTER UPDATE OF revoked_at ON api_tokens
FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
EXECUTE FUNCTION announce_token_revoked()"""
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER api_token_revoked ON api_tokens")
    op.execute("DROP FUNCTION announce_token_revoked()")
