"""--source given a host with its port (127.0.0.1:8000, [::1]:8000, localhost:8080): the documents fetched from
that host at that port; the host alone takes every port. Before, a typed port was refused as no source or site
known (exit 2), and a local mirror's pages could not be told apart from another port's."""

from __future__ import annotations

import pytest

from briefarc.store.hosts import split_port, typed_host, url_within
from tests.test_h163_source_hosts import addresses

PAGES = {
    "http://127.0.0.1:8000/briefings/one/": "Briefing on the border talks",
    "http://127.0.0.1:9000/briefings/two/": "Briefing on the trade summit",
    "http://[::1]:8000/briefings/three/": "Briefing on the water treaty",
    "http://localhost:8080/briefings/four/": "Briefing on the visa rules",
    "https://www.state.gov/briefings/five/": "Briefing on the aid package",
}


def page_html(title: str) -> str:
    text = (f"{title}. The spokesperson opened the press briefing with remarks on the talks and the visit of the "
            "foreign minister, then took questions from the press about trade, the border and the summit.")
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + f"<p>{text}</p>" * 4 + "</article></body></html>")


@pytest.fixture
def archive(cli, db_file, tmp_path):
    for number, (url, title) in enumerate(PAGES.items()):
        page = tmp_path / f"page{number}.html"
        page.write_text(page_html(title), encoding="utf-8")
        assert cli("ingest", page, "--url", url, "--db", db_file).code == 0
    return db_file


@pytest.mark.parametrize("command", [["list"], ["search", "briefing"]])
@pytest.mark.parametrize(("typed", "wanted"), [
    ("127.0.0.1:8000", {"http://127.0.0.1:8000/briefings/one/"}),
    ("127.0.0.1", {"http://127.0.0.1:8000/briefings/one/", "http://127.0.0.1:9000/briefings/two/"}),
    ("http://127.0.0.1:9000/", {"http://127.0.0.1:9000/briefings/two/"}),
    ("[::1]:8000", {"http://[::1]:8000/briefings/three/"}),
    ("localhost:8080", {"http://localhost:8080/briefings/four/"}),
    ("localhost", {"http://localhost:8080/briefings/four/"}),
    ("state.gov:443", {"https://www.state.gov/briefings/five/"}),
])
def test_a_host_with_its_port_selects_the_documents_at_that_port(cli, archive, command, typed, wanted):
    assert addresses(cli, archive, *command, "--source", typed) == wanted


@pytest.mark.parametrize("typed", ["127.0.0.1:7000", "localhost:9999", "state.gov:80"])
def test_a_port_no_document_is_at_is_a_usage_error_that_names_the_hosts_held(cli, archive, typed):
    result = cli("list", "--source", typed, "--db", archive)
    assert result.code == 2
    assert typed in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_typed_hosts_and_their_ports():
    assert typed_host("127.0.0.1:8000") == "127.0.0.1:8000"
    assert typed_host("https://state.gov:443/x") == "state.gov"  # the scheme's own port is no port
    assert typed_host("LOCALHOST:8080") == "localhost:8080"
    assert typed_host("[::1]:8000") == "[::1]:8000"
    assert typed_host("mofa-pk") is None and typed_host("a.b:99999") is None and typed_host("x:y") is None
    assert split_port("[::1]:8000") == ("::1", 8000) and split_port("::1") == ("::1", None)
    assert url_within("https://www.state.gov/a", "state.gov:443")
    assert not url_within("http://www.state.gov/a", "state.gov:443")
    assert not url_within("http://127.0.0.1:80001/a", "127.0.0.1:8000")
