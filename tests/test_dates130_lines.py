"""Date lines by the headline that the cascade misread, on pages written for these tests: a photo's caption
under the headline that mentions a day in a sentence (no date line of the page's), and a date line in the
language the page is written in when its template declares another ("publiziert am 25. September 2018" on a
German blog whose <html lang> says "en")."""

from __future__ import annotations

from briefarc.extract.core import extract
from briefarc.extract.sentences import sentence_mention

ENGLISH = ("<p>The foreign ministry said on Wednesday that it had summoned the envoy to convey its concern over the "
           "incident at the border, and that consultations with partners in the region were under way.</p>"
           "<p>Asked about the timetable for the next round of talks, the spokesperson said that both delegations "
           "had agreed to meet again before the end of the month and that technical teams were at work.</p>")
GERMAN = ("<p>Die elektronische Akte soll den Austausch zwischen Praxen und Kliniken vereinfachen, doch bis heute "
          "nutzen sie nur wenige Versicherte, weil die Anmeldung umständlich ist und die Ärzte zögern.</p>"
          "<p>Wir zeigen, welche Schritte nötig sind, damit die Daten sicher und schnell dort ankommen, wo sie "
          "gebraucht werden, und was Anbieter von Software dafür tun können.</p>")


def dated(html: str, url: str = "https://news.example/world/envoy-summoned") -> str | None:
    return extract(html.encode(), url=url, content_type="text/html; charset=utf-8").published


def captioned(caption: str) -> str:
    return ("<!DOCTYPE html><html lang='en'><head><title>Envoy summoned over border incident</title></head><body>"
            "<main><article><header><h1>Envoy summoned over border incident</h1></header>"
            f"<figure><img src='/photo.jpg' alt=''><figcaption>{caption}</figcaption></figure>{ENGLISH}"
            "<div class='article-meta'><time datetime='2019-11-19T10:36:00Z'>Nov 19, 2019</time></div>"
            "</article></main></body></html>")


def test_a_caption_that_mentions_a_day_is_no_date_line() -> None:
    caption = "Detainees stand in a hall of the detention center near the border crossing, on May 18, 2018."
    assert (dated(captioned(caption)) or "")[:10] == "2019-11-19"


def test_a_date_line_under_the_headline_still_dates_the_page() -> None:
    """A regression guard (the code before the caption rule passes it too): a date line in a caption still dates."""
    assert (dated(captioned("Tuesday, November 12, 2019")) or "")[:10] == "2019-11-12"


def test_sentence_mention_tells_a_sentence_from_a_label_line() -> None:
    assert sentence_mention("Protesters gathered outside the ministry building in the capital on the evening "
                            "of May 18, 2018.")
    for line in ("Posted on May 18, 2018 by the editors of the foreign desk of the ministry website.",
                 "By Jane Doe, Senior Correspondent for the foreign desk of the paper, on May 18, 2018.",
                 "May 18, 2018", "Published 10:00 AM EST on May 18, 2018"):
        assert not sentence_mention(line), line


def german_blog(lang: str) -> str:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><title>Die elektronische Patientenakte</title></head><body>"
            "<header><a href='/'>Blog</a><a href='/'>Zurück zur Übersicht</a></header><div class='hero'><p>"
            "<span>Von</span> <span><a href='/author/mb'>Moritz Bachmann</a></span> "
            "<span>publiziert am 25. September 2018</span></p>"
            f"<h1>Die elektronische Patientenakte</h1></div><div class='post'>{GERMAN}</div></body></html>")


def test_a_date_line_in_the_language_the_page_is_written_in() -> None:
    assert dated(german_blog("en"), "https://blog.example/die-elektronische-patientenakte") == "2018-09-25"
    assert dated(german_blog("de"), "https://blog.example/die-elektronische-patientenakte") == "2018-09-25"
