"""bytes + URL -> Document. Pure functions, no I/O.

    from briefarc.extract.core import extract
    document = extract(page_bytes, url="https://...", content_type="text/html; charset=utf-8")

The pipeline is in briefarc.extract.core, which compiles its patterns on import: this package
imports nothing, so that a command reading only feeds (extract.feed) does not pay for it.
"""
