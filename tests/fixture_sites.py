"""Fixture sites that imitate each built-in source on a local server: listings with pagination,
feeds, sitemaps, JSON APIs and article pages made from the bundled samples, one briefing a day.

Each builder fills a SiteServer and returns the briefings a correct fetch must store, newest first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from tests.conftest import SAMPLES
from tests.siteserver import HTML, Reply, SiteServer, robots

DAYS = [date(2025, 7, 24) - timedelta(days=7 * n) for n in range(5)]  # five weekly briefings, newest first


@dataclass
class Expected:
    title: str
    published: str  # YYYY-MM-DD
    spokesperson: str | None
    kind: str = "briefing"
    language: str = "en"
    min_turns: int = 3


def sample(name: str) -> str:
    return (SAMPLES / name).read_text("utf-8")


def ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def polite(site: SiteServer) -> None:
    site.route("/robots.txt", robots())


# -- Pakistan MOFA: a listing of cards, ?page=N, transcripts with the date in the title -----------------------


def mofa(site: SiteServer, per_page: int = 2) -> list[Expected]:
    polite(site)
    base = "/press-releases/categories/media-briefings"
    expected, cards = [], []
    for day in DAYS:
        title = f"Transcript of the Press Briefing by the Spokesperson on {day:%A}, {ordinal(day.day)} {day:%B %Y}"
        slug = f"/press-releases/transcript-of-the-press-briefing-by-the-spokesperson-on-{day:%A-%d-%B-%Y}".lower()
        site.page(slug, sample("mofa-briefing-transcript.html").replace("Thursday, 16th January 2025",
                                                                          f"{day:%A}, {ordinal(day.day)} {day:%B %Y}"))
        cards.append(f'<div class="card"><div class="card-body"><h5><a href="{slug}">{escape(title)}</a></h5>'
                     f'<p><i class="fas fa-calendar-alt"></i> {day:%d %b %Y}</p></div></div>')
        expected.append(Expected(title, day.isoformat(), None))
    pages = [cards[i:i + per_page] for i in range(0, len(cards), per_page)]
    for number, page_cards in enumerate(pages, start=1):
        path = base if number == 1 else f"{base}?page={number}"
        site.page(path, f"""<html><head><title>Media Briefings | MOFA</title></head><body>
<nav><a href="/">Home</a> <a href="{base}">Media Briefings</a></nav>
<div class="container">{''.join(page_cards)}</div>
<ul class="pagination"><li><a href="{base}?page={number + 1}">Next</a></li></ul></body></html>""")
    site.page(f"{base}?page={len(pages) + 1}", "<html><body><div class='container'></div></body></html>")
    return expected


# -- US State Department: an RSS feed whose items hold the whole transcript; pages refuse robots -------------


def state(site: SiteServer) -> list[Expected]:
    polite(site)
    body = sample("state-briefing.html")
    inner = body[body.index('<div class="entry-content">') + len('<div class="entry-content">'):]
    inner = inner[: inner.index("</div>")]
    items, expected = [], []
    for day in DAYS[:3]:
        title = f"Department Press Briefing – {long_date(day)}"
        path = f"/briefings/department-press-briefing-{day:%B-%d-%Y}/".lower()
        link = site.url(path)
        utc_next_day = day + timedelta(days=1)
        items.append(f"""<item><title>{escape(title)}</title><link>{link}</link>
<pubDate>{utc_next_day:%a, %d %b %Y} 00:14:25 +0000</pubDate>
<dc:creator><![CDATA[Tammy Bruce, Department Spokesperson]]></dc:creator>
<guid isPermaLink="false">{link}</guid><description><![CDATA[<script>var x = 1;</script>{inner[:300]}]]></description>
<content:encoded><![CDATA[{inner}]]></content:encoded></item>""")
        site.route(path, Reply(body=b"Forbidden", status=403, content_type="text/plain"))
        expected.append(Expected(title, day.isoformat(), "Tammy Bruce"))
    items.append(f"""<item><title>Secretary's Call with a Counterpart</title><link>{site.url('/readouts/call/')}</link>
<pubDate>Fri, 25 Jul 2025 14:00:00 +0000</pubDate><description>A short readout.</description></item>""")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Department Press Briefings</title><link>{site.url('/')}</link>{''.join(items)}</channel></rss>"""
    site.route("/rss-feed/department-press-briefings/feed/",
               Reply(body=feed.encode(), content_type="application/rss+xml; charset=UTF-8", etag='"feed-1"'))
    sitemap = "".join(f"<url><loc>{site.url(f'/briefings/department-press-briefing-{d:%B-%d-%Y}/'.lower())}</loc>"
                      f"<lastmod>{d.isoformat()}T20:00:00+00:00</lastmod></url>" for d in DAYS[:3])
    site.route("/state_briefing-sitemap.xml", Reply(
        body=f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{sitemap}</urlset>'
        .encode(), content_type="application/xml"))
    return expected


# -- China MFA: index.html, index_N.html, ./YYYYMM/tYYYYMMDD_N.html; English and Chinese ---------------------


def fmprc_en(site: SiteServer, per_page: int = 3) -> list[Expected]:
    polite(site)
    folder = "/eng/xw/fyrbt/lxjzh/"
    expected, links = [], []
    for number, day in enumerate(DAYS):
        path = f"{folder}{day:%Y%m}/t{day:%Y%m%d}_{11574300 + number}.html"
        page = (sample("china-mfa-en-new.html").replace("March 12, 2025", long_date(day))
                .replace("2025-03-12", day.isoformat()).replace("20250312", f"{day:%Y%m%d}"))
        site.page(path, page)
        title = f"Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on {long_date(day)}"
        links.append(f'<li><a href="./{day:%Y%m}/t{day:%Y%m%d}_{11574300 + number}.html">{escape(title)}</a></li>')
        expected.append(Expected(title, day.isoformat(), "Lin Jian"))
    _mfa_listing(site, folder, links, per_page, "html", "Regular Press Conference")
    return expected


def fmprc_zh(site: SiteServer, per_page: int = 3) -> list[Expected]:
    polite(site)
    folder = "/web/fyrbt_673021/jzhsl_673025/"
    expected, links = [], []
    for number, day in enumerate(DAYS):
        zh_date = f"{day.year}年{day.month}月{day.day}日"
        path = f"{folder}{day:%Y%m}/t{day:%Y%m%d}_{11574400 + number}.shtml"
        page = (sample("china-mfa-zh.html").replace("2025年3月12日", zh_date).replace("2025-03-12", day.isoformat())
                .replace("20250312", f"{day:%Y%m%d}"))
        site.page(path, page)
        title = f"{zh_date}外交部发言人林剑主持例行记者会"
        links.append(f'<li><a href="./{day:%Y%m}/t{day:%Y%m%d}_{11574400 + number}.shtml">{title}</a>'
                     f"({day.isoformat()})</li>")
        expected.append(Expected(title, day.isoformat(), "林剑", language="zh"))
    _mfa_listing(site, folder, links, per_page, "shtml", "例行记者会")
    return expected


def _mfa_listing(site: SiteServer, folder: str, links: list[str], per_page: int, suffix: str, heading: str) -> None:
    pages = [links[i:i + per_page] for i in range(0, len(links), per_page)]
    for number, items in enumerate(pages):
        name = "index" if number == 0 else f"index_{number}"
        site.page(f"{folder}{name}.{suffix}", f"""<html><head><title>{heading}</title></head><body>
<div class="header"><a href="/">Home</a></div><h2>{heading}</h2>
<div class="newsLst_mod"><ul>{''.join(items)}</ul></div>
<div id="pages" style="display:none"></div>
<script>var countPage = {len(pages)}; var currentPage = {number}; var prevPage = currentPage - 1;
var nextPage = currentPage + 1;
if (currentPage < countPage - 1) {{ document.write("<a href=\\"index_" + nextPage + ".{suffix}\\">Next</a>"); }}
</script></body></html>""")


# -- India MEA: JSON listing and detail endpoints --------------------------------------------------------------


def mea(site: SiteServer, page_size: int = 2) -> list[Expected]:
    polite(site)
    body = sample("mea-briefing.html")
    description = body[body.index('<div class="description">') + len('<div class="description">'):]
    description = description[: description.index("\n        </div>")]
    rows, expected = [], []
    for number, day in enumerate(DAYS):
        pkid = 39800 + number
        title = f"Transcript of Weekly Media Briefing by the Official Spokesperson ({long_date(day)})"
        posted = day + timedelta(days=1)
        rows.append({"PKID": pkid, "Title": title, "PublishDate": f"{posted:%d/%m/%Y}"})
        detail = {"PKID": pkid, "Title": title, "PublishDate": f"{posted:%d/%m/%Y}", "Description": description,
                  "Url": f"https://www.mea.gov.in/media-briefings.htm?dtl/{pkid}/x"}
        site.route(f"/FrontEnd/FetchPublicationDetailData?pkid={pkid}&languageId=1",
                   Reply(body=json.dumps(detail).encode(), content_type="application/json; charset=utf-8"))
        expected.append(Expected(title, day.isoformat(), "Randhir Jaiswal"))
    for start in range(0, len(rows) + 1, page_size):
        number = start // page_size + 1
        site.route(f"/FrontEnd/FetchPublicationListingData?publicationId=49&page={number}&PageSize={page_size}"
                   "&PLngId=1", Reply(body=json.dumps({"data": rows[start:start + page_size]}).encode(),
                                      content_type="application/json"))
    return expected


# -- UN noon briefings: a listing with ?page=N, /en/YYYY/dbYYMMDD.doc.htm pages with one title ---------------


def un(site: SiteServer, per_page: int = 2) -> list[Expected]:
    polite(site)
    title = "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
    expected, links = [], []
    for day in DAYS:
        path = f"/en/{day.year}/db{day:%y%m%d}.doc.htm"
        page = (sample("un-noon-briefing.html").replace("12 September 2025", f"{day.day} {day:%B %Y}")
                .replace("2025-09-12", day.isoformat()).replace("250912", f"{day:%y%m%d}"))
        site.page(path, page)
        links.append(f'<div class="views-row"><a href="{path}">{title}</a> <span>{day.day} {day:%B %Y}</span></div>')
        expected.append(Expected(title, day.isoformat(), "Stéphane Dujarric"))
    pages = [links[i:i + per_page] for i in range(0, len(links), per_page)]
    for number, items in enumerate(pages):
        path = "/en/noon-briefings" if number == 0 else f"/en/noon-briefings?page={number}"
        site.page(path, f"<html><body><nav><a href='/en/press-release'>Press releases</a></nav>{''.join(items)}"
                        f"<a href='/en/2025/sgsm1234.doc.htm'>Secretary-General statement</a></body></html>")
    site.page(f"/en/noon-briefings?page={len(pages)}", "<html><body><p>No results.</p></body></html>")
    return expected


# -- gov.uk: the search API and the content API ------------------------------------------------------------


def govuk(site: SiteServer) -> list[Expected]:
    polite(site)
    page = sample("govuk-statement.html")
    body = page[page.index('<div class="govspeak">') + len('<div class="govspeak">'):]
    body = body[: body.index("</div>")]
    results, expected = [], []
    for number, day in enumerate(DAYS[:3]):
        path = f"/government/news/fcdo-press-release-{number}"
        title = f"UK announces support for Pacific partners, release {number}"
        results.append({"link": path, "title": title, "public_timestamp": f"{day.isoformat()}T10:30:00+01:00"})
        content = {"base_path": path, "title": title, "description": "A standfirst.", "locale": "en",
                   "document_type": "press_release", "first_published_at": f"{day.isoformat()}T10:30:00+01:00",
                   "public_updated_at": f"{day.isoformat()}T10:30:00+01:00", "details": {"body": body},
                   "links": {"organisations": [{"title": "Foreign, Commonwealth & Development Office"}]}}
        site.route(f"/api/content{path}", Reply(body=json.dumps(content).encode(), content_type="application/json"))
        expected.append(Expected(title, day.isoformat(), None, kind="press_release", min_turns=0))
    query = ("filter_organisations=foreign-commonwealth-development-office&filter_content_store_document_type="
             "press_release&order=-public_timestamp&count=100&start=0&fields=link%2Ctitle%2Cpublic_timestamp")
    site.route(f"/api/search.json?{query}", Reply(body=json.dumps({"results": results, "total": 3}).encode(),
                                                  content_type="application/json"))
    return expected


# -- Generic kinds: a WordPress site, a plain feed, a sitemap index, a listing with selectors ------------------


def wordpress(site: SiteServer, api: bool = True) -> list[Expected]:
    polite(site)
    news = sample("news-dawn-style.html")
    posts, expected, items = [], [], []
    for number, day in enumerate(DAYS[:3]):
        path = f"/{day:%Y/%m}/fo-weekly-briefing-{number}/"
        title = f"FO urges Kabul to act against militants, report {number}"
        site.page(path, news.replace("FO urges Kabul to act against militants as Torkham stays shut", title)
                  .replace("2025-03-07", day.isoformat()).replace("1895214", str(1895214 + number)))
        posts.append({"id": number, "link": site.url(path), "date": f"{day.isoformat()}T18:25:40",
                      "title": {"rendered": title}})
        items.append(f"<item><title>{escape(title)}</title><link>{site.url(path)}</link>"
                     f"<pubDate>{day:%a, %d %b %Y} 13:25:40 +0000</pubDate></item>")
        expected.append(Expected(title, day.isoformat(), None, kind="news_report", min_turns=0))
    if api:
        site.route("/wp-json/wp/v2/posts?per_page=50&page=1&_fields=id%2Clink%2Cdate%2Ctitle",
                   Reply(body=json.dumps(posts).encode(), content_type="application/json"))
    else:
        site.route("/wp-json/wp/v2/posts?per_page=50&page=1&_fields=id%2Clink%2Cdate%2Ctitle",
                   Reply(body=b'{"code":"rest_disabled"}', status=401, content_type="application/json"))
    site.route("/feed/", Reply(body=_rss("News", items), content_type="application/rss+xml"))
    return expected


def _rss(title: str, items: list[str]) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"{''.join(items)}</channel></rss>").encode()


def sitemap_index(site: SiteServer) -> list[Expected]:
    polite(site)
    expected, children = [], []
    for number, day in enumerate(DAYS[:4]):
        path = f"/en/{day.year}/db{day:%y%m%d}.doc.htm"
        site.page(path, sample("un-noon-briefing.html").replace("2025-09-12", day.isoformat())
                  .replace("12 September 2025", f"{day.day} {day:%B %Y}").replace("250912", f"{day:%y%m%d}"))
        child = f"/sitemap-{number % 2}.xml"
        children.append((child, path, day))
        expected.append(Expected("Daily Press Briefing by the Office of the Spokesperson for the Secretary-General",
                                 day.isoformat(), "Stéphane Dujarric"))
    for name in ("/sitemap-0.xml", "/sitemap-1.xml"):
        urls = "".join(f"<url><loc>{site.url(p)}</loc><lastmod>{d.isoformat()}</lastmod></url>"
                       for c, p, d in children if c == name)
        site.route(name, Reply(body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
                               .encode(), content_type="application/xml"))
    index = "".join(f"<sitemap><loc>{site.url(n)}</loc></sitemap>" for n in ("/sitemap-0.xml", "/sitemap-1.xml"))
    site.route("/sitemap.xml", Reply(body=f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                     f"{index}</sitemapindex>".encode(), content_type="application/xml"))
    return expected


def html_reply(text: str, **options) -> Reply:
    return Reply(body=text.encode("utf-8"), content_type=HTML, **options)
