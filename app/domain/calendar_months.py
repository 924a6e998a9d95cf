"""Month arithmetic on dates: adding months clamps to the end of a shorter month."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def days_in_month(year: int, month: int) -> int:
    """How many days the month has (February knows leap years)."""
    return calendar.monthrange(year, month)[1]


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the target month's last day.

    31 August + 6 months is 28 (or 29) February; + 1 month is 30 September.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def month_window(start: date, month: int) -> tuple[date, date]:
    """First and last day of the ``month``-th month (1-based) of a term starting on ``start``.

    Always counted from ``start``, never chained, so clamping in one month never drifts the next.
    """
    first = add_months(start, month - 1)
    last = add_months(start, month) - timedelta(days=1)
    return first, last


def months_between(start: date, end: date) -> int:
    """Calendar months from ``start``'s month to ``end``'s, days ignored: the inverse of
    ``add_months`` for a term's end (31 January + 1 month = 28 February: 1)."""
    return (end.year - start.year) * 12 + end.month - start.month
