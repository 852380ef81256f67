"""An article whose metadata and byline name no one, but whose author's box does: a link to her other
articles, an "About the author" label over her name or her biography, or a closing biography."""

from __future__ import annotations

from briefarc.extract.core import extract

ARTICLE = '<meta property="og:type" content="article">'
PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the post says enough to be read as body text, with the measurements, the code that "
    f"was changed and what the next release will bring to the people who use it every day.</p>" for n in range(4)
)
URL = "https://blog.example.org/2025/12/progress-report"


def author(body: str, head: str = ARTICLE, after: str = "") -> str | None:
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Progress report</title>{head}</head>'
            f"<body><article><h1>Progress report</h1>{PARAGRAPHS}{body}</article>{after}</body></html>")
    return extract(page.encode(), url=URL).author


def test_a_link_to_the_authors_other_articles_names_her() -> None:
    assert author("", after='<a href="/team/jane-roe">View all posts by Jane Roe</a>') == "Jane Roe"
    assert author("", after='<a href="/team/jane-roe">More articles from <span>Jane Roe</span></a>') == "Jane Roe"
    assert author("", after='<button aria-label="All articles by Jane Roe">All articles</button>') == "Jane Roe"
    assert author("", after='<a href="/autor/max" title="Alle Beiträge von Max Muster">Max</a>') == "Max Muster"
    arrow = '<a href="/author/jane-roe">View all posts by Jane Roe <span class="meta-nav">&rarr;</span></a>'
    assert author("", after=f'<div class="author-info">{arrow}</div>') == "Jane Roe"  # WordPress's Twenty Twelve


def test_such_a_link_of_a_page_that_is_not_an_article_or_naming_no_one_gives_no_author() -> None:
    assert author("", head="", after='<a href="/team/jane-roe">View all posts by Jane Roe</a>') is None
    assert author("", after='<a href="/team">View all posts by this author</a>') is None
    assert author("", after='<a href="/tag/x">Posts by date</a>') is None


def test_more_stories_from_a_section_or_a_source_names_no_author() -> None:
    """"More ... from" names the author only in a link to an author's page: elsewhere it leads to a section's,
    a region's or a source's articles."""
    assert author("", after='<a href="/world/asia">More stories from Hong Kong</a>') is None
    assert author("", after='<a href="/reuters">More stories from Reuters</a>') is None
    assert author("", after='<a href="/opinion">Más artículos de Opinión</a>') is None
    assert author("", after='<a href="/report/author/ruima/">More articles from Rui Ma</a>') == "Rui Ma"
    assert author("", after='<a href="/reuters">More stories by Jane Roe</a>') == "Jane Roe"


def test_an_about_the_author_label_over_a_name_or_a_biography_names_her() -> None:
    assert author("<h3>About the author</h3><p>Jane Roe</p><p>Jane writes about compilers.</p>") == "Jane Roe"
    biography = "<p>About the Author:</p><p>Jane Roe is a skilled engineer with ten years of work on compilers.</p>"
    assert author(biography) == "Jane Roe"


def test_a_closing_biography_that_says_she_writes_names_her_and_a_sentence_about_someone_else_does_not() -> None:
    assert author("<p><em>Jane Roe is a freelance technology writer based in Lagos.</em></p>") == "Jane Roe"
    assert author("<p>Jane Roe is a friend of the project and maintains the test farm.</p>") is None


def test_a_closing_sentence_of_news_that_only_mentions_a_writers_role_names_no_author() -> None:
    """The role must be what the name is ("is a ... writer"), not a word somewhere after it."""
    assert author("<p>Donald Trump has been ordered to pay the writer E. Jean Carroll $83 million.</p>") is None
    assert author("<p>Human Rights Watch has documented the cases of journalists detained since May.</p>") is None
    assert author("<p>The New York Times has asked its reporters to return to the office.</p>") is None
    assert author("<p>Foreign Minister Wang Yi has met his fellow ministers of the group on Friday.</p>") is None
    assert author("<p>Jane Roe has been the paper's correspondent in Lagos since 2019.</p>") == "Jane Roe"


def test_a_byline_still_comes_first() -> None:
    by = '<p class="byline">By John Doe</p>'
    assert author(by + "<p>Jane Roe is a freelance technology writer based in Lagos.</p>") == "John Doe"


def test_a_byline_opening_the_text_or_an_agencys_lead_names_her() -> None:
    def lead(first: str) -> str | None:
        page = (f'<html lang="en"><head><title>Gardens</title>{ARTICLE}</head><body><h1>Gardens</h1><div><p>{first}</p>'
                f"{PARAGRAPHS}</div></body></html>")
        return extract(page.encode(), url=URL).author

    assert lead("By Md Aynal Haque RAJSHAHI, Dec 20, 2025 (BSS) - Homestead gardening has grown.") == "Md Aynal Haque"
    assert lead("By Jane Roe WASHINGTON (Reuters) - The State Department said on Friday that talks went on.") \
        == "Jane Roe"
    assert lead("By the way, the garden grows well in December and the markets are full.") is None
    assert lead("By Jane Roe and John Doe WASHINGTON (Reuters) - The State Department said that talks went on.") \
        == "Jane Roe and John Doe"


def test_a_line_under_a_chinese_about_the_author_label_that_is_no_name_names_no_one() -> None:
    assert author("<h3>关于作者</h3><p>本文仅代表作者观点</p>") is None
    assert author("<h3>关于作者</h3><p>王小明</p>") == "王小明"


def test_wordpress_german_link_to_the_authors_posts_names_her() -> None:
    assert author("", after='<a href="/author/max">Alle Beiträge von Max Muster anzeigen</a>') == "Max Muster"


def test_the_link_inside_the_article_comes_before_a_sidebars_link_to_another_writers_posts() -> None:
    sidebar = '<aside><a href="/author/ann-lee">View all posts by Ann Lee</a></aside>'
    page = (f'<html lang="en"><head><title>Progress report</title>{ARTICLE}</head><body>{sidebar}<article>'
            f'<h1>Progress report</h1>{PARAGRAPHS}<a href="/author/jane-roe">View all posts by Jane Roe</a></article>'
            f"</body></html>")
    assert extract(page.encode(), url=URL).author == "Jane Roe"
