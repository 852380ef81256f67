"""A server's default Latin-1 charset over a page whose <meta> names GBK or windows-1251: the page's own encoding,
with a warning. Before, the header won (Latin-1 reads any bytes) and the page was stored as mojibake, silently."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from briefarc.extract.decode import decode_html
from tests.siteserver import Reply

WRONG = "text/html; charset=iso-8859-1"
TITLE = "2020年7月3日外交部发言人赵立坚主持例行记者会"
MOJIBAKE = "2020Äê7ÔÂ3ÈÕ"
GBK_PAGE = f"""<html><head><meta charset=gbk><title>{TITLE}</title></head><body>
<h1>{TITLE}</h1><p>2020年7月3日</p>
<p>赵立坚：女士们、先生们，下午好。应国务院总理李克强邀请，新加坡总理将于下周访华。</p>
<p>问：有消息称，美国将对中国有关官员实施制裁。中方对此有何回应？</p>
<p>答：我们注意到有关报道。中方坚决反对美方干涉中国内政，我们将采取必要措施，坚定维护国家主权、安全和发展利益。</p>
</body></html>""".encode("gbk")


def test_gbk_meta_wins_over_a_latin1_header() -> None:
    text, encoding, warnings = decode_html(GBK_PAGE, WRONG)
    assert encoding == "gb18030" and TITLE in text and MOJIBAKE not in text
    assert warnings == ["the server declares cp1252 but the page declares gb18030 and reads as it; read as gb18030"]


def test_cyrillic_meta_wins_over_a_windows1252_header() -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"></head><body>'
            "<p>Министерство иностранных дел Республики Беларусь сообщает о визите делегации.</p></body></html>")
    text, encoding, warnings = decode_html(page.encode("cp1251"), "text/html; charset=windows-1252")
    assert encoding == "cp1251" and "Министерство" in text and "cp1251" in warnings[0]


def test_the_header_stays_when_the_meta_does_not_fit_or_reads_worse() -> None:
    """Guards (they pass before too): Latin text under a wrong <meta> keeps the header's Latin-1."""
    french = "<p>Le ministère des Affaires étrangères a publié un communiqué. Délégué général à Genève.</p>"
    for meta in ("gbk", "windows-1251"):  # GBK fails these bytes; windows-1251 reads them, as gibberish
        page = f"<html><head><meta charset={meta}></head><body>{french}</body></html>".encode("cp1252")
        text, encoding, warnings = decode_html(page, WRONG)
        assert (encoding, warnings) == ("cp1252", []) and "ministère" in text


def test_fetch_stores_the_page_in_its_own_encoding(cli, db_file, site) -> None:
    site.route("/t1794908.shtml", Reply(GBK_PAGE, content_type=WRONG))
    assert cli("fetch", site.url("/t1794908.shtml"), "--db", db_file).code == 0
    record = cli("show", "1", "--db", db_file, "--json").jsonl()[0]
    assert record["title"] == TITLE and record["language"] == "zh"
    assert "中方坚决反对美方干涉中国内政" in record["body"]


def test_ingest_of_a_warc_with_the_wrong_header_warns(cli, db_file, tmp_path: Path) -> None:
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = warcio.warcwriter.WARCWriter(out, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", WRONG)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("http://www.fmprc.gov.cn/web/t1794908.shtml", "response",
                                                      payload=io.BytesIO(GBK_PAGE), http_headers=http))
    result = cli("ingest", str(path), "--db", db_file)
    assert result.code == 0 and "page declares gb18030" in result.stderr + result.stdout
    assert cli("show", "1", "--db", db_file, "--json").jsonl()[0]["title"] == TITLE
