"""bytes + URL -> Document. Pure functions, no I/O.

    from briefarc.extract import extract
    document = extract(page_bytes, url="https://...", content_type="text/html; charset=utf-8")

The pipeline (briefarc.extract.core) compiles its patterns when first used, so that importing this
package costs nothing for commands that never extract.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefarc.extract.core import extract, extract_feed_item, extract_html

__all__ = ["extract", "extract_feed_item", "extract_html"]


def __getattr__(name: str):
    if name in __all__:
        from briefarc.extract import core

        return getattr(core, name)
    raise AttributeError(f"module 'briefarc.extract' has no attribute {name!r}")
