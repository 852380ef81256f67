"""Titles and dates of pages whose footer holds forms with their own h1 (a contact form, a newsletter form),
as some agency and federation templates set them: the page's <title> is the site's name alone, the article's
headline is the first h1, and the forms' headings are no headline."""

from __future__ import annotations

from briefarc.extract.core import extract

ARTICLE = ("<p>The federation welcomed the publication of the guidelines on alternative dispute resolution for "
           "damages claims, which should shorten proceedings and lower their cost for small firms.</p>"
           "<p>Its legal committee will hold a workshop for members in the autumn to present the new procedure, "
           "the role of mediators and the first decisions of the courts that applied it.</p>"
           "<p>Members who wish to take part are asked to register with the secretariat before the end of the "
           "month, as the number of seats in the meeting room is limited.</p>")


def federation_page(lang: str = "en") -> bytes:
    cards = "".join(f'<div class="box"><h3 class="box-title">Workshop on public procurement no. {n}</h3>'
                    f'<time class="box-time">April {20 + n}, 2017</time></div>' for n in range(3))
    footer = ('<footer class="footer"><div class="footer-form" id="form-contact"><div class="form"><form>'
              '<div class="title"><h1 class="title-txt">Federation <span>Contact us</span></h1></div>'
              '<input name="mail"><button>Send</button></form></div></div>'
              '<div class="footer-form" id="form-newsletter"><div class="form"><form><div class="title">'
              '<h1 class="title-txt">Federation <span>Newsletter</span></h1></div><input name="mail">'
              '</form></div></div><p>Federation 2017</p></footer>')
    body = ('<header><a href="/">Federation</a></header><main id="main"><article class="post">'
            '<div class="post-content">'
            '<div class="post-head"><div class="post-cat">Business law</div><div class="post-metas">Posted the '
            'September 1, 2017 at 0h00</div><h1 class="post-title">Alternative dispute resolution for damages '
            f'claims</h1></div>{ARTICLE}</div></article><section class="more">{cards}</section>{footer}</main>')
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>FEDERATION</title></head>'
            f"<body>{body}</body></html>").encode()


URL = "https://www.federation.example/en/content/alternative-dispute-resolution-for-damages-claims"


def test_a_footer_form_heading_is_not_the_title() -> None:
    assert extract(federation_page(), url=URL).title == "Alternative dispute resolution for damages claims"


def test_the_date_by_the_article_headline_not_by_a_form_heading() -> None:
    """With the headline found, the "Posted the September 1, 2017" line over it dates the page, not the
    cards of other workshops."""
    assert extract(federation_page(), url=URL).published == "2017-09-01"


def test_the_headline_of_a_page_wrapped_in_one_form_is_its_title() -> None:
    """ASP.NET and DotNetNuke sites (many ministries' among them) wrap the whole page in one <form>: its h1 is the
    headline, not a form's heading, whatever the <title> says."""
    body = ('<form method="post" action="/Press/Briefings.aspx" id="aspnetForm"><input type="hidden" '
            'name="__VIEWSTATE" value="x"><div class="banner"><a href="/">Ministry</a></div><div id="content">'
            f'<h1 class="post-title">Alternative dispute resolution for damages claims</h1>{ARTICLE}</div></form>')
    page = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Ministry | Press | Item 2231</title>'
            f"</head><body>{body}</body></html>").encode()
    assert extract(page, url=URL).title == "Alternative dispute resolution for damages claims"
