"""briefarc on real China MFA pages at scale: per-field figures against expectations read from the markup.

    python bench/realdata.py [--corpus DIR] [--part dev|held|all] [--no-url-only] [--json]

The pages are ../shared/corpus/fmprc-bulk (gzipped, with their URLs in MANIFEST.json). Nothing there says
what a parser should produce, so the expectations are derived here, apart from the extractor and with
other means (the standard library's HTML parser, not selectolax; no briefarc code):

- date: the date in the title; a title without a year takes the year of the page with the nearest
  t-number (the site numbers its articles in order) whose title has one;
- spokesperson: the name the title gives after "Spokesperson" / "发言人";
- questions: the paragraphs of the content element that open with a question label: a bold paragraph
  opening with a label (an outlet, "Q:", "问：") and plain ones opening with a question word
  ("Q", "问", "追问", "Follow-up", "记者", "Journalist"); a question raised after the press conference
  counts as one, and so does each of the numbered ones that follow it unlabelled ("会后有记者问及：一、...",
  then "二、..." after its answer);
- boilerplate: footer and navigation text of the site in the extracted body;
- coverage: the share of the content element's text that the extracted body holds;
- kind: briefing for a press conference or briefing, remarks for 答记者问 / "Remarks", statement for 发表谈话;
  and the kinds given to the entries of ../shared/corpus/state-feed-history (none should be "other").

It also times the turn finder on 15,000 and 150,000 paragraphs (CPU time): the ratio of the two must stay
near 10, as for any linear pass.

Every page is parsed twice: with its URL, and without one (as a saved file). Pages are split by their
place in the manifest: every 4th is held out (`--part held`), the rest are for development.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "fmprc-bulk"
FEEDS = CORPUS.parent / "state-feed-history"
FEED_URL = "https://www.state.gov/rss-feed/press-releases/feed/"
TARGETS = {"date": 1.0, "spokesperson": 1.0, "questions": 0.995, "boilerplate": 1.0, "coverage": 0.99, "kind": 1.0}
KIND_WORDS = (("briefing", r"Regular Press Conference|例行记者会|Briefing"), ("remarks", r"答记者问|Remarks"),
              ("statement", r"发表谈话"))
LINEAR_RATIO = 20.0  # 10 times the paragraphs may take at most this many times the CPU time (quadratic: 100)
BOILERPLATE = ("版权所有", "联系我们", "网站声明", "网站地图", "Copyright", "All rights reserved",
               "Suggest to a friend", "【打印】", "【关闭】", "[Print]", "[Close]", "ICP备", "打印本页", "字体：",
               "首页 >", "Home >")
MONTHS = {m: i for i, m in enumerate(("january february march april may june july august september october "
                                      "november december").split(), 1)}
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "td", "tr", "table", "center"}
QUESTION_WORDS = re.compile(
    r"^(?:q|question|follow[- ]?up|journalist|reporter|问|又问|再问|追问[一二三四五]?|记者\w{0,2})$", re.I)
AFTER = re.compile(r"after the (?:regular )?press conference|会后", re.I)
NUMBERS = "〇一二三四五六七八九"


# --- the markup, read with the standard library ------------------------------------------------------

class ContentReader(HTMLParser):
    """The paragraphs of the page's content element (id News_Body_Txt_A, or a div whose first class is
    "content"), each with the share of its text inside <b>/<strong>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.depth = self.skipping = self.bold = 0
        self.parts: list[tuple[str, bool]] = []
        self.blocks: list[tuple[str, float]] = []
        self.title = ""
        self.in_title = False

    def flush(self) -> None:
        text = norm("".join(part for part, _ in self.parts))
        if text:
            bold = sum(len(p.strip()) for p, b in self.parts if b)
            self.blocks.append((text, bold / max(1, sum(len(p.strip()) for p, _ in self.parts))))
        self.parts = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        self.in_title = tag == "title" or self.in_title
        if not self.inside:
            first_class = (values.get("class") or "").split()[:1]
            content = values.get("id") == "News_Body_Txt_A" or first_class == ["content"]
            if tag == "div" and not self.blocks and content:
                self.inside, self.depth = True, 0
            else:
                return
        self.skipping += tag in ("script", "style")
        self.depth += tag == "div"
        self.bold += tag in ("b", "strong")
        if tag in BLOCK_TAGS:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if not self.inside:
            return
        self.skipping -= tag in ("script", "style")
        self.bold = max(0, self.bold - (tag in ("b", "strong")))
        if tag in BLOCK_TAGS:
            self.flush()
        if tag == "div":
            self.depth -= 1
            if self.depth == 0:
                self.flush()
                self.inside = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.inside and not self.skipping:
            self.parts.append((data, self.bold > 0))


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u3000", " ").replace("\xa0", " ")).strip()


def count_questions(blocks: list[tuple[str, float]]) -> int:
    """Paragraphs that open with a question label (see the module's doc)."""
    count = 0
    waiting = False  # after a lead-in line ("The following question was raised after the press conference:")
    numbered = 0  # the number of the last question raised after the conference, when they are numbered
    for text, bold in blocks:
        label = re.match(r"^([^:：]{1,80}?)\s*[:：]\s*(.*)$", text)
        name = label.group(1).strip() if label else ""
        if label and AFTER.search(name) and not label.group(2):
            waiting = True
            continue
        plain_label = label and not re.search(r"[，。,.!?？]", name) and len(name) <= 50
        labelled = plain_label and (QUESTION_WORDS.match(name) or (bold > 0.5 and not name.startswith(("(", "（"))))
        after = label and bold > 0.5 and AFTER.search(name)
        listed = 0 < numbered < 9 and text.startswith(f"{NUMBERS[numbered + 1]}、")  # "二、" after "会后...：一、"
        if labelled or after or (waiting and bold > 0.5) or listed:
            count += 1
        numbered = 1 if after and label.group(2).startswith("一、") else numbered + 1 if listed else numbered
        waiting = False
    return count


# --- expectations ------------------------------------------------------------------------------------

@dataclass
class Page:
    name: str
    url: str
    data: bytes
    title: str
    blocks: list[tuple[str, float]]
    number: int | None
    language: str
    kind: str  # conference | listing | other
    expected_kind: str | None = None
    date: str | None = None
    spokesperson: str | None = None
    questions: int = 0
    notes: list[str] = field(default_factory=list)


def title_date(title: str, year: int | None = None) -> tuple[str | None, bool]:
    """(ISO date, whether the title had the year)."""
    found = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日", title)
    if found:
        return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}", True
    found = re.search(r"([A-Z][a-z]+)\s*(\d{1,2}),?\s*(\d{4})?", title)
    if not found or found[1].lower() not in MONTHS:
        return None, False
    if found[3]:
        return f"{found[3]}-{MONTHS[found[1].lower()]:02d}-{int(found[2]):02d}", True
    if year:
        return f"{year}-{MONTHS[found[1].lower()]:02d}-{int(found[2]):02d}", False
    return None, False


def title_spokesperson(title: str) -> str | None:
    english = re.search(r"Spokesperson ((?:[A-Z][a-z]+ ?){2,3}?)(?:'s|’s| on\b|,)", title)
    if english:
        return english[1].strip()
    chinese = re.search(r"发言人(\S{2,3}?)(?:主持|就|答|发表|在|\d)", title)
    return chinese[1] if chinese else None


def load_pages(folder: Path = CORPUS) -> list[Page]:
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest:
        data = gzip.decompress((folder / entry["file"]).read_bytes())
        reader = ContentReader()
        reader.feed(data.decode("utf-8", "replace"))
        reader.flush()
        title = norm(reader.title).split(" — ")[0]
        number = re.search(r"/t(\d{6,8})\.s?html?$", entry["url"])
        listing = re.search(r"/(?:default|index)(?:_\d+)?\.s?html?$", entry["url"]) is not None
        conference = re.search(r"Regular Press Conference|例行记者会", title) and not listing
        page = Page(entry["file"].split(".")[0][:10], entry["url"], data, title, reader.blocks,
                    int(number[1]) if number else None, "zh" if "/web/" in entry["url"] else "en",
                    "listing" if listing else "conference" if conference else "other")
        pages.append(page)
    fill_expectations(pages)
    return pages


def fill_expectations(pages: list[Page]) -> None:
    dated = sorted((p.number, title_date(p.title)) for p in pages if p.number and title_date(p.title)[1])
    for page in pages:
        if page.kind == "listing":
            continue
        year = None
        if page.number and dated:
            nearest = min(dated, key=lambda item: abs(item[0] - page.number))
            year = int(nearest[1][0][:4])
        page.date, _ = title_date(page.title, year)
        page.spokesperson = title_spokesperson(page.title)
        page.questions = count_questions(page.blocks)
        page.expected_kind = next((kind for kind, words in KIND_WORDS if re.search(words, page.title)), None)


def part_of(index: int, part: str) -> bool:
    return part == "all" or (index % 4 == 3) == (part == "held")


# --- measuring ---------------------------------------------------------------------------------------

def measure(page: Page, with_url: bool) -> dict[str, tuple[bool, str] | None]:
    """Per field: (right, what was found), or None where the field does not apply to the page."""
    from briefarc.errors import InputError
    from briefarc.extract.core import extract

    try:
        document = extract(page.data, url=page.url if with_url else None)
    except InputError as error:
        return {"parsed": (False, str(error))}
    results: dict[str, tuple[bool, str] | None] = {"parsed": (True, "")}
    if page.kind == "listing":
        results["listing"] = (document.kind == "listing", document.kind)
        return results
    body = " ".join(document.paragraphs)
    content = "\n".join(text for text, _ in page.blocks)
    if page.date:
        results["date"] = ((document.published or "")[:10] == page.date, str(document.published))
    if page.spokesperson:
        results["spokesperson"] = (document.spokesperson == page.spokesperson, str(document.spokesperson))
    elif document.spokesperson:  # a name the title does not give must be one the page gives after the title
        named = re.escape(document.spokesperson)
        pattern = rf"(?:发言人|Spokesperson |^){named}(?:[:：]|宣布|表示|说|$)"
        said = re.search(pattern, page.title + "\n" + content, re.M)
        results["spokesperson"] = (said is not None, document.spokesperson)
    if page.kind == "conference":
        found = sum(turn.role == "question" for turn in document.turns)
        results["questions"] = (found == page.questions, f"{found} (markup {page.questions})")
    if page.expected_kind:
        results["kind"] = (document.kind == page.expected_kind, document.kind)
    junk = [phrase for phrase in BOILERPLATE if phrase in body and phrase not in content]
    results["boilerplate"] = (not junk, ", ".join(junk))
    results["coverage"] = coverage(page, body)
    return results


def coverage(page: Page, body: str) -> tuple[bool, str] | None:
    wanted = [text for text, _ in page.blocks if len(text) > 15 and re.search(r"\w", text)]
    if not wanted:
        return None
    squashed = re.sub(r"\s+", "", body)
    found = sum(len(text) for text in wanted if re.sub(r"\s+", "", text) in squashed)
    share = found / sum(len(text) for text in wanted)
    return share >= 0.98, f"{share:.1%}"


def run(pages: list[Page], part: str, modes: tuple[bool, ...]) -> tuple[dict, list[str]]:
    """Counts per (field, language, mode) and the failures."""
    tally: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for index, page in enumerate(pages):
        if not part_of(index, part):
            continue
        for with_url in modes:
            mode = "url" if with_url else "no-url"
            for name, result in measure(page, with_url).items():
                if result is None:
                    continue
                cell = tally[(name, page.language, mode)]
                cell[0] += result[0]
                cell[1] += 1
                if not result[0]:
                    failures.append(f"{page.name} {mode:6} {name:12} {result[1]}  | {page.title[:70]}  {page.url}")
    return tally, failures


def table(tally: dict, modes: tuple[bool, ...]) -> list[str]:
    names = ("parsed", "listing", "kind", "date", "spokesperson", "questions", "boilerplate", "coverage")
    columns = [(lang, "url" if m else "no-url") for m in modes for lang in ("en", "zh")]
    lines = [f"{'field':14}" + "".join(f"{lang + ' ' + mode:>22}" for lang, mode in columns) + "   target"]
    for name in names:
        cells = []
        for lang, mode in columns:
            right, total = tally.get((name, lang, mode), [0, 0])
            cells.append(f"{right}/{total} {right / total:7.1%}" if total else "-")
        target = TARGETS.get(name, 1.0)
        lines.append(f"{name:14}" + "".join(f"{cell:>22}" for cell in cells) + f"   {target:.1%}")
    return lines


def shortfalls(tally: dict) -> list[str]:
    """The fields below their target."""
    below = []
    for (name, lang, mode), (right, total) in sorted(tally.items()):
        if total and right / total < TARGETS.get(name, 1.0):
            below.append(f"{name} {lang} {mode}: {right}/{total}")
    return below


def feed_kinds(folder: Path = FEEDS) -> dict[str, int]:
    """The kinds of the distinct entries of the State Department press-release feed's snapshots, as
    read from the feed (the article pages refuse automated clients)."""
    from briefarc.extract.core import extract_feed_item
    from briefarc.extract.feed import parse_feed

    kinds: dict[str, str] = {}
    for snapshot in sorted(folder.glob("snapshot-*.rss")):
        feed = parse_feed(snapshot.read_bytes(), FEED_URL)
        for item in feed.items:
            kinds[item.link or item.guid or ""] = extract_feed_item(item, FEED_URL).kind
    counts: dict[str, int] = defaultdict(int)
    for kind in kinds.values():
        counts[kind] += 1
    return dict(sorted(counts.items()))


def turns_scaling() -> float:
    """CPU time of find_turns on 150,000 paragraphs over that on 15,000 (10 for a linear pass)."""
    from briefarc.extract.transcript import find_turns

    def seconds(count: int) -> float:
        paragraphs = [f"Q{n}: A question?" if n % 50 == 0 else "A sentence of the answer." for n in range(count)]
        paragraphs[1:1] = ["Zhao Lijian: The answer begins."]
        start = time.process_time()
        find_turns(paragraphs, "Zhao Lijian", {p for p in paragraphs if p.startswith("Q")})
        return time.process_time() - start

    seconds(15_000)  # warm up
    return min(seconds(150_000) for _ in range(2)) / min(seconds(15_000) for _ in range(3))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--part", choices=("dev", "held", "all"), default="dev")
    parser.add_argument("--no-url-only", action="store_true")
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = parser.parse_args(argv)
    if not (args.corpus / "MANIFEST.json").exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    modes = (False,) if args.no_url_only else (True, False)
    pages = load_pages(args.corpus)
    tally, failures = run(pages, args.part, modes)
    if args.json:
        print(json.dumps({" ".join(key): value for key, value in tally.items()}, indent=1))
        return 0
    print(f"{args.part} part of {args.corpus.name}: right/pages per field")
    print("\n".join(table(tally, modes)))
    print(f"\nfailing ({len(failures)}):" if failures else "\nno failing page")
    print("\n".join(failures))
    if (FEEDS / "README.md").exists():
        kinds = feed_kinds()
        print(f"\nkinds of the {sum(kinds.values())} State press-release feed entries: "
              + ", ".join(f"{kind} {count}" for kind, count in kinds.items()))
    ratio = turns_scaling()
    print(f"\nturn finder: 150,000 paragraphs take {ratio:.1f} times the CPU time of 15,000 "
          f"(linear: 10; target at most {LINEAR_RATIO:.0f})")
    below = shortfalls(tally) + ([f"turn finder scaling {ratio:.1f}"] if ratio > LINEAR_RATIO else [])
    print("\nbelow target: " + "; ".join(below) if below else "\nall fields at target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
