"""Lines by the headline that hold a date and are sentences, not date lines: the tail of a sentence cut by a link,
and a sentence that mentions a day (a photo's caption)."""

from __future__ import annotations

import re

from briefarc.extract.datefallbacks import PUBLISHED_LABEL
from briefarc.patterns import lazy

# nine words or more, to a sentence's end
SENTENCE_TAIL = lazy(r"^(?:\S+\s+){8,}.*[.!?]$", re.S)
BYLINE_OPENING = lazy(r"^(?:by|von|par|por|di|от)\s", re.I)


def sentence_tail(line: str) -> bool:
    """Whether the line is the rest of a sentence after a link or an emphasis ("column to find a site that
    stays open after April 15, 2025."): it opens with a small letter (of a script that has them), runs on
    for nine words or more and ends as a sentence does, and it is no label's line ("publié le 3 mai 2025
    par ...", "by ... on ..."). A line whose first three words hold a digit opens with its date, as a weekday
    written small does ("miércoles, 12 de marzo de 2025 a las 10:30 horas."): no sentence's tail."""
    return (line[:1].islower() and bool(SENTENCE_TAIL.match(line)) and not PUBLISHED_LABEL.match(line)
            and not BYLINE_OPENING.match(line) and not any(char.isdigit() for char in "".join(line.split()[:3])))


# a sentence of ten words or more before its date, which ends it ("Detainees at a detention center in San Diego,
# Calif., on May 18, 2018."): in a photo's caption, it mentions the day the photo was taken
SENTENCE_MENTION = lazy(r"^(?:[^\s\d]+\s+){10,}\D{0,24}\d[^.!?。]{0,20}[.!?。]$")


def sentence_mention(line: str) -> bool:
    """Whether the line is a sentence that mentions a date after ten words or more, no label's line."""
    return bool(SENTENCE_MENTION.match(line)) and not PUBLISHED_LABEL.match(line) and not BYLINE_OPENING.match(line)
