"""Charlotte's luncheons (000 "Group Learning"): "in January four mentors will each volunteer
to host five (or six) mentees. Then, in April, another four mentors will each volunteer to
host five (or six) mentees. Mentees will remain with their group." So each volunteer hosts
once: a plan of G groups over L luncheons has G x L distinct hosts (Charlotte: 4 x 2 = 8)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class LuncheonGroup:
    """Mentees who lunch together all term, and their host at each luncheon in turn."""

    number: int
    mentees: tuple[Hashable, ...]
    hosts: tuple[Hashable, ...]


@dataclass(frozen=True, slots=True)
class LuncheonRules:
    """The policy's luncheons: how many, how many hosts in all, the group sizes, and whether
    the hosts rotate (Charlotte: "another four mentors" host in April) or a group keeps its own."""

    luncheons: int
    hosts: int
    group_min: int
    group_max: int
    hosts_rotate: bool = True


def plan_luncheons(
    mentees: Sequence[Hashable], volunteers: Sequence[Hashable], rules: LuncheonRules
) -> tuple[LuncheonGroup, ...]:
    """Groups as even as the bounds allow. Rotating, group ``g`` is hosted at luncheon ``j`` by
    volunteer ``j * groups + g``, so every host hosts exactly once ("another four mentors");
    otherwise group ``g`` keeps volunteer ``g`` as its host at every luncheon."""
    if not mentees:
        return ()
    count = -(-len(mentees) // rules.group_max)
    needed = count * rules.luncheons if rules.hosts_rotate else count
    if rules.hosts and needed > rules.hosts:
        raise InvalidInput(
            f"{len(mentees)} mentees in groups of at most {rules.group_max} need {needed} "
            f"hosts over {rules.luncheons} luncheons; the program plans {rules.hosts}",
            field="mentees",
            rule="too_many_groups",
        )
    if needed > len(volunteers):
        raise InvalidInput(
            f"{count} groups over {rules.luncheons} luncheons need {needed} different hosts; "
            f"{len(volunteers)} mentors have volunteered",
            field="hosts",
            rule="not_enough_hosts",
        )
    if len(mentees) // count < rules.group_min:
        raise InvalidInput(
            f"{len(mentees)} mentees cannot form groups of {rules.group_min} to {rules.group_max}",
            field="mentees",
            rule="group_size",
        )
    ordered = list(mentees)
    return tuple(
        LuncheonGroup(
            g + 1,
            tuple(ordered[g::count]),
            tuple(
                volunteers[j * count + g if rules.hosts_rotate else g]
                for j in range(rules.luncheons)
            ),
        )
        for g in range(count)
    )


def hosts_at(groups: Sequence[LuncheonGroup], index: int) -> frozenset[Hashable]:
    """Who hosts the luncheon at place ``index`` (0: the first on the calendar) under the plan:
    each group's host at that luncheon (000: "in January four mentors ... Then, in April,
    another four mentors"). A luncheon past the plan's count has no host."""
    return frozenset(g.hosts[index] for g in groups if 0 <= index < len(g.hosts))


def plan_violations(
    groups: Sequence[LuncheonGroup],
    rules: LuncheonRules,
    *,
    mentees: Collection[Hashable],
    volunteers: Collection[Hashable],
) -> list[str]:
    """Every way an edited plan breaks the rules: group sizes, a host per luncheon, distinct
    volunteer hosts, and each of the cohort's mentees seated exactly once."""
    found: list[str] = []
    for group in groups:
        size = len(group.mentees)
        if not rules.group_min <= size <= rules.group_max:
            found.append(
                f"group {group.number} has {size} mentees; groups have "
                f"{rules.group_min} to {rules.group_max}"
            )
        if len(group.hosts) != rules.luncheons:
            found.append(
                f"group {group.number} needs a host for each of {rules.luncheons} luncheons"
            )
    seated = Counter(m for g in groups for m in g.mentees)
    found += [f"mentee {m} is seated {n} times" for m, n in seated.items() if n > 1]
    found += [f"{m} is not a mentee of this cohort" for m in seated if m not in mentees]
    found += [f"mentee {m} has no group" for m in mentees if m not in seated]
    # Rotating, each volunteer hosts once; otherwise each hosts one group only.
    hosting = Counter(h for g in groups for h in (g.hosts if rules.hosts_rotate else set(g.hosts)))
    once = "each hosts once" if rules.hosts_rotate else "each hosts one group"
    found += [f"host {h} is named {n} times; {once}" for h, n in hosting.items() if n > 1]
    found += [f"{h} has not volunteered to host" for h in hosting if h not in volunteers]
    return found


def check_plan(
    groups: Sequence[LuncheonGroup],
    rules: LuncheonRules,
    *,
    mentees: Collection[Hashable],
    volunteers: Collection[Hashable],
) -> None:
    """Refuse an edited plan, naming every violation at once."""
    found = plan_violations(groups, rules, mentees=mentees, volunteers=volunteers)
    if found:
        raise InvalidInput("; ".join(found), field="groups", rule="luncheon_plan")


def regroupings(
    before: Sequence[LuncheonGroup], after: Sequence[LuncheonGroup], held: int
) -> list[str]:
    """Once ``held`` luncheons have taken place, every way a new plan breaks the year's groups:
    "Mentees will remain with their group" (000 "Group Learning"), so a mentee who stays keeps
    their group's number, and who hosted a luncheon already held is a fact a plan keeps (the
    next luncheon is "another four mentors"). A newcomer may join any group."""
    if held <= 0:
        return []
    was = {m: g.number for g in before for m in g.mentees}
    found = [
        f"mentee {m} is in group {was[m]} since the first luncheon; mentees remain with their group"
        for g in after
        for m in g.mentees
        if m in was and was[m] != g.number
    ]
    hosted = {g.number: g.hosts[:held] for g in before}
    for group in after:
        past = hosted.get(group.number, ())
        if tuple(group.hosts[: len(past)]) != tuple(past):
            names = ", ".join(str(h) for h in past)
            found.append(f"group {group.number} was hosted by {names} at the luncheons held")
    return found


def past_hosts(before: Sequence[LuncheonGroup], held: int) -> frozenset[Hashable]:
    """The mentors who hosted the luncheons already held: they volunteered, and hosted."""
    return frozenset(h for g in before for h in g.hosts[: max(held, 0)])


def check_luncheon_date(
    *,
    luncheons: int,
    not_before_month: int | None,
    cohort_starts_on: date,
    term_ends_on: date,
    day: date,
    already: int,
) -> None:
    """A luncheon on the cohort calendar: "twice during the nine months - beginning after
    January 1" (000), so none before the month the policy names, none once the term has ended
    (``term_ends_on``, its first day past), and only as many as the policy holds."""
    if luncheons == 0:
        raise InvalidInput("this program holds no luncheons", field="kind", rule="no_luncheons")
    if not cohort_starts_on <= day < term_ends_on:
        raise InvalidInput(
            f"luncheons are held during the term, {cohort_starts_on.isoformat()} to "
            f"{(term_ends_on - timedelta(days=1)).isoformat()}",
            field="starts_on",
            rule="luncheon_outside_term",
        )
    if not_before_month is not None:
        start = cohort_starts_on
        year = start.year if (start.month, start.day) <= (not_before_month, 1) else start.year + 1
        earliest = date(year, not_before_month, 1)
        if day < earliest:
            raise InvalidInput(
                f"luncheons begin on or after {earliest.isoformat()}",
                field="starts_on",
                rule="luncheon_too_early",
            )
    if already >= luncheons:
        raise InvalidInput(
            f"the program holds {luncheons} luncheons and all are scheduled",
            field="kind",
            rule="luncheons_scheduled",
        )
