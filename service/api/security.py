"""Optional API keys for the /v1 routes, and CORS only when configured.

With ``EVENTEX_API_KEYS`` empty (the default) the API is open, as it is for a service behind a
gateway that authenticates. With keys set, every /v1 request must carry one of them, either as
``Authorization: Bearer <key>`` or as ``X-API-Key: <key>``. The probes stay open so that an
orchestrator can check the process without holding a key.
"""
from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from service.settings import Settings

# auto_error=False: these only read the headers (and declare the schemes in OpenAPI);
# whether a key is needed at all is decided below, from the settings.
_bearer = HTTPBearer(
    scheme_name="BearerKey", auto_error=False, description="an API key as a bearer token (when keys are configured)"
)
_api_key_header = APIKeyHeader(
    name="X-API-Key", scheme_name="ApiKeyHeader", auto_error=False, description="an API key (when keys are configured)"
)

UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="eventex"'}


def key_matches(candidate: str, keys: tuple[str, ...]) -> bool:
    """Whether ``candidate`` is one of ``keys``, in time independent of where they differ.

    Every key is compared (no early exit), so the time does not tell which key came close either.
    """
    candidate_bytes = candidate.encode("utf-8", "surrogatepass")
    found = False
    for key in keys:
        found |= hmac.compare_digest(candidate_bytes, key.encode("utf-8"))
    return found


def require_api_key(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    api_key: Annotated[str | None, Depends(_api_key_header)],
) -> None:
    keys: tuple[str, ...] = request.app.state.settings.api_key_set
    if not keys:
        return
    presented = [value for value in (bearer.credentials if bearer else None, api_key) if value]
    if not presented:
        raise HTTPException(401, detail="an API key is required", headers=UNAUTHORIZED_HEADERS)
    if not all(key_matches(value, keys) for value in presented):
        raise HTTPException(401, detail="the API key is not valid", headers=UNAUTHORIZED_HEADERS)


def install_cors(app: FastAPI, settings: Settings) -> None:
    """Let browsers on the configured origins call the API; without origins, add nothing."""
    origins = settings.cors_origin_list
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "POST", "DELETE"],
        allow_headers=["Authorization", "Content-Type", "X-API-Key"],
        allow_credentials=False,
        max_age=600,
    )
