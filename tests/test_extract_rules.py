"""The generic cascade: metadata and main text on small inline pages, the seed-like news page first."""

from __future__ import annotations

import json

import pytest

from briefarc.extract.core import extract
from tests.conftest import SHARED, needs_shared

SEED = SHARED / "seed" / "briefing-article.txt"

TITLE = "‘Surprising’ for U.S. to Seek Reassessment of Ties with Pakistan: Foreign Office"
STANDFIRST = ("In weekly briefing, spokesperson reiterates call for international community to remain engaged "
              "with the new Taliban government in Afghanistan")
BODY = [
    "The Foreign Office on Thursday described the U.S. desire to reassess its relationship with Pakistan as "
    "surprising, saying the remarks were out of step with close cooperation.",
    "“The comments were not in line with our cooperation,” Foreign Office spokesman Asim Iftikhar told a weekly "
    "press briefing in Islamabad on Thursday.",
    "Testifying before a House committee, the U.S. Secretary of State had said that the two capitals shared "
    "several interests but that some conflicts persisted.",
    "Iftikhar said Pakistan’s positive role in the Afghan peace process had been acknowledged, including by the "
    "U.S. State Department spokesperson.",
    "He said that there was no military solution to the conflict in Afghanistan and that a political settlement "
    "offered the only plausible pathway to peace.",
    "To a question about recognition of the Taliban, Iftikhar said Pakistan was under no pressure and would take "
    "independent decisions in line with its interests.",
    "The spokesperson opened the briefing by urging the international community to keep engaging with Kabul to "
    "avert a humanitarian crisis.",
]
CHROME = [
    "Home", "Latest News", "File photo of Foreign Office spokesperson", "Related Articles", "Leave a Comment",
    "Previous article", "Next article", "Saturday, September 18, 2021", "Share on Facebook", "Afghanistan Taliban",
    "Most Popular", "All rights reserved", "Teaser of another story",
]


def seed_page(title: str, byline: str, caption: str, standfirst: str, body: list[str]) -> bytes:
    """A WordPress news page of the seed's kind: Yoast JSON-LD, breadcrumbs, byline, caption, standfirst,
    share bar, tags, previous/next links, related articles, comment form, sidebar and footer."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://news.example/#website", "name": "Newsweek Pakistan"},
        {"@type": "Person", "@id": "https://news.example/#/schema/person/7", "name": byline},
        {"@type": "NewsArticle", "@id": "https://news.example/story/#article", "headline": title,
         "datePublished": "2021-09-16T17:42:11+05:00", "dateModified": "2021-09-18T09:00:00+05:00",
         "author": {"@id": "https://news.example/#/schema/person/7"}, "keywords": ["Afghanistan", "Taliban"],
         "isPartOf": {"@id": "https://news.example/#website"}},
    ]}
    paragraphs = "\n".join(f"<p>{text}</p>" for text in body)
    return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8">
<title>{title} - Newsweek Pakistan</title>
<meta property="og:site_name" content="Newsweek Pakistan"><meta property="og:type" content="article">
<meta property="og:title" content="{title} - Newsweek Pakistan">
<link rel="canonical" href="/story/">
<script type="application/ld+json">{json.dumps(graph)}</script></head>
<body class="post-template-default single">
<div class="td-header-top-menu"><span class="td-header-date">Saturday, September 18, 2021</span></div>
<nav class="td-header-menu"><ul><li><a href="/">Home</a></li><li><a href="/latest/">Latest News</a></li></ul></nav>
<div class="td-crumb-container"><div class="entry-crumbs"><a href="/">Home</a> <a href="/latest/">Latest News</a>
<span>{title}</span></div></div>
<article class="post type-post"><header class="td-post-title"><h1 class="entry-title">{title}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name">by <a href="/author/staff/">{byline}</a></div>
<span class="td-post-date"><time class="entry-date" datetime="2021-09-16T17:42:11+05:00">September 16, 2021</time>
</span></div></header>
<div class="td-post-featured-image"><figure><img src="/photo.jpg" alt=""><figcaption class="wp-caption-text">{caption}
</figcaption></figure></div>
<p class="td-post-sub-title">{standfirst}</p>
<div class="td-post-sharing"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<div class="td-post-content">
{paragraphs}
</div>
<div class="td-post-source-tags"><ul class="td-tags"><li><a href="/tag/afghanistan/">Afghanistan</a></li>
<li><a href="/tag/taliban/">Taliban</a></li></ul></div>
<div class="td-post-next-prev"><a href="/prev/">Previous article</a> <a href="/next/">Next article</a></div>
</article>
<div class="td_block_related_posts"><h4 class="block-title">Related Articles</h4>
<div class="td_module_related_posts"><h3><a href="/other/">A headline of another story on the site</a></h3>
<p>Teaser of another story that is long enough to look like a paragraph of text on a page.</p></div></div>
<div id="comments" class="comments-area"><div id="respond"><h3 class="comment-reply-title">Leave a Comment</h3>
<form><p>Your email address will not be published. Required fields are marked.</p><textarea></textarea></form>
</div></div>
<aside class="td-sidebar"><h4>Most Popular</h4><ul><li><a href="/a/">A popular story headline here</a></li></ul></aside>
<footer class="td-footer"><p>© 2021 Newsweek Pakistan. All rights reserved.</p></footer>
</body></html>""".encode()


def check_seed_like(document, title: str, standfirst: str, body: list[str]) -> None:
    assert document.title == title
    assert document.author == "Staff Report"
    assert document.subtitle == standfirst
    assert document.paragraphs == body
    assert document.spokesperson == "Asim Iftikhar"
    assert document.kind == "news_report"
    assert document.language == "en"
    assert document.site_name == "Newsweek Pakistan"
    assert document.published == "2021-09-16T17:42:11+05:00"
    assert document.canonical_url == "https://news.example/story/"
    text = document.body
    assert title not in text and standfirst not in text
    for chrome in CHROME:
        assert chrome not in text, chrome


def test_seed_like_page() -> None:
    page = seed_page(TITLE, "Staff Report", "File photo of Foreign Office spokesperson Asim Iftikhar", STANDFIRST, BODY)
    document = extract(page, url="https://news.example/story/")
    check_seed_like(document, TITLE, STANDFIRST, BODY)
    assert document.tags == ["Afghanistan", "Taliban"]


@pytest.mark.parametrize("lead", ['<p class="lead">{}</p>', "<p><em>{}</em></p>"], ids=["classed", "italic"])
def test_seed_like_page_with_the_standfirst_as_the_bodys_first_paragraph(lead: str) -> None:
    page = seed_page(TITLE, "Staff Report", "File photo of Foreign Office spokesperson Asim Iftikhar", STANDFIRST, BODY)
    page = page.replace(f'<p class="td-post-sub-title">{STANDFIRST}</p>'.encode(), b"")
    page = page.replace(b'<div class="td-post-content">\n',
                        f'<div class="td-post-content">\n{lead.format(STANDFIRST)}\n'.encode())
    page = page.replace(b"<title>", f'<meta name="description" content="{STANDFIRST}"><title>'.encode())
    assert STANDFIRST.encode() in page and b"td-post-sub-title" not in page
    check_seed_like(extract(page, url="https://news.example/story/"), TITLE, STANDFIRST, BODY)


def test_an_ordinary_first_paragraph_stays_in_the_body() -> None:
    page = seed_page(TITLE, "Staff Report", "A caption of the photo", STANDFIRST, BODY)
    page = page.replace(f'<p class="td-post-sub-title">{STANDFIRST}</p>'.encode(), b"")
    page = page.replace(b"<title>", f'<meta name="description" content="{BODY[0]}"><title>'.encode())
    assert extract(page, url="https://news.example/story/").paragraphs == BODY  # the same as the description, plain


def test_seed_text_in_page_markup() -> None:
    needs_shared(SEED)
    blocks = [block.strip() for block in SEED.read_text(encoding="utf-8").split("\n\n") if block.strip()]
    title, byline, caption, standfirst = blocks[1], blocks[2], blocks[3], blocks[4]
    body = blocks[5:12]
    assert blocks[12:] == ["Related Articles", "Leave a Comment"]
    page = seed_page(title, byline.removeprefix("by "), caption, standfirst, body)
    document = extract(page, url="https://news.example/story/")
    check_seed_like(document, title, standfirst, body)


# --- metadata cascade --------------------------------------------------------------------------------

def page(head: str = "", body: str = "", lang: str | None = None) -> bytes:
    lang_attr = f' lang="{lang}"' if lang else ""
    return f"<!doctype html><html{lang_attr}><head>{head}</head><body>{body}</body></html>".encode()


ARTICLE = "".join(f"<p>Paragraph {i} of the article says something long enough to count as body text.</p>"
                  for i in range(4))


def test_title_from_og_when_no_jsonld_and_site_suffix_dropped() -> None:
    head = ('<title>Talks resume in Doha | The Daily</title><meta property="og:site_name" content="The Daily">'
            '<meta property="og:title" content="Talks resume in Doha | The Daily">')
    assert extract(page(head, ARTICLE)).title == "Talks resume in Doha"


def test_an_underscore_joined_site_name_is_dropped_and_other_underscores_kept() -> None:
    head = ('<meta name="SiteName" content="Ministry of Foreign Affairs of the People\'s Republic of China">'
            "<title>Regular Press Conference_Ministry of Foreign Affairs of the People's Republic of China</title>")
    assert extract(page(head, ARTICLE)).title == "Regular Press Conference"
    plain = page('<meta name="SiteName" content="Ministry"><title>Report_on_the_summit_talks</title>', ARTICLE)
    assert extract(plain).title == "Report_on_the_summit_talks"


def test_title_from_named_meta_and_h1_and_title_tag() -> None:
    named = page('<meta name="ArticleTitle" content="Spokesperson remarks on the summit">', ARTICLE)
    assert extract(named).title == "Spokesperson remarks on the summit"
    h1 = page("<title>A headline of the story - Site</title>",
              f"<div class=logo><h1>Site</h1></div><h1>A headline of the story</h1>{ARTICLE}")
    assert extract(h1).title == "A headline of the story"
    only_title = page("<title>Minister visits Rome — Ministry of Foreign Affairs</title>", ARTICLE)
    assert extract(only_title).title == "Minister visits Rome"


def test_dates_by_cascade() -> None:
    jsonld = ('<script type="application/ld+json">'
              '{"@type":"NewsArticle","datePublished":"2021-09-16T17:42:11+05:00"}</script>')
    assert extract(page(jsonld, ARTICLE)).published == "2021-09-16T17:42:11+05:00"
    meta = '<meta property="article:published_time" content="2021-09-16T12:42:11Z">'
    assert extract(page(meta, ARTICLE)).published == "2021-09-16T12:42:11+00:00"
    named = '<meta name="PubDate" content="2025-03-12 19:30">'
    assert extract(page(named, ARTICLE)).published == "2025-03-12"
    time_tag = page("", f'<article><time datetime="2020-02-03">3 Feb</time>{ARTICLE}</article>')
    assert extract(time_tag).published == "2020-02-03"
    assert extract(page("", ARTICLE), url="https://x.example/2019/11/19/story/").published == "2019-11-19"


def test_date_traps_are_ignored() -> None:
    body = ('<div class="top-bar">Saturday, September 18, 2021</div>'
            '<script>var built = "2021-09-18T10:00:00+05:00";</script>'
            '<aside><time datetime="2021-09-17">Related story</time></aside><article>' + ARTICLE + "</article>")
    assert extract(page("", body)).published is None
    future = '<meta property="article:published_time" content="2999-01-01T00:00:00Z">'
    assert extract(page(future, ARTICLE), url="https://x.example/2020/05/06/s/").published == "2020-05-06"


def test_language_sources() -> None:
    assert extract(page("", ARTICLE, lang="en-GB")).language == "en"
    assert extract(page('<meta http-equiv="content-language" content="fr">', ARTICLE)).language == "fr"
    chinese = "<p>外交部发言人表示，中方欢迎更多外国朋友来华旅游、经商和交流，感受真实的中国。</p>" * 3
    assert extract(page("", chinese)).language == "zh"
    assert extract(page("", ARTICLE)).language == "en"


@pytest.mark.parametrize(("declared", "language"), [("eng", "en"), ("zh_CN", "zh"), ("fil", "fil"), ("fra", "fr"),
                                                    ("ur-PK", "ur"), ("zho", "zh")])
def test_declared_language_codes_are_normalised(declared: str, language: str) -> None:
    assert extract(page("", ARTICLE, lang=declared)).language == language


def test_yoast_graph_author_and_publisher() -> None:
    ld = {"@graph": [{"@type": "Organization", "@id": "#org", "name": "The Outlet"},
                     {"@type": "Person", "@id": "#p", "name": "Jane Roe"},
                     {"@type": "Article", "headline": "H", "author": [{"@id": "#p"}], "publisher": {"@id": "#org"}}]}
    document = extract(page(f'<script type="application/ld+json">{json.dumps(ld)}</script>', ARTICLE))
    assert document.author == "Jane Roe"
    assert document.site_name == "The Outlet"


def test_byline_author_and_canonical_resolution() -> None:
    body = f'<span class="byline">By <a href="/a">Amna Farooqui</a> | Updated 2 hours ago</span>{ARTICLE}'
    head = '<link rel="canonical" href="../canonical/">'
    document = extract(page(head, body), url="https://x.example/news/item/")
    assert document.author == "Amna Farooqui"
    assert document.canonical_url == "https://x.example/news/canonical/"


def test_broken_jsonld_is_ignored() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Half</script><title>Fine</title>'
    assert extract(page(head, ARTICLE)).title == "Fine"


# --- main text ---------------------------------------------------------------------------------------

def test_text_between_line_breaks_and_in_plain_divs() -> None:
    br_text = ("First line of a story written with line breaks between its paragraphs.<br><br>"
               "Second line of the same story, also long enough to be taken as body text.")
    document = extract(page("", f'<div id="x"><span>{br_text}</span></div><nav><a href="/">Home</a></nav>'))
    assert document.paragraphs == [
        "First line of a story written with line breaks between its paragraphs.",
        "Second line of the same story, also long enough to be taken as body text.",
    ]
    divs = "".join(f"<div class=para>Div paragraph {i} holds the article text without any p tags.</div>"
                   for i in range(3))
    assert len(extract(page("", f"<div>{divs}</div>")).paragraphs) == 3


def test_hidden_blocks_link_lists_and_ads_are_not_body() -> None:
    body = (f"<main>{ARTICLE}<div style='display:none'><p>Hidden text that a reader never sees on the page.</p></div>"
            "<ul><li><a href='/1'>Another story link</a></li><li><a href='/2'>Yet another story link</a></li></ul>"
            "<div class='ad-slot'>Advertisement</div><p>- Advertisement -</p></main>")
    document = extract(page("", body))
    assert len(document.paragraphs) == 4
    assert "Hidden text" not in document.body and "Advertisement" not in document.body


def test_comments_larger_than_the_article_are_not_chosen() -> None:
    comments = "".join(f"<div class=comment><p>Comment number {i} from a reader, long enough to count as text "
                       f"and to outweigh the article.</p></div>" for i in range(30))
    body = f'<article><h1>Open thread</h1><div class="entry-content">{ARTICLE}</div></article>' \
           f'<div id="comments" class="comments-area">{comments}</div>'
    document = extract(page("", body))
    assert len(document.paragraphs) == 4
    assert "Comment number" not in document.body


def test_article_element_is_preferred_over_teasers_below() -> None:
    teasers = "".join(f"<li><div class=teaser><p>Teaser {i} of another article with a summary that is long enough "
                      f"to be counted.</p></div></li>" for i in range(12))
    body = f"<main><article>{ARTICLE}</article></main><div class=below><ul>{teasers}</ul></div>"
    document = extract(page("", body))
    assert len(document.paragraphs) == 4


def test_listing_page_is_recognised() -> None:
    items = "".join(f'<a class="item" href="/n/{i}.html"><h2>Statement number {i} of the ministry on events</h2>'
                    f'<span class="date">0{i % 9 + 1}.05.2020</span></a>' for i in range(6))
    body = f'<h1>Statements</h1><div class="list">{items}</div><ul class="pager"><li class="active">1</li>' \
           f'<li><a href="/statements/2">2</a></li></ul>'
    document = extract(page("", body), url="https://mfa.example/statements/")
    assert document.kind == "listing"
    assert len(document.items) == 6
    assert document.items[0].url == "https://mfa.example/n/0.html"
    assert document.items[0].published == "2020-05-01"
    assert document.next_page == "https://mfa.example/statements/2"
    assert document.paragraphs == []


def test_rel_next_and_next_link() -> None:
    items = "".join(f'<li><a href="t{i}.html">Regular press conference number {i} on a long title</a></li>'
                    for i in range(8))
    rel = page('<link rel="next" href="index_1.html">', f"<ul>{items}</ul>")
    assert extract(rel, url="https://m.example/list/").next_page == "https://m.example/list/index_1.html"
    text = page("", f"<ul>{items}</ul><div class=pages><a href='p2.html'>Next ›</a></div>")
    assert extract(text).next_page == "p2.html"


def test_one_map_of_kind_names_serves_json_documents_and_site_selectors():
    from briefarc.extract.kinds import KIND_NAMES, kind_named
    from briefarc.models import KINDS

    assert kind_named("news_story") == kind_named(" News  story ") == "news_report"  # GOV.UK's type, a page's label
    assert kind_named("Press release") == kind_named("press_release") == "press_release"
    assert kind_named("a memo") is None and kind_named(None) is None
    assert set(KIND_NAMES.values()) <= set(KINDS)


def test_the_language_of_an_undeclared_page_is_guessed_from_its_text():
    from briefarc.extract.language import guess_language

    assert guess_language("外交部发言人赵立坚主持例行记者会，回答了记者的提问。") == "zh"
    assert guess_language("Министерство иностранных дел Республики Беларусь сообщает о визите делегации.") == "ru"
    assert guess_language("The spokesperson answered\x00 questions\x85 about the \udce9visit of the minister.") == "en"
    assert guess_language("") is None and guess_language("\x00\x01") is None


def test_mostly_chinese_text_is_chinese_without_cld2_and_japanese_or_korean_text_still_asks_it(monkeypatch):
    import pycld2

    from briefarc.extract.language import guess_language

    asked = []
    detect = pycld2.detect
    monkeypatch.setattr(pycld2, "detect", lambda text: asked.append(text) or detect(text))
    assert guess_language("外交部发言人赵立坚主持例行记者会，回答了记者的提问。") == "zh" and asked == []
    assert guess_language("外務省報道官は定例記者会見で、記者の質問に答えました。") == "ja" and len(asked) == 1
    assert guess_language("외교부 대변인은 정례 브리핑에서 기자들의 질문에 답했다.") == "ko" and len(asked) == 2
    assert guess_language("China 外交部 said on Monday that the talks would go on next week in Geneva.") == "en"


@pytest.mark.parametrize("label", ["Next »", "Page suivante", "Suivant ›", "Nächste Seite", "Weiter »", "Siguiente",
                                   "Página siguiente", "Próxima página", "Seguinte", "Successiva", "Volgende",
                                   "Следующая страница", "Далее →", "下一页", "下一頁", "次へ", "التالي",
                                   "الصفحة التالية"])
def test_a_next_link_in_the_languages_of_the_sources(label) -> None:
    """A listing of a site briefarc has no pager rule for is followed by its "next" link, in the languages of the
    sources and their neighbours (a French, German or Arabic listing stopped at its first page)."""
    items = "".join(f'<li><a href="t{i}.html">Regular press conference number {i} on a long title</a></li>'
                    for i in range(8))
    text = page("", f"<ul>{items}</ul><div class=pages><a href='/a'>1</a> <a href='p2.html'>{label}</a></div>")
    assert extract(text).next_page == "p2.html"


@pytest.mark.parametrize("label", ["Next steps for the talks", "Suivant la réunion du Conseil", "Weitere Meldungen"])
def test_a_link_that_only_opens_with_a_next_word_leads_nowhere(label) -> None:
    items = "".join(f'<li><a href="t{i}.html">Regular press conference number {i} on a long title</a></li>'
                    for i in range(8))
    text = page("", f"<ul>{items}</ul><div class=pages><a href='p2.html'>{label}</a></div>")
    assert extract(text).next_page is None
