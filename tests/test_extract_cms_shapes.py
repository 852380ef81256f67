"""News reports about briefings as the big publishing systems render them: the date of a teaser card beside
the headline, a script-rendered shell whose text is only in <noscript>, an AMP advertisement's fallback text,
a Chinese report's editor credit, a known template's byline that holds a date. The pages are written for
these tests, in the markup shapes of those systems."""

from __future__ import annotations

import json

from briefarc.extract.core import extract

TITLE = "Islamabad calls suspension of water commission regrettable, says talks must go on"
PARAGRAPHS = [
    "The Foreign Office on Friday described a neighbouring government's decision to suspend a joint water "
    "commission as regrettable, saying the move ran against decades of technical cooperation on shared rivers.",
    "\u201cDialogue on shared waters has survived wars and crises; walking away from it serves no one,\u201d "
    "spokesperson Nadia Rehman told reporters at the weekly press briefing in Islamabad.",
    "Asked whether Pakistan would approach the World Bank, which brokered the original treaty, Rehman said all "
    "legal and diplomatic options remained under consideration.",
    "She also announced that the foreign minister would travel to Beijing next week for the fifth round of the "
    "strategic dialogue, which began in 2019 and was last held in the Chinese capital two years ago.",
]
TEXT = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
URL = "https://capitalwire.example/world/2025/water-commission"


def html(head: str, body: str, lang: str = "en") -> bytes:
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{TITLE} | Capital Wire</title>'
            f"{head}</head><body>{body}</body></html>").encode()


def card(path: str, heading: str, day: str) -> str:
    return f'<div class="card"><a href="{path}"><h3>{heading}</h3></a><span class="date">{day}</span></div>'


TOP_STORIES = ('<div class="top-stories">' + card("/a", "Budget talks with lenders resume today", "March 21, 2025")
               + card("/b", "Early rains bring relief to farmers", "March 19, 2025") + "</div>")


# --- a teaser card's date is not the article's --------------------------------------------------------

def test_a_row_of_top_stories_above_the_headline_does_not_date_the_article() -> None:
    body = (f'{TOP_STORIES}<div class="container"><div class="main-col"><h1 class="headline">{TITLE}</h1>'
            f'<div class="byline-row"><span>By Kamran Haider</span> | <span>March 14, 2025</span></div>'
            f'<div class="text">{TEXT}</div></div></div>')
    document = extract(html("", body), url=URL)
    assert document.published == "2025-03-14"
    assert document.author == "Kamran Haider"
    assert "Budget talks" not in document.body


def test_a_card_date_by_the_headline_does_not_replace_the_structured_date() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": TITLE, "datePublished": "2025-03-14T15:20:00+05:00",
                     "dateModified": "2025-03-16T09:05:00+05:00"})
    # the card in a div of its own beside the headline (in a list item it was another page's already)
    body = (f'<main><h1>{TITLE}</h1><div class="post-info">' + card("/c", "Senate passes supplementary budget bill",
                                                                     "March 20, 2025")
            + f"</div><article>{TEXT}</article></main>")
    document = extract(html(f'<script type="application/ld+json">{ld}</script>', body), url=URL)
    assert document.published == "2025-03-14T15:20:00+05:00"


def test_a_sidebar_card_of_the_page_itself_still_dates_it() -> None:
    body = (f"<main><h1>{TITLE}</h1><article>{TEXT}</article>"
            f'<div class="col"><h3>Recent posts</h3>{card(URL, TITLE + " again", "March 14, 2025")}</div></main>')
    assert extract(html("", body), url=URL).published == "2025-03-14"


# --- a script-rendered shell ---------------------------------------------------------------------------

def test_a_shell_that_shows_only_loading_gives_the_noscript_article() -> None:
    body = (f'<div id="app"><div class="loading">Loading…</div></div><noscript><article><h1>{TITLE}</h1>'
            f'<p class="byline">By Kamran Haider · March 14, 2025</p>{TEXT}</article></noscript>'
            '<noscript><img height="1" width="1" src="https://pixel.example/tr?noscript=1"></noscript>')
    document = extract(html('<meta property="og:type" content="article">', body), url=URL)
    assert document.paragraphs == PARAGRAPHS


def test_a_page_with_its_own_text_ignores_noscript() -> None:
    body = (f"<article><h1>{TITLE}</h1>{TEXT}</article>"
            "<noscript><p>Please enable JavaScript in your browser to see the comments on this story.</p></noscript>")
    assert extract(html("", body), url=URL).paragraphs == PARAGRAPHS


# --- AMP ------------------------------------------------------------------------------------------------

def test_an_amp_advertisement_placeholder_and_fallback_are_not_body() -> None:
    ad = ('<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/amp"><div placeholder>Loading ad'
          '</div><div fallback>Ad failed to load</div></amp-ad>')
    body = (f'<article class="amp-wp-article"><h1 class="amp-wp-title">{TITLE}</h1><div class="amp-wp-article-content">'
            f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{ad}<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"
            "</div></article>")
    page = html('<link rel="canonical" href="https://capitalwire.example/water">', body)
    page = page.replace(b"<html", "<html ⚡".encode())
    document = extract(page, url=URL + "/amp/")
    assert document.paragraphs == PARAGRAPHS


# --- a Chinese report's editor credit ----------------------------------------------------------------------

def test_a_chinese_editor_credit_line_is_not_body() -> None:
    zh = ["新华社北京3月14日电（记者李明远）外交部发言人林雪14日在例行记者会上表示，"
          "中方注意到有关报道，希望各方通过对话协商妥善处理分歧。",
          "林雪说，跨境河流合作关系到沿岸各国人民的切身利益，中方愿继续为地区和平稳定发挥建设性作用。",
          "有记者问及巴基斯坦外长下周访华一事。林雪表示，双方将举行第五轮战略对话，"
          "就共同关心的问题深入交换意见。"]
    for credit in ("（责编：张华、陈静）", "【责任编辑:王晓】", "(编辑：刘洋)"):
        body = ('<div class="rm_txt_con cf"><h1>外交部发言人就水资源委员会问题答记者问</h1>'
                '<div class="box">2025年03月14日10:20 | 来源：新华网</div>'
                + "".join(f'<p style="text-indent: 2em;">{p}</p>' for p in zh)
                + f'<p class="paper_num">{credit}</p></div>')
        document = extract(html("", body, lang="zh-CN"), url="https://world.people.example/n1/2025/0314/c1002-1.html")
        assert document.paragraphs == zh, credit
        assert document.spokesperson == "林雪"
        assert document.published == "2025-03-14"


def test_an_editor_named_in_a_sentence_stays() -> None:
    line = "编辑：本报将持续关注此事进展，并邀请读者来信发表看法，来信请寄编辑部。"
    text = "林雪表示，中方愿同各方加强沟通。" * 6
    body = f"<article><h1>外交部发言人就水资源委员会问题答记者问</h1><p>{text}</p><p>{line}</p></article>"
    assert line in extract(html("", body, lang="zh-CN"), url=URL).paragraphs


# --- a known template's byline that holds more than a name -------------------------------------------------

def test_a_byline_element_with_a_date_does_not_erase_the_structured_author() -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": TITLE, "datePublished": "2025-03-14T15:20:00+05:00",
                     "author": {"@type": "Person", "name": "Kamran Haider"}})
    body = (f'<article class="story"><h1 class="story__title">{TITLE}</h1><div class="story__byline">Kamran Haider'
            f' <span class="timestamp">14 March 2025</span></div><div class="story__content">{TEXT}</div></article>')
    document = extract(html(f'<script type="application/ld+json">{ld}</script>', body),
                       url="https://www.dawn.com/news/1900000/water-commission")
    assert document.author == "Kamran Haider"
    assert document.paragraphs == PARAGRAPHS


# --- the spokesperson a foreign report quotes ----------------------------------------------------------

def test_reports_in_french_german_spanish_and_portuguese_name_the_spokesperson() -> None:
    openings = {
        "fr": "« Le dialogue sur les eaux partagées a survécu aux guerres », a déclaré la porte-parole Nadia Rehman "
              "lors de son point de presse hebdomadaire à Islamabad.",
        "de": "„Der Dialog über gemeinsame Gewässer hat Kriege überstanden“, sagte Sprecherin Nadia Rehman bei der "
              "wöchentlichen Pressekonferenz in Islamabad.",
        "es": "“El diálogo sobre las aguas compartidas ha sobrevivido a guerras”, dijo la portavoz de Exteriores, "
              "Nadia Rehman, en la rueda de prensa semanal en Islamabad.",
        "pt": "“O diálogo sobre as águas partilhadas sobreviveu a guerras”, disse a porta-voz Nadia Rehman na "
              "entrevista coletiva semanal em Islamabad.",
    }
    for lang, opening in openings.items():
        body = f"<article><h1>{TITLE}</h1><p>{opening}</p><p>{opening}</p></article>"
        document = extract(html('<meta property="og:type" content="article">', body, lang=lang), url=URL)
        assert document.spokesperson == "Nadia Rehman", lang


def test_a_spokesman_for_the_opposition_names_no_one() -> None:
    body = (f"<article><h1>{TITLE}</h1><p>Der Sprecher der Opposition kritisierte die Regierung scharf und "
            f"verlangte eine Debatte im Parlament über die Wasserpolitik des Landes.</p></article>")
    assert extract(html("", body, lang="de"), url=URL).spokesperson is None


def test_a_chinese_agency_lead_names_the_reporters() -> None:
    """"新华社北京3月14日电（记者李明远）" opens a Chinese agency's report: its reporter is the author, on a page
    whose metadata names none (and says nothing of it being news)."""
    rest = "外交部发言人林雪14日在例行记者会上表示，中方希望各方通过对话协商妥善处理分歧。"
    leads = (("新华社北京3月14日电（记者李明远）", "李明远"), ("中新网北京3月14日电 (记者 张三 李四)", "张三、李四"),
             ("新华社北京3月14日电 ", None), ("据报道（记者李明远）", None))
    for lead, author in leads:
        body = (f"<article><h1>外交部：希望各方通过对话协商妥善处理分歧</h1><p>{lead}{rest}</p>"
                f"<p>{rest * 3}</p></article>")
        assert extract(html("", body, lang="zh")).author == author, lead
