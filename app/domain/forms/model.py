"""A form is data: numbered items, each a scale (with the labels and the direction the
handbook prints), a number or free text, and which free text staff never read.

Answers are checked against the form version they are given under; a program may adjust
its forms (a new version), and a running mentorship keeps the version of its snapshot.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import InvalidInput, PolicyError
from app.domain.forms.kinds import EvaluationKind, Respondent
from app.domain.policy.codec import Section

MAX_TEXT = 10_000
Answer = int | float | str


class ItemKind(StrEnum):
    """What an item asks for."""

    SCALE = "scale"
    NUMBER = "number"
    TEXT = "text"


class ScaleEnd(StrEnum):
    """Which end of a scale is the favourable answer (agreement, the best rating)."""

    LOW = "low"
    HIGH = "high"


def _refuse(condition: bool, detail: str, field: str) -> None:
    if condition:
        raise PolicyError(detail, field=field)


@dataclass(frozen=True, slots=True)
class Scale(Section):
    """Points 1..len(labels), labelled as printed; ``favourable`` says which end agrees."""

    labels: tuple[str, ...]
    favourable: ScaleEnd = ScaleEnd.HIGH

    def __post_init__(self) -> None:
        _refuse(len(self.labels) < 2, "a scale has at least two points", "labels")

    @property
    def points(self) -> range:
        return range(1, len(self.labels) + 1)

    def describe(self) -> str:
        """The scale as printed, e.g. "1 = Strongly Agree ... 5 = Strongly Disagree"."""
        return ", ".join(
            f"{n} = {label}" for n, label in zip(self.points, self.labels, strict=True)
        )


@dataclass(frozen=True, slots=True)
class FormItem(Section):
    """One numbered item; free text marked ``confidential`` is the respondent's, and their
    partner's only where the program shares that evaluation with the pair: never staff's."""

    key: str
    text: str
    kind: ItemKind
    scale: Scale | None = None
    unit: str = ""
    confidential: bool = False
    required: bool = True

    def __post_init__(self) -> None:
        _refuse(not self.key.strip(), "an item needs a key", "key")
        has_scale = self.scale is not None
        _refuse(
            has_scale != (self.kind is ItemKind.SCALE),
            "a scale item needs a scale, and only a scale item has one",
            "scale",
        )


@dataclass(frozen=True, slots=True)
class EvaluationForm(Section):
    """A program's form for one kind of evaluation, who answers it, and whose answers
    completion waits for (``required_from``; empty: one answer from either side)."""

    kind: EvaluationKind
    title: str
    items: tuple[FormItem, ...]
    version: int = 1
    respondents: frozenset[Respondent] = frozenset(Respondent)
    required_from: frozenset[Respondent] = frozenset()

    def __post_init__(self) -> None:
        _refuse(self.version < 1, "a form version is at least 1", "version")
        _refuse(not self.items, "a form has at least one item", "items")
        keys = [item.key for item in self.items]
        _refuse(len(set(keys)) != len(keys), "an item key is used twice", "items")
        _refuse(not self.respondents, "someone must answer the form", "respondents")
        _refuse(
            not self.required_from <= self.respondents,
            "completion can only wait for those who answer the form",
            "required_from",
        )

    def item(self, key: str) -> FormItem | None:
        return next((item for item in self.items if item.key == key), None)


def check_answers(form: EvaluationForm, answers: Mapping[str, object]) -> dict[str, Answer]:
    """The answers, checked item by item against ``form``; InvalidInput names the item."""
    for key in answers:
        if form.item(key) is None:
            raise InvalidInput(
                f"the {form.title} (version {form.version}) has no item {key!r}",
                field=f"answers.{key}",
                rule="unknown_item",
            )
    checked: dict[str, Answer] = {}
    for item in form.items:
        value = answers.get(item.key)
        if value is None or value == "":
            if item.required:
                raise InvalidInput(
                    f"item {item.key} is required: {item.text}",
                    field=f"answers.{item.key}",
                    rule="item_required",
                )
            continue
        checked[item.key] = _checked(item, value)
    return checked


def _checked(item: FormItem, value: object) -> Answer:
    field = f"answers.{item.key}"
    if item.kind is ItemKind.SCALE:
        assert item.scale is not None
        if isinstance(value, bool) or not isinstance(value, int) or value not in item.scale.points:
            raise InvalidInput(
                f"item {item.key} is answered on the scale {item.scale.describe()}",
                field=field,
                rule="scale_point",
            )
        return value
    if item.kind is ItemKind.NUMBER:
        number = value if isinstance(value, int | float) and not isinstance(value, bool) else None
        if number is not None and math.isfinite(number) and number >= 0:
            return number
        unit = f" ({item.unit})" if item.unit else ""
        raise InvalidInput(f"item {item.key} is a number >= 0{unit}", field=field, rule="number")
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise InvalidInput(
            f"item {item.key} is text of at most {MAX_TEXT} characters", field=field, rule="text"
        )
    return value


def confidential_keys(form: EvaluationForm) -> frozenset[str]:
    """The items whose answers staff never read (the pair's, not the program's)."""
    return frozenset(item.key for item in form.items if item.confidential)
