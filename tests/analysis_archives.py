"""Archives for the corpus commands: the bundled samples, and real China MFA pages from ../shared/corpus.

Built once per module with the library's own ingest. The real archive holds 13 press conferences
published both in English and in Chinese on the same day (fmprc-bulk), and is skipped without ../shared.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, SHARED, needs_shared

BULK = SHARED / "corpus" / "fmprc-bulk"
# Ten State Department releases and transcripts (March 2022), whose questions are labelled QUESTION, OPERATOR,
# SENATOR ...: officials and a moderator, not outlets.
STATE_FEED = SHARED / "corpus" / "state-feed-history" / "snapshot-20.rss"
# (date, English page, Chinese page): the same press conference in both languages (fmprc-bulk/MANIFEST.json)
PAIRS = [
    ("2018-07-04", "0736d77fa4ba35ea4d097f0dbde5f492e3d90219", "16444d95e253a945ac27e5b38315fb905f339566"),
    ("2018-12-12", "22134f06910f9d56666594eaab5a1343ba1a60a8", "05fbd7f6717f54421843109c5e5669f95879e414"),
    ("2018-12-27", "2b22a4b10fc280e93d46d1c8efe53e74d8e9fc3b", "140f9da2d0e35f8e20b2017c041caa2f0ecd6bc9"),
    ("2019-01-11", "2eb89f072c3dd5a724b11f86692f2d569f27d803", "1e88b8cc6a24fddae0ccc612b015c033129b249f"),
    ("2019-03-13", "2feb183d7e6443a5ec1fd710e970494a3c6265ff", "1fbaa9f37ce06d3d67219334759e85664bf112cb"),
    ("2019-03-25", "0c9e703aa6d6739f7c319b0dbdf8950487f87cf3", "2895e302b7b1839777a27a6f239fa29e633690e5"),
    ("2019-04-22", "21a7f31dbc37876e099b7010e57e4a2aca7a35c9", "244d5c60700e3accc70a820c81bcc48a7ba1d0b1"),
    ("2019-06-05", "1357fbdb30e186265ecc9ba611d0f8085ba7d64b", "06ac5d4fdac3ebdbc0dca74ffe2db3210bef5aef"),
    ("2019-07-25", "152d2aaa8c331853330472387e423eed7f9b39c4", "0a655fd58c62e2c26ab1508dc626edbae5b70c22"),
    ("2019-10-15", "0a16356869e8797668a6f9c3a5b1c1ae9fc52815", "23a9599fc8522bebd9ae48ce36dbbf3a1b55a4ad"),
    ("2019-12-26", "0115dbe70434f438becdd3c3a8f6efbbbcf94ebb", "2c224d1c9e3ada25560e08f7ce088d607bc84880"),
    ("2020-01-21", "1af324bd5e9d7763ed1c8c1598367996f8cd33c9", "10c0c7d8ecdfc7e3d2551003ca78c28e447c81fd"),
    ("2020-06-11", "2b49ef5b0593aa7d379fe85580a3b40061efebec", "1526e331b42cd592333c6434b5dcdccc61d53ff7"),
]


def build(path: Path, groups: dict[str, list[Path]]) -> Path:
    """An archive at `path` with each group of files ingested under its source name."""
    from briefarc.files.ingest import ingest
    from briefarc.store.db import open_database

    database = open_database(path)
    for source, files in groups.items():
        report = ingest(database, [str(file) for file in files], source=source)
        assert not report.failed
    database.conn.close()
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """The bundled samples: China MFA pages as source `fmprc`, every other page as `others`."""
    pages = sorted(SAMPLES.glob("*.html"))
    china = [page for page in pages if page.name.startswith(("china-mfa", "listing-china"))]
    others = [page for page in pages if page not in china]
    return build(tmp_path_factory.mktemp("samples") / "samples.db", {"fmprc": china, "others": others})


@pytest.fixture(scope="module")
def real_db(tmp_path_factory) -> Path:
    """The 13 real English/Chinese pairs, as source `fmprc`; skipped without ../shared."""
    needs_shared(BULK)
    files = [BULK / f"{name}.html.gz" for _, en, zh in PAIRS for name in (en, zh)]
    return build(tmp_path_factory.mktemp("real") / "real.db", {"fmprc": files})


def sample_pair(db: Path) -> tuple[int, int]:
    """The ids of the English and the Chinese sample of the 12 March 2025 press conference."""
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT language, id FROM documents WHERE published_date = '2025-03-12' "
                             "AND kind = 'briefing'").fetchall())
    conn.close()
    return rows["en"], rows["zh"]


@pytest.fixture(scope="module")
def sources_db(tmp_path_factory) -> Path:
    """The 13 real pairs filed by language (fmprc-en, fmprc-zh) beside the State Department's feed (state);
    skipped without ../shared."""
    needs_shared(BULK)
    needs_shared(STATE_FEED)
    groups = {"fmprc-en": [BULK / f"{en}.html.gz" for _, en, _ in PAIRS],
              "fmprc-zh": [BULK / f"{zh}.html.gz" for _, _, zh in PAIRS], "state": [STATE_FEED]}
    return build(tmp_path_factory.mktemp("sources") / "sources.db", groups)
