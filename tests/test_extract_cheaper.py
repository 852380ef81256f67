"""The extractor's cheaper paths give what the plain ones they replace gave (issue 12: identical output)."""

from __future__ import annotations

import codecs
import dataclasses
import re
from datetime import date

import pytest
from selectolax.lexbor import LexborHTMLParser

from briefarc.extract import core
from briefarc.extract.authors import BY_PREFIX, BYLINE_START, LABEL_LINE, may_open_byline
from briefarc.extract.boilerplate import LABEL_TEXT, LABELS, MARKUP_TEXT
from briefarc.extract.decode import decode_html
from briefarc.extract.labels import judge_label, read_label
from briefarc.extract.sites import LINKED, link_hosts, site_by_links
from briefarc.extract.speakers import spokesperson_from_text
from briefarc.extract.transcript import is_heading
from briefarc.urls import hostname


def hosts_link_by_link(tree: LexborHTMLParser) -> dict[str, int]:
    """The hosts the page's links name, as site_by_links counted them before: one host name per link."""
    hosts: dict[str, int] = {}
    for node in tree.css(LINKED):
        attrs = node.attributes
        value = attrs.get("href") or attrs.get("src") or attrs.get("action") or ""
        absolute = "https:" + value if value.startswith("//") else value
        host = hostname(absolute) if absolute.startswith(("http:", "https:")) else ""
        if value.startswith("mailto:") and "@" in value:
            host = value.split("@", 1)[1].split("?")[0].lower()
        if host:
            hosts[host] = hosts.get(host, 0) + 1
    return hosts


LINKS = [
    "http://www.fmprc.gov.cn/web/a.html", "https://www.fmprc.gov.cn", "https://WWW.FMPRC.GOV.CN:443/b",
    "//www.fmprc.gov.cn/c.js", "https://www.mfa.gov.cn?x=1", "https://www.mfa.gov.cn#top", "http:///empty/host",
    "http://", "https://", "http:relative/path", "https:/one/slash", "HTTP://upper.example/", "mailto:press@mfa.gov.cn",
    "mailto:x@Other.Example?subject=hi", "mailto:nobody", "/relative", "./t20240101.html", "javascript:void(0)",
    "https://user:pw@host.example:8080/p", "http://[::1]/v6", "http://bad port.example:99999/x", "https://h.example/a/b/c",
]


def test_link_hosts_counts_each_host_as_before():
    anchors = "".join(f'<a href="{link}">x</a>' for link in LINKS)
    others = ('<img src="https://img.example/1.png"><img src="//img.example/2.png"><script src="https://cdn.example/s.js">'
              '</script><form action="https://www.fmprc.gov.cn/search"></form><iframe src="http://frame.example/"></iframe>'
              '<link href="https://www.mfa.gov.cn/style.css" rel="stylesheet"><a href="" src="https://odd.example/">y</a>')
    tree = LexborHTMLParser(f"<html><head></head><body>{anchors}{others}{anchors}</body></html>")
    assert list(link_hosts(tree).items()) == list(hosts_link_by_link(tree).items())


def test_site_by_links_takes_the_first_of_hosts_named_as_often():
    links = ["https://www.mfa.gov.cn/1", "https://www.state.gov/1"] * 3
    tree = LexborHTMLParser("".join(f'<a href="{link}">x</a>' for link in links))
    assert list(link_hosts(tree)) == ["www.mfa.gov.cn", "www.state.gov"]
    assert site_by_links(tree).name == "fmprc"


def test_a_label_is_judged_once_whatever_follows_it():
    judge_label.cache_clear()
    first, second = read_label("问：第一个问题？", None), read_label("问：第二个问题？", None)
    assert (first.speaker, first.role, first.rest) == ("问", "question", "第一个问题？")
    assert (second.speaker, second.role, second.rest) == ("问", "question", "第二个问题？")
    assert judge_label.cache_info().hits == 1
    lead = read_label("After the press conference, the following question was raised:", None)
    asked = read_label("After the press conference, the following question was raised: What about trade?", None)
    assert (lead.role, lead.lead_in, asked.role, asked.lead_in, asked.rest) == (
        "question", True, "question", False, "What about trade?")
    assert read_label("Mao Ning: Good afternoon.", "Mao Ning").role == "answer"
    assert read_label("Mao Ning: Good afternoon.", None).role is None
    assert read_label("Note: nothing here", None) is None


def test_find_date_remembers_short_texts_by_the_day_it_is():
    from briefarc.extract import dates

    dates._remembered_date.cache_clear()
    title = "Foreign Ministry Spokesperson's Regular Press Conference on March 3, 2025"
    assert dates.find_date(title) == dates.find_date(title) == "2025-03-03"
    assert dates._remembered_date.cache_info().hits == 1
    late = "Statement of December 31, 2030"  # later than tomorrow: refused, unless today says otherwise
    assert dates.find_date(late) is None
    assert dates.find_date(late, today=date(2030, 12, 31)) == "2030-12-31"
    assert dates.find_date("x" * 400 + " March 3, 2025") == "2025-03-03"  # a long text: not remembered


HEADLINE = "外交部发言人毛宁主持例行记者会"
UTF8_PAGE = (f"<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1><p>"
             + "中方一贯主张通过对话协商和平解决争端。" * 8 + "</p><p>Café au lait, naïve résumé.</p></body></html>")


@pytest.mark.parametrize(("data", "parsed_as"), [
    (UTF8_PAGE.encode("utf-8"), bytes),  # valid UTF-8: the parser reads the page's own bytes
    (codecs.BOM_UTF8 + UTF8_PAGE.encode("utf-8"), str),  # without the mark: the text
    (UTF8_PAGE.encode("gb18030").replace(b"<head>", b'<head><meta charset="gbk">'), str),
    (UTF8_PAGE.replace("Café", "CafÃ\u0083Â\u0080 Ã\u0083Â\u0080").encode("utf-8"), str),  # encoded twice: undone
])
def test_the_parser_reads_the_bytes_when_they_are_the_text(monkeypatch, data, parsed_as):
    seen = []

    def parser(markup):
        seen.append(type(markup))
        return LexborHTMLParser(markup)

    monkeypatch.setattr(core, "LexborHTMLParser", parser)
    document = core.extract(data)
    text, _, _ = decode_html(data)
    assert seen[0] is parsed_as
    monkeypatch.setattr(core, "LexborHTMLParser", LexborHTMLParser)
    read_from_text = core.extract_html(text)  # the text, parsed as it was before
    assert document.paragraphs and {**dataclasses.asdict(document), "encoding": None, "warnings": None} == {
        **dataclasses.asdict(read_from_text), "encoding": None, "warnings": None}


@pytest.mark.parametrize("line", [
    "By Jane Roe", "by:", "Written by", "Jun 2 Written By", "Author", "作者：", "作者: 张三", "记者 李四", "ByJane Roe",
    "Byline", "Bypass the road", "Posted by admin", "Reviewed by Dr. Who", "Menu", "", " by ", "Authors:", "文：王五",
    "bY JANE", "Standby power", "Follow us on X", "Von Max Mustermann", "par Jean Dupont", "بقلم أحمد",
])
def test_byline_start_is_either_pattern(line):
    assert bool(BYLINE_START.match(line)) == bool(LABEL_LINE.search(line) or BY_PREFIX.match(line))


def test_a_line_beside_the_headline_is_judged_once():
    may_open_byline.cache_clear()
    assert [may_open_byline(line) for line in ("By Jane Roe", "Powered by WordPress", "Reviewed by Dr Who", "Menu",
                                               "By " + "J" * 77, "By " + "J" * 78, "By Jane Roe")] == [
        True, False, False, False, True, False, True]
    assert may_open_byline.cache_info().hits == 1


@pytest.mark.parametrize("text", [
    "Advertisement", "ADVERTISEMENT", "— Advertisement —", "_advertising_", "ſponsored content", "Sponsored",
    "Story continues below advertisement", "广告", "إعلان", "Реклама", "Skip to ad", "Share this article!",
    "Shares fell", "advertisement of the year", "", "...", "A", "<div class='x'>", "<p>", "<not markup", "< p>",
    "Publicité", "pubblicità", "Werbung:", "Anzeige", "Scroll to continue with content", "Continue reading below",
])
def test_boilerplate_first_letters_and_markup_test_change_nothing(text):
    old_label = re.compile(rf"^[\W_]*(?:{LABELS})[\W_]*$", re.I)
    assert bool(LABEL_TEXT.match(text)) == bool(old_label.match(text))
    assert (text.startswith("<") and bool(MARKUP_TEXT.match(text))) == bool(MARKUP_TEXT.match(text))
    assert all(phrase[:1].isalpha() for phrase in LABELS.split("|"))  # FIRST_LETTERS reads each phrase's first


def test_cheap_tests_before_patterns_in_transcripts_and_attributions():
    assert [is_heading(p) for p in ("**Libya", "** ", "*Libya", "Libya **", "**")] == [True, False, False, False, False]
    assert spokesperson_from_text(["The spokesman Asim Iftikhar told reporters."]) == "Asim Iftikhar"
    assert spokesperson_from_text(["外交部发言人毛宁表示，中方欢迎。"]) == "毛宁"
    assert spokesperson_from_text(["Nothing to see here, said nobody."]) is None
