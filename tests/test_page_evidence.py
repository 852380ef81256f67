"""Dates from the evidence at hand, spokespersons in titles, saved pages without a URL, error pages and
redirect stubs, and the kinds a researcher filters on."""

from __future__ import annotations

import pytest

from briefarc.errors import InputError
from briefarc.extract.core import extract, extract_feed_item
from briefarc.extract.dating import date_near, usual_date
from briefarc.extract.feed import FeedItem
from briefarc.extract.speakers import spokesperson_from_text, spokesperson_from_title
from briefarc.models import RawPage
from briefarc.pipeline import documents_of

OLD_TEMPLATE = """<html><head><title>{title}</title></head><body>
<div class="nav"><a href="https://www.fmprc.gov.cn/mfa_eng/">Home</a> <a href="https://www.fmprc.gov.cn/mfa_eng/wjb_663304/">
Ministry</a> <a href="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/">Press and Media Service</a></div>
<div class="content_mod"><h2 class="title">{title}</h2><div id="News_Body_Time"></div>
<div class="content"><P align=center><IMG src="./{image}.jpg"/></P>{body}</div></div>
<div class="footer"><div class="copyright">Copyright©1998-2014, Ministry of Foreign Affairs, the People's Republic of
China<br/>Contact us Address: No. 2, Chaoyangmen Nandajie, Chaoyang District, Beijing, 100701</div></div>
</body></html>"""
QA = ("<P><B>Q: Could you give us more information on the visit?</B></P>"
      "<P>A: The President will pay a state visit to China from December 5 to 10.</P>")


def old_page(title: str, image: str = "W020180910808183162908", body: str = QA) -> bytes:
    return OLD_TEMPLATE.format(title=title, image=image, body=body).encode()


def test_a_title_without_a_year_takes_it_from_the_dated_names_of_the_page_files() -> None:
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on September 10"
    assert extract(old_page(title)).published == "2018-09-10"
    assert extract(old_page(title, image="W020190911000000000000")).published == "2019-09-10"
    url = "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/t20170911_1.shtml"
    assert extract(old_page(title, image="logo"), url=url).published == "2017-09-10"
    assert extract(old_page("Regular Press Conference on June12, 2018")).published == "2018-06-12"
    related = ('<ul id="related"><li><a href="./t1593001.shtml">Regular Press Conference on September 7, 2018</a></li>'
               '<li><a href="./t1593002.shtml">Regular Press Conference on September 6, 2018</a></li></ul>')
    assert extract(old_page(title, image="logo", body=QA + related)).published == "2018-09-10"


def test_a_title_without_a_year_takes_it_from_last_modified_and_never_passes_the_archive_date() -> None:
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on December 31"
    page = RawPage(data=old_page(title, image="logo"), origin="saved.html",
                   headers={"last-modified": "Wed, 02 Jan 2019 08:00:00 GMT"}, fetched_at="2019-01-03T00:00:00Z")
    assert next(documents_of(page))[0].published == "2018-12-31"
    early = RawPage(data=old_page("Regular Press Conference on December 31, 2018"), origin="saved.html",
                    fetched_at="2018-06-01T00:00:00Z")
    assert next(documents_of(early))[0].published is None  # later than archived: no date rather than a wrong one


def test_the_year_nearest_the_evidence_and_never_after_the_archive_date() -> None:
    assert date_near("Press Conference on December 31", "2019-01-02") == "2018-12-31"
    assert date_near("Press Conference on January 2", "2018-12-31") == "2019-01-02"
    assert date_near("Press Conference on January 2", "2018-12-31", latest="2018-12-31") == "2018-01-02"
    assert date_near("2018年9月17日外交部发言人耿爽主持例行记者会", None) == "2018-09-17"
    assert usual_date(["./W020180917553.jpg", "/webpic/W0201809/W020180917/W020180917001.jpg", "logo.png",
                       "./W020160101000.jpg"]) == "2018-09-17"


def test_spokesperson_names_without_possessives_or_function_words() -> None:
    assert spokesperson_from_title("Foreign Ministry Spokesperson Hua Chunying's Remarks on August 7, 2019") \
        == "Hua Chunying"
    assert spokesperson_from_title("Foreign Ministry Spokesperson Hua Chunying’s Remarks on the Phone Call") \
        == "Hua Chunying"
    assert spokesperson_from_title("外交部发言人耿爽2月15日答记者问") == "耿爽"
    assert spokesperson_from_title("外交部发言人就全国人大常委会审议通过香港国安法发表谈话") is None
    assert spokesperson_from_text(["国务院港澳办和香港中联办发言人已分别表示，坚决支持。"]) is None
    assert spokesperson_from_text(["外交部发言人华春莹宣布：应邀请，中国政府将派遣医疗专家组。"]) == "华春莹"


SHORT_ZH = """<html><head><meta charset="utf-8"><title>中国政府向科威特派遣抗疫医疗专家组 — 中华人民共和国外交部</title>
{head}</head><body><div class="nav"><a href="https://www.fmprc.gov.cn/web/">首页</a></div>
<div class="vibox"><div id="News_Body_Title">中国政府向科威特派遣抗疫医疗专家组</div>
<div id="News_Body_Txt_A" class="content"><p>　　外交部发言人耿爽宣布：</p>
<p>　　应科威特政府请求，中国政府决定派遣抗疫医疗专家组，将于4月28日启程。</p></div></div>
<div class="copyright">中华人民共和国外交部　版权所有<br><a href="mailto:webmaster@mfa.gov.cn">联系我们</a>
地址：北京市朝阳区朝阳门南大街2号　京ICP备06038296号 京公网安备110105002097 <a href="https://www.fmprc.gov.cn/web/wzdt_674899/">网站地图</a>
<a href="https://www.fmprc.gov.cn/web/wzsm_674901/">网站声明</a></div></body></html>"""

FMPRC = "Ministry of Foreign Affairs of the People's Republic of China"  # as tables show it, --source takes it


@pytest.mark.parametrize("head, how", [
    ('<link rel="canonical" href="https://www.fmprc.gov.cn/web/t1774044.shtml">', "canonical link"),
    ('<meta property="og:url" content="https://www.fmprc.gov.cn/web/t1774044.shtml">', "og:url"),
    ('<base href="https://www.fmprc.gov.cn/web/wjdt_674879/">', "<base href>"),
    ("", "host its links point to"),
])
def test_a_saved_short_page_is_told_by_its_own_markup_and_keeps_no_footer(head: str, how: str) -> None:
    document = extract(SHORT_ZH.format(head=head).encode())
    assert document.assumed_site.startswith(FMPRC) and how in document.assumed_site
    assert document.paragraphs == ["外交部发言人耿爽宣布：",
                                   "应科威特政府请求，中国政府决定派遣抗疫医疗专家组，将于4月28日启程。"]
    assert document.kind == "statement" and document.spokesperson == "耿爽"


def test_the_saved_from_comment_of_a_browser_names_the_site() -> None:
    saved = "<!-- saved from url=(0053)https://www.fmprc.gov.cn/web/wjdt_674879/t1774044.shtml -->\n"
    document = extract((saved + SHORT_ZH.format(head="")).encode())
    assert document.assumed_site == f"{FMPRC} (from its saved-from comment)"


@pytest.mark.parametrize("page, reason", [
    (b"<html><head><title>302 Found</title></head><body><h1>Found</h1><p>The document has moved "
     b'<a href="https://www.fmprc.gov.cn/web/system/index.shtml">here</a>.</p></body></html>',
     'a redirect stub ("302 Found"), not a page: it points to https://www.fmprc.gov.cn/web/system/index.shtml'),
    (b"<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr>"
     b"<center>nginx</center></body></html>", 'an error page ("404 Not Found"), not a page to archive'),
    ("<html><head><title>页面不存在</title></head><body><p>对不起，您访问的页面不存在。</p></body></html>".encode(),
     'an error page ("页面不存在"), not a page to archive'),
    ("<html><head><title>中华人民共和国外交部</title></head><body><div class='nav'><a href='/'>首页</a></div>"
     "<div class='err'>对不起，您访问的页面不存在</div></body></html>".encode(),
     'an error page ("对不起，您访问的页面不存在"), not a page to archive'),
])
def test_error_pages_and_redirect_stubs_are_refused(page: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        extract(page)
    assert str(caught.value) == reason


def test_ingest_refuses_stubs_in_one_line_and_says_which_site_it_assumed(cli, db_file, tmp_path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(SHORT_ZH.format(head=""), encoding="utf-8")
    (folder / "b.html").write_bytes(b"<html><head><title>302 Found</title></head><body><h1>Found</h1></body></html>")
    result = cli("ingest", folder, "--db", db_file)
    assert result.code == 3
    assert "Added 1, updated 0, unchanged 0, failed 1." in result.stderr
    assert f"site assumed for 1 page without a URL: {FMPRC} (from the host its links point to)" in result.stderr
    assert 'b.html: a redirect stub ("302 Found"), not a page' in result.stderr
    assert "Traceback" not in result.stderr


def test_an_article_that_mentions_a_status_in_its_title_is_kept() -> None:
    page = ("<html><head><title>Resolution 404 adopted on the situation in the region</title></head><body><article>"
            + "<p>The Council adopted resolution 404 after a long debate on the situation in the region.</p>" * 3
            + "</article></body></html>").encode()
    assert extract(page).title.startswith("Resolution 404")


PROSE = "<p>" + "The ministry has taken note of the developments and calls on all parties to show restraint. " * 3
PROSE += "</p>"


def kind_of(title: str, url: str | None = None, head: str = "") -> str:
    page = f"<html><head><title>{title}</title>{head}</head><body><article>{PROSE}</article></body></html>"
    return extract(page.encode(), url=url).kind


@pytest.mark.parametrize("title, kind", [
    ("Department Press Briefing – March 15, 2022", "briefing"),
    ("2020年7月2日外交部发言人赵立坚主持例行记者会", "briefing"),
    ("Foreign Ministry Spokesperson Hua Chunying's Remarks on August 7, 2019", "remarks"),
    ("外交部发言人华春莹就美方涉港恶劣言论答记者问", "remarks"),
    ("外交部发言人陆慷就朝韩领导人会谈发表谈话", "statement"),
    ("Slovenia – U.S. Strategic Dialogue Joint Statement", "statement"),
    ("Secretary Antony J. Blinken With Wolf Blitzer of The Situation Room on CNN", "interview"),
    ("王毅接受俄罗斯媒体联合采访", "interview"),
    ("Secretary Blinken’s Call with Ukrainian Foreign Minister Kuleba", "readout"),
    ("王毅同美国国务卿通电话", "readout"),
    ("Keynote Speech by State Councilor Wang Yi at the Forum", "speech"),
    ("王毅在联合国大会的讲话", "speech"),
    ("Media Note: Assistant Secretary's Travel to Mali", "press_release"),
])
def test_kinds_from_title_words(title: str, kind: str) -> None:
    assert kind_of(title) == kind


def test_kinds_from_the_url_and_the_feed() -> None:
    assert kind_of("Mauritius National Day", url="https://www.example.gov/press-releases/mauritius-day/") \
        == "press_release"
    assert kind_of("Remarks to the Press", url="https://www.example.gov/press-releases/x/") == "remarks"
    item = FeedItem(title="2022 Turkmenistan Presidential Election", link="https://www.state.gov/2022-election/",
                    content="<p>Ned Price, Department Spokesperson</p><p>" + "The United States reaffirms its "
                    "commitment to the people of Turkmenistan. " * 3 + "</p>")
    assert extract_feed_item(item, "https://www.state.gov/rss-feed/press-releases/feed/").kind == "press_release"
    item.title = "Secretary Blinken’s Call with Azerbaijani President Aliyev"
    assert extract_feed_item(item, "https://www.state.gov/rss-feed/press-releases/feed/").kind == "readout"


def test_the_kinds_filter_knows_the_new_kinds_and_the_old_name(cli, db_file, tmp_path) -> None:
    saved = tmp_path / "remarks.html"
    saved.write_bytes(f"<html><head><title>外交部发言人耿爽答记者问</title></head><body><article>{PROSE}</article>"
                      "</body></html>".encode())
    assert cli("ingest", saved, "--db", db_file).code == 0
    found = cli("list", "--kind", "remarks", "--json", "--db", db_file)
    assert found.code == 0 and [row["title"] for row in found.jsonl()] == ["外交部发言人耿爽答记者问"]
    assert cli("list", "--kind", "news", "--db", db_file).code == 0  # the old name of news_report
    wrong = cli("list", "--kind", "memo", "--db", db_file)
    assert wrong.code == 2 and "readout" in wrong.stderr and "news_report" in wrong.stderr


def test_a_title_without_a_year_takes_it_from_the_listing_entry_that_linked_the_page() -> None:
    title = "Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on December 31"
    bare = RawPage(data=old_page(title, image="logo"), origin="https://example.org/press/item.html",
                   url="https://example.org/press/item.html", fetched_at="2026-01-03T00:00:00Z")
    assert next(documents_of(bare))[0].published is None  # nothing says which year
    listed = RawPage(data=bare.data, origin=bare.origin, url=bare.url, fetched_at=bare.fetched_at, listed="2019-01-02")
    assert next(documents_of(listed))[0].published == "2018-12-31"  # the listing's date: the nearest December 31
