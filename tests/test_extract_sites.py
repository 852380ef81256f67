"""Each site entry in extract/sites.py, on a small page written in that site's markup."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

QA = ("<p>Q: The first question of the day is about the visit?</p><p>A: The visit will take place as planned.</p>"
      "<p>Q: A second question about trade?</p><p>A: We have stated our position many times.</p>")


def test_china_mfa_new_english_template() -> None:
    html = f"""<html><head><meta name="ArticleTitle" content="Foreign Ministry Spokesperson Lin Jian's Regular Press
Conference on March 12, 2025"><meta name="PubDate" content="2025-03-12 19:30"><title>x</title></head><body>
<div class="news-main"><div id="News_Body_Title">Foreign Ministry Spokesperson Lin Jian's Regular Press Conference
on March 12, 2025</div><div id="News_Body_Time">2025-03-12 19:30</div>
<div id="News_Body_Txt_A"><div class="TRS_UEDITOR">{QA}<p>[Print] [Close]</p></div></div></div>
<div class="foot">Copyright © Ministry of Foreign Affairs</div></body></html>"""
    url = "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/202503/t20250312_11574321.html"
    document = extract(html.encode(), url=url)
    assert document.title == "Foreign Ministry Spokesperson Lin Jian's Regular Press Conference on March 12, 2025"
    assert document.published == "2025-03-12"
    assert document.kind == "briefing" and document.spokesperson == "Lin Jian"
    assert document.native_id == "fmprc:en:t20250312_11574321"
    assert document.language == "en"
    assert document.paragraphs[-1] == "A: We have stated our position many times."
    assert sum(t.role == "question" for t in document.turns) == 2


def test_china_mfa_old_english_template_date_typo_in_title() -> None:
    html = f"""<html><head><title>Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on June13,
2018</title></head><body><div class="content_mod"><h2 class="title">Foreign Ministry Spokesperson Geng Shuang's Regular
Press Conference on June13, 2018</h2><div class="date" id="News_Body_Time"></div><div class="content">
<P><SPAN><o:p>&nbsp;</o:p></SPAN></P>{QA}</div><div class="tool">Suggest to a friend Print</div></div></body></html>"""
    url = "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1568499.shtml"
    document = extract(html.encode(), url=url)
    assert document.published == "2018-06-13"
    assert document.native_id == "fmprc:en:t1568499"
    assert "Suggest to a friend" not in document.body
    assert document.paragraphs[0].startswith("Q: The first question")


def test_china_mfa_chinese_template() -> None:
    html = """<html><head><title>2018年6月13日外交部发言人耿爽主持例行记者会 — 中华人民共和国外交部</title></head><body>
<div class="title" id="News_Body_Title">2018年6月13日外交部发言人耿爽主持例行记者会</div>
<span id="News_Body_Time">2018-06-13</span><div id="News_Body_Txt_A" class="content">
<p>　　问：中方对此有何评论？</p><p>　　答：我们欢迎。</p><p>　　追问：还有补充吗？</p>
<p>　　答：没有。</p></div><div>【打印】【关闭】</div></body></html>"""
    document = extract(html.encode("utf-8"), url="https://www.fmprc.gov.cn/web/fyrbt_673021/jzhsl_673025/t1568499.shtml")
    assert document.title == "2018年6月13日外交部发言人耿爽主持例行记者会"
    assert document.spokesperson == "耿爽" and document.language == "zh"
    assert document.paragraphs[0] == "问：中方对此有何评论？"
    assert document.native_id == "fmprc:zh:t1568499"
    assert "打印" not in document.body


def test_china_mfa_listing_with_script_pager() -> None:
    items = "".join(f'<li><a href="./202503/t2025031{i}_1157432{i}.html">Foreign Ministry Spokesperson\'s Regular '
                    f"Press Conference on March 1{i}, 2025</a></li>" for i in range(9, 0, -1))
    html = f"""<html><body><div class="newsLst_mod"><ul>{items}</ul></div><div id="pages" style="display:none">
<script>var currentPage = 0;var countPage = 143;createPageHTML(143, 0, "index", "html");</script></div></body></html>"""
    document = extract(html.encode(), url="https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/index.html")
    assert document.kind == "listing" and len(document.items) == 9
    assert document.items[0].url == "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/202503/t20250319_11574329.html"
    assert document.items[0].published == "2025-03-19"
    assert document.next_page == "https://www.mfa.gov.cn/eng/xw/fyrbt/lxjzh/index_1.html"


def test_state_department_page() -> None:
    html = """<html><head><meta property="article:modified_time" content="2025-07-30T01:00:00+00:00"></head><body>
<h1 class="featured-content__headline">Department Press Briefing – July 29, 2025</h1>
<p class="article-meta__author-bureau">Tammy Bruce, Department Spokesperson</p>
<p class="article-meta__publish-date">July 29, 2025</p><div class="entry-content">
<p>Tammy Bruce, Department Spokesperson</p><p>Washington, DC</p><p>2:07 p.m. EDT</p>
<p><strong>MS BRUCE:</strong> Good afternoon, everyone.</p><p><strong>QUESTION:</strong> On Gaza?</p>
<p><strong>MS BRUCE:</strong> We continue to work on it.</p><p>(The briefing was concluded at 2:48 p.m.)</p>
</div></body></html>"""
    document = extract(html.encode(), url="https://www.state.gov/briefings/department-press-briefing-july-29-2025/")
    assert document.published == "2025-07-29" and document.spokesperson == "Tammy Bruce"
    assert document.author is None
    assert document.paragraphs[0] == "MS BRUCE: Good afternoon, everyone."
    assert document.paragraphs[-1] == "(The briefing was concluded at 2:48 p.m.)"
    assert [t.role for t in document.turns] == ["statement", "question", "answer"]


def test_pakistan_mofa_transcript() -> None:
    html = """<html><body><div class="filter-title"><h2>Transcript of the Press Briefing by the Spokesperson on
Thursday, 26 January 2023</h2></div><div class="m-5 text-justify"><p>[This is a rush transcript and may be updated]</p>
<p>Spokesperson: Assalam-o-Alaikum and good afternoon.</p><p>Question: On the IMF talks?</p>
<p>Spokesperson: The talks are going well.</p><div class="card"><h5><a href="/x">Related story title here</a></h5>
<p>Related story teaser text that is not part of this transcript at all.</p></div></div></body></html>"""
    document = extract(html.encode(), url="https://mofa.gov.pk/press-releases/transcript-26-january-2023")
    assert document.published == "2023-01-26" and document.kind == "briefing"
    assert document.paragraphs[0].startswith("Spokesperson: Assalam")
    assert "rush transcript" not in document.body and "Related story" not in document.body


def test_india_mea_briefing_date_from_title_and_pkid() -> None:
    html = """<html><body><h2 class="titleText">Transcript of Weekly Media Briefing by the Official Spokesperson
(July 07, 2022)</h2><p class="date">July 08, 2022</p><div class="description">
<p>Shri Arindam Bagchi, Official Spokesperson: Good afternoon friends.</p>
<p>Sidhant: On the border talks. (Questioned in Hindi; Approximate Translation)</p>
<p>Shri Arindam Bagchi, Official Spokesperson: The talks continue.</p></div></body></html>"""
    url = ("https://www.mea.gov.in/media-briefings.htm?dtl/35480/"
           "Transcript_of_Weekly_Media_Briefing_by_the_Official_Spokesperson_July_07_2022")
    document = extract(html.encode(), url=url)
    assert document.published == "2022-07-07"
    assert document.native_id == "mea:35480"
    assert document.spokesperson == "Arindam Bagchi"
    assert "(Questioned in Hindi; Approximate Translation)" in document.turns[1].text


def test_un_noon_briefing() -> None:
    html = """<html><head><title>Daily Press Briefing by the Office of the Spokesperson for the Secretary-General |
Meetings Coverage and Press Releases</title></head><body><h1>Daily Press Briefing by the Office of the Spokesperson
for the Secretary-General</h1><div class="field--name-body"><p>The following is a near-verbatim transcript of today's
noon briefing by Stéphane Dujarric, Spokesperson for the Secretary-General.</p><p><strong>**Sudan</strong></p>
<p>Aid convoys have reached El Fasher.</p><p>Question: Is there a ceasefire?</p><p>Spokesperson: Not yet.</p>
</div></body></html>"""
    document = extract(html.encode(), url="https://press.un.org/en/2025/db250912.doc.htm")
    assert document.native_id == "db250912"
    assert document.published == "2025-09-12"
    assert document.spokesperson == "Stéphane Dujarric"
    assert "**Sudan" in document.paragraphs
    assert sum(t.role == "question" for t in document.turns) == 1


def test_govuk_content_api_json() -> None:
    item = {"title": "UK statement on the ceasefire", "description": "The Foreign Secretary welcomed the agreement.",
            "document_type": "press_release", "first_published_at": "2025-06-04T10:30:00.000+01:00",
            "base_path": "/government/news/uk-statement-on-the-ceasefire", "locale": "en",
            "content_id": "5f6a7b8c-0000-4000-8000-000000000001",
            "links": {"organisations": [{"title": "Foreign, Commonwealth & Development Office"}]},
            "details": {"body": "<div class='govspeak'><p>The UK welcomes the ceasefire agreement.</p>"
                                "<ul><li>first point of the statement</li></ul></div>"}}
    url = "https://www.gov.uk/api/content/government/news/uk-statement-on-the-ceasefire"
    document = extract(json.dumps(item).encode(), url=url, content_type="application/json")
    assert document.title == "UK statement on the ceasefire"
    assert document.kind == "press_release"
    assert document.published == "2025-06-04T10:30:00+01:00"
    assert document.subtitle == "The Foreign Secretary welcomed the agreement."
    assert document.paragraphs == ["The UK welcomes the ceasefire agreement.", "first point of the statement"]
    assert document.canonical_url == "https://www.gov.uk/government/news/uk-statement-on-the-ceasefire"
    assert document.author == "Foreign, Commonwealth & Development Office"
    # the same bytes without a content type are recognised too
    assert extract(json.dumps(item).encode()).title == "UK statement on the ceasefire"


def test_dawn_story() -> None:
    html = """<html><head><meta property="article:published_time" content="2025-03-07T18:25:40+05:00"></head><body>
<h2 class="story__title">FO urges Kabul to act</h2><div class="story__excerpt">Spokesperson says crossing will reopen
soon enough for traders.</div><span class="story__byline"><a href="/authors/1">Amna Farooqui</a></span>
<div class="story__content"><p>ISLAMABAD: The Foreign Office on Friday called on Kabul to act against militants.</p>
<p>Foreign Office spokesperson Shafqat Ali Khan said the crossing would reopen.</p>
<p><em>Published in Dawn, March 8th, 2025</em></p></div></body></html>"""
    document = extract(html.encode(), url="https://www.dawn.com/news/1895214/fo-urges-kabul")
    assert document.native_id == "dawn:1895214"
    assert document.title == "FO urges Kabul to act" and document.author == "Amna Farooqui"
    assert document.subtitle.startswith("Spokesperson says crossing")
    assert document.published == "2025-03-07T18:25:40+05:00"
    assert document.kind == "news_report" and document.spokesperson == "Shafqat Ali Khan"
    assert len(document.paragraphs) == 2


def test_wordpress_recognised_without_url() -> None:
    html = """<html><body><h1 class="entry-title">A WordPress story headline</h1><span class="author"><a>Staff</a>
</span><div class="entry-content"><p>The first paragraph of the WordPress story is long enough.</p>
<div class="sharedaddy">Share this: Facebook Twitter</div><p>The second paragraph closes the story for good.</p>
<div class="jp-relatedposts"><p>Related: another story that should never be part of the body.</p></div></div>
<link rel="shortlink" href="https://news.example/?p=12345"></body></html>"""
    document = extract(html.encode())
    assert document.paragraphs == ["The first paragraph of the WordPress story is long enough.",
                                   "The second paragraph closes the story for good."]


def test_russian_mfa_briefing() -> None:
    html = """<html><body><h1 class="photo-content__title">Briefing by Foreign Ministry Spokeswoman Maria Zakharova,
Moscow, August 20, 2026</h1><div class="photo-content__date">20.08.2026</div><div class="text article-content">
<div class="article-content__toc"><a href="#1">Table of contents entry</a></div><p>Good afternoon. Let me begin with
the schedule of the minister for the week ahead.</p><p>Question: On the talks?</p><p>Maria Zakharova: We will see.</p>
</div></body></html>"""
    document = extract(html.encode(), url="https://mid.ru/en/press_service/spokesman/briefings/2045678/")
    assert document.native_id == "mid:2045678"
    assert document.published == "2026-08-20"
    assert document.spokesperson == "Maria Zakharova"
    assert "Table of contents" not in document.body
