"""A saved listing page is no document: its article links are kept as pending items that a fetch takes."""

from __future__ import annotations

from tests import siteserver as ss

FAST = ("--delay", "0", "--retries", "0", "--workers", "0")
DAYS = (17, 18, 19)


def listing_html(base: str) -> str:
    items = "".join(f'<li><a href="/en/2025/db2509{d}.doc.htm">Noon briefing of {d} September 2025</a>'
                    f" <span>2025-09-{d}</span></li>" for d in DAYS)
    return (f"<!-- saved from url=(0040){base} -->\n<html><head><title>Noon briefings</title></head><body>"
            f'<h1>Noon briefings</h1><ul class="list">{items}</ul></body></html>')


def article(day: int) -> bytes:
    text = " ".join(f"The Secretary-General spoke on day {day} about peace, aid and the situation." for _ in range(8))
    return (f"<html><head><title>Noon briefing of {day} September 2025</title></head><body><article>"
            f"<h1>Noon briefing of {day} September 2025</h1><p>{text}</p><p>{text}</p></article></body></html>"
            ).encode()


def test_a_saved_listing_is_kept_as_pending_items_not_as_a_document(cli, db_file, tmp_path):
    saved = tmp_path / "briefings.html"
    saved.write_text(listing_html("http://127.0.0.1:9/en/briefings.html"), encoding="utf-8")
    result = cli("ingest", saved, "--db", db_file)
    assert result.code == 0, result.stderr
    assert "1 listing page" in result.stderr and "3 article links noted as pending" in result.stderr
    assert cli("list", "--db", db_file, "--json").jsonl() == []
    pending = cli("log", "--pending", "--db", db_file, "--json").jsonl()
    assert sorted(row["url"] for row in pending) == [
        f"http://127.0.0.1:9/en/2025/db2509{d}.doc.htm" for d in DAYS]
    assert {row["found_on"] for row in pending} == {"http://127.0.0.1:9/en/briefings.html"}
    # no source takes them on a plain fetch: the note names the fetch that does
    note = cli("log", "--db", db_file).stderr
    assert "due now (on `briefarc fetch http://127.0.0.1:9/en/briefings.html`, the page that lists it)" in note


def test_a_fetch_of_the_listing_takes_its_pending_items(cli, db_file, tmp_path, site):
    site.route("/robots.txt", ss.robots())
    emptied = b"<html><head><title>Noon briefings</title></head><body><h1>Noon briefings</h1><p>None.</p></body></html>"
    site.route("/en/briefings.html", ss.Reply(emptied))  # it lists nothing since it was saved
    for day in DAYS:
        site.route(f"/en/2025/db2509{day}.doc.htm", ss.Reply(article(day)))
    saved = tmp_path / "briefings.html"
    saved.write_text(listing_html(site.url("/en/briefings.html")), encoding="utf-8")
    assert cli("ingest", saved, "--db", db_file).code == 0
    fetched = cli("fetch", site.url("/en/briefings.html"), *FAST, "--db", db_file, "--json")
    assert fetched.code == 0, fetched.stderr
    titles = {row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()}
    assert titles >= {f"Noon briefing of {d} September 2025" for d in DAYS}
    assert cli("log", "--pending", "--db", db_file, "--json").jsonl() == []


def test_a_listing_ingested_for_a_source_gives_that_source_its_pending_items(cli, db_file, tmp_path):
    cli("sources", "add", "noon", "http://127.0.0.1:9/en/briefings.html", "--kind", "listing", "--db", db_file)
    saved = tmp_path / "briefings.html"
    saved.write_text(listing_html("http://127.0.0.1:9/en/briefings.html"), encoding="utf-8")
    summary = cli("ingest", saved, "--source", "noon", "--db", db_file, "--json").jsonl()[0]
    assert summary["listings"] == {"pages": 1, "pending_items": 3, "links_without_address": 0,
                                   "links_to_private_addresses": 0}
    assert summary["added"] == 0
    shown = cli("sources", "show", "noon", "--db", db_file, "--json").jsonl()[0]
    assert shown["pending"] == 3


def test_relative_links_of_a_listing_without_an_address_are_reported(cli, db_file, tmp_path):
    saved = tmp_path / "briefings.html"
    saved.write_text(listing_html("").replace("<!-- saved from url=(0040) -->", ""), encoding="utf-8")
    result = cli("ingest", saved, "--db", db_file)
    assert result.code == 0 and "3 relative links left out: give the page's address with --url" in result.stderr
    with_url = cli("ingest", saved, "--url", "http://127.0.0.1:9/en/briefings.html", "--db", db_file, "--json")
    assert with_url.jsonl()[0]["listings"]["pending_items"] == 3


def test_the_listing_entrys_date_gives_the_year_a_fetched_page_leaves_out(cli, db_file, site):
    site.route("/robots.txt", ss.robots())
    items = "".join(f'<li><a href="/en/notes/item-{d}.htm">Noon briefing of {d} December</a>'
                    f" <span>2019-12-{d}</span></li>" for d in DAYS)
    listing = (f"<html><head><title>Noon briefings</title></head><body><h1>Noon briefings</h1>"
               f'<ul class="list">{items}</ul></body></html>')
    site.route("/en/notes.html", ss.Reply(listing.encode()))
    for day in DAYS:
        page = article(day).replace(b" September 2025", b" December")
        site.route(f"/en/notes/item-{day}.htm", ss.Reply(page))
    fetched = cli("fetch", site.url("/en/notes.html"), *FAST, "--db", db_file, "--json")
    assert fetched.code == 0, fetched.stderr
    dates = {row["title"]: row["published"] for row in cli("list", "--db", db_file, "--json").jsonl()}
    assert {dates[f"Noon briefing of {d} December"][:10] for d in DAYS} == {f"2019-12-{d}" for d in DAYS}


TITLE_ONLY = ("<html><head><title>Press release of 17 September 2025</title></head><body><header><nav>"
              "<a href='/'>Home</a></nav></header><h1>Press release of 17 September 2025</h1></body></html>")


def test_a_page_with_only_a_title_is_skipped_and_listings_still_list(cli, db_file, tmp_path):
    from tests.conftest import SAMPLES

    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a-listing.html").write_text(listing_html("http://127.0.0.1:9/en/briefings.html"), encoding="utf-8")
    (folder / "b-article.html").write_bytes(article(17))
    (folder / "c-title-only.html").write_text(TITLE_ONLY, encoding="utf-8")
    (folder / "d-listing-china-mfa.html").write_bytes((SAMPLES / "listing-china-mfa.html").read_bytes())
    result = cli("ingest", folder, "--db", db_file)
    assert result.code == 3, result.stderr  # some archived, one not
    assert "Added 1," in result.stderr and "Skipped 1 page with no text." in result.stderr
    assert f"  skipped: {folder / 'c-title-only.html'}: no text" in result.stderr
    assert "2 listing pages" in result.stderr
    titles = [row["title"] for row in cli("list", "--db", db_file, "--json").jsonl()]
    assert titles == ["Noon briefing of 17 September 2025"]  # not the title-only page, not the listings
    pending = {row["url"] for row in cli("log", "--pending", "--db", db_file, "--json").jsonl()}
    assert {f"http://127.0.0.1:9/en/2025/db2509{d}.doc.htm" for d in DAYS} <= pending
    assert len(pending) > len(DAYS)  # the real listing's links too
    summary = cli("ingest", folder / "c-title-only.html", "--db", db_file, "--json")
    assert summary.code == 1 and summary.jsonl()[0]["no_text"] == [str(folder / "c-title-only.html")]
