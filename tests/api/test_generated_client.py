"""An integrator's first hour: generate a Python client from the committed OpenAPI document
with openapi-python-client, and call the API with it (bearer auth wired by the generator)."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from app.main import create_app

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
GENERATOR = Path(sys.executable).parent / "openapi-python-client"
PACKAGE = "mentoring_client"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("client")
    result = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(COMMITTED),
            "--meta",
            "none",
            "--output-path",
            str(out / PACKAGE),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "PATH": f"{GENERATOR.parent}{os.pathsep}{os.environ['PATH']}"},
        cwd=out,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # A schema the generator could not read is skipped with a warning, and its operations
    # silently vanish from the client (how `RosterImportRead` once went missing).
    assert "Unable to" not in result.stdout + result.stderr, result.stdout
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


async def test_a_generated_client_imports_and_reads_employees(generated, settings, database, auth):
    from mentoring_client import AuthenticatedClient
    from mentoring_client.api.employees import get_employee, import_employees
    from mentoring_client.models import EmployeeImportCreate, EmployeeImportRead, EmployeeRead

    token = (await auth())["Authorization"].removeprefix("Bearer ")
    transport = httpx.ASGITransport(app=create_app(settings, database=database))
    client = AuthenticatedClient(
        base_url="http://test", token=token, httpx_args={"transport": transport}
    )
    async with client:
        row = {"employee_number": "E1", "given_name": "Ada", "family_name": "Ng"}
        row |= {"level": 8, "department": "Finance"}
        body = EmployeeImportCreate.from_dict({"employees": [row]})
        imported = await import_employees.asyncio(client=client, body=body)
        assert isinstance(imported, EmployeeImportRead)
        assert imported.created == 1
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as raw:
            listed = await raw.get("/v1/employees", headers={"Authorization": f"Bearer {token}"})
        employee_id = listed.json()["items"][0]["id"]
        employee = await get_employee.asyncio(client=client, employee_id=employee_id)
    assert isinstance(employee, EmployeeRead)
    assert (employee.employee_number, employee.given_name) == ("E1", "Ada")
