"""Diff alignment (removed and reworded turns) and metadata-only versions, on real pages and databases."""

from __future__ import annotations

import pytest

from briefarc.diff import change_size, diff_versions
from tests.conftest import SAMPLES

MOFA_URL = "https://mofa.gov.pk/press-releases/transcript-16-january-2025"
GOVUK_URL = "https://www.gov.uk/government/news/uk-to-help-pacific-island-states-prepare-for-rising-seas"
REMOVED_QUESTION = "What is the status of the proposed visit of the Chinese Vice Premier"
NEXT_QUESTION = "Is Pakistan considering joining the new trade corridor arrangements announced by the Gulf states?"


def ingest(cli, db, html: str, url: str):
    result = cli("ingest", "-", "--url", url, "--db", db, "--json", stdin=html.encode("utf-8"))
    assert result.code == 0, result.stderr
    return result.jsonl()[0]


def only_id(cli, db) -> str:
    return str(cli("list", "--db", db, "--json").jsonl()[0]["id"])


def without_turn_pair(html: str, question: str) -> str:
    """The page without the question that starts with `question` and the answer after it."""
    start = html.rindex("<p", 0, html.index(question))
    end = html.index("</p>", html.index("Answer:", start)) + len("</p>")
    return html[:start] + html[end:]


@pytest.fixture
def transcript() -> str:
    return (SAMPLES / "mofa-briefing-transcript.html").read_text("utf-8")


@pytest.fixture
def statement() -> str:
    return (SAMPLES / "govuk-statement.html").read_text("utf-8")


def test_removed_turns_and_a_reworded_question_align(cli, db_file, transcript):
    ingest(cli, db_file, transcript, MOFA_URL)
    assert NEXT_QUESTION in transcript
    edited = without_turn_pair(transcript, REMOVED_QUESTION).replace("the Gulf states?", "the Gulf countries?")
    assert ingest(cli, db_file, edited, MOFA_URL)["updated"] == 1
    doc_id = only_id(cli, db_file)

    result = cli("diff", doc_id, "--db", db_file, "--json").jsonl()[0]
    changed = [p for p in result["parts"] if p["op"] != "equal"]
    assert [(p["op"], p["role"]) for p in changed] == [
        ("delete", "question"), ("delete", "answer"), ("replace", "question")]
    assert REMOVED_QUESTION in changed[0]["changes"][0]["text"]
    assert changed[1]["changes"][0]["text"].startswith("Pakistan and China remain in close contact")
    words = [(c["op"], c["text"]) for c in changed[2]["changes"] if c["op"] != "equal"]
    assert words == [("delete", "states?"), ("insert", "countries?")]
    # The truth: the removed question (19 words) and answer (31), one word swapped.
    assert (result["added_words"], result["removed_words"]) == (1, 51)
    assert result["fields"] == []

    history = cli("history", doc_id, "--db", db_file, "--json").jsonl()
    assert (history[1]["words_added"], history[1]["words_removed"]) == (1, 51)

    shown = cli("diff", doc_id, "--db", db_file)
    assert shown.code == 0 and "+1 word  -51 words" in shown.stdout
    flat = " ".join(shown.stdout.split())  # the console wraps long lines
    # Without colour (a pipe): git's word-diff marks, a few words of context instead of the whole turn.
    assert "~ Question: … corridor arrangements announced by the Gulf [-states?-]{+countries?+}" in flat
    assert flat.count("- Question:") == 1 and flat.count("- Answer:") == 1
    assert not any(line.startswith("+ ") for line in shown.stdout.splitlines())


def test_a_turn_never_pairs_with_a_turn_of_another_role():
    old = {"number": 1, "turns": [{"speaker": "Question", "role": "question", "text": "Will the talks resume soon?"}]}
    new = {"number": 2, "turns": [{"speaker": "Answer", "role": "answer", "text": "The talks will resume soon."}]}
    assert [p.op for p in diff_versions(old, new).parts] == ["delete", "insert"]


def test_paragraphs_align_around_a_removed_one():
    old = {"number": 1, "body": "Opening words stay.\n\nThis paragraph goes away entirely now.\n\n"
           "The minister met the envoy on Monday.\n\nClosing words stay."}
    new = {"number": 2, "body": "Opening words stay.\n\nThe minister met the envoy on Tuesday.\n\nClosing words stay."}
    result = diff_versions(old, new)
    assert [p.op for p in result.parts] == ["equal", "delete", "replace", "equal"]
    assert (result.added_words, result.removed_words) == (1, 7)
    assert [c.text for c in result.parts[2].changes if c.op != "equal"] == ["Monday.", "Tuesday."]


def test_reworded_paragraphs_pair_with_their_closest_match_in_order():
    old = {"number": 1, "body": "Alpha beta gamma delta epsilon.\n\nOne two three four five six."}
    new = {"number": 2, "body": "A brand new paragraph here.\n\nOne two three four five seven.\n\nNothing like it."}
    result = diff_versions(old, new)
    assert [p.op for p in result.parts] == ["delete", "insert", "replace", "insert"]
    assert result.removed_words == 6  # the first paragraph (5) and "six."


def test_subtitle_only_version_shows_in_diff_and_history(cli, db_file, statement):
    ingest(cli, db_file, statement, GOVUK_URL)
    reworded = statement.replace("The Foreign Secretary has announced", "The Foreign Secretary today announced")
    assert ingest(cli, db_file, reworded, GOVUK_URL)["updated"] == 1
    doc_id = only_id(cli, db_file)

    history = cli("history", doc_id, "--db", db_file, "--json").jsonl()
    assert (history[1]["words_added"], history[1]["words_removed"]) == (1, 1)

    result = cli("diff", doc_id, "--db", db_file, "--json").jsonl()[0]
    assert [p["op"] for p in result["parts"]] == ["equal"] * len(result["parts"])
    assert [f["name"] for f in result["fields"]] == ["subtitle"]
    assert "has announced" in result["fields"][0]["old"] and "today announced" in result["fields"][0]["new"]

    shown = cli("diff", doc_id, "--db", db_file)
    assert "No differences" not in shown.stdout
    assert any(line.startswith("Subtitle:") and "today" in line for line in shown.stdout.splitlines())


def test_published_only_version_shows_in_diff(cli, db_file, statement):
    ingest(cli, db_file, statement, GOVUK_URL)
    redated = statement.replace("2025-06-04T10:30", "2025-06-05T09:00").replace("4 June 2025", "5 June 2025")
    assert ingest(cli, db_file, redated, GOVUK_URL)["updated"] == 1  # the page shows the new day too
    doc_id = only_id(cli, db_file)

    result = cli("diff", doc_id, "--db", db_file, "--json").jsonl()[0]
    assert result["fields"] == [
        {"name": "published", "old": "2025-06-04T10:30:00+01:00", "new": "2025-06-05T09:00:00+01:00"}]
    assert (result["added_words"], result["removed_words"]) == (0, 0)
    shown = cli("diff", doc_id, "--db", db_file).stdout
    assert "No differences" not in shown
    assert "Published: [-2025-06-04T10:30:00+01:00-]{+2025-06-05T09:00:00+01:00+}" in shown


def test_title_change_counts_in_history_and_is_a_field(cli, db_file, statement):
    ingest(cli, db_file, statement, GOVUK_URL)
    ingest(cli, db_file, statement.replace("and stronger storms", "and fiercer storms"), GOVUK_URL)
    doc_id = only_id(cli, db_file)
    history = cli("history", doc_id, "--db", db_file, "--json").jsonl()
    assert (history[1]["words_added"], history[1]["words_removed"]) == (1, 1)
    result = cli("diff", doc_id, "--db", db_file, "--json").jsonl()[0]
    assert [f["name"] for f in result["fields"]] == ["title"]
    assert {(c["op"], c["text"]) for c in result["title"] if c["op"] != "equal"} == {
        ("delete", "stronger"), ("insert", "fiercer")}
    assert "Title:" in cli("diff", doc_id, "--db", db_file).stdout


def test_first_version_counts_its_title_and_subtitle():
    first = {"number": 1, "title": "Two words", "subtitle": "Three more words", "body": "Body of four words"}
    assert change_size(None, first) == (9, 0)


def test_spokesperson_change_is_a_field_when_both_versions_have_one():
    old = {"number": 1, "title": "Briefing", "spokesperson": "Lin Jian", "body": "Same text."}
    new = {"number": 2, "title": "Briefing", "spokesperson": "Mao Ning", "body": "Same text."}
    result = diff_versions(old, new)
    assert [(f.name, f.old, f.new) for f in result.fields] == [("spokesperson", "Lin Jian", "Mao Ning")]
    assert result.as_dict()["fields"] == [{"name": "spokesperson", "old": "Lin Jian", "new": "Mao Ning"}]
    assert diff_versions({"number": 1, "body": "x"}, {"number": 2, "spokesperson": "A", "body": "x"}).fields == []


def test_chinese_is_compared_and_counted_character_by_character():
    """A Chinese sentence was one "word": changing 我看到了 to 我注意到了 and leaving out 刚才 replaced the whole
    sentence (+2 -2 words), history gave a first version of 4,024 characters as +49 words, and the context of
    a change was whole paragraphs (helper-75)."""
    from briefarc.output.diffview import changes_text

    title = "外交部发言人答记者问"
    old = {"number": 1, "title": title, "body": "我看到了有关报道。刚才你提到的问题，中方已经多次表明立场。"}
    new = {"number": 2, "title": title, "body": "我注意到了有关报道。你提到的问题，中方已经多次表明立场。"}
    diff = diff_versions(old, new)
    assert diff.words() == (2, 3)  # 注意 in; 看, 刚才 out
    [part] = diff.parts
    assert [(c.op, c.text) for c in part.changes][:4] == [("equal", "我"), ("delete", "看"), ("insert", "注意"),
                                                          ("equal", "到了有关报道。")]
    shown = changes_text("", part.changes, plain=True).plain
    assert shown == "我[-看-]{+注意+}到了有关报道。[-刚才-]你提到的问题 …"  # six characters of context
    assert change_size(None, old) == (10 + 26 + 3, 0)  # each character of the title and body, and 。，。
    english = diff_versions({"number": 1, "body": "We note the report."}, {"number": 2, "body": "We noted the report."})
    assert english.words() == (1, 1) and [c.text for c in english.parts[0].changes] == ["We", "note", "noted",
                                                                                         "the report."]


def edited(text: str, every: int, new: str = "新") -> str:
    return "".join(new if index % every == 0 else char for index, char in enumerate(text))


def test_long_texts_are_compared_without_ever_giving_the_matcher_more_than_its_limit(monkeypatch):
    """A paragraph of 20,000 Chinese characters edited here and there took 30 s to diff (40,000: 223 s), as
    `history` did: SequenceMatcher's time grows with the product of the two lengths. A rule, not a timer."""
    import random

    from briefarc import diff

    sizes = []
    real = diff.SequenceMatcher

    def counted(junk, a=(), b=(), autojunk=True):
        if len(a) and len(b) and isinstance(a[0], str):  # words, not sentences
            sizes.append(len(a) * len(b))
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(diff, "SequenceMatcher", counted)
    rng = random.Random(7)
    chars = "外交部发言人主持例行记者会中方一贯主张通过对话协商解决争端"
    text = "".join(rng.choice(chars) + "。" * (rng.random() < 0.03) for _ in range(20_000))
    result = diff_versions({"number": 1, "title": "T", "body": text}, {"number": 2, "title": "T",
                                                                         "body": edited(text, 97)})
    assert sizes and max(sizes) <= diff.LIMIT
    edits = sum(old != new for old, new in zip(text, edited(text, 97), strict=True))
    assert result.words() == (edits, edits)


@pytest.mark.parametrize("at", [5, 700, 1195])
def test_a_word_added_to_a_long_text_is_one_word_added(at):
    """Long texts were cut every 40 words where no sentence ended: a word added early moved every cut after it,
    and the pieces, compared by position, showed their first words removed and added again."""
    from briefarc.diff import count, word_diff

    old = "。".join("".join(chr(0x4E00 + 60 * sentence + k) for k in range(60)) for sentence in range(20)) + "。"
    assert count(word_diff(old, old[:at] + "新" + old[at:])) == (1, 0)
    spaced = " ".join(["talks", "border", "trade", "visa"] * 3000)
    assert count(word_diff(spaced, spaced[:at] + " new " + spaced[at:])) in ((1, 0), (3, 1))  # or a word cut


@pytest.mark.parametrize("seed", range(30))
def test_opcodes_of_long_texts_still_turn_one_text_into_the_other(monkeypatch, seed):
    import random

    from briefarc import diff

    monkeypatch.setattr(diff, "LIMIT", 50)  # every text here is "long"
    rng = random.Random(seed)
    a = [rng.choice(["the", "talks", "went", "on.", "a", "b"]) for _ in range(rng.randrange(0, 80))]
    b = list(a)
    for _ in range(rng.randrange(0, 6)):
        at = rng.randrange(0, len(b) + 1)
        b[at:at + rng.randrange(0, 4)] = [rng.choice(["new", "words", "here."]) for _ in range(rng.randrange(0, 4))]
    codes = diff.opcodes(a, b)
    assert [c[1] for c in codes] == [0] + [c[2] for c in codes[:-1]] and (not codes or codes[-1][2] == len(a))
    assert [c[3] for c in codes] == [0] + [c[4] for c in codes[:-1]] and (not codes or codes[-1][4] == len(b))
    assert all(a[i1:i2] == b[j1:j2] for op, i1, i2, j1, j2 in codes if op == "equal")
    assert all((one[0] == "equal") != (two[0] == "equal") for one, two in zip(codes, codes[1:], strict=False))


def test_chinese_is_shown_as_written_beside_numbers_and_latin_words():
    from briefarc.diff import word_diff
    from briefarc.output.diffview import changes_text

    shown = [changes_text("", word_diff(old, new), plain=True).plain for old, new in (
        ("已有超过120万人次访问", "已有超过130万人次访问"), ("中国和斐济是好朋友", "中国和Fiji是好朋友"),
        ("He said 中国 is here", "He said 中方 is here"), ("中国美国", "中国 and 美国"),
        ("有发言权。当然", "有发言权。2018年当然"))]
    assert shown == ["已有超过[-120-]{+130+}万人次访问", "中国和[-斐济-]{+Fiji+}是好朋友",
                     "He said 中[-国-]{+方+} is here", "中国 {+and+} 美国", "有发言权。{+2018年+}当然"]


def reworded_transcript(turns: int, edit: str) -> list[dict]:
    return [{"speaker": "Q" if n % 2 == 0 else "Spokesperson", "role": "question" if n % 2 == 0 else "answer",
             "text": f"Turn {n} says the talks on topic {n} went {edit} and the sides will meet again soon."}
            for n in range(turns)]


def test_a_long_run_of_reworded_turns_is_paired_in_linear_memory():
    """Thousands of turns, every one reworded: the pairing weighed every old turn against every new one in tables
    of every cell (4,000 a side: 38 s and 1 GB); past DENSE_MOST cells it keeps the similar pairs alone, near the
    diagonal. Measured as the memory the pairing takes at two sizes (bytes, not time)."""
    import tracemalloc

    from briefarc import diff

    peaks = []
    for turns in (600, 1200):
        old = diff.units({"turns": reworded_transcript(turns, "well")})
        new = diff.units({"turns": reworded_transcript(turns, "very well")})
        tracemalloc.start()
        pairs = diff._matches(old, new)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert pairs == [(n, n) for n in range(turns)]  # each turn paired with its rewording
    assert peaks[1] < 2.6 * peaks[0]  # twice the turns, about twice the memory (over every cell: four times)


@pytest.mark.parametrize("seed", range(30))
def test_the_pairing_of_similar_pairs_alone_weighs_as_much_as_the_pairing_over_every_cell(seed):
    import itertools
    import random

    from briefarc import diff

    rng = random.Random(seed)
    rows, cols = rng.randint(1, 40), rng.randint(1, 40)
    scores = {(i, j): round(rng.uniform(0.5, 1.0), 3) for i in range(rows) for j in range(cols)
              if rng.random() < 0.3}
    dense = [[scores.get((i, j), 0.0) for j in range(cols)] for i in range(rows)]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in reversed(range(rows)):
        for j in reversed(range(cols)):
            paired = dense[i][j] + best[i + 1][j + 1] if dense[i][j] else 0.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs = diff._sparse_matches(scores, cols)
    assert all(a[0] < b[0] and a[1] < b[1] for a, b in itertools.pairwise(pairs))  # in order, each unit once
    assert sum(scores[pair] for pair in pairs) == pytest.approx(best[0][0])
    assert sum(dense[i][j] for i, j in diff._walk(dense, best)) == pytest.approx(best[0][0])


def test_many_turns_alike_are_aligned_without_giving_the_matcher_more_than_the_units_limit(monkeypatch):
    """3,000 turns, many alike ("Next question, please."), a third of them edited: the turns were aligned by one
    SequenceMatcher over all of them, whose search for the longest match went through every turn alike for each
    (`diff` and `history` took 91 s). A rule, not a timer: no matcher is given more units than UNITS_LIMIT."""
    from briefarc import diff

    sizes = []
    real = diff.SequenceMatcher

    def counted(junk, a=(), b=(), autojunk=True):
        if len(a) and len(b) and isinstance(a[0], str) and "\x00" in a[0]:  # the units' keys, not words
            sizes.append(len(a) * len(b))
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(diff, "SequenceMatcher", counted)
    said = ["Next question, please.", "We have nothing to add.", "Thank you."]
    old = [{"speaker": "Q" if n % 2 == 0 else "A", "role": "question" if n % 2 == 0 else "answer",
            "text": said[n % 3]} for n in range(3000)]
    new = [dict(turn, text=turn["text"] + " Indeed.") if n % 3 == 0 else turn for n, turn in enumerate(old)]
    result = diff_versions({"number": 1, "turns": old}, {"number": 2, "turns": new})
    assert sizes and max(sizes) <= diff.UNITS_LIMIT
    assert result.words() == (1000, 0)


def test_every_other_turn_edited_is_aligned_without_a_matcher_over_all_of_them(monkeypatch):
    """Past the units' limit the turns are cut into pieces; where equal and edited pieces alternate, one
    SequenceMatcher over all the pieces searched again for the longest match after each one (4,000 turns: 2.5 s,
    twice as many four times that). The pieces each side holds once anchor the alignment instead (patience diff):
    no matcher is given more than UNITS_LIMIT cells of units or pieces."""
    from briefarc import diff

    sizes = []
    real = diff.SequenceMatcher

    def counted(junk, a=(), b=(), autojunk=True):
        if len(a) and len(b) and not (isinstance(a[0], str) and "\x00" not in a[0]):  # units or pieces, not words
            sizes.append(len(a) * len(b))
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(diff, "SequenceMatcher", counted)
    old = [{"speaker": "Q" if n % 2 == 0 else "A", "role": "question" if n % 2 == 0 else "answer",
            "text": f"Turn {n} says the talks on topic {n} went well."} for n in range(3000)]
    new = [dict(turn, text=turn["text"].replace("well", "very well")) if n % 2 else turn
           for n, turn in enumerate(old)]
    result = diff_versions({"number": 1, "turns": old}, {"number": 2, "turns": new})
    assert sizes and max(sizes) <= diff.UNITS_LIMIT
    assert result.words() == (1500, 0)
    assert [part.op for part in result.parts] == ["equal", "replace"] * 1500


def test_a_text_of_one_word_repeated_is_compared_in_small_pieces(monkeypatch):
    """20,000 words of one word with an edit every seventh took 130 s: the words that cut a text into pieces are
    missing there, and pieces of PIECE_MOST words gave SequenceMatcher a million pairs of equal words to go
    through for each match it found. A rule, not a timer: no matcher is given more than 10,000 such pairs."""
    from collections import Counter

    from briefarc import diff

    pairs = []
    real = diff.SequenceMatcher

    def counted(junk, a=(), b=(), autojunk=True):
        if len(a) and len(b) and isinstance(a[0], str):
            in_b = Counter(b)
            pairs.append(sum(in_b[word] for word in a))
        return real(junk, a, b, autojunk=autojunk)

    monkeypatch.setattr(diff, "SequenceMatcher", counted)
    words = ["a"] * 20_000
    edited = ["b" if n % 7 == 0 else word for n, word in enumerate(words)]
    changes = diff.word_diff(" ".join(words), " ".join(edited))
    assert pairs and max(pairs) <= 10_000
    added, removed = diff.count(changes)
    assert added == removed >= edited.count("b")  # every "b" added, as many words removed
