"""The CJK search terms worked out in fewer steps give the same terms (helper-98: the CPU of saving pages).

A paragraph whose only letters and digits are CJK characters (three in four of fmprc-bulk's Chinese paragraphs)
takes a shorter way (store/cjk.py, _woven): its runs of CJK characters, without the searches for words of other
scripts against them. Its terms must be those of the general way (_interleaved of _runs), on fuzzed text and on the
real pages."""

from __future__ import annotations

import gzip

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefarc.store import cjk
from tests.conftest import SHARED, needs_shared

PIECES = st.sampled_from([*"台湾外交部会议美国の日本カナ", "𠀀", "\uf900", "ｦ", " ", "，", "。", "：", ":", "（", "）",
                          "(", ")", ".", "-", "_", "/", "、", "\n", "\t", "\u3000", "\u00a0", "—", "「", "」"])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def general(text: str) -> str | None:
    """The terms as the general way works them out: _interleaved of the runs, in pieces of PLACES runs."""
    runs = cjk._runs().findall(text)
    found = " ".join(cjk._interleaved(runs[start:start + cjk.PLACES]) for start in range(0, len(runs), cjk.PLACES))
    return found or None


@settings(max_examples=500, deadline=None)
@given(TEXTS)
@example("台")
@example("，台。")
@example("台湾。美")
@example("外交部发言人")
@example("台\n湾")
def test_a_paragraph_of_cjk_characters_and_punctuation_has_the_terms_of_the_general_way(text):
    assert cjk.terms(text) == (general(text) if cjk.has_cjk(text) else None)


def test_the_chinese_paragraphs_of_fmprc_bulk_have_the_terms_of_the_general_way():
    folder = SHARED / "corpus" / "fmprc-bulk"
    needs_shared(folder)
    from briefarc.extract.core import extract

    checked = 0
    for path in sorted(folder.glob("*.html.gz"))[:60]:
        doc = extract(gzip.decompress(path.read_bytes()), url=None)
        for paragraph in doc.body.split("\n\n"):
            if cjk.has_cjk(paragraph) and not cjk.OTHER_CHAR.search(paragraph):
                assert cjk.terms(paragraph) == general(paragraph)
                checked += 1
    assert checked > 300
