"""Raw pages are compressed with ISA-L's deflate (a third of zlib's CPU), in the zlib format any tool reads."""

from __future__ import annotations

import sqlite3
import zlib
from contextlib import closing

from isal import isal_zlib

from briefarc.models import RawPage
from briefarc.pipeline import store_page
from briefarc.store.blobs import pack
from briefarc.store.db import open_database
from tests.conftest import SAMPLES

PAGE = (SAMPLES / "un-noon-briefing.html").read_bytes()


def test_a_saved_page_is_kept_as_isal_deflate_that_zlib_reads_back(tmp_path):
    db_file = tmp_path / "archive.db"
    store_page(open_database(db_file), RawPage(data=PAGE, origin="un-noon-briefing.html"))
    with closing(sqlite3.connect(db_file)) as conn:
        compression, stored, size = conn.execute("SELECT compression, data, size FROM blobs").fetchone()
    assert (compression, size) == ("zlib", len(PAGE))
    assert zlib.decompress(stored) == PAGE  # what sqlite-utils, Datasette or a script reads with zlib
    assert stored == isal_zlib.compress(PAGE, 1)


def test_a_page_packed_in_a_worker_is_isal_deflate_that_zlib_reads_back():
    packed = pack(RawPage(data=PAGE, origin="x")).packed
    assert packed == isal_zlib.compress(PAGE, 1)
    assert zlib.decompress(packed) == PAGE
