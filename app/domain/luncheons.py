"""Charlotte's luncheons (001 "Group Learning"): eight mentors each host a group of five or
six mentees; the mentees stay in their group while the hosts rotate between luncheons."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from app.domain.errors import InvalidInput


@dataclass(frozen=True, slots=True)
class LuncheonGroup:
    """Mentees who lunch together all term, and their host at each luncheon in turn."""

    number: int
    mentees: tuple[Hashable, ...]
    hosts: tuple[Hashable, ...]


def plan_luncheons(
    mentees: Sequence[Hashable],
    hosts: Sequence[Hashable],
    *,
    luncheons: int,
    group_min: int,
    group_max: int,
    hosts_rotate: bool = True,
) -> tuple[LuncheonGroup, ...]:
    """Groups as even as the bounds allow, one per host at most; at luncheon ``j`` group ``g``
    is hosted by host ``g + j`` (in turn), so no group meets the same host twice while there
    are at least as many hosts as luncheons. Without ``hosts_rotate`` a group keeps its host."""
    if not mentees:
        return ()
    count = -(-len(mentees) // group_max)
    if count > len(hosts):
        raise InvalidInput(
            f"{len(mentees)} mentees in groups of at most {group_max} need "
            f"{count} hosts; {len(hosts)} are available",
            field="hosts",
            rule="not_enough_hosts",
        )
    if len(mentees) // count < group_min:
        raise InvalidInput(
            f"{len(mentees)} mentees cannot form groups of {group_min} to {group_max}",
            field="mentees",
            rule="group_size",
        )
    ordered = list(mentees)
    return tuple(
        LuncheonGroup(
            g + 1,
            tuple(ordered[g::count]),
            tuple(hosts[(g + j * hosts_rotate) % len(hosts)] for j in range(luncheons)),
        )
        for g in range(count)
    )


def check_plan(
    groups: Sequence[LuncheonGroup], *, luncheons: int, group_min: int, group_max: int
) -> None:
    """Refuse an edited plan that seats a mentee twice, gives a group the wrong number of
    hosts, books a host twice at one luncheon, or breaks the group sizes."""
    seated: set[Hashable] = set()
    for group in groups:
        if not group_min <= len(group.mentees) <= group_max:
            raise InvalidInput(
                f"group {group.number} has {len(group.mentees)} mentees; groups "
                f"have {group_min} to {group_max}",
                field="groups",
                rule="group_size",
            )
        if seated & set(group.mentees) or len(set(group.mentees)) != len(group.mentees):
            raise InvalidInput("a mentee is in two groups", field="groups", rule="one_group_each")
        seated |= set(group.mentees)
        if len(group.hosts) != luncheons:
            raise InvalidInput(
                f"group {group.number} needs a host for each of {luncheons} luncheons",
                field="groups",
                rule="host_per_luncheon",
            )
    for j in range(luncheons):
        at_table = [g.hosts[j] for g in groups]
        if len(set(at_table)) != len(at_table):
            raise InvalidInput(
                f"a host is booked twice at luncheon {j + 1}",
                field="groups",
                rule="one_table_per_host",
            )
