"""The deployment a team copies (compose.yaml and the Dockerfile) asks only for what the
image can do: every command parses against the CLI, every variable is a setting the service
reads, replicas share what must be shared, and the background work runs exactly once.

These read the files instead of starting containers (CI has no Docker daemon); starting
several processes against one database is covered by the multi-process tests
(tests/api/test_shared_rate_limits.py, test_token_revocation_across_processes.py)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from app.cli import GRACEFUL_SHUTDOWN_SECONDS, cli
from app.config import Settings

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
OURS = {name: spec for name, spec in SERVICES.items() if spec.get("image") == "mentoring"}


def dockerfile_cmd() -> list[str]:
    line = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD")
    )
    return list(json.loads(line.removeprefix("CMD")))


def command_of(spec: dict[str, Any]) -> list[str]:
    command = spec.get("command", dockerfile_cmd())
    return shlex.split(command) if isinstance(command, str) else list(command)


def parse(argv: list[str]) -> Any:
    """Parse argv as the image's entry point would, without running anything."""
    assert argv[0] == "mentoring", f"{argv!r} does not run the service's CLI"
    group: Any = typer.main.get_command(cli)
    context = group.make_context("mentoring", argv[1:2], resilient_parsing=True)
    command = group.get_command(context, argv[1])
    assert command is not None, f"`mentoring {argv[1]}` is not a command"
    return command.make_context(argv[1], argv[2:])


def test_the_image_serves_the_api_on_the_port_it_exposes() -> None:
    argv = dockerfile_cmd()
    context = parse(argv)
    assert context.info_name == "serve"
    assert context.params["host"] == "0.0.0.0"  # noqa: S104 (a container listens on all)
    exposed = re.search(r"^EXPOSE (\d+)$", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    assert exposed is not None
    assert context.params["port"] == int(exposed.group(1))


@pytest.mark.parametrize("name", sorted(OURS))
def test_every_service_of_the_image_runs_a_real_command(name: str) -> None:
    parse(command_of(OURS[name]))


@pytest.mark.parametrize("name", sorted(OURS))
def test_every_variable_given_to_the_image_is_a_setting_it_reads(name: str) -> None:
    known = {field.upper() for field in Settings.model_fields}
    given = set(OURS[name].get("environment", {}))
    assert given - known == set(), "variables the service would silently ignore"


def test_two_api_replicas_behind_distinct_ports() -> None:
    apis = [spec for spec in OURS.values() if command_of(spec)[1] == "serve"]
    assert len(apis) >= 2
    ports = [port for spec in apis for port in spec.get("ports", [])]
    assert len(ports) == len(set(ports)) == len(apis)


def test_replicas_share_their_rate_limit_count() -> None:
    for spec in OURS.values():
        storage = spec["environment"]["RATE_LIMIT_STORAGE"]
        host = storage.split("://", 1)[1].split(":")[0].split("/")[0]
        assert not storage.startswith("memory://"), "a per-process count lets N times the limit in"
        assert host in SERVICES, f"{storage} names no service of the stack"


def test_the_background_work_runs_once_in_the_worker_and_not_in_the_replicas() -> None:
    roles = {name: command_of(spec)[1] for name, spec in OURS.items()}
    assert list(roles.values()).count("worker") == 1
    for name, spec in OURS.items():
        if roles[name] == "serve":
            settings = Settings(background_work=spec["environment"]["BACKGROUND_WORK"])
            assert settings.background_work is False, f"{name} would run it a second time"


def test_nothing_serves_before_the_migrations_have_run() -> None:
    for name, spec in OURS.items():
        if command_of(spec)[1] == "migrate":
            continue
        depends = spec.get("depends_on", {})
        assert depends.get("migrate") == {"condition": "service_completed_successfully"}, name


def test_the_database_the_image_is_given_is_the_stack_s_own() -> None:
    postgres = SERVICES["postgres"]["environment"]
    for spec in OURS.values():
        url = spec["environment"]["DATABASE_URL"]
        assert re.fullmatch(
            rf"postgresql://{postgres['POSTGRES_USER']}:[^@]+@postgres:5432/{postgres['POSTGRES_DB']}",
            url,
        )


def seconds(duration: str) -> float:
    """A compose duration such as 30s, 1m30s or 1m."""
    parts = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", duration)
    assert duration, "an empty duration"
    assert parts is not None, f"unreadable duration {duration!r}"
    return int(parts.group(1) or 0) * 60 + int(parts.group(2) or 0)


@pytest.mark.parametrize("name", sorted(OURS))
def test_a_stopped_service_is_given_time_to_finish_its_requests(name: str) -> None:
    """compose waits 10 s by default, then kills: requests `serve` still drains are cut off."""
    grace = seconds(OURS[name].get("stop_grace_period", "10s"))
    assert grace > GRACEFUL_SHUTDOWN_SECONDS
