"""A page whose only date is written in its byline, beside the author's name, under a headline that is not its
<title> (no h1, no structured date, no <time>): the byline's date dates it. Before, such a page had no date.
A byline in the comments does not date the page."""

from __future__ import annotations

from briefarc.extract.core import extract

TEXT = ("<p>The new data accelerator keeps a local copy of the tables that queries read most, so that a dashboard "
        "answers in milliseconds instead of waiting on the warehouse, and the copy is refreshed as rows change.</p>"
        "<p>It is built on an open columnar file format, which lets the engine skip the parts of a file that a query "
        "does not need and read the rest in parallel, on a laptop as on a cluster of machines.</p>") * 2


def page(byline: str, comments: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><title>Introducing the data accelerator | Example Blog</title></head>"
        "<body><div class=\"resource-head\"><h2>Introducing the next-generation data accelerator, built for scale</h2>"
        f"{byline}</div><div class=\"resource-content\">{TEXT}</div>{comments}</body></html>").encode()


def test_the_date_beside_the_author_name_in_the_byline_dates_the_page():
    byline = ('<div class="post-author"><div class="post-author-details"><p>Luke Kim</p>'
              "<small>December 17, 2025</small></div></div>")
    document = extract(page(byline), "https://blog.example.com/introducing-the-data-accelerator")
    assert document.author == "Luke Kim"
    assert document.published == "2025-12-17"


def test_a_commenter_byline_date_does_not_date_the_page():
    comments = ('<div class="comments"><div class="comment"><div class="comment-author">Jane Roe'
                "<small>January 3, 2026</small></div><p>Great write-up, thanks for sharing this.</p></div></div>")
    document = extract(page("", comments), "https://blog.example.com/introducing-the-data-accelerator")
    assert document.published is None
