"""robots.txt: parse the group that applies to briefarc and answer whether a path may be fetched.

Follows RFC 9309 where it speaks (groups, `*` and `$` patterns, the longest match wins, Allow wins
a tie) and reads the common `Crawl-delay` extension. No I/O: the fetcher brings the bytes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterator

    from briefarc.net.failures import FetchFailure

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309: crawlers may ignore what lies past 500 KiB


@dataclass
class Rule:
    allow: bool
    pattern: str

    def matches(self, path: str) -> bool:
        return _matches(self.pattern, path)


@dataclass
class Robots:
    """The rules of the group that applies to us; no rules means everything is allowed."""

    rules: list[Rule] = field(default_factory=list)
    crawl_delay: float | None = None
    note: str | None = None  # why the rules are empty when they are: "missing", "unreadable", "unreachable"
    # Unreachable (5xx, 429, no connection): why nothing on the site may be fetched (RFC 9309 §2.3.1.4).
    # The fetcher keeps its FetchFailure here, to raise for every page of the site.
    failure: FetchFailure | None = None
    _by_start: dict[str, list[Rule]] | None = field(default=None, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)
    _lengths: list[int] = field(default_factory=list, repr=False, compare=False)

    def allows(self, url: str) -> bool:
        path = _path_of(url)
        if path == "/robots.txt":
            return True
        if self.failure is not None:
            return False
        best: Rule | None = None
        for rule in self._candidates(path):
            if rule.matches(path) and (
                best is None
                or len(rule.pattern) > len(best.pattern)
                or (len(rule.pattern) == len(best.pattern) and rule.allow)
            ):
                best = rule
        return best is None or best.allow

    def _candidates(self, path: str) -> Iterator[Rule]:
        """The rules whose literal start (the pattern up to its first `*` or `$`) begins `path`: only
        they can match it. Looked up by the path's starts of the lengths some rule's start has, not by
        trying every rule, so a site's robots.txt of 20,000 rules costs a few lookups a URL, not 20,000
        tests; and not by every start of the path either, which a long rule and a long path made
        quadratic (one 500 KB rule and a 50,000-character path: half a second a URL)."""
        if self._by_start is None or self._indexed != len(self.rules):
            self._by_start = {}
            for rule in self.rules:
                self._by_start.setdefault(_literal_start(rule.pattern), []).append(rule)
            self._indexed = len(self.rules)
            self._lengths = sorted({len(start) for start in self._by_start})
        for length in self._lengths:
            if length > len(path):
                break
            yield from self._by_start.get(path[:length], ())


def parse(data: bytes, agent: str) -> Robots:
    """The rules for `agent` (a product token like "briefarc"), else those for `*`."""
    text = _decoded(data[:MAX_ROBOTS_BYTES])
    groups = _groups(text)
    token = agent.lower()
    mine = [lines for agents, lines in groups if token in agents]
    if not mine:
        mine = [lines for agents, lines in groups if "*" in agents]
    robots = Robots()
    for lines in mine:
        for key, value in lines:
            _apply(robots, key, value)
    return robots


def _decoded(data: bytes) -> str:
    """The file's text: UTF-8 (RFC 9309), without the byte order mark that editors on Windows put first, or
    UTF-16 when it starts with one of its marks. The mark was read as part of the first line, whose
    `User-agent: *` was then no group: the rules under it were ignored, and a disallowed page fetched."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace")
    return data.decode("utf-8-sig", "replace")


def product_token(user_agent: str) -> str:
    """"briefarc/0.1.0 (+https://...)" -> "briefarc"."""
    return re.split(r"[/\s;(]", user_agent.strip(), maxsplit=1)[0] or user_agent


def _groups(text: str) -> list[tuple[set[str], list[tuple[str, str]]]]:
    groups: list[tuple[set[str], list[tuple[str, str]]]] = []
    agents: set[str] = set()
    lines: list[tuple[str, str]] = []
    in_rules = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (part.strip() for part in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                groups.append((agents, lines))
                agents, lines, in_rules = set(), [], False
            agents.add(value.lower())
        elif agents:
            lines.append((key, value))
            in_rules = True
    if agents:
        groups.append((agents, lines))
    return groups


MAX_CRAWL_DELAY = 60.0  # seconds: a site asking for more is read at this pace (one page a minute)


def _apply(robots: Robots, key: str, value: str) -> None:
    if key in ("allow", "disallow") and value:
        pattern = _normalise(value)
        robots.rules.append(Rule(key == "allow", pattern))
    elif key == "crawl-delay":
        try:
            delay = float(value)
        except ValueError:
            return
        if 0 <= delay < float("inf"):  # a huge (or infinite) delay is capped, not obeyed for ever
            robots.crawl_delay = min(MAX_CRAWL_DELAY, max(delay, robots.crawl_delay or 0.0))


def _literal_start(pattern: str) -> str:
    """A pattern's text before its first `*` (and without a final `$`): what a matching path starts with."""
    return pattern.removesuffix("$").split("*", 1)[0]


def _matches(pattern: str, path: str) -> bool:
    """Whether `path` starts with `pattern`, where `*` stands for any run of characters and a final `$`
    for the end of the path. Each literal part is taken at its first place after the one before: the
    first place leaves the most room for the rest, so no other need be tried (a regular expression
    would try them all, and a site's `/*a*a*a*a*b` would hold the fetch for ever on a long path)."""
    anchored = pattern.endswith("$")
    first, *parts = (pattern[:-1] if anchored else pattern).split("*")
    if not path.startswith(first):
        return False
    if not parts:
        return not anchored or path == first
    position = len(first)
    *middle, last = parts
    for part in middle:
        found = path.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    if anchored:
        return len(path) - len(last) >= position and path.endswith(last)
    return path.find(last, position) >= 0


def _normalise(path: str) -> str:
    return unquote(path) if "%" in path else path


def _path_of(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return _normalise(path)
