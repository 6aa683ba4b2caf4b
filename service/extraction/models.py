"""The shape of an extraction result: one definition for the API, the storage and the OpenAPI spec.

Offsets are Python string indices into the submitted text: ``text[start:end] == span.text``.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EventType = Literal["meeting", "exercise", "agreement"]
EventStatus = Literal["occurred", "planned"]
ParticipantKind = Literal["person", "organization", "country", "group"]
ParticipantRole = Literal["participant", "host", "visitor", "party"]
Granularity = Literal["day", "week", "month", "season", "quarter", "year", "decade", "century"]
DateModifier = Literal["early", "mid", "late"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextSpan(_Frozen):
    """A quoted piece of the submitted text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class CharRange(_Frozen):
    """A range of the submitted text, such as a sentence."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class EventMention(_Frozen):
    """One place in the text that reports the event: its trigger and the sentence around it."""

    trigger: TextSpan
    sentence: CharRange


class Participant(_Frozen):
    """A party to the event: a person, an organisation, a country or another group."""

    name: str
    kind: ParticipantKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3 code", pattern=r"^[A-Z]{3}$")
    title: str | None = None
    role: ParticipantRole = "participant"
    mentions: list[TextSpan] = Field(default_factory=list)


class EventDate(_Frozen):
    """When the event happened, at the precision the text gives."""

    text: str = Field(description="the words the date came from")
    value: str | None = Field(description="ISO 8601: 2021-11-28, 2021-09, 2021, 2021-W38, 2022-SP")
    granularity: Granularity | None = None
    modifier: DateModifier | None = None


class Location(_Frozen):
    name: str
    country: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")


class Event(_Frozen):
    """One real-world meeting, exercise or agreement, however many times the text reports it."""

    id: str = Field(description="stable: the same text and published_at give the same id")
    type: EventType
    status: EventStatus
    trigger: TextSpan
    mentions: list[EventMention]
    participants: list[Participant]
    date: EventDate | None
    location: Location | None
    confidence: float = Field(ge=0.0, le=1.0)


class TemporalExpression(_Frozen):
    """A temporal expression, TIMEX3-style (TimeML)."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str | None = Field(description="TIMEX3 value, e.g. 2021-09, P2W, PAST_REF; null when it cannot be resolved")
    modifier: str | None = Field(default=None, description="TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ...")


class Extraction(_Frozen):
    """What the NLP core returns for one text."""

    events: list[Event]
    temporal_expressions: list[TemporalExpression]
