"""Faults that heal: one odd response, page or feed must not break what comes after it."""

from __future__ import annotations

import pytest
from warcio.archiveiterator import ArchiveIterator

from briefarc.export import export
from briefarc.extract.core import extract
from briefarc.extract.decode import decode_html, normalize_label
from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import save_document
from tests import fixture_sites as fx

FAST = ("--delay", "0", "--timeout", "5")
ZH = ("<html><head><meta charset='utf-8'><title>外交部发言人答记者问</title></head><body><article>"
      + "<p>外交部发言人主持例行记者会。中方一贯坚持和平解决争端，愿同各方加强沟通。</p>" * 100
      + "</article></body></html>").encode()


def test_a_non_ascii_etag_does_not_break_the_next_requests(cli, db_file, site):
    page = fx.sample("un-noon-briefing.html").encode()
    site.route("/robots.txt", fx.robots())
    site.route("/a", fx.Reply(body=page, content_type=fx.HTML, etag='"vé1"', last_modified="Fré, 12 Sep 2025"))
    url = site.url("/a")
    assert cli("fetch", url, *FAST, "--db", db_file, "--json").jsonl()[0]["added"] == 1
    again = cli("fetch", url, *FAST, "--refresh", "--db", db_file, "--json")
    assert again.code == 0, again.stderr
    assert again.jsonl()[0]["unchanged"] == 1
    last = [r for r in site.requests if r.path == "/a"][-1]
    assert "if-none-match" not in last.headers and "if-modified-since" not in last.headers  # asked plainly


def test_warc_export_percent_encodes_non_ascii_urls(db_file, tmp_path):
    db = open_database(db_file)
    url = "https://www.fmprc.gov.cn/新闻/é 1.html"
    save_document(db, Document(title="新闻", paragraphs=["text"], url=url),
                  RawPage(data=b"<html><title>x</title></html>", origin=url, url=url, content_type="text/html"))
    out = tmp_path / "x.warc.gz"
    export(db, "warc", output=str(out))
    with open(out, "rb") as handle:
        uris = [record.rec_headers.get_header("WARC-Target-URI") for record in ArchiveIterator(handle)
                if record.rec_type != "warcinfo"]
    assert uris == ["https://www.fmprc.gov.cn/%E6%96%B0%E9%97%BB/%C3%A9%201.html"]


def test_a_bad_byte_late_in_a_utf8_page_is_replaced_with_a_warning():
    damaged = ZH[:-300] + b"\xff\xfe\x80" + ZH[-300:]
    for data in (damaged, damaged.replace(b"<meta charset='utf-8'>", b"")):
        text, encoding, warnings = decode_html(data)
        assert encoding == "utf-8" and "中方一贯坚持和平解决争端" in text and "\ufffd" in text
        assert any("replaced" in warning for warning in warnings)
    document = extract(damaged, url="https://m.example/a")
    assert document.title == "外交部发言人答记者问" and "中方" in document.body


def test_legacy_bytes_declared_utf8_are_still_guessed():
    text, encoding, _ = decode_html("<p>café olé déjà vu</p>".encode("cp1252"), "text/html; charset=utf-8")
    assert encoding == "cp1252" and "café" in text


@pytest.mark.parametrize("label", ["rot13", "rot-13", "base64", "zlib", "uu", "hex", "bz2", "quopri"])
def test_only_text_encodings_are_taken_from_a_declaration(label):
    assert normalize_label(label) is None
    text, encoding, _ = decode_html(f"<html><meta charset={label}><title>Uryyb</title><p>Plain text</p>".encode())
    assert "Uryyb" in text and encoding not in ("rot-13", "base64", "zlib", "uu", "hex", "bz2", "quopri")


def test_a_feed_with_an_internal_dtd_is_read_as_a_feed():
    data = b"""<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY ministry "Ministry"> <!ELEMENT rss ANY> ]>
<rss version="2.0"><channel><title>Briefings</title><link>https://m.example/</link>
<item><title>Weekly briefing</title><link>https://m.example/b/1</link></item>
<item><title>Another</title><link>https://m.example/b/2</link></item>
</channel></rss>"""
    document = extract(data, url="https://m.example/feed")
    assert document.kind == "listing"
    assert [item.url for item in document.items] == ["https://m.example/b/1", "https://m.example/b/2"]
