"""The HTTP API (FastAPI): routes, schemas, problem+json errors. Calls the NLP core and storage."""
from service.api.app import create_app

__all__ = ["create_app"]
