"""Publication dates of article pages written for these tests in the shapes of blog platforms and news
content systems (a community blog platform, WordPress, a headless-CMS blog, a Drupal newsroom), in
several languages, each with the dates that are not the article's beside its own: the site's edition date
in the masthead, the author's list of posts, an update's date set apart from its label by markup.

Each kind of mistake has its own pages; the rules they check name no site and no class of these pages."""

from __future__ import annotations

from briefarc.extract.core import extract

PARAGRAPHS = {
    "fr": ("<p>Les violences policières ont occupé une large place dans le débat public au premier semestre, et "
           "la couverture médiatique en a été vivement critiquée par les lecteurs comme par les chercheurs.</p>"
           "<p>Jugées trop tardives ou partielles, les productions pourtant nombreuses des rédactions n'ont pas "
           "convaincu ; ce billet revient sur la chronologie des articles et sur les sources qu'ils citaient.</p>"
           "<p>Il propose enfin quelques pistes pour que les rédactions rendent mieux compte des manifestations, "
           "en donnant davantage la parole aux témoins et en publiant leurs méthodes de vérification.</p>"),
    "en": ("<p>The foreign ministry said on Wednesday that it had summoned the envoy to convey its concern over "
           "the incident at the border, and that consultations with partners in the region were under way.</p>"
           "<p>Asked about the timetable for the next round of talks, the spokesperson said that both delegations "
           "had agreed to meet again before the end of the month and that technical teams were at work.</p>"
           "<p>The ministry also announced a visit by the minister to three countries of the region, where trade, "
           "energy and the protection of citizens abroad are expected to top the agenda of the meetings.</p>"),
}


def page(lang: str, title: str, body: str, head: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
            f"<body>{body}</body></html>").encode()


# --- a list item of the author's posts that is this post is no other page's -----------------------------------

BLOG_TITLE = "Violences policières : une bombe à retardement médiatique"
BLOG_URL = "https://blogs.plateforme.example/elba/blog/260619/violences-policieres-bombe-a-retardement"


def community_blog(own_list: str) -> bytes:
    """A community blog platform's post: the masthead shows the day's edition (a later day), the post's own
    info list gives its day, and a box lists the author's latest posts, this one first."""
    masthead = ('<header class="masthead"><a href="/">Le Club</a><span class="edition">lun. 5 août 2019</span>'
                "</header>")
    latest = ('<section class="author-posts"><h2>Derniers billets de l\'auteur</h2><ul>'
              f'<li><a href="/elba/blog/260619/violences-policieres-bombe-a-retardement">{BLOG_TITLE}</a>'
              ' <span class="author">27 juin 2019 Par <a href="/elba">Elba</a></span></li>'
              '<li><a href="/elba/blog/120619/la-chronologie-des-manifestations-de-printemps">La chronologie des '
              'manifestations de printemps</a> <span class="author">12 juin 2019 Par <a href="/elba">Elba</a>'
              "</span></li></ul></section>")
    article = (f'<main><article><h1 class="title">{BLOG_TITLE}</h1>{own_list}'
               f'<div class="content">{PARAGRAPHS["fr"]}</div></article>{latest}</main>')
    return page("fr", f"{BLOG_TITLE} | Le Club", masthead + article)


def test_the_post_own_date_line_in_a_list_item_dates_it_though_the_author_list_repeats_it() -> None:
    """The post's "27 juin 2019" stands in its own info list under the headline; the author's list of posts
    repeats it beside a link to this very post. That item is the post's, not another page's: the day is
    the post's, not the masthead's edition date."""
    own = '<ul class="info"><li>27 juin 2019</li><li>Par <a rel="author" href="/elba">Elba</a></li></ul>'
    assert extract(community_blog(own), url=BLOG_URL).published == "2019-06-27"


def test_the_masthead_edition_date_is_not_the_post_date() -> None:
    """A post that gives its day only at its foot ("Publié le 27 juin 2019"): the day the masthead shows
    beside the site's logo, just above the headline, is the edition's, not the post's."""
    own = '<ul class="info"><li>Par <a rel="author" href="/elba">Elba</a></li></ul>'
    html = community_blog(own).replace(b"</div></article>", "<p>Publié le 27 juin 2019</p></div></article>".encode())
    assert extract(html, url=BLOG_URL).published == "2019-06-27"


def test_a_news_site_header_with_today_date_and_no_other_date() -> None:
    """A page whose only date is the site header's "today" (opening hours, the edition): no date."""
    header = ('<header role="banner"><a href="https://garden.example/"><img alt="Garden"></a><div class="hours">'
              "Today's hours<div>March 14, 2026</div><div>9 a.m. – 5 p.m.</div></div></header>")
    body = f'{header}<main><h1>Plants for dark corners of the house</h1>{PARAGRAPHS["en"]}</main>'
    html = page("en", "Plants for dark corners of the house", body)
    assert extract(html, url="https://garden.example/plant-information/plants-for-dark-corners").published is None
