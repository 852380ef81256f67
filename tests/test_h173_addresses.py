"""Addresses fetch cannot take say what is wrong with them. Before, `fetch http://127.0.0.1:99999/` said it "is not
an http(s) address", and `fetch mailto:a@b.c` was told to give it whole, "as in https://mailto:a@b.c"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("address", "port"), [
    ("http://127.0.0.1:99999/", "99999"), ("https://example.org:65536/a", "65536"), ("http://example.org:0/", "0"),
    ("http://user:secret@[::1]:70000/x", "70000"), ("http://example.org:http/", "'http'"),
])
def test_a_port_out_of_range_is_named(cli, db_file, address, port):
    for args in (("fetch", address), ("sources", "add", "mine", address)):
        result = cli(*args, "--db", db_file)
        assert result.code == 2, result.stderr
        assert f"the port {port} is not a port (1-65535)" in result.stderr
        assert "secret" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not db_file.exists()


@pytest.mark.parametrize("address", ["mailto:a@b.c", "ftp://files.example.org/a.html", "javascript:alert(1)"])
def test_an_address_of_another_scheme_says_it_is_not_the_web(cli, db_file, address):
    scheme = address.split(":", 1)[0]
    for args in (("fetch", address), ("sources", "add", "mine", address)):
        result = cli(*args, "--db", db_file)
        assert result.code == 2, result.stderr
        assert f"{scheme}: addresses are not web pages; give an http(s) address" in result.stderr
        assert "https://" + scheme not in result.stderr


def test_a_host_and_port_without_a_scheme_is_still_read_as_a_name(cli, db_file):
    result = cli("fetch", "example.org:8080/briefing", "--db", db_file)
    assert result.code == 2
    assert "give it whole, as in https://example.org:8080/briefing" in result.stderr
    one_slash = cli("fetch", "http:/example.org", "--db", db_file)  # an address, with no host: said so
    assert one_slash.code == 2 and "'http:/example.org' cannot be fetched: it has no host name" in one_slash.stderr
