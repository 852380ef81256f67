"""Where documents come from: sites shown without a source, --source checked and attached, a feed entry's
own bytes and hash; export and ingest by file name (real files, a real database, the CLI)."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from tests.conftest import SAMPLES
from tests.test_cjk_output import table_cells

PARAGRAPHS = "".join(f"<p>Paragraph {n} of the briefing on border trade and the visa regime.</p>" for n in range(4))
FEED = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Briefings</title><link>https://mofa.example/</link>
<item><title>Briefing on trade</title><link>https://mofa.example/b/1?a=1&amp;b=2</link>
<guid>https://mofa.example/b/1?a=1&amp;b=2</guid><pubDate>Thu, 16 Jan 2025 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[{PARAGRAPHS}]]></content:encoded></item>
<item><title>Briefing on visas</title><link>https://mofa.example/b/2</link>
<guid isPermaLink="false">mofa-b-2</guid><pubDate>Fri, 17 Jan 2025 10:00:00 +0000</pubDate>
<content:encoded><![CDATA[{PARAGRAPHS.replace("trade", "visas")}]]></content:encoded></item>
</channel></rss>
"""


@pytest.fixture
def archive(cli, db_file):
    assert cli("ingest", SAMPLES, "--db", db_file).code == 0
    return db_file


def test_documents_without_a_source_show_their_site_in_tables(cli, archive):
    rows = cli("list", "--db", archive, "--json", "--limit", "100").jsonl()
    assert all(row["source"] is None for row in rows)
    dawn = next(row for row in rows if row["site"] == "DAWN.COM")
    hosted = next(row for row in rows if row["site"] == "news.xinhua.example")  # no site name: the host, no www.
    unknown = [row for row in rows if row["site"] is None]  # a saved file naming no site, without a URL
    assert [row["title"] for row in unknown] == [
        "Statement by the Ministry of Foreign Affairs on the extension of visa-free entry for citizens of European "
        "countries"]
    for command in (["list", "--limit", "100"], ["search", "Kabul"], ["search", "外交部"]):
        table = cli(*command, "--db", archive).stdout
        assert "file" not in {cells[2] for cells in table_cells(table).values()}
        shown = dawn if "Kabul" in command or "list" in command else hosted
        assert table_cells(table)[shown["id"]][2] == shown["site"].replace(" ", ""), command
    assert table_cells(cli("list", "--limit", "100", "--db", archive).stdout)[unknown[0]["id"]][2] == "—"
    assert "site" in next(csv.reader(io.StringIO(cli("list", "--db", archive, "--csv").stdout)))
    exported = {row["id"]: row["site"] for row in cli("export", "-f", "jsonl", "--db", archive).jsonl()}
    assert exported == {row["id"]: row["site"] for row in rows}  # the same label in every output
    for row in (dawn, unknown[0]):
        assert cli("show", row["id"], "--json", "--db", archive).jsonl()[0]["site"] == row["site"]
        assert f"Source        {row['site'] or '—'}\n" in cli("show", row["id"], "--db", archive).stdout
    figures = cli("stats", "--json", "--db", archive).jsonl()[0]
    by_source = {item["value"]: item["count"] for item in figures["by_source"]}
    assert by_source[None] == 1 and by_source["news.xinhua.example"] == 1


def test_a_mistyped_source_is_an_error_listing_the_known_ones(cli, archive):
    page = SAMPLES / "state-briefing.html"
    result = cli("ingest", page, "--source", "state-briefing", "--db", archive)
    assert result.code == 2 and "Did you mean state-briefings?" in result.stderr
    assert "Known sources: " in result.stderr and "mofa-pk" in result.stderr
    names = [row["name"] for row in cli("sources", "list", "--db", archive, "--json").jsonl()]
    assert "state-briefing" not in names
    for bad in ("Bad Name", "-x", "a/b", ""):
        made = cli("ingest", page, "--source", bad, "--new-source", "--db", archive)
        assert made.code == 2 and "cannot name a source" in made.stderr, bad
        assert cli("sources", "add", bad, "https://x.example/feed", "--db", archive).code == 2
    assert cli("ingest", page, "--source", "my-notes", "--new-source", "--db", archive).code == 0
    assert cli("list", "--source", "my-notes", "--db", archive, "--json").jsonl()


def test_source_on_a_second_ingest_attaches_it(cli, archive):
    page = SAMPLES / "state-briefing.html"
    assert cli("list", "--source", "state-briefings", "--db", archive, "--json").jsonl() == []
    again = cli("ingest", page, "--source", "state-briefings", "--db", archive, "--json")
    assert again.code == 0 and again.jsonl()[0]["unchanged"] == 1
    assert again.jsonl()[0]["refiled"] == 1  # reported: it read as "unchanged 1" alone
    rows = cli("list", "--source", "state-briefings", "--db", archive, "--json").jsonl()
    assert [row["title"] for row in rows] == ["Department Press Briefing – July 29, 2025"]
    assert rows[0]["source"] == rows[0]["site"] == "state-briefings"
    third = cli("ingest", page, "--source", "state-briefings", "--db", archive)
    assert third.stderr.startswith("Added 0, updated 0, unchanged 1, failed 0.")  # filed there already


@pytest.mark.parametrize("amp", ["&amp;", "&#038;", "&#x26;"])
def test_a_folder_takes_feed_files_and_a_feed_entry_has_its_own_bytes(cli, db_file, tmp_path, amp):
    """The "&" of an address as the feed writes it: WordPress (state.gov's feeds) writes "&#038;", and the whole
    feed was given for each of its briefings."""
    folder = tmp_path / "saved"
    folder.mkdir()
    feed = FEED.replace("&amp;", amp)
    (folder / "briefings.xml").write_text(feed, "utf-8")
    result = cli("ingest", folder, "--db", db_file, "--json")
    assert result.code == 0 and result.jsonl()[0]["added"] == 2, result.stderr
    whole = hashlib.sha256(feed.encode()).hexdigest()
    owns = {}
    for row in cli("list", "--db", db_file, "--json").jsonl():
        raw = cli("show", row["id"], "--raw", "--db", db_file).stdout_bytes
        assert raw.startswith(b"<item>") and raw.endswith(b"</item>") and raw in feed.encode()
        assert row["title"].encode() in raw and raw.count(b"<item>") == 1
        cited = cli("cite", row["id"], "-f", "csl-json", "--db", db_file).stdout
        assert hashlib.sha256(raw).hexdigest() in cited and whole not in cited
        own = hashlib.sha256(raw).hexdigest()
        record = json.loads(cli("show", row["id"], "--json", "--db", db_file).stdout)
        assert (record["sha256"], record["feed_sha256"]) == (own, whole)  # the entry's, and where it came from
        assert record["feed_entry"].encode().replace(b"&", amp.encode()) in raw
        shown = cli("show", row["id"], "--db", db_file).stdout
        assert f"SHA-256       {own}" in shown and f"Feed SHA-256  {whole}" in shown
        assert "Feed entry    " + record["feed_entry"] in shown
        assert record["raw_size"] == len(raw)  # the size of the bytes the sha256 is of
        version = cli("history", row["id"], "--json", "--db", db_file).jsonl()[0]
        assert (version["sha256"], version["feed_sha256"]) == (own, whole)  # history agrees with show and cite
        assert version["raw_size"] == len(raw)
        assert own[:12] in cli("history", row["id"], "--db", db_file).stdout
        owns[row["id"]] = own
    # exports give each entry its own sha256 too, as show and cite do: the feed's was in every row
    assert cli("export", "-o", tmp_path / "x.csv", "--db", db_file).code == 0
    with open(tmp_path / "x.csv", newline="", encoding="utf-8") as handle:
        assert {int(row["id"]): row["sha256"] for row in csv.DictReader(handle)} == owns
    assert cli("export", "-o", tmp_path / "x.jsonl", "--db", db_file).code == 0
    exported = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text("utf-8").splitlines()]
    assert {row["id"]: (row["sha256"], row["feed_sha256"]) for row in exported} == {
        key: (value, whole) for key, value in owns.items()}
    assert cli("export", "-o", tmp_path / "md", "--format", "markdown", "--db", db_file).code == 0
    fronts = "".join(path.read_text("utf-8") for path in (tmp_path / "md").rglob("*.md"))
    assert all(f'\nsha256: "{value}"' in fronts for value in owns.values())
    assert fronts.count(f'\nfeed_sha256: "{whole}"') == len(owns)


def test_show_of_a_page_gives_its_own_hash_and_no_feed(cli, archive):
    record = cli("show", "1", "--json", "--db", archive).jsonl()[0]
    raw = cli("show", "1", "--raw", "--db", archive).stdout_bytes
    assert record["sha256"] == hashlib.sha256(raw).hexdigest() and "feed_sha256" not in record
    assert "Feed" not in cli("show", "1", "--db", archive).stdout.split("\n\n")[0]


def test_export_takes_its_format_from_the_file_name(cli, archive, tmp_path):
    out = tmp_path / "x.csv"
    assert cli("export", "-o", out, "--db", archive).code == 0
    header = next(csv.reader(io.StringIO(out.read_text("utf-8"))))
    assert header[:4] == ["id", "published", "published_date", "published_utc"]
    clash = cli("export", "-f", "jsonl", "-o", tmp_path / "y.csv", "--db", archive)
    assert clash.code == 2 and "does not match the file name" in clash.stderr and not (tmp_path / "y.csv").exists()
    lines = tmp_path / "x.jsonl"
    assert cli("export", "-o", lines, "--db", archive).code == 0
    assert all(json.loads(line)["id"] for line in lines.read_text("utf-8").splitlines())


def test_stats_count_pages_without_a_source_under_their_site(cli, archive):
    figures = cli("stats", "--db", archive, "--json").jsonl()[0]
    by_source = {item["value"]: item["count"] for item in figures["by_source"]}
    assert by_source["DAWN.COM"] == 1
    assert by_source["Ministry of Foreign Affairs of the People's Republic of China"] >= 2
    assert "DAWN.COM" in cli("stats", "--db", archive).stdout


def test_stats_lists_sites_of_equal_counts_in_alphabetical_order_whatever_their_case(cli, archive):
    figures = cli("stats", "--json", "--db", archive).jsonl()[0]
    ones = [item["value"] for item in figures["by_source"] if item["count"] == 1 and item["value"]]
    assert "news.xinhua.example" in ones and "United Nations" in ones  # a host in lower case among names
    assert ones == sorted(ones, key=str.casefold)
