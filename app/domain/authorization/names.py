"""The permission table's vocabulary: resources, actions and how far a role reaches. A leaf
module, so the table and each area's rows can share it without importing one another."""

from __future__ import annotations

from enum import StrEnum


class Resource(StrEnum):
    EMPLOYEES = "employees"
    API_TOKENS = "api_tokens"
    OIDC_ISSUERS = "oidc_issuers"
    AUDIT_EVENTS = "audit_events"
    ORGANIZATION_SETTINGS = "organization_settings"  # e.g. the load cap across programs
    # programs area
    PROGRAMS = "programs"
    COHORTS = "cohorts"
    APPLICATIONS = "applications"
    MATCHING_RUNS = "matching_runs"
    MENTORSHIPS = "mentorships"
    # running a mentorship
    AGREEMENTS = "agreements"
    GOALS = "goals"
    MEETINGS = "meetings"
    JOURNAL = "journal"
    EVALUATIONS = "evaluations"
    CHECKPOINTS = "checkpoints"
    DISCLOSURES = "disclosures"
    GROUPS = "groups"
    LUNCHEON_HOSTS = "luncheon_hosts"  # mentors who volunteer to host (Charlotte)
    DEBRIEFS = "debriefs"  # the coordinator's debrief with each participant (NC)
    PROGRESS_REPORTS = "progress_reports"  # each side's monthly progress report (NC)
    CALENDAR = "calendar"
    REPORTS = "reports"
    WORKLIST = "worklist"  # the program year: what is overdue or due soon (facts only)
    # integrations area
    WEBHOOKS = "webhooks"
    ROSTER_FILES = "roster_files"
    # people and pairing (issue 22)
    MENTOR_REGISTER = "mentor_register"


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    APPROVE = "approve"
    OVERRIDE = "override"
    PUBLISH = "publish"


class Reach(StrEnum):
    ALL = "all"
    OWN = "own"
