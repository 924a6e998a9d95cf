"""What a pair may write into its agreement, and what it must state before signing.

000 "Mentoring Relationship Agreement": "The MRA is only a guide. You may use it or create
your own." Where the policy says its sections are a guide (`agreement.sections_are_a_guide`),
the listed sections are the template's headings and a pair may add headings of its own;
elsewhere (NC's agreement, 003) only the listed sections are accepted. Either way the terms
stay bounded, and a heading of the pair's own can never pose as a listed one (for instance
"Concerns" for "concerns"), since a listed section may be read under its own rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.policy.pair_work import AgreementPolicy

MAX_TERM_LENGTH = 4000
# Bounds on a pair's own headings: generous for a written agreement, small enough that an
# agreement stays a page a coordinator can file.
MAX_TERMS = 30
MAX_HEADING_LENGTH = 80


def _field(key: str) -> str:
    return f"terms.{key}"


def _check_heading(agreement: AgreementPolicy, key: str) -> None:
    """A heading outside the listed sections: allowed only by a guide, and well formed."""
    sections = agreement.sections
    if not sections:
        return _check_own_heading(agreement, key)  # a program with no template (Maine)
    if not agreement.sections_are_a_guide:
        raise InvalidInput(
            f"the {agreement.title} has no section {key!r}; its sections: {', '.join(sections)}",
            field=_field(key),
            rule="unknown_section",
        )
    return _check_own_heading(agreement, key)


def _check_own_heading(agreement: AgreementPolicy, key: str) -> None:
    if not key.strip() or key != key.strip() or not key.isprintable():
        raise InvalidInput(
            "a heading is printable text without leading or trailing spaces",
            field=_field(key),
            rule="heading_form",
        )
    if len(key) > MAX_HEADING_LENGTH:
        raise InvalidInput(
            f"a heading has at most {MAX_HEADING_LENGTH} characters",
            field=_field(key),
            rule="heading_form",
        )
    twin = next((s for s in agreement.sections if s.casefold() == key.casefold()), None)
    if twin is not None:
        raise InvalidInput(
            f"write this under the {agreement.title}'s own section {twin!r}",
            field=_field(key),
            rule="heading_form",
        )


def check_terms(agreement: AgreementPolicy, terms: Mapping[str, Any]) -> None:
    """The terms a pair writes, refused with the first bad term named as `terms.<key>`."""
    if not isinstance(terms, Mapping) or not terms:
        raise InvalidInput("an agreement needs at least one term, by heading", field="terms")
    if len(terms) > MAX_TERMS:
        raise InvalidInput(f"an agreement has at most {MAX_TERMS} terms", field="terms")
    for key, value in terms.items():
        if key not in agreement.sections:
            _check_heading(agreement, key)
        if not isinstance(value, str):
            raise InvalidInput("a term is written as text", field=_field(key))
        if len(value) > MAX_TERM_LENGTH:
            raise InvalidInput(f"at most {MAX_TERM_LENGTH} characters", field=_field(key))


def check_required_sections(agreement: AgreementPolicy, terms: Mapping[str, Any]) -> None:
    """Caltrans: the contract states its agreed duration before anyone signs it (002 FAQ);
    a pair's own headings never stand in for a required section."""
    for section in agreement.required_sections:
        if not str(terms.get(section, "")).strip():
            raise InvalidInput(
                f"the {agreement.title} must state its {section} before it is signed",
                field=_field(section),
                rule="required_section",
            )
