"""No cross-site overwrite: a page names its own identity only within the site it came from."""

from __future__ import annotations

from briefarc.models import Document, RawPage
from briefarc.store.db import open_database
from briefarc.store.documents import get_document, save_document
from briefarc.store.identity import same_site, site_of
from tests.conftest import SAMPLES

STATE = (SAMPLES / "state-briefing.html").read_bytes()
MOFA = (SAMPLES / "mofa-briefing-transcript.html").read_bytes()
STATE_URL = "https://www.state.gov/briefings/department-press-briefing-july-29-2025/"
FORGED = STATE.replace(b"Department Press Briefing", b"Forged Press Briefing").replace(
    b"</head>", b'<meta property="og:url" content="' + STATE_URL.encode() + b'"></head>', 1)


def test_registrable_domains_from_the_bundled_list():
    assert site_of("www.state.gov") == site_of("state.gov") == "state.gov"
    assert site_of("a.b.github.io") == "b.github.io"  # a public suffix with private registrations
    assert site_of("www.fmprc.gov.cn") == "fmprc.gov.cn" and site_of("127.0.0.1") == "127.0.0.1"
    assert same_site("https://www.state.gov/a", "http://state.gov:8080/b")
    assert not same_site("https://state.gov.evil.example/a", "https://www.state.gov/")
    assert not same_site("https://x.co.uk/", "https://y.co.uk/")
    assert same_site("https://www.fmprc.gov.cn/eng/", "https://www.mfa.gov.cn/eng/")  # listed as one site


def test_an_address_and_a_name_are_told_apart_without_reading_the_list():
    """A page fetched from an IP address that names a site in its canonical link (a local mirror, a test server)
    read the whole public suffix list, 0.1 s of CPU, to learn that the two are not one site."""
    from briefarc.store import identity

    identity._suffixes.cache_clear()
    identity.site_of.cache_clear()
    assert not same_site("http://127.0.0.1:8080/news/1/", "https://observer.example/news/1/")
    assert not same_site("https://observer.example/a", "http://[::1]:8080/a")
    assert same_site("http://127.0.0.1:8080/a", "http://127.0.0.1:9090/b")
    assert identity._suffixes.cache_info().currsize == 0


def test_a_page_from_another_site_cannot_become_a_version_of_a_document(cli, db_file, tmp_path):
    real, forged = tmp_path / "real.html", tmp_path / "forged.html"
    real.write_bytes(STATE)
    forged.write_bytes(FORGED)
    assert cli("ingest", str(real), "--url", STATE_URL, "--db", db_file).code == 0
    assert cli("ingest", str(forged), "--url", "https://evil.example/copy", "--db", db_file).code == 0
    assert len(cli("history", "1", "--db", db_file, "--json").jsonl()) == 1  # still one version
    record = cli("show", "2", "--db", db_file, "--json").jsonl()[0]
    assert record["url"] == "https://evil.example/copy" and record["canonical_url"] is None
    assert record["claimed_url"] == STATE_URL
    shown = cli("show", "2", "--db", db_file).stdout
    assert "Claims to be" in shown and "evil.example" in shown
    exported = cli("export", "-f", "csv", "--db", db_file).stdout
    assert exported.splitlines()[0].split(",").index("claimed_url") == 14 and STATE_URL in exported
    assert "Forged" not in cli("cite", "1", "--db", db_file).stdout
    assert "state.gov" not in cli("cite", "2", "--db", db_file).stdout


def test_a_canonical_within_the_site_still_merges(db_file):
    db = open_database(db_file)
    doc = Document(title="Briefing", paragraphs=["text"], canonical_url=STATE_URL)
    first = save_document(db, doc, RawPage(data=b"1", origin=STATE_URL, url=STATE_URL))
    amp = "https://amp.state.gov/briefings/x?amp"
    second = save_document(db, Document(title="Briefing", paragraphs=["text, edited"], canonical_url=STATE_URL),
                           RawPage(data=b"2", origin=amp, url=amp))
    assert second.document_id == first.document_id and second.version == 2


def test_a_saved_file_is_held_to_the_site_its_template_shows(db_file):
    db = open_database(db_file)
    save_document(db, Document(title="Real", paragraphs=["text"], url=STATE_URL, canonical_url=STATE_URL),
                  RawPage(data=STATE, origin=STATE_URL, url=STATE_URL))
    forged = MOFA.replace(b"</head>", b'<link rel="canonical" href="' + STATE_URL.encode() + b'"></head>', 1)
    from briefarc.extract.core import extract

    document = extract(forged)
    assert document.site == "mofa.gov.pk" and document.canonical_url == STATE_URL
    result = save_document(db, document, RawPage(data=forged, origin="/tmp/saved.html"))
    assert result.status == "added" and result.document_id != 1
    assert get_document(db, result.document_id)["claimed_url"] == STATE_URL
    own = "https://mofa.gov.pk/press-releases/transcript-16-january-2025"
    document.canonical_url = own
    assert save_document(db, document, RawPage(data=forged, origin="/tmp/saved.html")).status == "added"
    assert get_document(db, 3)["canonical_url"] == own


def test_a_feed_entry_linking_to_another_site_does_not_merge(db_file):
    db = open_database(db_file)
    save_document(db, Document(title="Real", paragraphs=["text"], url=STATE_URL),
                  RawPage(data=b"real", origin=STATE_URL, url=STATE_URL))
    feed = "https://evil.example/feed.xml"
    entry = RawPage(data=b"<rss/>", origin=feed, url=STATE_URL, item="guid-1", source_url=feed)
    result = save_document(db, Document(title="Forged", paragraphs=["other"], url=STATE_URL), entry)
    assert result.status == "added" and result.document_id == 2
    record = get_document(db, 2)
    assert record["claimed_url"] == STATE_URL and record["url"] == feed


def test_a_native_id_does_not_merge_across_sites(db_file):
    db = open_database(db_file)
    save_document(db, Document(title="Real", paragraphs=["a"], native_id="mofa:1"),
                  RawPage(data=b"a", origin=STATE_URL, url=STATE_URL))
    other = "https://evil.example/briefings/1"
    result = save_document(db, Document(title="Forged", paragraphs=["b"], native_id="mofa:1"),
                           RawPage(data=b"b", origin=other, url=other))
    assert result.status == "added" and result.document_id == 2


def test_a_warc_records_target_uri_is_held_to_the_site_of_the_page(db_file, tmp_path, cli):
    """A crafted WARC file: a Pakistani ministry page claiming a state.gov address, and a page of an
    unknown site whose record says evil.example but whose canonical link says state.gov."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    forged_state = STATE.replace(b"Department Press Briefing", b"Forged Press Briefing")
    for url, body in ((STATE_URL, STATE), (STATE_URL + "?x", MOFA), ("https://evil.example/a", forged_state)):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=http))
    path = tmp_path / "crafted.warc.gz"
    path.write_bytes(out.getvalue())
    assert cli("ingest", path, "--db", db_file).code == 0
    records = cli("list", "--db", db_file, "--json", "--limit", "10").jsonl()
    assert len(records) == 3
    db = open_database(db_file)
    rows = {row["id"]: get_document(db, row["id"]) for row in records}
    state = [r for r in rows.values() if r["url"] == STATE_URL]
    assert len(state) == 1 and state[0]["versions"] == 1 and state[0]["claimed_url"] is None
    claims = sorted(r["claimed_url"] for r in rows.values() if r["claimed_url"])
    assert claims == [STATE_URL, STATE_URL + "?x"]


def test_og_url_alone_is_held_to_the_site_too(db_file):
    from briefarc.extract.core import extract

    db = open_database(db_file)
    html = (b'<html><head><title>Briefing</title><meta property="og:url" content="' + STATE_URL.encode()
            + b'"></head><body><article><p>The spokesperson took questions on the border talks today.</p>'
            b"</article></body></html>")
    where = "https://evil.example/b/1"
    document = extract(html, url=where)
    assert document.canonical_url == STATE_URL  # what the page says
    result = save_document(db, document, RawPage(data=html, origin=where, url=where))
    record = get_document(db, result.document_id)
    assert (record["url"], record["canonical_url"], record["claimed_url"]) == (where, None, STATE_URL)


def test_a_page_saved_without_its_address_takes_it_when_given_later(cli, db_file, tmp_path):
    page = tmp_path / "briefing.html"
    page.write_bytes(MOFA)
    url = "https://mofa.gov.pk/press-briefings/transcript-2025-07-31"
    assert cli("ingest", str(page), "--db", db_file).code == 0
    assert cli("ingest", str(page), "--url", url, "--db", db_file, "--json").jsonl()[0]["unchanged"] == 1
    records = cli("list", "--db", db_file, "--json").jsonl()
    assert len(records) == 1 and records[0]["url"] == url
    assert cli("ingest", str(page), "--db", db_file, "--json").jsonl()[0]["unchanged"] == 1  # and keeps it
    assert cli("show", "1", "--db", db_file, "--json").jsonl()[0]["url"] == url
    assert len(cli("list", "--db", db_file, "--json").jsonl()) == 1


def test_a_page_stored_with_its_address_is_the_same_document_when_saved_again_without_it(cli, db_file, tmp_path):
    page = tmp_path / "briefing.html"
    page.write_bytes(MOFA)  # it names no address of its own
    url = "https://mofa.gov.pk/press-briefings/transcript-2025-07-31"
    assert cli("ingest", str(page), "--url", url, "--db", db_file).code == 0
    assert cli("ingest", str(page), "--db", db_file, "--json").jsonl()[0]["unchanged"] == 1
    records = cli("list", "--db", db_file, "--json").jsonl()
    assert len(records) == 1 and records[0]["url"] == url


def test_the_same_bytes_saved_again_without_an_address_are_the_first_document_that_holds_them(cli, db_file, tmp_path):
    page = tmp_path / "briefing.html"
    page.write_bytes(MOFA)
    base = "https://mofa.gov.pk/press-briefings/transcript-2025-07-31"
    statuses = []
    for url in (None, f"{base}?v=1", f"{base}?v=2", None):
        given = ("--url", url) if url else ()
        summary = cli("ingest", str(page), *given, "--db", db_file, "--json").jsonl()[0]
        statuses.append("added" if summary["added"] else "unchanged" if summary["unchanged"] else "?")
    assert statuses == ["added", "unchanged", "added", "unchanged"]  # the copy at a second address is its own


def test_a_page_fetched_or_a_warc_records_address_never_takes_over_a_saved_files_document(db_file):
    from briefarc.pipeline import documents_of

    db = open_database(db_file)
    [(doc, raw)] = documents_of(RawPage(data=MOFA, origin="/saved/briefing.html"))
    saved = save_document(db, doc, raw)
    elsewhere, claimed = "https://mirror.example/briefing.html", "https://mofa.gov.pk/press-briefings/some-day"
    for served in (RawPage(data=MOFA, origin=elsewhere, url=elsewhere, live=True),
                   RawPage(data=MOFA, origin="crawl.warc#1", url=claimed, url_claimed=True, item="1")):
        [(doc, raw)] = documents_of(served)
        assert save_document(db, doc, raw).document_id != saved.document_id
    assert get_document(db, saved.document_id)["url"] is None  # the saved file keeps no address it was not given


def test_the_same_bytes_in_one_batch_under_an_address_and_without_one_are_one_document(db_file):
    """As in one batch of a WARC: a record whose address is held to the page's site, then one claiming another
    site's (no address, so keyed by the bytes), are one document, as when they come in two batches."""
    from briefarc.pipeline import documents_of
    from briefarc.store.documents import save_documents

    db = open_database(db_file)
    records = [RawPage(data=MOFA, origin=f"crawl.warc#{number}", url=url, url_claimed=True, item=str(number))
               for number, url in enumerate(("https://mofa.gov.pk/press-briefings/a", "https://evil.example/b"))]
    pairs = [pair for record in records for pair in documents_of(record)]
    assert [result.status for result in save_documents(db, pairs)] == ["added", "unchanged"]
