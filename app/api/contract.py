"""What the OpenAPI document promises beyond the routes themselves: how callers authenticate
(an HTTP bearer scheme on every operation that needs a token, so Swagger UI's Authorize
button and generated clients work), the problem document every error answers, and the
webhooks the service sends (one entry per type in the event catalogue, `app.domain.events`,
with its payload's schema).

FastAPI's documented ways are used: `app.webhooks` for the webhooks, and a replacement
`app.openapi` that post-processes the generated document once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts
from pydantic import BaseModel, ConfigDict, Field, create_model

from app.api.deps import get_caller, get_principal, get_uow_factory
from app.api.rest.responses import PROBLEM_SCHEMA
from app.domain.events import CATALOGUE, EventType

BEARER = "bearerAuth"
SECURITY_SCHEMES = {
    BEARER: {
        "type": "http",
        "scheme": "bearer",
        "description": "An API token (`mentoring token create`, `mtk_...`) or a JWT from an "
        "identity provider the organisation registered (`/v1/oidc-issuers`).",
    }
}
_AUTHENTICATING: frozenset[Callable[..., Any]] = frozenset(
    {get_principal, get_caller, get_uow_factory}
)
WEBHOOK_DESCRIPTION = """Sent as a POST to every endpoint subscribed to this type (or to `*`),
signed per Standard Webhooks: headers `webhook-id` (the same on every retry: deduplicate on
it), `webhook-timestamp` and `webhook-signature`. Answer 2xx to acknowledge; anything else is
retried with backoff for three days; 410 Gone unsubscribes."""


# Bodies a route reads itself (a streamed import) and declares for the documentation only:
# FastAPI makes components of the models it reads, so these are added by name here.
_DOCUMENTED_BODIES: dict[str, type[BaseModel]] = {}


def documented_body(model: type[BaseModel]) -> dict[str, Any]:
    """An `openapi_extra` request body naming `model`'s component, which `app.openapi()`
    adds (with the models it refers to) however the route reads its body."""
    _DOCUMENTED_BODIES[model.__name__] = model
    schema = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def install_contract(app: FastAPI) -> None:
    """Declare the webhooks, and make `app.openapi()` add the security scheme."""
    app.webhooks.routes.extend(_webhooks().routes)
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = generate()
            _secure(document, app)
            _add_documented_bodies(document)
            _restore_examples(document)
        return app.openapi_schema or {}

    app.openapi = openapi  # type: ignore[method-assign]  # FastAPI's documented extension


def _add_documented_bodies(document: dict[str, Any]) -> None:
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    for name, model in _DOCUMENTED_BODIES.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        for inner, definition in schema.pop("$defs", {}).items():
            schemas.setdefault(inner, definition)
        schemas.setdefault(name, schema)


def _restore_examples(document: dict[str, Any]) -> None:
    """Put back the `null`s of the models' examples: FastAPI drops every null from the
    document it generates, examples included, which leaves a required nullable field out of
    its own example (`"revoked_at": null` of a live token)."""
    schemas = document.get("components", {}).get("schemas", {})
    for model in _api_models(BaseModel):
        published = schemas.get(model.__name__)
        if published is not None and "examples" in published:
            published["examples"] = model.model_json_schema().get("examples", [])


def _api_models(base: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """Every model the API layer defines (its bodies, answers and their parts)."""
    for model in base.__subclasses__():
        if model.__module__.startswith("app.api"):
            yield model
        yield from _api_models(model)


def _secure(document: dict[str, Any], app: FastAPI) -> None:
    document.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEMES
    document["components"].setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    for context in iter_route_contexts(app.routes):  # routes of included routers too
        route = context.original_route
        if isinstance(route, APIRoute) and _authenticates(route):
            operations = document["paths"].get(context.path_format, {})
            for method in context.methods or ():
                if (operation := operations.get(method.lower())) is not None:
                    operation["security"] = [{BEARER: []}]


def _authenticates(route: APIRoute) -> bool:
    return any(d.call in _AUTHENTICATING for d in _dependencies(route.dependant))


def _dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for dependency in dependant.dependencies:
        yield dependency
        yield from _dependencies(dependency)


def schema_name(event_type: str) -> str:
    """`mentorship.confirmation_recorded` -> `MentorshipConfirmationRecordedEvent`."""
    words = event_type.replace(".", "_").split("_")
    return "".join(w.capitalize() for w in words) + "Event"


def envelope(event: EventType) -> type[BaseModel]:
    """The JSON body a receiver gets for this event type."""
    return create_model(
        schema_name(event.name),
        __config__=ConfigDict(title=schema_name(event.name)),
        __doc__=event.summary,
        type=(Literal[event.name], Field(description="The event type")),  # type: ignore[arg-type]
        timestamp=(datetime, Field(description="When it happened (UTC)")),
        data=(event.facts, Field(description="The event's facts")),
    )


@functools.cache
def _webhooks() -> APIRouter:
    """One entry per event type, declared once per process and shared by every app made in
    it (documentation only, never served): declaring them is costly, and the tests make
    many apps."""
    router = APIRouter()
    for event in CATALOGUE.values():
        _declare_webhook(router, event)
    return router


def _declare_webhook(router: APIRouter, event: EventType) -> None:
    model = envelope(event)

    async def receiver(body: Any) -> None:
        """Documentation only: the receiver is the subscriber's."""

    receiver.__annotations__ = {"body": model, "return": None}
    router.add_api_route(
        event.name,
        receiver,
        methods=["POST"],
        summary=event.summary,
        description=WEBHOOK_DESCRIPTION,
        operation_id=schema_name(event.name)[0].lower() + schema_name(event.name)[1:],
        status_code=204,
        response_description="Acknowledged",
        tags=["webhooks"],
    )
