"""The decision whether a viewer may read a part of a mentorship's record: the default readers
first, then the mentorship's recorded disclosures."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

from app.domain.confidentiality.disclosure import Disclosure, DisclosureKind
from app.domain.confidentiality.parts import CONFIDENTIAL_PARTS, ContentPart
from app.domain.confidentiality.viewers import Viewer, ViewerRelation, default_allows


@dataclass(frozen=True, slots=True)
class AccessDecision:
    """May the viewer read the part, and why (or why not)."""

    allowed: bool
    reason: str
    granted_by: DisclosureKind | None = None


def may_read(
    viewer: Viewer,
    part: ContentPart,
    disclosures: Iterable[Disclosure] = (),
    *,
    evaluations_shared_with_pair: bool = False,
    written_on: date | None = None,
    item: Hashable | None = None,
) -> AccessDecision:
    """Decide whether `viewer` may read `part` of one mentorship's record.

    `disclosures` are the mentorship's recorded exceptions; one lets its recipients read
    the parts it names, as they stood when it was made (``written_on``: the item's date).
    The journal is the mentee's alone whatever was disclosed (001).
    """
    relation = viewer.relation
    if part is ContentPart.JOURNAL:
        if relation is ViewerRelation.MENTEE:
            return AccessDecision(True, "the journal is the mentee's own")
        return AccessDecision(False, "the journal is readable by the mentee alone")
    if default_allows(viewer, part, evaluations_shared_with_pair):
        return AccessDecision(True, f"a {relation.value} may read the {part.value}")
    for disclosure in disclosures:
        if disclosure.grants(viewer.person_id, part, written_on, item):
            return AccessDecision(
                True,
                f"disclosed to this reader under {disclosure.kind.value}",
                granted_by=disclosure.kind,
            )
    if part in CONFIDENTIAL_PARTS:
        reason = f"the {part.value} is confidential; a {relation.value} sees facts only"
    else:
        reason = f"a {relation.value} may not read the {part.value}"
    return AccessDecision(False, reason)
