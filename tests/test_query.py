import pytest

from briefarc.errors import ExitStatus, SearchSyntaxError, UsageError
from briefarc.store.query import literal_query, to_fts


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("Taliban", '"Taliban"'),
        ("U.S.-Pakistan", '"U.S.-Pakistan"'),
        ("Taliban's", '"Taliban\'s"'),
        ("Asim Iftikhar: ", '"Asim" "Iftikhar:"'),
        ('"weekly press briefing"', '"weekly press briefing"'),
        ("Talib*", '"Talib"*'),
        ("Taliban OR Kabul", '"Taliban" OR "Kabul"'),
        ("Kabul NOT Taliban", '"Kabul" NOT "Taliban"'),
        ("(Kabul OR Doha) AND talks", '( "Kabul" OR "Doha" ) AND "talks"'),
        ("NEAR(Taliban Kabul, 10)", 'NEAR("Taliban" "Kabul", 10)'),
        ("title:Taliban", 'title : "Taliban"'),
        ("台湾问题", '"台湾问题"'),
        ('say "hi"" there"', '"say" "hi"" there"'),
        ("Taliban (Kabul OR Islamabad)", '"Taliban" AND ( "Kabul" OR "Islamabad" )'),
        ("(Kabul OR Islamabad) Taliban", '( "Kabul" OR "Islamabad" ) AND "Taliban"'),
        ('a"b', '"a""b"'),
        ("x NOT (y OR z)", '"x" NOT ( "y" OR "z" )'),
        ("title:(Kabul OR Torkham)", 'title : ( "Kabul" OR "Torkham" )'),
        ('title:"press briefing"', 'title : "press briefing"'),
        ('Subtitle:"press brief"*', 'subtitle : "press brief"*'),
        ("Taliban body:(Kabul)", '"Taliban" AND body : ( "Kabul" )'),
        ('Taliban title:"a b"', '"Taliban" AND title : "a b"'),
        ("title:NEAR(a b, 2)", 'title : NEAR("a" "b", 2)'),
        ('Taliban title:"..."', '"Taliban"'),
        ("foo:bar", '"foo" "bar"'),
        ("Kabul:Torkham", '"Kabul" "Torkham"'),
        ("Taliban -Kabul", '( "Taliban" ) NOT "Kabul"'),
        ('-"press briefing" Kabul', '( "Kabul" ) NOT "press briefing"'),
        ("Taliban -Kabul -Doha OR Torkham", '( "Taliban" OR "Torkham" ) NOT "Kabul" NOT "Doha"'),
        ("U.S.-Pakistan", '"U.S.-Pakistan"'),
        ('"arms sal*"', '"arms sal"*'),  # the phrase's last word a prefix: it found nothing, exit 0
        ('"Taiwan Stra*" talks', '"Taiwan Stra"* "talks"'),
        ("taliban or kabul", '"taliban" "or" "kabul"'),
        ("foo:(bar)", '"foo:" AND ( "bar" )'),
        ("entitle:(x)", '"entitle:" AND ( "x" )'),
    ],
)
def test_translation(typed, fts):
    assert to_fts(typed) == fts
    fts5().execute("SELECT rowid FROM t WHERE t MATCH ?", (fts,)).fetchall()  # FTS5 itself reads it


def fts5():
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, subtitle, body)")
    conn.execute("INSERT INTO t VALUES ('Taliban talks', '', 'Kabul and Islamabad, say hi there')")
    return conn


@pytest.mark.parametrize(("typed", "hits"), [
    ("Taliban (Kabul OR Islamabad)", 1), ('"weekly briefing"', 0), ("Talib* AND Kabul", 1),
    ("NEAR(Kabul Islamabad, 3)", 1), ("title:Taliban", 1), ("title:Kabul", 0), ("U.S.-Pakistan", 0),
    ("Kabul NOT Taliban", 0), ('"Kabul and Islam*"', 1), ('"Kabul and Islam"', 0),
    ("title:(Kabul OR Taliban)", 1), ("title:(Kabul OR Islamabad)", 0),
    ('body:"say hi"', 1), ('title:"talks Taliban"', 0), ("Kabul NOT title:(Kabul)", 1),
])
def test_translated_queries_find_what_they_should(typed, hits):
    found = fts5().execute("SELECT rowid FROM t WHERE t MATCH ?", (to_fts(typed),)).fetchall()
    assert len(found) == hits


@pytest.mark.parametrize(
    ("typed", "advice"),
    [
        ("AND Taliban", "needs a word on each side"),
        ("Taliban AND", "ends with an operator"),
        ("(Taliban", "not closed"),
        ("Taliban)", "without a matching"),
        ('"unclosed', "unclosed double quote"),
        ("NEAR(Taliban", "NEAR( is not closed"),
        ("NEAR(Taliban)", "at least two words"),
        ("--- ...", "Nothing to search for"),
        ("title:(Kabul", "not closed"),
        ('title:"...', "unclosed double quote"),
        ("NEAR(Taliban Kabul, x)", "a whole number of words, as in NEAR(Taliban Kabul, 10), not 'x'"),
        ("NEAR(Taliban Kabul, -1)", "not '-1'"),
        ("NEAR(Taliban Kabul,)", "not nothing"),
        ("*中国", "comes before the word: it only ends one, to match words that start so (中国*)"),
        ("title:title:china", "names a column twice: give one, as in title:china"),
        ("NEAR(" + "China " * 200 + ", 5)", "at most 16 words or phrases"),  # FTS5 took 12 s over 200
        ("NEAR(" + "China " * 17 + ", 5)", "at most 16 words or phrases"),
        ('"arm* sales"', "only a phrase's last word may end in '*'"),
        ('"arms s*les"', "is inside the word"),
        ('"arms *"', "'*' stands alone in the phrase"),  # read as arms*: more than the phrase "arms"
        ("(" * 200 + "Taiwan" + ")" * 200, "nests parentheses 200 deep"),  # FTS5: "parser stack overflow"
    ],
)
def test_syntax_errors_say_what_to_do(typed, advice):
    with pytest.raises(SearchSyntaxError) as info:
        to_fts(typed)
    assert advice in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, UsageError) and info.value.exit_status == ExitStatus.USAGE


def test_parentheses_nested_as_deep_as_the_index_reads_still_find():
    typed = "(" * 50 + "Taliban" + ")" * 50
    assert fts5().execute("SELECT rowid FROM t WHERE t MATCH ?", (to_fts(typed),)).fetchall()


def test_literal_quotes_everything():
    assert literal_query('AND (Taliban "x') == '"AND" "(Taliban" "\\"x"'.replace('\\"', '""')


def test_a_near_group_of_sixteen_words_is_taken():
    assert to_fts("NEAR(" + "China " * 16 + ", 5)").count('"China"') == 16
