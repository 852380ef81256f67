"""A deterministic generator of realistic briefing pages for the benchmarks.

Each page is a full HTML document in one of the shapes briefarc meets: a WordPress news report
with chrome (menu, breadcrumbs, byline, caption, related articles, comment form), a ministry
transcript with questions and answers, and a China MFA style conference page. The text is
random but drawn from a diplomatic vocabulary so that searches behave as on real archives.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from html import escape

COUNTRIES = (
    "Pakistan", "Afghanistan", "India", "China", "Iran", "United States", "Russia", "Ukraine", "Saudi Arabia",
    "Qatar", "Turkey", "Bangladesh", "Sri Lanka", "Japan", "Germany", "France", "United Kingdom", "Egypt",
    "Palestine", "Israel", "Sudan", "Yemen", "Syria", "Nepal", "Kazakhstan", "Uzbekistan", "Indonesia",
)
TOPICS = (
    "trade", "tariffs", "sanctions", "climate", "refugees", "ceasefire", "humanitarian aid", "terrorism",
    "nuclear talks", "border security", "visas", "energy cooperation", "water sharing", "elections",
    "human rights", "maritime security", "debt relief", "connectivity", "investment", "peacekeeping",
)
NAMES = ("Asim Iftikhar", "Mumtaz Zahra Baloch", "Lin Jian", "Mao Ning", "Wang Wenbin", "Tammy Bruce",
         "Matthew Miller", "Randhir Jaiswal", "Stéphane Dujarric", "Zahid Hafeez Chaudhri")
OUTLETS = ("CCTV", "AFP", "Reuters", "Bloomberg", "Dawn", "Geo News", "PTI", "Al Jazeera", "NHK", "TASS")
FUNCTION_WORDS = (
    "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "with", "as", "by", "it", "was", "we", "this",
    "be", "are", "have", "has", "from", "at", "its", "not", "will", "an", "their", "our", "all", "which", "been",
)
GENERAL_WORDS = (
    "government", "ministry", "cooperation", "dialogue", "region", "stability", "peace", "security", "support",
    "relations", "bilateral", "multilateral", "partners", "statement", "position", "issue", "interests",
    "development", "economic", "international", "community", "negotiations", "agreement", "framework", "visit",
    "delegation", "meeting", "summit", "talks", "process", "concerns", "people", "countries", "sovereignty",
    "integrity", "principles", "Charter", "resolution", "council", "assembly", "welcome", "continue", "remain",
    "committed", "engaged", "constructive", "important", "comprehensive", "strategic", "partnership", "future",
    "spokesperson", "question", "weekly", "briefing", "foreign", "office", "minister", "secretary", "president",
    "prime", "national", "policy", "matter", "report", "media", "press", "official", "visit", "week", "today",
)
RARE_WORDS = (
    "Taliban", "Kashmir", "Gaza", "corridor", "pipeline", "exports", "imports", "loan", "fund", "Blinken",
    "tariff", "drone", "militants", "hostages", "vaccine", "earthquake", "floods", "monsoon", "uranium", "grain",
    "shipping", "Strait", "airspace", "embassy", "consulate", "pilgrims", "students", "fishermen", "prisoners",
)
# Zipf-like weights: function words are common, general words less so, rare words rare.
VOCABULARY = FUNCTION_WORDS + GENERAL_WORDS + RARE_WORDS + COUNTRIES + TOPICS
WEIGHTS = ([40 / (rank + 1) for rank in range(len(FUNCTION_WORDS))]
           + [2.0] * len(GENERAL_WORDS) + [0.04] * len(RARE_WORDS) + [0.08] * len(COUNTRIES)
           + [0.05] * len(TOPICS))
CUMULATIVE = [sum(WEIGHTS[: i + 1]) for i in range(len(WEIGHTS))]
ZH_PHRASES = ("中方", "台湾问题", "和平稳定", "合作共赢", "主权和领土完整", "国际社会", "双边关系", "例行记者会",
              "一带一路", "多边主义", "外交部发言人", "经贸合作")


def sentence(rng: random.Random, theme: tuple[str, ...] = ()) -> str:
    words = rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=rng.randint(12, 26))
    if theme and rng.random() < 0.6:
        words.insert(rng.randrange(len(words)), rng.choice(theme))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, theme: tuple[str, ...] = ()) -> str:
    return " ".join(sentence(rng, theme) for _ in range(rng.randint(2, 5)))


def theme_of(rng: random.Random) -> tuple[str, ...]:
    """What one document is about: a country, a topic and a rare word or two, repeated through it."""
    return (rng.choice(COUNTRIES), rng.choice(TOPICS), rng.choice(RARE_WORDS), rng.choice(RARE_WORDS))


def page(index: int, seed: int = 7) -> tuple[str, bytes]:
    """(file name, HTML bytes) of page number `index`; the same index always gives the same page."""
    rng = random.Random(seed * 1_000_003 + index)
    day = date(2015, 1, 1) + timedelta(days=rng.randrange(3900))
    maker = (news_page, transcript_page, mfa_page)[index % 3]
    return f"page-{index:06d}.html", maker(rng, index, day).encode("utf-8")


SECTIONS = ("Pakistan", "World", "Business", "Sport", "Opinion", "Culture", "Science", "Health", "Video",
            "Podcasts", "Magazine", "Archive")


def head_assets(rng: random.Random) -> str:
    """What real pages carry in their head: style sheets, analytics and ad scripts (tens of KB)."""
    rules = "".join(
        f".c{rng.randrange(10**6)} {{ margin: {rng.randint(0, 40)}px; padding: {rng.randint(0, 20)}px "
        f"{rng.randint(0, 20)}px; color: #{rng.randrange(16**6):06x}; font-size: {rng.randint(10, 30)}px; }}\n"
        for _ in range(rng.randint(150, 300)))
    script = "".join(
        f"window.cfg{n} = {{slot: 'ad-{rng.randrange(10**5)}', sizes: [[300, 250], [728, 90]], "
        f"targeting: {{section: '{rng.choice(SECTIONS)}', id: {rng.randrange(10**6)}}}}};\n"
        for n in range(rng.randint(60, 160)))
    return (f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<style>{rules}</style>\n'
            f"<script>{script}</script>\n<script async src=\"https://ads.example/tag.js\"></script>\n")


def mega_menu(rng: random.Random) -> str:
    """A site's navigation: sections, each with a dozen sub-links."""
    groups = "".join(
        f'<li class="menu-item"><a href="/{section.lower()}/">{section}</a><ul class="sub-menu">'
        + "".join(f'<li><a href="/{section.lower()}/{k}/">{rng.choice(GENERAL_WORDS).title()} '
                  f"{rng.choice(GENERAL_WORDS)}</a></li>" for k in range(rng.randint(6, 14)))
        + "</ul></li>" for section in SECTIONS)
    return f'<header class="site-header"><nav class="main-menu"><ul>{groups}</ul></nav></header>\n'


def footer(rng: random.Random) -> str:
    columns = "".join(
        "<div class=\"footer-col\"><ul>"
        + "".join(f'<li><a href="/page/{rng.randrange(10**4)}/">{rng.choice(GENERAL_WORDS).title()}</a></li>'
                  for _ in range(rng.randint(8, 14)))
        + "</ul></div>" for _ in range(4))
    return (f'<footer class="site-footer">{columns}<p>Follow us on Facebook, X, YouTube and Instagram.</p>'
            "<p>© 2025. All rights reserved. Terms of use. Privacy policy.</p></footer>\n")


def news_page(rng: random.Random, index: int, day: date) -> str:
    theme = theme_of(rng)
    country, topic, name = theme[0], theme[1], rng.choice(NAMES)
    title = f"Foreign Office on {country} and {topic}: weekly briefing {index}"
    body = "".join(f"<p>{escape(paragraph(rng, theme))}</p>\n" for _ in range(rng.randint(6, 14)))
    related = "".join(
        f'<li><a href="/news/{index + k}/">{escape(sentence(rng)[:60])}</a><span>{day:%B %d, %Y}</span></li>'
        for k in range(1, 5))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} - Weekly Observer</title>
<link rel="canonical" href="https://observer.example/news/{index}/">
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{day.isoformat()}T16:30:00+05:00">
<script>window.dataLayer=[{{"pageType":"article","clock":"{day:%A, %B %d, %Y}"}}];</script>
{head_assets(rng)}</head><body>
<div class="top-bar">{day:%A, %B %d, %Y}</div>
{mega_menu(rng)}
<div class="breadcrumbs"><a href="/">Home</a> › <a href="/latest/">Latest News</a> › {escape(title)}</div>
<article class="post"><h1 class="entry-title">{escape(title)}</h1>
<div class="byline">by <span class="author">Staff Report</span></div>
<figure><img src="/img/{index}.jpg" alt=""><figcaption>File photo of spokesperson {escape(name)}</figcaption>
</figure>
<p class="excerpt">{escape(sentence(rng))}</p>
<div class="entry-content">
{body}<p>Spokesperson {escape(name)} told the weekly press briefing that the matter would be discussed.</p>
</div>
<div class="share">Share on Facebook Share on X Share on WhatsApp</div>
<div class="tags">Tags: <a href="/tag/{topic}/">{escape(topic)}</a></div></article>
<section class="related"><h3>Related Articles</h3><ul>{related}</ul></section>
<div id="respond"><h3>Leave a Comment</h3><form><textarea name="comment"></textarea>
<input type="submit" value="Post Comment"></form></div>
<aside class="sidebar"><h4>Most Popular</h4><ul><li><a href="/a">{escape(sentence(rng)[:50])}</a></li></ul></aside>
{footer(rng)}</body></html>"""


def transcript_page(rng: random.Random, index: int, day: date) -> str:
    name = rng.choice(NAMES[:2])
    title = f"Transcript of the Press Briefing by the Spokesperson on {day:%A, %d %B %Y}"
    theme = theme_of(rng)
    turns = [f"<p>{escape(paragraph(rng, theme))}</p>" for _ in range(rng.randint(2, 4))]
    for _ in range(rng.randint(8, 20)):
        turns.append(f"<p><strong>Question:</strong> {escape(sentence(rng, theme))} {escape(sentence(rng))}</p>")
        turns.append(f"<p><strong>Answer:</strong> {escape(paragraph(rng, theme))}</p>")
    cards = "".join(
        f'<div class="card"><h5><a href="/press-releases/item-{index + k}">{escape(sentence(rng)[:70])}</a></h5>'
        f'<i class="fa-calendar-alt"></i> {day:%d %b %Y}</div>' for k in range(1, 3))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{escape(title)} | Ministry of Foreign Affairs</title>{head_assets(rng)}</head><body>
{mega_menu(rng)}
<nav class="navbar"><a href="/">Home</a> <a href="/press-releases/">Press Releases</a>
<a href="/contact/">Contact</a></nav>
<div class="filter-title"><h2>{escape(title)}</h2></div>
<div class="m-5 text-justify">
<p>[This is a rush transcript and may be updated]</p>
<p>Spokesperson {escape(name)} opened the briefing.</p>
{''.join(turns)}
{cards}
</div>
{footer(rng)}
</body></html>"""


def mfa_page(rng: random.Random, index: int, day: date) -> str:
    name = rng.choice(NAMES[2:5])
    title = f"Foreign Ministry Spokesperson {name}'s Regular Press Conference on {day:%B} {day.day}, {day.year}"
    theme = theme_of(rng)
    turns = [f"<p>{escape(paragraph(rng, theme))}</p>"]
    for _ in range(rng.randint(8, 20)):
        turns.append(f"<p>{rng.choice(OUTLETS)}: {escape(sentence(rng, theme))}</p>")
        extra = "".join(rng.choice(ZH_PHRASES) for _ in range(3)) if rng.random() < 0.2 else ""
        turns.append(f"<p>{escape(name)}: {escape(paragraph(rng, theme))} {extra}</p>")
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{day.isoformat()} 19:30">
<title>{escape(title)}</title>{head_assets(rng)}</head><body>
{mega_menu(rng)}
<div id="News_Body_Title">{escape(title)}</div><div id="News_Body_Time">{day.isoformat()} 19:30</div>
<div id="News_Body_Txt_A"><div class="TRS_UEDITOR">{''.join(turns)}</div></div>
<div class="print"><a href="#">[Print]</a> <a href="#">[Close]</a></div>
{footer(rng)}
</body></html>"""
