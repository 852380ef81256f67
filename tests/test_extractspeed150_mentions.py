"""dates.date_mentions keeps what each window around the year showed in a caller's dict (pagedates.shows reads the
page's scripts twice: in the body's text and alone). Counting with the dict must give what counting without it gives,
for the same date and language, however many texts share it."""

from __future__ import annotations

import random

from briefarc.extract.dates import date_mentions

FORMS = ["2025-03-02", "02.03.2025", "3/2/2025", "2/3/2025", "March 2nd, 2025", "2 Mar 2025", "2 mars 2025",
         "2025年3月2日", "Mar 12, 2025", "2025-03-12", "12.03.2025", "2 March 2024", "2025", "2 2025", "３月２日"]
FILLER = [" ", "\n", " published ", "{\"datePublished\":\"", "\"}", " on ", "x", "Updated: ", " | ", "。"]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(FORMS if rng.random() < 0.4 else FILLER) for _ in range(rng.randint(0, 40)))


def test_shared_judgements_count_as_fresh_ones() -> None:
    rng = random.Random(150)
    for _ in range(400):
        value = rng.choice(["2025-03-02", "2025-03-12", "2024-03-02"])
        language = rng.choice([None, "en", "fr", "zh", "ar"])
        judged: dict[str, bool] = {}
        for _ in range(3):  # the dict filled by the texts before
            text = random_text(rng)
            assert date_mentions(text, value, language, judged) == date_mentions(text, value, language)


def test_a_window_repeated_counts_each_time() -> None:
    judged: dict[str, bool] = {}
    script = '{"datePublished":"2025-03-02T10:00:00"} ' * 5
    assert date_mentions(script, "2025-03-02", "en", judged) == 5
    assert date_mentions(script + "2 March 2025", "2025-03-02", "en", judged) == 6
    assert date_mentions(script, "2025-03-12", "en", {}) == 0
