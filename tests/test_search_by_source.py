"""search --by source: hits grouped by week and by source within a week."""

from __future__ import annotations

import csv
import io


def test_two_sources_in_one_week(cli, sample_db):
    groups = cli("search", "林剑", "--by", "source", "--db", sample_db, "--json").jsonl()
    week = [group for group in groups if group["week"] == "2025-W11"]
    assert [(group["source"], group["count"]) for group in week] == [("fmprc", 1), ("others", 1)]
    assert all(hit["week"] == "2025-W11" for group in week for hit in group["hits"])


def test_weeks_newest_first_and_table(cli, sample_db):
    groups = cli("search", "tariffs", "--by", "source", "--db", sample_db, "--json").jsonl()
    weeks = [group["week"] for group in groups]
    assert weeks == sorted(weeks, reverse=True) and len(weeks) >= 3
    assert sum(group["count"] for group in groups) == len(cli("search", "tariffs", "--db", sample_db,
                                                              "--json").jsonl())
    table = cli("search", "林剑", "--by", "source", "--db", sample_db)
    assert table.code == 0 and "2025-W11" in table.stdout and "fmprc (1)" in table.stdout
    rows = list(csv.DictReader(io.StringIO(cli("search", "林剑", "--by", "source", "--csv", "--db", sample_db).stdout)))
    assert rows and {row["week"] for row in rows} == {"2025-W11"}


def test_by_source_empty_and_bad(cli, sample_db):
    empty = cli("search", "zzyzx", "--by", "source", "--db", sample_db)
    assert empty.code == 0 and empty.stdout == "" and "No documents match" in empty.stderr
    bad = cli("search", "China", "--by", "month", "--db", sample_db)
    assert bad.code == 2 and "--by takes source" in bad.stderr


def test_by_source_real_archive(cli, real_db):
    groups = cli("search", "Taiwan", "--by", "source", "--limit", "50", "--db", real_db, "--json").jsonl()
    assert groups and all(group["source"] == "fmprc" for group in groups)
    assert len({group["week"] for group in groups}) == len(groups)  # one source: one group a week


def test_by_source_without_sources_groups_by_site(cli, tmp_path):
    """Pages ingested without --source stand under their sites' names, not all under '(none)'."""
    from tests.analysis_archives import build
    from tests.conftest import SAMPLES

    db = build(tmp_path / "unfiled.db", {None: [SAMPLES / "china-mfa-zh.html", SAMPLES / "cn-news-zh.html",
                                               SAMPLES / "china-mfa-en-new.html"]})
    groups = cli("search", "林剑 OR Lin", "--by", "source", "--db", db, "--json").jsonl()
    assert len(groups) >= 2 and None not in {group["source"] for group in groups}
    name = "Ministry of Foreign Affairs of the People's Republic of China"
    ministry = [group for group in groups if group["source"] == name]
    # its Chinese page names itself 中华人民共和国外交部, its English page nothing: one site, one name
    assert sum(group["count"] for group in ministry) == 2


def test_by_source_a_page_of_no_known_site_and_the_count(cli, tmp_path, db_file):
    """A page with neither source nor site stands under '—', as in every other table; a partial page says so."""
    for number in range(3):
        page = tmp_path / f"note{number}.html"
        page.write_text(f"<html><head><title>Sanctions note {number}</title></head><body><article><p>The ministry "
                        f"spoke about sanctions again today, note number {number}, at some length.</p></article>"
                        "</body></html>", encoding="utf-8")
        assert cli("ingest", page, "--db", db_file).code == 0
    table = cli("search", "sanctions", "--by", "source", "--limit", "2", "--db", db_file)
    assert table.code == 0 and "— (2)" in table.stdout and "(none)" not in table.stdout
    assert table.stderr.strip() == "2 of 3 — `--offset 2` for more"
    whole = cli("search", "sanctions", "--by", "source", "--db", db_file, "--json")
    assert whole.stderr == "" and [group["count"] for group in whole.jsonl()] == [3]
