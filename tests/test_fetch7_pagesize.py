"""A WordPress, MEA or gov.uk source whose page size option is 0 (or no number) fails its run with a clear error.

Before: per_page of 0 ended the walk in a ZeroDivisionError, said as an internal error. Found by helper-125's
review of ab112b6."""

from __future__ import annotations

import pytest

from tests.test_fetch6_resume import set_options, wordpress_site
from tests.test_fetchfix_walk import fetch


@pytest.mark.parametrize(("kind", "option"), [("wordpress", "per_page"), ("mea", "page_size"), ("govuk", "page_size")])
@pytest.mark.parametrize("value", [0, "none", -5])
def test_a_page_size_of_0_fails_the_source_with_a_clear_error(cli, db_file, site, kind, option, value):
    wordpress_site(site, 10)
    assert cli("sources", "add", "s", site.url("/"), "--kind", kind, "--db", db_file).code == 0
    set_options(db_file, "s", {option: value})
    code, report = fetch(cli, db_file, "s")
    assert code == 1
    assert report["error"] == f"the source's option {option} is {value!r}: a page size is a whole number from 1 up."
    assert site.paths() == []  # nothing asked for
