"""Date lines and dates the rules of the dates130 commits took from pages they should have dated, on pages written
for these tests: a briefing's dateline that is a sentence, lines where a word of another day's meaning does not
govern the date, a related article whose address differs from the page's only by its query, an article whose
class says it has (or has no) comments, a review's date earlier than the declared publication."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from briefarc.extract.core import extract
from briefarc.extract.otherdates import names_comments, outermost

TEXT = ("<p>The ministry said on Wednesday that it had summoned the envoy to convey its concern over the incident at "
        "the border, and that consultations with partners in the region were under way, a spokesperson added.</p>")
URL = "https://news.example/world/envoy-summoned"


def dated(html: str, url: str = URL) -> str | None:
    return extract(html.encode(), url=url, content_type="text/html; charset=utf-8").published


def page(head: str, inner: str, article_class: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>Envoy summoned</title>{head}</head><body><main>"
            f"<article class='{article_class}'><h1>Envoy summoned</h1>{inner}{TEXT}</article></main></body></html>")


def test_a_briefings_dateline_that_is_a_sentence_dates_the_page() -> None:
    for line in ("Transcript of the weekly press briefing by the Spokesperson held at the Ministry on 14 March 2025.",
                 "Remarks by the Foreign Minister at the opening of the new chancery building in Islamabad on "
                 "14 March 2025.",
                 "Press release issued by the Media Wing of the Ministry of Foreign Affairs on 14 March 2025."):
        assert dated(page("", f"<p>{line}</p>")) == "2025-03-14", line


def test_the_same_sentence_in_a_photos_caption_does_not() -> None:
    """A regression guard (the code before passes it too): the caption rule, narrowed, still holds in a caption."""
    caption = "Delegates of the two ministries walk to the talks at the new chancery building on 14 March 2019."
    figure = f"<figure><img src='/a.jpg' alt=''><figcaption>{caption}</figcaption></figure>"
    assert dated(page("", figure + "<div class='meta'><time datetime='2025-03-18'>18 March</time></div>")) \
        == "2025-03-18"


def test_a_word_of_another_meaning_that_does_not_govern_the_date() -> None:
    for line, day in (("Closing remarks, Vientiane, July 27, 2024", "2024-07-27"),
                      ("Remarks at the closing session | 27 July 2024", "2024-07-27"),
                      ("Press statement on the effective ceasefire, 5 June 2024", "2024-06-05"),
                      ("Statement: a ceasefire that ends the war — June 5, 2024", "2024-06-05")):
        assert dated(page("", f"<p>{line}</p>")) == day, line


def test_a_related_article_at_the_same_path_with_another_query_does_not_date_the_page() -> None:
    own = {"@type": "NewsArticle", "headline": "Ministry summons envoy", "datePublished": "2024-06-05"}
    related = {"@type": "NewsArticle", "headline": "Talks resume", "datePublished": "2024-01-01",
               "url": "https://mfa.example/news.aspx?id=150"}
    head = f"<script type='application/ld+json'>{json.dumps([own, related])}</script>"
    assert dated(page(head, ""), "https://mfa.example/news.aspx?id=200") == "2024-06-05"
    named = dict(related, url="https://mfa.example/news.aspx?id=200&utm_source=feed#top")
    head = f"<script type='application/ld+json'>{json.dumps([own, named])}</script>"
    assert dated(page(head, ""), "https://mfa.example/news.aspx?id=200") == "2024-01-01"


def test_an_articles_comment_state_is_no_comment() -> None:
    posted = ("<footer-x><span class='posted'>Posted <time datetime='2024-06-05T10:00:00Z'>5 June</time></span>"
              "</footer-x>")
    for state in ("post no-comments", "post has-comments", "entry-comment"):
        html = page("", "", state).replace(f"{TEXT}</article>", f"{TEXT * 8}{posted}</article>")
        assert (dated(html) or "")[:10] == "2024-06-05", state


def test_names_comments_reads_whole_words() -> None:
    tree = LexborHTMLParser("<div class='comment-list'></div><div id='disqus_thread'></div><div class='comments'>"
                            "</div><div class='no-comments'></div><div class='comments-link'></div>"
                            "<div class='entry-comment'></div>")
    assert [names_comments(node) for node in tree.css("div")] == [True, True, True, False, False, False]


def test_outermost_keeps_a_thread_once() -> None:
    tree = LexborHTMLParser("<div class='comment' id='a'><div class='comment'><div class='comment'></div></div></div>"
                            "<p><span class='comment' id='b'></span></p><div class='other'></div>")
    found = outermost(tree.css("div, span"), names_comments)
    assert [node.attributes.get("id") for node in found] == ["a", "b"]


def test_a_review_earlier_than_the_declared_publication_does_not_date_the_page() -> None:
    line = "<p>Page last reviewed: 12 January 2024</p>"
    tag = "<meta property='article:published_time' content='2025-03-14T09:00:00+00:00'>"
    assert (dated(page(tag, line)) or "")[:10] == "2025-03-14"
    data = json.dumps({"@type": "NewsArticle", "headline": "Envoy summoned", "datePublished": "2025-03-14"})
    assert dated(page(f"<script type='application/ld+json'>{data}</script>", line)) == "2025-03-14"
