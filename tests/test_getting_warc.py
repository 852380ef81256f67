"""Getting pages in from WARC files as a user keeps an archive: captures of one page that do not come in order.

A crawl's WARC file is not written in the order of its captures' dates, and an older crawl may be ingested after a
newer one: the newest capture stays the document's text, and the versions read in the order of their dates."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from tests.conftest import SHARED, needs_shared

BULK = SHARED / "corpus" / "fmprc-bulk"
ADDED = b"A SENTENCE ADDED IN AUGUST. "
ANCHOR = b"China and Kyrgyzstan are friendly neighbors"


def captures() -> tuple[str, bytes, bytes]:
    """(URL, June bytes, August bytes) of a real press conference of fmprc-bulk; in August a sentence was added."""
    needs_shared(BULK / "MANIFEST.json")
    for entry in json.loads((BULK / "MANIFEST.json").read_text("utf-8")):
        body = gzip.decompress((BULK / entry["file"]).read_bytes())
        if ANCHOR in body:
            return entry["url"], body, body.replace(ANCHOR, ADDED + ANCHOR, 1)
    raise AssertionError("no page of fmprc-bulk holds the anchor sentence")


def warc(path: Path, url: str, records: list[tuple[bytes, str]]) -> Path:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    with path.open("wb") as out:
        writer = warcio.warcwriter.WARCWriter(out, gzip=True)
        for body, date in records:
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=http, warc_headers_dict={"WARC-Date": date}))
    return path


@pytest.mark.parametrize("files", ["one", "two"])
def test_an_older_capture_read_after_a_newer_one_is_history_not_the_documents_text(cli, db_file, tmp_path, files):
    """Before: the June capture, read second, became version 2 and the document's text: `show` lost the August
    sentence and `history` and `diff` showed it removed."""
    url, june, august = captures()
    records = [(august, "2020-08-01T09:00:00Z"), (june, "2020-06-01T09:00:00Z")]
    if files == "one":
        inputs = [warc(tmp_path / "crawl.warc.gz", url, records)]
    else:  # the newer crawl ingested first
        inputs = [warc(tmp_path / "august.warc.gz", url, records[:1]),
                  warc(tmp_path / "june.warc.gz", url, records[1:])]
    for path in inputs:
        assert cli("ingest", str(path), "--db", db_file).code == 0

    record = cli("show", "1", "--db", db_file, "--json").jsonl()[0]
    assert ADDED.decode().strip() in record["body"]  # the newest capture's text
    assert (record["versions"], record["archived_at"], record["updated_at"]) == \
        (2, "2020-06-01T09:00:00Z", "2020-08-01T09:00:00Z")
    history = cli("history", "1", "--db", db_file, "--json").jsonl()
    assert [row["archived_at"][:10] for row in history] == ["2020-06-01", "2020-08-01"]
    diff = cli("diff", "1", "--db", db_file, "--json").jsonl()
    assert "ADDED IN AUGUST" in json.dumps(diff)
    assert cli("show", "1", "--raw", "--db", db_file).stdout_bytes == august
    assert cli("verify", "--db", db_file).code == 0
    again = cli("ingest", *map(str, inputs), "--db", db_file, "--json").jsonl()[-1]  # nothing new the second time
    assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2)
