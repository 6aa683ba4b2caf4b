"""Storage service functions on a real database, with hand-made events."""
from __future__ import annotations

import hashlib
import threading
from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.storage import documents, events
from service.storage.database import make_session_factory
from service.storage.models import DocumentRecord, EventRecord, ParticipantRecord

ARTICLE = (
    "The foreign ministers of Chile and Peru held talks in Lima in September 2021. "
    "Later that year the two navies began a joint exercise off the coast, and in the "
    "spring of 2022 the two governments signed a fisheries agreement."
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def three_events(make_event, prefix: str = "e") -> list:
    return [
        make_event(ARTICLE, "talks", event_id=f"{prefix}1", date_value="2021-09",
                   participants=(("Chile", "country", "CHL"), ("Peru", "country", "PER"))),
        make_event(ARTICLE, "exercise", event_id=f"{prefix}2", type="exercise", date_value="2021",
                   participants=(("Chilean Navy", "organization", "CHL"),)),
        make_event(ARTICLE, "agreement", event_id=f"{prefix}3", type="agreement", date_value="2022-SP",
                   participants=(("Peru", "country", "PER"), ("Ana María Soto", "person", None))),
    ]


def persist(db_session: Session, events_, *, text: str = ARTICLE, **fields):
    fields.setdefault("published_at", date(2022, 6, 1))
    return documents.persist(
        db_session=db_session, text=text, content_sha256=sha(text), events=events_,
        extractor_version="test", **fields,
    )


def count(db_session: Session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


def page_ids(db_session: Session, **filters) -> list[str]:
    page = events.list_page(db_session=db_session, filters=events.EventFilters(**filters), limit=500)
    return [record.event_id for record in page.items]


def test_persisted_events_come_back_equal(db_session, make_event):
    original = three_events(make_event)
    stored = persist(db_session, original, external_id="story-1", title="Talks in Lima")

    fetched = documents.get(db_session=db_session, document_id=stored.id)
    assert fetched is not None
    assert fetched.title == "Talks in Lima"
    assert fetched.text == ARTICLE
    assert [type(e).model_validate(r.data) for e, r in zip(original, fetched.events)] == original


def test_filters_by_type_country_and_participant_name(db_session, make_event):
    persist(db_session, three_events(make_event))

    assert page_ids(db_session, type="exercise") == ["e2"]
    assert sorted(page_ids(db_session, country="PER")) == ["e1", "e3"]
    assert sorted(page_ids(db_session, country="per")) == ["e1", "e3"]
    assert page_ids(db_session, participant="maría so") == ["e3"]
    assert page_ids(db_session, participant="CHILEAN") == ["e2"]
    assert page_ids(db_session, participant="%") == []  # a LIKE wildcard is matched literally
    assert page_ids(db_session, type="meeting", country="CHL") == ["e1"]


def test_date_filters_match_any_overlapping_day(db_session, make_event):
    events_ = three_events(make_event) + [make_event(ARTICLE, "talks", event_id="undated")]
    persist(db_session, events_)

    # '2021-09' covers the whole month, '2021' the year, '2022-SP' March to May 2022.
    assert sorted(page_ids(db_session, date_from=date(2021, 9, 20), date_to=date(2021, 9, 21))) == ["e1", "e2"]
    assert page_ids(db_session, date_from=date(2021, 10, 1), date_to=date(2021, 12, 31)) == ["e2"]
    assert page_ids(db_session, date_from=date(2022, 5, 31)) == ["e3"]
    assert page_ids(db_session, date_to=date(2020, 12, 31)) == []
    assert "undated" not in page_ids(db_session, date_from=date(1900, 1, 1))
    assert page_ids(db_session) == ["e2", "e1", "e3", "undated"]  # date_start order, undated last


def test_pages_cover_every_event_once_in_order(db_session, make_event):
    months = [None, "2021-03", "2021-01", None, "2021-03", "2020", "2021-W05"] * 4
    events_ = [make_event(ARTICLE, "talks", event_id=f"m{i}", date_value=month) for i, month in enumerate(months)]
    persist(db_session, events_)

    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        page = events.list_page(db_session=db_session, filters=events.EventFilters(), limit=5, cursor=cursor)
        seen += [record.event_id for record in page.items]
        pages += 1
        cursor = page.next_cursor
        if cursor is None:
            break
    assert pages == 6  # 28 events, 5 a page
    assert sorted(seen) == sorted(f"m{i}" for i in range(len(months)))
    assert seen == page_ids(db_session)


def test_a_foreign_cursor_is_rejected(db_session):
    with pytest.raises(events.InvalidCursor):
        events.list_page(db_session=db_session, filters=events.EventFilters(), limit=5, cursor="not-a-cursor")


def test_persisting_the_same_external_id_replaces_the_extraction(db_session, make_event):
    first = persist(db_session, three_events(make_event, "old"), external_id="story-1")
    second = persist(db_session, three_events(make_event, "new")[:2], external_id="story-1", title="Updated")

    assert second.id == first.id
    assert count(db_session, DocumentRecord) == 1
    assert sorted(page_ids(db_session)) == ["new1", "new2"]
    assert count(db_session, ParticipantRecord) == 3
    assert documents.get(db_session=db_session, document_id=first.id).title == "Updated"


def test_same_text_without_external_id_is_the_same_document_for_the_same_date(db_session, make_event):
    first = persist(db_session, three_events(make_event, "a"))
    again = persist(db_session, three_events(make_event, "b"))
    other_day = persist(db_session, three_events(make_event, "c"), published_at=date(2022, 6, 2))

    assert again.id == first.id
    assert other_day.id != first.id
    assert count(db_session, DocumentRecord) == 2
    assert sorted(page_ids(db_session, type="meeting")) == ["b1", "c1"]


def test_identical_texts_with_different_external_ids_are_kept_apart(db_session, make_event):
    older = persist(db_session, three_events(make_event), external_id="wire-copy")
    newer = persist(db_session, three_events(make_event), external_id="website-copy")

    assert newer.id != older.id
    assert count(db_session, EventRecord) == 6
    # Event ids repeat across the two documents: lookup by id gives the latest persisted.
    assert events.get(db_session=db_session, event_id="e1").document_id == newer.id
    assert events.get(db_session=db_session, event_id="nope") is None


def test_delete_removes_the_document_and_only_its_events(db_session, make_event):
    kept = persist(db_session, three_events(make_event, "k"), external_id="keep")
    gone = persist(db_session, three_events(make_event, "g"), external_id="drop")

    assert documents.delete(db_session=db_session, document_id=gone.id) is True
    assert documents.get(db_session=db_session, document_id=gone.id) is None
    assert documents.get(db_session=db_session, document_id=kept.id) is not None
    assert sorted(page_ids(db_session)) == ["k1", "k2", "k3"]
    assert count(db_session, ParticipantRecord) == 5
    assert documents.delete(db_session=db_session, document_id=gone.id) is False


def test_nul_characters_are_stored_as_replacement_characters(db_session, make_event):
    text = "Envoys of Chile\x00 and Peru met in Lima."
    event = make_event(text, "met", event_id="n1", participants=(("Chile\x00", "country", "CHL"),))
    stored = persist(db_session, [event], text=text)

    fetched = documents.get(db_session=db_session, document_id=stored.id)
    assert fetched.text == text.replace("\x00", "\ufffd")
    assert len(fetched.text) == len(text)  # offsets stay valid
    assert page_ids(db_session, participant="chile\x00") == ["n1"]


def test_concurrent_persists_of_one_document_leave_one_copy(engine, make_event):
    session_factory = make_session_factory(engine)
    failures: list[BaseException] = []
    start = threading.Barrier(6)

    def persist_once(n: int) -> None:
        try:
            with session_factory() as session:
                start.wait()
                persist(session, three_events(make_event, f"t{n}-"), external_id="contended")
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=persist_once, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    with session_factory() as session:
        assert count(session, DocumentRecord) == 1
        assert count(session, EventRecord) == 3  # one extraction's events, not a mix
        assert len({event_id.split("-")[0] for event_id in page_ids(session)}) == 1
