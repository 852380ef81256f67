"""Pages streamed in pieces: the parts a script moves into place, put where the reader sees them.

React's streaming server rendering (Next.js and others) sends a placeholder where a part of the
page belongs (<template id="B:n"> followed by a "Loading..." fallback up to the comment <!--/$-->,
or <template id="P:n">) and the part itself later in a hidden <div id="S:n">; a script
($RC("B:n", "S:m"), $RS("S:n", "P:n")) moves it into place when the page loads. Read as sent, the
text is hidden and out of order."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from briefarc.patterns import lazy

PARTS = 'div[hidden][id^="S:"]'
MOVES = lazy(r"""\$RC\(\s*["'](B:\w+)["']\s*,\s*["'](S:\w+)["']""")
FALLBACK_END = "/$"


def place_streamed_parts(tree: LexborHTMLParser) -> int:
    """Move each streamed part into its placeholder, dropping the fallback; the number of parts moved."""
    parts = tree.css(PARTS)
    if not parts:
        return 0
    boundaries = {part: boundary for script in tree.css("script")
                  for boundary, part in MOVES.findall(script.text() or "")}
    moved = 0
    for part in parts:
        key = part.attributes.get("id") or ""
        holder = placeholder(tree, boundaries.get(key) or f"B:{key[2:]}", f"P:{key[2:]}")
        if holder is None:
            continue
        drop_fallback(holder)
        for child in list(part.iter(include_text=True)):
            holder.insert_before(child)
        holder.decompose()
        part.decompose()
        moved += 1
    return moved


def placeholder(tree: LexborHTMLParser, *keys: str) -> LexborNode | None:
    for key in keys:
        found = tree.css_first(f'template[id="{key}"]')
        if found is not None:
            return found
    return None


def drop_fallback(holder: LexborNode) -> None:
    """The "Loading..." markup between a boundary's placeholder and its closing comment."""
    if not (holder.attributes.get("id") or "").startswith("B:"):
        return
    doomed = []
    node = holder.next
    while node is not None:
        if node.tag == "-comment" and (node.comment_content or "").strip() == FALLBACK_END:
            break
        doomed.append(node)
        node = node.next
    else:
        return  # no closing comment: nothing is known to be the fallback
    for node in doomed:
        node.decompose()
