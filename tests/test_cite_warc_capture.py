"""A document read from a WARC file is cited as captured on its record's WARC-Date (by whatever tool wrote the
file), not as "archived ... by briefarc": a journalist citing a 2020 crawl ingested today would state something
false. Pages fetched or saved files keep "archived ... by briefarc". Found by h166's trial."""

from __future__ import annotations

import io
import json

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from briefarc.cite import from_warc

BODY = ("<html><head><title>Regular Press Conference on July 3, 2020</title></head><body><article>"
        "<h1>Regular Press Conference on July 3, 2020</h1>"
        + "<p>The spokesperson answered questions on the border talks and the visit of the foreign minister.</p>" * 6
        + "</article></body></html>").encode()


def write_warc(path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(
        "https://www.example.gov/press/2020-07-03.html", "response", payload=io.BytesIO(BODY), http_headers=http,
        warc_headers_dict={"WARC-Date": "2020-07-04T03:56:51Z"}))
    path.write_bytes(out.getvalue())


def test_a_warc_record_is_cited_as_captured_on_its_warc_date(cli, db_file, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc)
    assert cli("ingest", warc, "--db", db_file).code == 0
    text = cli("cite", "1", "--db", db_file)
    assert text.code == 0, text.stderr
    assert "captured 2020-07-04 (from a WARC file)" in text.stdout and "by briefarc" not in text.stdout
    bibtex = cli("cite", "1", "--format", "bibtex", "--db", db_file).stdout
    assert "Captured on 2020-07-04 (from a WARC file)" in bibtex and "Archived by briefarc" not in bibtex
    csl = json.loads(cli("cite", "1", "--format", "csl-json", "--db", db_file).stdout)[0]
    assert csl["accessed"] == {"date-parts": [[2020, 7, 4]]} and "Captured on 2020-07-04" in csl["note"]


def test_a_saved_file_is_still_archived_by_briefarc(cli, db_file, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(BODY)
    assert cli("ingest", page, "--url", "https://www.example.gov/press/2020-07-03.html", "--db", db_file).code == 0
    text = cli("cite", "1", "--db", db_file).stdout
    assert "by briefarc" in text and "captured" not in text


def test_which_origins_are_warc_records():
    assert from_warc({"origin": "/data/crawl.warc.gz#<urn:uuid:305d072a-1926-4fb0-8cdc-83f75bf9944a>"})
    assert from_warc({"origin": "<stdin>#offset 2048"})
    assert not from_warc({"origin": "/home/me/saved#1/page.html"})  # a '#' in a folder's name
    assert not from_warc({"origin": "https://www.example.gov/press/2020-07-03.html"})
    assert not from_warc({})
