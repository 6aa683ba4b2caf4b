"""Request and response bodies of the HTTP API. Events are the NLP core's own models."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from service.extraction.models import Event, TemporalExpression


def _encodable(value: str) -> str:
    # JSON may carry lone surrogates ("\ud800"); they cannot be hashed, stored or echoed as UTF-8.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text (it contains a lone surrogate)") from None
    return value


UnicodeStr = Annotated[str, AfterValidator(_encodable)]


def parse_published_at(value: object) -> object:
    """Accept an ISO 8601 date or a datetime that carries its time zone; nothing else."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date (2021-09-30) or a datetime with a time zone")
    if len(value) == 10:
        return date.fromisoformat(value)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("a datetime needs a time zone, e.g. 2021-09-30T18:00:00+02:00 or ...Z")
    return moment


PublishedAt = Annotated[date | AwareDatetime, BeforeValidator(parse_published_at)]


def _as_utc(moment: datetime) -> datetime:
    # The service stores UTC moments, and SQLite gives them back without their time zone;
    # an RFC 3339 date-time (what OpenAPI promises) must carry one.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


StoredMoment = Annotated[datetime, AfterValidator(_as_utc)]


def anchor_date(published_at: date | datetime | None) -> date | None:
    """The day relative dates are resolved against: a datetime's day in its own time zone."""
    if isinstance(published_at, datetime):
        return published_at.date()
    return published_at


def _english_only(value: str) -> str:
    if value.lower() != "en" and not value.lower().startswith("en-"):
        raise ValueError("only English ('en') is supported")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("text must not be empty")
    return value


class DocumentMetadata(BaseModel):
    """What the caller may say about the article besides its text; echoed back and stored."""

    url: UnicodeStr | None = Field(default=None, max_length=2048)
    title: UnicodeStr | None = Field(default=None, max_length=1000)
    source: UnicodeStr | None = Field(default=None, max_length=255, description="publisher, e.g. a news agency")
    external_id: UnicodeStr | None = Field(
        default=None,
        min_length=1,
        max_length=255,
        description="the caller's id for the article; persisting the same external_id again replaces it",
    )
    language: Annotated[UnicodeStr, AfterValidator(_english_only)] = Field(
        default="en",
        max_length=35,
        description="BCP 47 tag; only English is supported",
        # What _english_only accepts, told to clients; the validator's message stays the one they see.
        json_schema_extra={"pattern": "^[Ee][Nn](?![^-])"},
    )


class ExtractRequest(DocumentMetadata):
    model_config = ConfigDict(extra="forbid")

    text: Annotated[UnicodeStr, AfterValidator(_not_blank)] = Field(
        description="the article text; offsets in the response index into it",
        # What _not_blank accepts (some character that str.strip() keeps), told to clients.
        json_schema_extra={"minLength": 1, "pattern": "[^\\s\\x1c-\\x1f]"},
    )
    published_at: PublishedAt | None = Field(
        default=None,
        description="publication date (or datetime with time zone): the anchor for relative dates "
        "such as 'on Monday'; for a datetime, its day in its own time zone",
    )
    persist: bool = Field(default=False, description="store the document and its events")


class DocumentInfo(DocumentMetadata):
    """The document as the extraction saw it."""

    id: int | None = Field(description="storage id when the document was persisted, else null")
    content_sha256: str = Field(description="SHA-256 of the UTF-8 text, hex")
    published_at: date | None = Field(description="the anchor date used for relative dates")


class ExtractionMeta(BaseModel):
    pipeline: str = Field(description="spaCy pipeline name")
    pipeline_version: str
    extractor_version: str
    took_ms: float = Field(
        description="time spent extracting, in milliseconds (in a batch: the batch's time divided by its documents)"
    )


class ExtractResponse(BaseModel):
    document: DocumentInfo
    events: list[Event]
    temporal_expressions: list[TemporalExpression]
    meta: ExtractionMeta


# One request holds its worker's pipeline for the whole batch: keep batches short.
MAX_BATCH_DOCUMENTS = 64


class BatchExtractRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ExtractRequest] = Field(
        min_length=1, max_length=MAX_BATCH_DOCUMENTS, description=f"1 to {MAX_BATCH_DOCUMENTS} articles"
    )


class BatchExtractResponse(BaseModel):
    results: list[ExtractResponse] = Field(description="one per document, in the order of the request")


class StoredDocument(DocumentInfo):
    """A persisted document with the events of its latest extraction."""

    id: int
    text: str = Field(description="the stored text (NUL characters are stored as U+FFFD)")
    extractor_version: str
    created_at: StoredMoment
    updated_at: StoredMoment
    events: list[Event]


class StoredEvent(BaseModel):
    """A persisted event and the document it was extracted from."""

    document_id: int
    event: Event


class EventPage(BaseModel):
    """One page of events, ordered by date_start ascending (undated events last), then storage order."""

    items: list[StoredEvent]
    next_cursor: str | None = Field(description="pass as `cursor` to get the next page; null on the last page")


class HealthStatus(BaseModel):
    status: Literal["ok"] = "ok"
