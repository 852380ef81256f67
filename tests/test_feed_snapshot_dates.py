"""Saved snapshots of a feed ingested out of order: each is dated by its channel (lastBuildDate), so the document
keeps the newest text and its versions follow the feed's dates, as an ingest in date order makes them.

Before: a feed file was dated by the ingest, the snapshot read last made the current text, and `history` showed a
made-up edit back and forth."""

from __future__ import annotations

import random
from pathlib import Path

from briefarc.extract.feed import parse_feed
from briefarc.pipeline import capture_date
from tests.conftest import SHARED, needs_shared

WORDING = {1: "The ministry announced an imposition of visa restrictions on six officials.",
           2: "The ministry announced an action to impose visa restrictions on six officials.",
           3: "The ministry announced an action to impose visa restrictions on seven officials."}
BUILT = {1: "Mon, 14 Mar 2022 23:40:37 +0000", 2: "Tue, 15 Mar 2022 16:54:39 +0000",
         3: "Tue, 15 Mar 2022 21:13:44 -0400"}  # 16 March, 01:13 UTC: the offset counts


def snapshot(text: str, built: str | None, *, extra: str = "") -> bytes:
    """A feed of one entry whose description is `text`, built at `built`, and a second entry that never changes."""
    date = f"<lastBuildDate>{built}</lastBuildDate>" if built else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ministry press releases</title><link>https://ministry.example/</link>{date}
<item><title>Visa restrictions on officials</title><link>https://ministry.example/visa-restrictions/</link>
<guid>https://ministry.example/?p=41</guid><pubDate>Mon, 14 Mar 2022 20:00:00 +0000</pubDate>
<description><![CDATA[<p>{text}</p><p>The restrictions take effect at once.{extra}</p>]]></description></item>
<item><title>Meeting with the foreign minister</title><link>https://ministry.example/meeting/</link>
<guid>https://ministry.example/?p=40</guid><pubDate>Mon, 14 Mar 2022 18:00:00 +0000</pubDate>
<description><![CDATA[<p>The minister met her counterpart today.</p>]]></description></item>
</channel></rss>""".encode()


def write_snapshots(folder: Path) -> dict[int, Path]:
    """Three builds of the feed, and a fourth file: the second build saved again later, with other bytes."""
    folder.mkdir()
    files = {}
    for number, text in WORDING.items():
        files[number] = folder / f"snapshot-{number}.rss"
        files[number].write_bytes(snapshot(text, BUILT[number]))
    files[4] = folder / "snapshot-2-again.rss"  # same build, same text; a comment makes its bytes differ
    files[4].write_bytes(snapshot(WORDING[2], BUILT[2]).replace(b"<channel>", b"<channel><!-- cached -->"))
    return files


def archive_state(cli, db: Path) -> dict:
    """What a reader sees of the edited entry: its current text, and its versions with their dates."""
    hits = cli("search", "visa restrictions", "--db", str(db), "--json").jsonl()
    assert len(hits) == 1, hits
    doc_id = str(hits[0]["id"])
    record = cli("show", doc_id, "--db", str(db), "--json").jsonl()[0]
    history = cli("history", doc_id, "--db", str(db), "--json").jsonl()
    return {"body": record["body"], "archived_at": record["archived_at"], "updated_at": record["updated_at"],
            "checked_at": record["checked_at"],
            "versions": [(row["number"], row["archived_at"], row["content_hash"]) for row in history]}


def ingest(cli, db: Path, *files: Path) -> None:
    for file in files:
        result = cli("ingest", str(file), "--db", str(db))
        assert result.code == 0, result.stderr


def test_snapshots_ingested_out_of_order_keep_the_newest_text(cli, tmp_path):
    files = write_snapshots(tmp_path / "feed")
    db = tmp_path / "out-of-order.db"
    ingest(cli, db, files[3], files[1], files[2])

    found = cli("search", '"seven officials"', "--db", str(db), "--json").jsonl()
    assert [hit["title"] for hit in found] == ["Visa restrictions on officials"]  # the newest wording is current
    assert cli("search", '"six officials"', "--db", str(db), "--json").jsonl() == []
    assert cli("search", '"imposition of visa"', "--db", str(db), "--json").jsonl() == []
    state = archive_state(cli, db)
    assert WORDING[3] in state["body"]
    dates = [archived for _, archived, _ in state["versions"]]
    assert dates == ["2022-03-14T23:40:37Z", "2022-03-15T16:54:39Z", "2022-03-16T01:13:44Z"]  # the builds, in UTC
    shown = " ".join(cli("history", str(found[0]["id"]), "--db", str(db)).stdout.split())
    assert "2022-03-14 23:40" in shown and "2022-03-16 01:13" in shown


def test_any_order_gives_what_the_date_order_gives_and_a_rerun_adds_no_version(cli, tmp_path):
    files = write_snapshots(tmp_path / "feed")
    in_order = tmp_path / "in-order.db"
    ingest(cli, in_order, files[1], files[2], files[4], files[3])
    expected = archive_state(cli, in_order)
    assert len(expected["versions"]) == 3 and expected["archived_at"] == "2022-03-14T23:40:37Z"
    assert expected["updated_at"] == expected["checked_at"] == "2022-03-16T01:13:44Z"
    shuffled = random.Random(162)
    orders = [[4, 3, 2, 1], [3, 4, 1, 2], [2, 3, 1, 4]] + [shuffled.sample(range(1, 5), 4) for _ in range(4)]
    for number, order in enumerate(orders):
        db = tmp_path / f"order-{number}.db"
        ingest(cli, db, *(files[each] for each in order))
        assert archive_state(cli, db) == expected, order

    ingest(cli, in_order, files[1], files[2], files[4], files[3])  # the same snapshots again, in date order
    assert archive_state(cli, in_order) == expected
    again = cli("ingest", str(files[2]), "--db", str(in_order), "--json").jsonl()[0]
    assert again["added"] == again["updated"] == 0


def test_an_older_capture_of_the_current_text_between_two_others_is_a_version(cli, tmp_path):
    """The text went back to an earlier wording: its capture, ingested last, takes its place in the history."""
    folder = tmp_path / "feed"
    folder.mkdir()
    builds = [(WORDING[1], BUILT[1]), (WORDING[2], BUILT[2]), (WORDING[1], BUILT[3])]
    files = []
    for number, (text, built) in enumerate(builds, start=1):
        files.append(folder / f"snapshot-{number}.rss")
        files[-1].write_bytes(snapshot(text, built, extra=" " * number))
    ingest(cli, tmp_path / "in-order.db", *files)
    expected = archive_state(cli, tmp_path / "in-order.db")
    assert [version[2] for version in expected["versions"]][0::2] == [expected["versions"][0][2]] * 2
    ingest(cli, tmp_path / "reversed.db", *reversed(files))
    assert archive_state(cli, tmp_path / "reversed.db") == expected
    ingest(cli, tmp_path / "middle-last.db", files[0], files[2], files[1])
    assert archive_state(cli, tmp_path / "middle-last.db") == expected


def test_a_feed_without_a_date_of_its_own_is_dated_by_the_ingest(cli, tmp_path):
    folder = tmp_path / "feed"
    folder.mkdir()
    dated, undated = folder / "dated.rss", folder / "undated.rss"
    dated.write_bytes(snapshot(WORDING[2], BUILT[2]))
    undated.write_bytes(snapshot(WORDING[1], None))
    ingest(cli, tmp_path / "a.db", undated, dated)
    state = archive_state(cli, tmp_path / "a.db")
    assert WORDING[1] in state["body"]  # undated: captured now, after the dated build
    assert state["versions"][0][1] == "2022-03-15T16:54:39Z" and state["versions"][1][1] > "2026"


def test_the_capture_date_is_the_channels_own():
    def dated(channel: str, kind: str = "rss") -> str | None:
        entry = "<item><title>T</title><pubDate>Fri, 01 Jan 2021 10:00:00 +0000</pubDate></item>"
        if kind == "atom":
            data = (f'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{channel}<entry><title>T</title>'
                    "<updated>2021-01-01T10:00:00Z</updated></entry></feed>")
        else:
            data = f'<rss version="2.0"><channel><title>F</title>{channel}{entry}</channel></rss>'
        return capture_date(parse_feed(data.encode()))

    both = "<pubDate>Sun, 13 Mar 2022 08:00:00 +0000</pubDate><lastBuildDate>Sun, 13 Mar 2022 09:30:00 +0100"
    assert dated(both + "</lastBuildDate>") == "2022-03-13T08:30:00Z"  # lastBuildDate before the channel's pubDate
    assert dated("<pubDate>Sun, 13 Mar 2022 08:00:00 GMT</pubDate>") == "2022-03-13T08:00:00Z"
    assert dated("<updated>2022-03-13T08:00:00-05:00</updated>", "atom") == "2022-03-13T13:00:00Z"
    assert dated("") is None  # not the newest entry's date: that is its publication
    assert dated("<lastBuildDate>13 March 2022</lastBuildDate>") is None  # no time of day: the ingest's
    assert dated("<lastBuildDate>Sat, 13 Mar 2100 08:00:00 +0000</lastBuildDate>") is None  # not yet


def test_the_real_state_department_snapshots_in_any_order(cli, tmp_path):
    folder = SHARED / "corpus" / "state-feed-history"
    needs_shared(folder)
    files = sorted(folder.glob("snapshot-*.rss"))
    assert len(files) == 20
    db = tmp_path / "trial.db"
    ingest(cli, db, folder / "snapshot-12.rss", folder / "snapshot-01.rss", folder / "snapshot-08.rss")
    found = cli("search", '"Action to impose"', "--db", str(db), "--json").jsonl()  # snapshot-12's wording
    assert [hit["title"][:24] for hit in found] == ["Promoting Accountability"]
    dates = [row["archived_at"] for row in cli("history", str(found[0]["id"]), "--db", str(db), "--json").jsonl()]
    assert dates == ["2022-03-15T16:54:39Z", "2022-03-15T21:13:44Z"]  # snapshot-08's build, then snapshot-12's

    by_date = sorted(files, key=lambda file: capture_date(parse_feed(file.read_bytes())) or "")
    expected = everything(cli, tmp_path / "by-date.db", by_date)
    edited = {url: versions for url, (_, versions) in expected.items() if len(versions) > 1}
    assert sorted(len(versions) for versions in edited.values()) == [2, 3]  # the corpus README's edits
    assert everything(cli, tmp_path / "reversed.db", by_date[::-1]) == expected
    assert everything(cli, tmp_path / "shuffled.db", random.Random(8).sample(files, 20)) == expected


def everything(cli, db: Path, files: list[Path]) -> dict:
    """Each document's current text and its versions (date, text) once `files` are ingested in this order."""
    ingest(cli, db, *files)
    state = {}
    for row in cli("list", "--db", str(db), "--json", "--limit", "100").jsonl():
        record = cli("show", str(row["id"]), "--db", str(db), "--json").jsonl()[0]
        history = cli("history", str(row["id"]), "--db", str(db), "--json").jsonl()
        state[record["url"]] = (record["body"], [(version["archived_at"], version["content_hash"])
                                                  for version in history])
    return state
