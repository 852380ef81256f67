"""Keyword in context: every occurrence of a term with the text on either side, newest documents first."""

from __future__ import annotations

import json
from itertools import islice
from typing import TYPE_CHECKING

from briefarc.analysis.matching import matching_documents, parse_term, units
from briefarc.store.db import translated
from briefarc.store.search import Filters
from briefarc.store.sitelabel import SITE_SQL

if TYPE_CHECKING:
    import sqlite_utils

BATCH = 20  # documents read at a time: a page of lines rarely needs more


@translated
def kwic(
    db: sqlite_utils.Database, term: str, filters: Filters | None = None, *, width: int = 40, limit: int = 50,
    offset: int = 0,
) -> list[dict]:
    """Concordance lines for `term`: id, turn, date, source, `left`, `match`, `right` (`width` characters each)."""
    parsed = parse_term(term, several=False)
    found = matching_documents(db, parsed, filters)
    lines: list[dict] = []
    wanted = offset + limit
    while ids := [doc_id for doc_id, _ in islice(found, BATCH)]:
        rows = db.execute(
            f"""SELECT d.id, d.published_date, {SITE_SQL}, d.body, d.turns FROM documents d
                LEFT JOIN sources s ON s.id = d.source_id WHERE d.id IN ({', '.join('?' * len(ids))})""", ids
        ).fetchall()
        by_id = {row[0]: row for row in rows}
        for doc_id in ids:
            _, date, source, body, turns = by_id[doc_id]
            for number, text in units(body, json.loads(turns) if turns else []):
                flat = " ".join(text.split())
                for match in parsed.pattern.finditer(flat):
                    lines.append({
                        "id": doc_id, "turn": number, "date": date, "source": source,
                        "left": flat[max(0, match.start() - width):match.start()], "match": match.group(0),
                        "right": flat[match.end():match.end() + width],
                    })
                    if len(lines) >= wanted:  # the page is full: a text with a million matches stops here
                        return lines[offset:wanted]
    return lines[offset:wanted]
