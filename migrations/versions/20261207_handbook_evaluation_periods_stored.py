"""handbook: an evaluation keeps the period it was given for

An answer's period was worked out again from its date on every read, so a coordinator who
moved Maine's March round (004 "Schedule of Events") after people answered moved their answers
into another round or none: a person could answer the same round twice, and the cohort report
moved answers between rounds. `evaluations.period_number` now stores the number of the period
an answer is given for (checkup N, month N, round N of the program evaluation; NULL for a kind
with one period per term), written when it is given.

Rows stored before this revision are left NULL: their period stays the one their date falls
in, as the previous code read it (the service falls back to the date for a NULL row of a kind
whose periods are numbered). Computing their numbers here would copy, in SQL, the checkup
interval of each policy snapshot, the month arithmetic of each term and the calendar's
open-ended rounds, a second reading of those rules that could disagree with the first; the
fallback reads them exactly as before by construction. No policy setting is added, so no
stored policy is rewritten; running programs keep their rules, and an answer given from now on
keeps its period whatever later edits of the calendar or the term do.

Revision ID: handbook0012
Revises: handbook0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "handbook0012"
down_revision: str | Sequence[str] | None = "handbook0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("evaluations", sa.Column("period_number", sa.Integer, nullable=True))


def downgrade() -> None:
    op.drop_column("evaluations", "period_number")
