"""A printable copy of one signed agreement version, as HTML: the title the handbook gives it,
each section's terms, and each signature with its date (000: "Mentor Signature and date /
Mentee Signature and date"; 002: "initials and date"). Text is escaped: terms are the pair's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape


@dataclass(frozen=True, slots=True)
class SignedBy:
    """Who signed, on which side, and when."""

    party: str
    name: str
    signed_at: datetime


def agreement_html(
    *,
    title: str,
    version: int,
    sections: Sequence[str],
    terms: Mapping[str, object],
    signatures: Sequence[SignedBy],
    withheld: Sequence[str] = (),
) -> str:
    """The agreement version as a standalone HTML page, sections in the policy's order."""
    ordered = [s for s in sections if s in terms] + sorted(k for k in terms if k not in sections)
    body = "".join(
        f"<h2>{escape(_label(key))}</h2><p>{escape(str(terms[key]))}</p>" for key in ordered
    )
    body += "".join(
        f"<h2>{escape(_label(key))}</h2><p><em>withheld: confidential to the pair</em></p>"
        for key in withheld
    )
    signed = "".join(
        f"<li>{escape(s.party.capitalize())}: {escape(s.name)}, signed "
        f"{s.signed_at.date().isoformat()}</li>"
        for s in signatures
    )
    heading = f"{escape(title)} (version {version})"
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{heading}</title></head><body><h1>{heading}</h1>{body}"
        f"<h2>Signatures</h2><ul>{signed or '<li>not signed</li>'}</ul></body></html>"
    )


def _label(key: str) -> str:
    return key.replace("_", " ").capitalize()
