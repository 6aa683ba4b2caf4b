"""Database tables: documents, their events, and the events' participants.

The full event is kept as JSON (``events.data``); the fields that queries filter on are
copied into real, indexed columns.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints keep migrations reproducible across databases.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

JSONDocument = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRecord(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # What makes two submissions "the same document": "ext:<external_id>", or
    # "sha:<content_sha256>:<published_at>" when there is no external_id. Unique, so
    # concurrent persists of one document cannot both insert it.
    dedup_key: Mapped[str] = mapped_column(String(300), unique=True)
    external_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    content_sha256: Mapped[str] = mapped_column(String(64), index=True)
    published_at: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(String(1000))
    source: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(35))
    # Kept so that documents can be extracted again after an extractor upgrade.
    text: Mapped[str] = mapped_column(Text)
    extractor_version: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    events: Mapped[list[EventRecord]] = relationship(
        back_populates="document",
        order_by="EventRecord.id",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class EventRecord(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_date_start_id", "date_start", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    # The extractor's id: stable per text and published_at, so not unique across documents.
    event_id: Mapped[str] = mapped_column(String, index=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    status: Mapped[str] = mapped_column(String(16))
    date_value: Mapped[str | None] = mapped_column(String(64))
    # First and last day covered by date_value ('2021-09' -> 2021-09-01..2021-09-30).
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date, index=True)
    confidence: Mapped[float] = mapped_column(Float)
    data: Mapped[dict[str, Any]] = mapped_column(JSONDocument)

    document: Mapped[DocumentRecord] = relationship(back_populates="events")
    participants: Mapped[list[ParticipantRecord]] = relationship(
        back_populates="event", cascade="all, delete-orphan", passive_deletes=True
    )


class ParticipantRecord(Base):
    __tablename__ = "event_participants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String)
    name_lower: Mapped[str] = mapped_column(String, index=True)
    kind: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(3), index=True)

    event: Mapped[EventRecord] = relationship(back_populates="participants")


def storable(value: Any) -> Any:
    """Replace NUL characters, which PostgreSQL text and JSONB cannot hold; offsets stay valid."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {key: storable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [storable(item) for item in value]
    return value
