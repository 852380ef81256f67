"""A banner's h1 marked as a headline ("hero-headline") that says a few of the declared title's words, on a page
whose own heading (an h2 over the article's first paragraph) says the declared title word for word: the
title is the declared one. Without that heading, the marked h1 stays the headline."""

from __future__ import annotations

from briefarc.extract.core import extract

URL = "https://www.example.com/baby-tips/toddler-own-bed"
TITLE = "How To Get Toddlers To Sleep In Their Own Bed"
HEAD = (f'<title>{TITLE} | Example Baby</title><meta property="og:title" content="{TITLE} | Example Baby">'
        '<meta property="og:site_name" content="Example Baby">')
PARAGRAPHS = "".join(
    f"<p>Paragraph {n} gives parents a step of the routine, what to say at bedtime and how long the first "
    f"nights in a bed of one's own take before the toddler settles.</p>" for n in range(4))


def title(heading: str) -> str | None:
    body = (f'<section class="banner"><h1 class="hero-headline"><span>Toddler Sleep Training</span></h1></section>'
            f'<div class="rich-text">{heading}{PARAGRAPHS}</div>')
    page = f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">{HEAD}</head><body>{body}</body></html>'
    return extract(page.encode(), url=URL).title


def test_a_heading_that_says_the_declared_title_outweighs_a_marked_banner_h1() -> None:
    assert title(f"<h2>{TITLE}</h2>") == TITLE


def test_without_such_a_heading_the_marked_h1_is_the_headline() -> None:
    assert title("<h2>Why the first nights are hard</h2>") == "Toddler Sleep Training"
