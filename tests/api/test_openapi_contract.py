"""The OpenAPI document as an integrator's tools read it: a bearer scheme on every operation
that needs a token, one name per schema, and a `webhooks` section generated from the event
catalogue, which is also the only source of the event types the code emits."""

from __future__ import annotations

import ast
import json
import re
from collections import Counter
from pathlib import Path

import httpx
import jsonschema_rs
import pytest
from fastapi.responses import JSONResponse

from app.api.contract import BEARER, schema_name
from app.api.rest import conclusion, disclosure_consent
from app.api.rest.schemas import access as access_schemas
from app.api.rest.schemas import employees as employees_schemas
from app.api.rest.schemas import integrations as integrations_schemas
from app.api.rest.schemas import matching as matching_schemas
from app.api.rest.schemas import programs as programs_schemas
from app.api.rest.schemas.relationships import agreements as agreement_schemas
from app.api.rest.schemas.relationships import goals as goal_schemas
from app.api.rest.schemas.relationships import meetings as meeting_schemas
from app.api.rest.schemas.relationships import progress as progress_schemas
from app.config import Settings
from app.domain.errors import PolicyError
from app.domain.events import CATALOGUE, UnknownEvent, check_event
from app.domain.lifecycle.status import MentorshipEvent
from app.domain.policy.model import apply_overrides
from app.domain.policy.presets import PRESETS
from app.main import create_app

APP = Path(__file__).resolve().parents[2] / "app"
EVENT_NAME = re.compile(r"^[a-z_]+\.[a-z_]+$")
# Calls that hand an event type on to the outbox: the outbox itself, the employee writes
# (whose events are built in SQL) and the services' helpers that announce.
EMITTERS = {"emit", "insert", "update", "_announce", "_save_act"}


@pytest.fixture(scope="module")
def document() -> dict:
    return create_app(Settings(environment="test")).openapi()


def test_every_operation_that_needs_a_token_declares_the_bearer_scheme(document):
    scheme = document["components"]["securitySchemes"][BEARER]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    public = set()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if "security" not in operation:
                public.add(f"{method.upper()} {path}")
            else:
                assert operation["security"] == [{BEARER: []}]
    # Liveness, readiness and the calendar feed (its secret is in the URL) need no token.
    assert public == {
        "GET /healthz",
        "GET /readyz",
        "GET /v1/calendar/{organization_id}/{secret}.ics",
    }


def test_every_schema_has_one_name_that_no_other_schema_shares(document):
    schemas = document["components"]["schemas"]
    # FastAPI names two models that share a class name by their modules (`app__api__...`),
    # and generated clients name classes by `title`: both must be unique and plain.
    assert [name for name in schemas if "__" in name] == []
    titles = Counter(s.get("title", name) for name, s in schemas.items())
    assert [title for title, n in titles.items() if n > 1] == []


def test_the_webhooks_section_documents_every_catalogued_event_and_its_payload(document):
    webhooks = document["webhooks"]
    assert set(webhooks) == set(CATALOGUE)
    schemas = document["components"]["schemas"]
    for name, event in CATALOGUE.items():
        body = webhooks[name]["post"]["requestBody"]["content"]["application/json"]["schema"]
        envelope = schemas[schema_name(name)]
        assert body["$ref"].endswith("/" + schema_name(name))
        assert envelope["properties"]["type"]["const"] == name
        facts = schemas[envelope["properties"]["data"]["$ref"].rsplit("/", 1)[1]]
        assert set(facts["properties"]) == {f for f in event.facts.__dataclass_fields__}


def _emitted_literals() -> list[tuple[str, str]]:
    """(file, event type) of every event type the code hands to the outbox, found by reading
    the source; an f-string or other computed type there fails the test."""
    found = []
    for path in APP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name not in EMITTERS:
                continue
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.JoinedStr):
                    found.append((str(path), "<computed: " + ast.unparse(arg) + ">"))
                elif isinstance(arg, ast.Constant) and EVENT_NAME.match(str(arg.value)):
                    found.append((str(path), str(arg.value)))
    return found


def test_every_event_type_the_code_emits_is_in_the_catalogue():
    emitted = _emitted_literals()
    assert len({t for _, t in emitted}) > 20  # the scan does find the call sites
    missing = [(f, t) for f, t in emitted if t not in CATALOGUE]
    assert missing == []
    assert {e.value for e in MentorshipEvent} <= set(CATALOGUE)  # a transition's events


def test_the_outbox_refuses_a_type_or_payload_the_catalogue_does_not_describe():
    check_event("meeting.cancelled", {"mentorship_id": "m", "meeting_id": "x"})
    with pytest.raises(UnknownEvent):
        check_event("employee.nope", {})
    with pytest.raises(UnknownEvent):
        check_event("meeting.cancelled", {"mentorship_id": "m"})


async def test_subscribing_to_an_event_type_the_service_never_sends_answers_422(client, auth):
    admin = await auth()
    body = {"url": "https://hr.example.org/hooks", "event_types": ["employee.nope"]}
    refused = await client.post("/v1/webhook-endpoints", headers=admin, json=body)
    assert refused.status_code == 422
    assert refused.json()["field"] == "event_types"
    assert "employee.nope" in refused.json()["detail"]
    known = {**body, "event_types": ["meeting.logged", "*"]}
    assert (
        await client.post("/v1/webhook-endpoints", headers=admin, json=known)
    ).status_code == 201
    mutation = (
        'mutation { createWebhookEndpoint(url: "https://h.example.org/x", '
        'eventTypes: ["employee.nope"]) { __typename ... on Problem { code field } } }'
    )
    answer = await client.post("/graphql", headers=admin, json={"query": mutation})
    assert answer.json()["data"]["createWebhookEndpoint"]["field"] == "event_types"


async def test_a_405_lists_every_method_the_path_answers(client, auth):
    answer = await client.delete("/v1/webhook-endpoints", headers=await auth())
    assert answer.status_code == 405
    assert answer.headers["allow"] == "GET, POST"
    one = await client.put("/v1/webhook-endpoints/00000000-0000-0000-0000-000000000000")
    assert one.headers["allow"] == "DELETE, GET, PATCH"


EXAMPLED = [
    employees_schemas.EmployeeImportCreate,
    employees_schemas.EmployeeImportRead,
    employees_schemas.EmployeeRead,
    programs_schemas.ProgramCreate,
    programs_schemas.CohortCreate,
    programs_schemas.ApplicationCreate,
    matching_schemas.MentorshipCreate,
    matching_schemas.MentorshipRead,
    meeting_schemas.MeetingCreate,
    progress_schemas.CheckpointCreate,
    agreement_schemas.AgreementUpdate,
    integrations_schemas.WebhookEndpointCreate,
    integrations_schemas.WebhookEndpointRead,
    access_schemas.OidcIssuerCreate,
    access_schemas.ApiTokenCreate,
    goal_schemas.GoalCreate,
    meeting_schemas.JournalEntryCreate,
    goal_schemas.EvaluationCreate,
    goal_schemas.GoalCommentCreate,
    conclusion.DebriefCreate,
    conclusion.ProgressReportCreate,
    programs_schemas.SupervisorDecisionCreate,
    programs_schemas.CohortEventCreate,
    programs_schemas.ProgramPolicyUpdate,
    integrations_schemas.WebhookEndpointUpdate,
    disclosure_consent.ConsentAnswer,
]


@pytest.mark.parametrize("model", EXAMPLED, ids=lambda m: m.__name__)
def test_the_main_bodies_and_answers_carry_an_example_their_model_accepts(document, model):
    examples = document["components"]["schemas"][model.__name__]["examples"]
    assert examples
    for example in examples:
        model.model_validate(example)


def _resolved(schemas: dict, schema: dict) -> dict:
    """The schema a `$ref` names; for an optional body (`X | None`), X's."""
    while True:
        if "$ref" in schema:
            schema = schemas[schema["$ref"].rsplit("/", 1)[1]]
            continue
        branches = [s for s in schema.get("anyOf", ()) if s.get("type") != "null"]
        if len(branches) == 1 and "examples" not in schema:
            schema = branches[0]
            continue
        return schema


def _examples(schemas: dict, media: dict) -> list:
    """What a reader of the document (Swagger UI, a generated client) sees as examples of a
    body: the media type's own, else its schema's; a bare array shows its items' examples."""
    if "example" in media:
        return [media["example"]]
    schema = _resolved(schemas, media.get("schema", {}))
    if "examples" in schema:
        return schema["examples"]
    if schema.get("type") == "array":
        return [[e] for e in _resolved(schemas, schema.get("items", {})).get("examples", [])]
    return []


def _json_bodies(document: dict):
    """(operation, which body, media type object) of every request body and 2xx JSON answer."""
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            name = f"{method.upper()} {path}"
            bodies = [("request", operation.get("requestBody", {}))]
            bodies += [(code, r) for code, r in operation["responses"].items() if code[0] == "2"]
            for which, body in bodies:
                for content_type, media in body.get("content", {}).items():
                    if content_type.endswith("json"):
                        yield name, which, media


def test_every_request_body_and_success_answer_shows_an_example(document):
    schemas = document["components"]["schemas"]
    bodies = list(_json_bodies(document))
    assert len(bodies) > 120  # the walk does find every operation's bodies
    missing = [(name, which) for name, which, media in bodies if not _examples(schemas, media)]
    assert missing == []


def test_every_example_in_the_document_is_valid_against_its_schema(document):
    # The examples are what integrators copy first: each must pass its own schema, formats
    # (dates, uuids, date-times) included, resolved against the document's components.
    schemas = document["components"]["schemas"]
    invalid = []
    for name, which, media in _json_bodies(document):
        root = {**media.get("schema", {}), "components": document["components"]}
        validator = jsonschema_rs.Draft202012Validator(root, validate_formats=True)
        for example in _examples(schemas, media):
            invalid += [(name, which, e.message) for e in validator.iter_errors(example)]
    assert invalid == []


def _example_policies(node: object, path: str = "", in_example: bool = False):
    """Every `policy` object shown inside an example of the document, with where it is."""
    if isinstance(node, dict):
        if in_example and isinstance(node.get("policy"), dict):
            yield path, node["policy"]
        for key, value in node.items():
            yield from _example_policies(
                value, f"{path}/{key}", in_example or key in ("example", "examples")
            )
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _example_policies(value, f"{path}/{i}", in_example)


def test_every_policy_shown_in_an_example_is_one_the_service_accepts(document):
    # The schema of a policy is only "an object": an example that names a setting the policy
    # does not have passes it, and a reader who copies it into a program is refused.
    policies = list(_example_policies(document))
    assert len(policies) >= 4  # the programs' and the pairs' examples are found
    refused = []
    for where, policy in policies:
        try:
            apply_overrides(PRESETS["charlotte-sll"], policy)
        except PolicyError as error:
            refused.append((where, str(error)))
    assert refused == []


def test_an_example_that_breaks_its_schema_is_caught(document):
    schemas = document["components"]["schemas"]
    root = {"$ref": "#/components/schemas/CohortRead", "components": document["components"]}
    validator = jsonschema_rs.Draft202012Validator(root, validate_formats=True)
    [example] = schemas["CohortRead"]["examples"]
    assert validator.is_valid(example)
    assert not validator.is_valid({**example, "starts_on": "2027-02-30"})
    assert not validator.is_valid({k: v for k, v in example.items() if k != "name"})
    assert _examples(schemas, {"schema": {"type": "object"}}) == []


async def test_the_served_document_is_the_same_bytes_each_time_and_is_app_openapi():
    # Written once, not on every request: two reads answer the very same bytes, which are
    # FastAPI's JSON of `app.openapi()`; a client holding them is answered 304 by their ETag.
    app = create_app(Settings(environment="test"))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        first, second = [await client.get("/openapi.json") for _ in range(2)]
        again = await client.get("/openapi.json", headers={"If-None-Match": first.headers["ETag"]})
        # If-None-Match is read as for every other ETag (RFC 9110): a list, weak tags, `*`.
        listed = f'"other", W/{first.headers["ETag"]}'
        among = await client.get("/openapi.json", headers={"If-None-Match": listed})
        stale = await client.get("/openapi.json", headers={"If-None-Match": '"other"'})
    assert first.status_code == second.status_code == 200
    assert first.headers["content-type"] == "application/json"
    assert first.content == second.content == JSONResponse(app.openapi()).body
    assert json.loads(first.content) == app.openapi()
    assert (again.status_code, again.content) == (304, b"")
    assert (among.status_code, stale.status_code) == (304, 200)


async def test_the_document_behind_a_root_path_names_it_as_its_first_server():
    # As FastAPI's own route did: a proxy mounting the API under a prefix is told so.
    app = create_app(Settings(environment="test"))
    transport = httpx.ASGITransport(app=app, root_path="/api")
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        served = await client.get("/api/openapi.json")
    assert served.json()["servers"][0] == {"url": "/api"}
    assert "servers" not in app.openapi()
