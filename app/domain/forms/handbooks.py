"""The handbooks' forms, as printed: each item quotes its seed, each scale keeps the seed's
labels and direction (Caltrans prints 1 = Strongly Agree, the opposite of the usual order)."""

from __future__ import annotations

from typing import Final

from app.domain.forms.kinds import EvaluationKind, Respondent
from app.domain.forms.model import EvaluationForm, FormItem, ItemKind, Scale, ScaleEnd

BOTH: Final = frozenset(Respondent)
MENTEE_ONLY: Final = frozenset({Respondent.MENTEE})

# 002 "Relationship Checkup Worksheet": "Strongly Agree 1 ... Strongly Disagree 5"
CALTRANS_AGREEMENT: Final = Scale(
    labels=("Strongly Agree", "Agree", "Neither Agree/Disagree", "Disagree", "Strongly Disagree"),
    favourable=ScaleEnd.LOW,
)
# The usual reading, for the forms whose handbooks print no scale of their own.
AGREEMENT: Final = Scale(
    labels=("Strongly Disagree", "Disagree", "Neither Agree/Disagree", "Agree", "Strongly Agree"),
    favourable=ScaleEnd.HIGH,
)


def _scale(key: str, text: str, scale: Scale = AGREEMENT) -> FormItem:
    return FormItem(key, text, ItemKind.SCALE, scale=scale)


def _private(key: str, text: str, *, required: bool = False) -> FormItem:
    return FormItem(key, text, ItemKind.TEXT, confidential=True, required=required)


CALTRANS_CHECKUP: Final = EvaluationForm(
    kind=EvaluationKind.CHECKUP,
    title="Relationship Checkup Worksheet",  # 002 appendix
    items=(
        FormItem(
            "1", "I have been meeting with my (mentor) (mentee) for", ItemKind.NUMBER, unit="months"
        ),
        FormItem("2", "We have met for", ItemKind.NUMBER, unit="hours"),
        _scale("3", "We have enough trust so we can work together.", CALTRANS_AGREEMENT),
        _scale(
            "4",
            "If one or the other has a problem, he or she would speak to the other about it.",
            CALTRANS_AGREEMENT,
        ),
        _scale(
            "5",
            "I am getting what I expected out of the mentoring relationship.",
            CALTRANS_AGREEMENT,
        ),
        _scale(
            "6", "We are working on activities centered on the mentee's goals.", CALTRANS_AGREEMENT
        ),
        _private("7", "We have accomplished the following activities:"),
        _private("8", "I have given and received constructive feedback on:"),
        _private(
            "9",
            "We have made the following mid-course corrections to enhance the mentoring "
            "relationship:",
        ),
        _private(
            "10",
            "The one thing I wish I could change about how we interact with each other is:",
        ),
    ),
)

_RELATIONSHIP_ITEMS: Final = (
    _scale("process", "The mentoring process is working for us."),
    _scale("progress", "We are making progress toward the mentee's goals."),
    _private("comments", "Comments on the relationship so far:"),
)

# 000/001 "Expectations": "Evaluate the relationship ... (at least mid-point and ending)": both.
CHARLOTTE_MIDPOINT: Final = EvaluationForm(
    kind=EvaluationKind.MIDPOINT,
    title="Mid-point Evaluation",
    items=_RELATIONSHIP_ITEMS,
    respondents=BOTH,
    required_from=BOTH,
)
CHARLOTTE_FINAL: Final = EvaluationForm(
    kind=EvaluationKind.FINAL,
    title="Final Evaluation",
    items=(
        *_RELATIONSHIP_ITEMS,
        _scale("goals_met", "The mentee achieved the goals set in the agreement."),
    ),
    respondents=BOTH,
    required_from=BOTH,
)
# 001 "Understanding the Mentee Role": "Complete monthly evaluations."
CHARLOTTE_MONTHLY: Final = EvaluationForm(
    kind=EvaluationKind.MONTHLY,
    title="Monthly Evaluation",
    items=_RELATIONSHIP_ITEMS,
    respondents=MENTEE_ONLY,
)
# 000 "Relationship Compatibility": "evaluate the process and progress to this point,
# including a question assessing mentor/mentee compatibility".
CHARLOTTE_COMPATIBILITY: Final = EvaluationForm(
    kind=EvaluationKind.COMPATIBILITY_CHECK,
    title="Relationship Compatibility Check",
    items=(
        _scale("process", "The mentoring process is working for us."),
        _scale("progress", "We have made progress to this point."),
        _scale("compatibility", "My mentor/mentee and I are compatible."),
        _private("comments", "Comments (no reason is needed to ask for a change):"),
    ),
    respondents=BOTH,
)

# 004 "A mentoring relationship is working well when": its five signals.
MAINE_WORKING_WELL: Final = (
    _scale("mutual_learning", "Mutual learning is occurring for both protégé and mentor."),
    _scale(
        "clearer_goals",
        "The protégé has a clearer idea of what he or she wants to achieve and why.",
    ),
    _scale("look_forward", "Both look forward to mentoring sessions."),
    _scale("energized", "The protégé emerges from mentoring sessions energized to take action."),
    _scale(
        "new_responsibilities",
        "The protégé grows professionally by assuming new or expanded responsibilities.",
    ),
)
# 004 "Schedule of Events": the program evaluation in March.
MAINE_PROGRAM: Final = EvaluationForm(
    kind=EvaluationKind.PROGRAM,
    title="Mentors for Managers Program Evaluation",
    items=(*MAINE_WORKING_WELL, _private("suggestions", "Suggestions for the program:")),
)

# 003 "Setting Learning and Development Goals": "A review of the plan and the outcomes of the
# partnership, relative to goals set and achieved ... Outcomes should also be shared with the
# program coordinator." Goal outcomes are recorded on the plan's goals themselves.
NC_OUTCOME_REVIEW: Final = EvaluationForm(
    kind=EvaluationKind.OUTCOME_REVIEW,
    title="Final Meeting: Plan and Outcomes Review",
    items=(
        _scale("goals_achieved", "The objectives set in the plan were achieved."),
        _private("reflections", "What we take from the partnership:"),
    ),
)
# 003 "Evaluation": "Assessments of the program, mentor-mentee experiences, and mentorship
# outcomes"; the coordinator then discusses them individually with mentor and mentee.
NC_PROGRAM: Final = EvaluationForm(
    kind=EvaluationKind.PROGRAM,
    title="Mentoring Program Evaluation",
    items=(
        _scale("experience", "The mentoring experience was worthwhile."),
        _scale("design", "The program was well designed and implemented."),
        _private("successes", "Areas of success:"),
        _private("improvements", "Areas for improvement:"),
    ),
)
