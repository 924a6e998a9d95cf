"""The four seed programs as ready-made policies a new organisation can start from: one
module per handbook, so a program officer can hold theirs next to its policy; this is the
catalogue of them."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from app.domain.errors import NotFound
from app.domain.policy.model import Policy
from app.domain.policy.presets.caltrans import CALTRANS
from app.domain.policy.presets.charlotte import CHARLOTTE_SLL
from app.domain.policy.presets.maine import MAINE_MMS
from app.domain.policy.presets.nc import NC_MODEL


@dataclass(frozen=True, slots=True)
class Preset:
    """A named starting policy and what it is, for the people choosing one."""

    key: str
    title: str
    description: str
    policy: Policy


_ALL = (
    Preset(
        "charlotte-sll",
        "City of Charlotte, Shared Leadership Learning",
        "Nine months, one-to-one with a senior leader; a selection committee matches; a "
        "compatibility check at month 3; mid-point and final evaluations; group luncheons. "
        'Supervisory line: "Senior Leaders (CM, ACMs, KBEs, and Deputy KBEs)" mentor employees '
        '"outside their work area" (000): not the direct supervisor, not the same KBU.',
        CHARLOTTE_SLL,
    ),
    Preset(
        "caltrans",
        "Caltrans Mentoring Program",
        "Six months recommended, longer if the pair agrees in a contract; the mentee chooses "
        "from a volunteer list with supervisor approval, participation written into the IDP; "
        "checkups every two months. "
        "Supervisory line: \"it is not recommended that an employee's direct report become "
        'their formal mentor" (002): not the direct supervisor, unless an override records why.',
        CALTRANS,
    ),
    Preset(
        "nc-model",
        "North Carolina Mentoring Model",
        "At least a year, one meeting a month or more; the coordinator matches objectives to "
        "skills; up to three objectives; eligibility exceptions with a recorded approval. "
        'Supervisory line: mentees who are "not direct reports" (003): not the direct '
        "supervisor, unless an override records why.",
        NC_MODEL,
    ),
    Preset(
        "maine-mms",
        "Maine Management Service, Mentors for Managers",
        "Nine months for Maine Leadership Institute graduates; four means of matching, never "
        "within a unit and preferably not within a department; $150 billed to the protege's "
        "department; recorded disclosures. "
        'Supervisory line: "no supervisory responsibilities, even indirectly" (004): the '
        "whole chain.",
        MAINE_MMS,
    ),
)

PRESET_DETAILS: Final = MappingProxyType({p.key: p for p in _ALL})
PRESETS: Final = MappingProxyType({p.key: p.policy for p in _ALL})


def preset(name: str) -> Policy:
    """The preset policy called ``name``; NotFound names the ones that exist."""
    found = PRESETS.get(name)
    if found is None:
        raise NotFound(f"no preset {name!r}; presets: {', '.join(PRESETS)}", field="preset")
    return found
