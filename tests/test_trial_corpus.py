"""Found by the third user test: the archive read as a corpus (all of ../shared/corpus in one archive), at
80 columns, and with odd input."""

from __future__ import annotations

RUSSIAN_BRIEFING = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Брифинг официального представителя МИД России</title>
<meta property="article:published_time" content="2024-05-03"></head><body><article>
<p>Мы обсудили отношения с Китаем. Китай является нашим стратегическим партнёром, и Китай это подтверждает.</p>
<p>Министр посетит Китай в следующем месяце. Αθήνα. Президент Иван Дуке Márquez и Marquez, Ma\u0301rquez.</p>
</article></body></html>"""


def test_corpus_commands_find_what_the_index_finds(cli, db_file, tmp_path):
    """The index reads Latin letters without their diacritics and other scripts' letters as they are, but the
    commands looked for the term in the text differently: `trend Китай` on a Russian page said "1/1 docs, 0
    mentions" (й was folded to и), `kwic Marquez` printed nothing where `search Marquez` found 'Iván Duque
    Márquez', and a term typed with a combining accent counted nothing at all."""
    page = tmp_path / "briefing.html"
    page.write_text(RUSSIAN_BRIEFING, encoding="utf-8")
    assert cli("ingest", page, "--db", db_file).code == 0
    for term, mentions in (("Китай", 3), ("Αθήνα", 1), ("Marquez", 3), ("márquez", 3), ("Ma\u0301rquez", 3)):
        rows = cli("trend", term, "--by", "year", "--json", "--db", db_file).jsonl()
        assert [(row["term_documents"], row["mentions"]) for row in rows] == [(1, mentions)], term
        lines = cli("kwic", term, "--json", "--db", db_file).jsonl()
        assert len(lines) == mentions, term
    matches = [line["match"] for line in cli("kwic", "MARQUEZ", "--json", "--db", db_file).jsonl()]
    assert matches == ["Márquez", "Marquez", "Ma\u0301rquez"]  # as the page writes it
    assert cli("kwic", "rquez", "--json", "--db", db_file).stdout == ""  # not inside a word with a combining mark
    near = {row["word"] for row in cli("collocates", "Marquez", "--min-count", "1", "--json", "--db",
                                       db_file).jsonl()}
    assert "дуке" in near
