"""A post moved to another platform or republished keeps its own day on the page under a meta publication time
of the move: a Medium post on its author's domain shows "Dec 30, 2013" beside its headline under
article:published_time 2024-08-07. The day shown wins when it is more than a day earlier than the tag's and the
page never shows the tag's day; a later day shown is an update's, and a day off is the site's time zone."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract

BODY = ("<p>Four years ago I started a company with two friends. We had an idea, some savings and a lot of "
        "confidence, and for a while it looked as if that would be enough to build something that lasted.</p>"
        "<p>It was not. These are the lessons I took from the two years it took us to run out of money, written "
        "down so that I remember them the next time I am sure that an idea cannot fail.</p>"
        "<p>The first lesson is that customers do not care how hard you worked. They care whether the thing "
        "you made solves a problem they have today, and they will tell you only if you ask them.</p>")
URL = "https://writer.example/startup-lessons-learned-from-my-failed-startup-ceb9a4f656d7"


def medium_page(published_time: str, shown: str) -> bytes:
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            "<title>Startup lessons learned from my failed startup | by Sergio | Medium</title>"
            '<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{published_time}">'
            '</head><body><div id="root"><article><section><div><div>'
            '<h1 data-testid="storyTitle">Startup lessons learned from my failed startup</h1>'
            '<div class="speechify-ignore"><div><a href="/@sergio"><p>Sergio</p></a></div>'
            '<div><span>5 min read</span><span aria-hidden="true"><span>·</span></span>'
            f"<span>{shown}</span></div></div>"
            f"{BODY}</div></div></section></article></div></body></html>").encode()


def test_a_moved_post_is_dated_by_the_day_it_shows() -> None:
    assert extract(medium_page("2024-08-07T12:01:51.460Z", "Dec 30, 2013"), url=URL).published == "2013-12-30"


@pytest.mark.parametrize(("published_time", "shown", "day"), [
    ("2024-08-07T12:01:51.460Z", "Feb 3, 2025", "2024-08-07"),  # a later day shown, unlabelled: an update's
    ("2021-12-10T02:17:00+00:00", "Dec 9, 2021", "2021-12-10"),  # the same moment, in the site's time zone
    ("2024-08-07T12:01:51.460Z", "Aug 7, 2024", "2024-08-07"),
])
def test_the_meta_tag_stands_otherwise(published_time: str, shown: str, day: str) -> None:
    assert extract(medium_page(published_time, shown), url=URL).published[:10] == day
