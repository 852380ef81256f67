"""A fetch saves the pages that arrive within SAVE_SECONDS together (helper-113): saved as each turn of the event
loop ended, a busy fetch saved a worker's batch of 16 at a time, and the pages the main process extracts itself
(one per turn, briefarc.offload) one by one: a statement per table each, and a segment of each full-text index."""

from __future__ import annotations

import asyncio

from briefarc.pipeline import documents_of
from briefarc.saving import SAVE_PAGES, SavesAtHand
from briefarc.store.db import open_database
from briefarc.store.writer import SerialWriter
from tests.test_fetch_batches import pages, statements


def test_pages_that_arrive_one_turn_of_the_loop_apart_are_saved_in_one_statement(db_file):
    db = open_database(db_file)
    extracted = [list(documents_of(page)) for page in pages(range(1, 6))]
    seen = statements(db)

    async def one_per_turn():
        with SerialWriter(db) as writer:
            saves = SavesAtHand(writer)
            tasks = []
            for pairs in extracted:
                tasks.append(asyncio.ensure_future(saves.save(pairs, None)))
                await asyncio.sleep(0)  # the next page arrives in the next turn of the loop
            results = await asyncio.gather(*tasks)
            assert not db.conn.in_transaction  # committed once saved
            return results

    results = asyncio.run(one_per_turn())
    assert [result.document_id for result, in results] == [1, 2, 3, 4, 5]
    assert sum(s.lstrip().startswith("INSERT INTO documents") for s in seen) == 1, seen
    assert sum(s.startswith("BEGIN") for s in seen) == 1 and sum(s == "COMMIT" for s in seen) == 1


def test_a_full_batch_of_pages_is_saved_without_waiting(db_file, monkeypatch):
    """SAVE_PAGES pages at hand are saved at once: with the wait for more made an hour, the save still ends."""
    monkeypatch.setattr("briefarc.saving.SAVE_SECONDS", 3600)
    db = open_database(db_file)
    extracted = [list(documents_of(page)) for page in pages(range(1, SAVE_PAGES + 1))]

    async def save_all() -> None:
        with SerialWriter(db) as writer:
            saves = SavesAtHand(writer)
            await asyncio.wait_for(asyncio.gather(*(saves.save(pairs, None) for pairs in extracted)), timeout=60)

    asyncio.run(save_all())
    assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == SAVE_PAGES
