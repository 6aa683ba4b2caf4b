"""RFC 9457 problem details: the one shape of every error the API returns."""
from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as ConnectionPoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = logging.getLogger(__name__)


class ValidationIssue(BaseModel):
    loc: list[str | int] = Field(description="where the problem is, e.g. ['body', 'text']")
    msg: str
    type: str


class Problem(BaseModel):
    """An error, as ``application/problem+json`` (RFC 9457)."""

    type: str = Field(default="about:blank", description="URI of the problem type")
    title: str = Field(description="short summary of the HTTP status")
    status: int
    detail: str = Field(description="what went wrong with this request")
    instance: str | None = Field(default=None, description="the request path")
    errors: list[ValidationIssue] | None = Field(default=None, description="each invalid input (422 only)")


def problem_response(
    status: int,
    detail: str,
    *,
    instance: str | None = None,
    errors: list[ValidationIssue] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    problem = Problem(
        title=HTTPStatus(status).phrase, status=status, detail=detail, instance=instance, errors=errors
    )
    return JSONResponse(
        problem.model_dump(mode="json", exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, object]]:
    """The ``responses=`` entry that documents error statuses of a route with the Problem schema."""
    return {status: {"model": Problem, "description": HTTPStatus(status).phrase} for status in statuses}


def use_problem_media_type(openapi_schema: dict[str, Any]) -> dict[str, Any]:
    """Document error bodies as application/problem+json, the media type they are sent with.

    FastAPI files every ``responses=`` model under the route's own media type (application/json).
    """
    for operations in openapi_schema.get("paths", {}).values():
        for operation in operations.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status.isdigit() and int(status) >= 400 and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    return openapi_schema


def _issue(error: dict[str, object]) -> ValidationIssue:
    loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]  # type: ignore[union-attr]
    message = str(error.get("msg", "invalid"))
    context = error.get("ctx")
    if error.get("type") == "json_invalid" and isinstance(context, dict) and "error" in context:
        message = f"{message}: {context['error']}"
    return ValidationIssue(loc=loc, msg=message, type=str(error.get("type", "value_error")))


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    issues = [_issue(error) for error in exc.errors()]
    detail = "; ".join(f"{'.'.join(map(str, issue.loc))}: {issue.msg}" for issue in issues[:5])
    return problem_response(422, detail or "invalid request", instance=request.url.path, errors=issues)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return problem_response(exc.status_code, detail, instance=request.url.path, headers=exc.headers)


async def _database_unavailable(request: Request, exc: OperationalError | ConnectionPoolTimeout) -> JSONResponse:
    # The SQL and driver message may reveal paths and hosts: log them, answer briefly.
    log.warning("database unavailable: %s", getattr(exc, "orig", exc))
    return problem_response(503, "the database is unavailable", instance=request.url.path)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(500, "internal error", instance=request.url.path)


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(OperationalError, _database_unavailable)  # type: ignore[arg-type]
    # Every pooled connection busy for too long: as unavailable as a database that is down.
    app.add_exception_handler(ConnectionPoolTimeout, _database_unavailable)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)
