"""A page larger than the limit (fetch's for a response, 20 MB; --max-size) fails alone, unread: a file by its
size, a gzipped file or standard input as it is read, a WARC record measured without being kept."""

from __future__ import annotations

import gzip
import io
import tracemalloc

import pytest
from warcio.warcwriter import WARCWriter

from briefarc.errors import InputError
from briefarc.files.inputs import read_page_file
from briefarc.limits import MAX_PAGE_BYTES
from tests.conftest import SAMPLES
from tests.test_warc import response

PAGE = (SAMPLES / "un-noon-briefing.html").read_bytes()
PARAGRAPH = b"<p>The Spokesperson said the talks on trade and security would go on next week.</p>\n"


def page_of(size: int) -> bytes:
    """A briefing of `size` bytes: a title and paragraph after paragraph."""
    head = b"<html><head><title>Press briefing on trade</title></head><body><article><h1>Press briefing</h1>"
    tail = b"</article></body></html>"
    filler = PARAGRAPH * ((size - len(head) - len(tail)) // len(PARAGRAPH) + 1)
    return head + filler[:size - len(head) - len(tail)] + tail


def test_fetch_and_ingest_share_the_limit():
    from briefarc.net.fetch import FetchConfig

    assert FetchConfig().max_bytes == MAX_PAGE_BYTES == 20 * 2**20


def test_a_file_over_the_limit_fails_unread_and_the_batch_goes_on(cli, db_file, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    big = folder / "big.html"
    big.write_bytes(page_of(21 * 2**20))
    (folder / "small.html").write_bytes(PAGE)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as refused:
            read_page_file(str(big))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 2**20  # told by its size: never read
    assert str(refused.value) == "21 MB, larger than the 20 MB limit for a page: --max-size 21 takes it in"
    result = cli("ingest", folder, "--db", db_file)
    assert result.code == 3, result.stderr  # the other page went through
    assert f"  failed: {big}: 21 MB, larger than the 20 MB limit for a page: --max-size 21 takes it in\n" \
        in result.stderr
    assert result.stderr.startswith("Added 1, updated 0, unchanged 0, failed 1.")


def test_max_size_takes_a_larger_page_in_and_parse_has_it_too(cli, db_file, tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(page_of(3 * 2**20 // 2))
    refused = cli("ingest", page, "--max-size", "1", "--db", db_file, "--json")
    assert refused.code == 1 and refused.jsonl()[0]["failed"] == [
        {"input": str(page), "error": "1.5 MB, larger than the 1 MB limit for a page: --max-size 2 takes it in"}]
    assert cli("ingest", page, "--max-size", "2", "--db", db_file).code == 0
    parsed = cli("parse", page, "--max-size", "1")
    assert parsed.code == 1 and "1.5 MB, larger than the 1 MB limit" in parsed.stderr
    assert cli("parse", page, "--json").code == 0  # under the 20 MB of the default


def test_a_gzipped_page_and_standard_input_are_judged_by_the_page(cli, db_file, tmp_path):
    data = page_of(3 * 2**20 // 2)
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(data))  # far under 1 MB on disk
    result = cli("ingest", packed, "--max-size", "1", "--db", db_file, "--json")
    assert result.jsonl()[0]["failed"][0]["error"] == (
        "decompresses to 1.5 MB, larger than the 1 MB limit for a page: --max-size 2 takes it in")
    piped = cli("ingest", "-", "--max-size", "1", "--db", db_file, "--json", stdin=data)
    assert piped.code == 1 and piped.jsonl()[0]["failed"][0]["error"].startswith("1.5 MB, larger than the 1 MB")


def test_a_warc_record_over_the_limit_fails_alone(cli, db_file, tmp_path):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, body in (("https://press.un.org/en/2025/big.doc.htm", page_of(3 * 2**20 // 2)),
                      ("https://press.un.org/en/2025/db250912.doc.htm", PAGE)):
        writer.write_record(response(writer, url, body, [("Content-Type", "text/html; charset=utf-8")]))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(out.getvalue())
    result = cli("ingest", path, "--max-size", "1", "--db", db_file, "--json")
    report = result.jsonl()[0]
    assert result.code == 3 and report["added"] == 1, report
    failed, = report["failed"]
    assert failed["input"].startswith(f"{path}#<urn:uuid:")
    assert failed["error"] == "1.5 MB, larger than the 1 MB limit for a page: --max-size 2 takes it in"
    again = cli("ingest", path, "--max-size", "2", "--db", db_file, "--json").jsonl()[0]
    assert (again["added"], again["unchanged"], again["failed"]) == (1, 1, [])
