from hypothesis import given
from hypothesis import strategies as st

from briefarc.urls import normalize_url


def test_scheme_host_port_fragment_and_tracking():
    url = "HTTPS://WWW.Example.COM:443/news/a-b?utm_source=x&id=3&fbclid=zz#comments"
    assert normalize_url(url) == "https://www.example.com/news/a-b?id=3"


def test_default_http_port_and_empty_path():
    assert normalize_url("http://Example.org:80") == "http://example.org/"
    assert normalize_url("http://example.org:8080/x") == "http://example.org:8080/x"


def test_percent_encoding_is_made_consistent_but_reserved_escapes_stay():
    assert normalize_url("http://x.org/%7euser/a%2fb") == "http://x.org/~user/a%2Fb"
    assert normalize_url("http://x.org/a%2Fb") != normalize_url("http://x.org/a/b")
    assert normalize_url("http://x.org/é") == "http://x.org/%C3%A9"


def test_query_order_and_plus_are_kept():
    assert normalize_url("http://x.org/?b=1&a=2") == "http://x.org/?b=1&a=2"
    assert normalize_url("http://x.org/?q=a+b") != normalize_url("http://x.org/?q=a%2Bb")


def test_non_web_urls_pass_through():
    assert normalize_url(" file:///tmp/a.html ") == "file:///tmp/a.html"
    assert normalize_url("not a url") == "not a url"


segment = st.text(alphabet=st.sampled_from(list("abcXYZ019-._~%/:@!$&'()*+,;=?é ")), max_size=12)


@given(
    scheme=st.sampled_from(["http", "https", "HTTP"]),
    host=st.sampled_from(["example.org", "WWW.State.gov", "press.un.org", "mofa.gov.pk"]),
    port=st.sampled_from(["", ":80", ":443", ":8080"]),
    path=segment,
    query=segment,
    fragment=segment,
)
def test_normalisation_is_idempotent(scheme, host, port, path, query, fragment):
    url = f"{scheme}://{host}{port}/{path}?{query}#{fragment}"
    once = normalize_url(url)
    assert normalize_url(once) == once


article_path = st.lists(st.text(alphabet="abcdefghij0123456789-_", min_size=1, max_size=8), min_size=1, max_size=4)
article_query = st.dictionaries(
    st.sampled_from(["id", "p", "page", "lang", "dtl"]), st.text(alphabet="abc0123456789", min_size=1, max_size=5),
    max_size=3,
)


@given(article_path, article_query, article_path, article_query)
def test_different_articles_keep_different_identities(path1, query1, path2, query2):
    def build(path, query):
        q = "&".join(f"{k}={v}" for k, v in query.items())
        return f"https://example.org/{'/'.join(path)}" + (f"?{q}" if q else "")

    first, second = build(path1, query1), build(path2, query2)
    if first != second:
        assert normalize_url(first) != normalize_url(second)


spellings = st.tuples(
    st.sampled_from(["https", "HTTPS", "http"]), st.sampled_from(["", ":443"]), st.booleans(), st.booleans(),
    st.sampled_from(["", "#top", "#comments"]), st.sampled_from(["", "utm_source=rss", "fbclid=x1", "share=twitter"]),
)


@given(article_path, article_query, spellings, article_path, article_query, spellings)
def test_spellings_of_one_article_meet_and_different_articles_stay_apart(path1, query1, how1, path2, query2, how2):
    """Case, default port, escapes, fragments and tracking parameters vary; the article does not."""
    def spell(path, query, how):
        scheme, port, upper_host, escape_path, fragment, tracking = how
        host = "Example.ORG" if upper_host else "example.org"
        if scheme.lower() == "http":
            port = ""
        text = "/".join(path)
        if escape_path:
            text = "".join(f"%{ord(c):02x}" if c in "abc" else c for c in text)
        pairs = [f"{k}={v}" for k, v in query.items()] + ([tracking] if tracking else [])
        return f"{scheme}://{host}{port}/{text}" + (f"?{'&'.join(pairs)}" if pairs else "") + fragment

    same = normalize_url(spell(path1, query1, how1)) == normalize_url(spell(path1, query1, how2))
    assert same or how1[0].lower() != how2[0].lower()  # http and https stay two addresses
    different = (path1, query1) != (path2, query2)
    if different and how1[0].lower() == how2[0].lower():
        assert normalize_url(spell(path1, query1, how1)) != normalize_url(spell(path2, query2, how2))


def test_two_host_names_for_two_jobs():
    from briefarc.urls import host_with_port, hostname

    # hostname: which site a page is on (site knowledge, government hosts): no port, lower case
    assert hostname("https://WWW.FMPRC.gov.cn:8443/mfa_eng/") == "www.fmprc.gov.cn"
    assert hostname("not a url") == hostname(None) == hostname("http://[::1") == ""
    # host_with_port: the unit of politeness, as named in fetch messages: a port that is not the default stays
    assert host_with_port("https://www.state.gov:443/briefings/") == "www.state.gov"
    assert host_with_port("http://127.0.0.1:8081/a") == "127.0.0.1:8081"
    assert host_with_port("http://[::1]:8080/a") == "[::1]:8080"


URL_PIECES = st.sampled_from(["a", "B", ".", ":", "/", "?", "#", "@", "[", "]", "::1", "%41", "\t", "\n", " ", "9",
                              "99999", "ü", "\u3002", "http://", "https://"])


@given(st.lists(URL_PIECES, max_size=12), st.sampled_from(["http://", "https://", "HTTPS://", ""]))
def test_the_remembered_host_is_the_one_urlsplit_reads(pieces, scheme):
    """hostname() remembers hosts by scheme://authority; whatever follows, it answers as urlsplit does."""
    from urllib.parse import urlsplit

    from briefarc.urls import hostname

    url = scheme + "".join(pieces)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a bad port
        expected = (parts.hostname or "").lower()
    except ValueError:
        expected = ""
    assert hostname(url) == expected
    assert hostname(url) == expected  # asked again: from what it remembers


def test_credentials_of_a_typed_address():
    from briefarc.urls import credentials

    assert credentials("https://u:p%40ss@h.example/x") == ("https://h.example/x", "Basic dTpwQHNz")
    assert credentials("https://tok@h.example/x") == ("https://h.example/x", "Basic dG9rOg==")
    assert credentials("https://@h.example/x") == ("https://h.example/x", None)  # nothing to send
    assert credentials("https://h.example/a@b") == ("https://h.example/a@b", None)
