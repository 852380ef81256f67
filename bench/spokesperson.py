"""--spokesperson benchmark: CPU ms of search, list and their totals filtered by a spokesperson, and of `speakers`,
on an archive such as bench/search.py's (100,000 documents, ten spokespersons). Run it on a copy of the archive with
the code before a change and, on another copy, with the code after it (a newer code may migrate its copy), in the
same sitting: compare the two columns, not absolute times (a shared machine).

    python bench/spokesperson.py --db COPY.db [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import timed  # noqa: E402

# As a user types them: the stored form, a word of it, the other order, capitals with a title, another script
# (sources/names.json), a name no document gives.
NAMES = ["Wang Wenbin", "Miller", "Wenbin Wang", "MR MILLER", "汪文斌", "Nobody Atall"]
FORMS = [  # label, what is run (page of 20 and, when full, its total, as the CLI counts them)
    ("search Pakistan", "search", "Pakistan", "rank"),
    ("search Kashmir --sort date", "search", "Kashmir", "date"),
    ("search Zanzibarxq", "search", "Zanzibarxq", "rank"),
    ("list", "list", None, "date"),
]


def run(db, command: str, query: str | None, sort: str, name: str) -> int:
    from briefarc.store.search import Filters, list_documents, search
    from briefarc.store.totals import count_documents, count_matches, total

    filters = Filters(spokesperson=name)
    if command == "list":
        hits = list_documents(db, filters, limit=20)
        return total(len(hits), 20, 0, lambda: count_documents(db, filters))
    hits = search(db, query, filters, sort=sort, limit=20)
    return total(len(hits), 20, 0, lambda: count_matches(db, query, filters))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from briefarc.analysis.turns import speakers
    from briefarc.store.db import open_database
    from briefarc.store.search import Filters

    start = time.process_time()
    db = open_database(args.db)
    print(f"open (and migrate) {(time.process_time() - start) * 1000:.0f} ms CPU")
    print(f"{'form':<30} {'--spokesperson':<16} {'found':>7} {'p50 ms':>8} {'best ms':>8}")
    for label, command, query, sort in FORMS:
        for name in NAMES:
            found = run(db, command, query, sort, name)
            times = timed(lambda c=command, q=query, s=sort, n=name: run(db, c, q, s, n), args.repeat)
            print(f"{label:<30} {name:<16} {found:>7,} {statistics.median(times):>8.1f} {min(times):>8.1f}")
    for label, filters in (("speakers", None), ("speakers --spokesperson Miller", Filters(spokesperson="Miller"))):
        rows = speakers(db, filters)
        times = timed(lambda f=filters: speakers(db, f), args.repeat)
        print(f"{label:<47} {len(rows):>7,} {statistics.median(times):>8.1f} {min(times):>8.1f}")


if __name__ == "__main__":
    main()
