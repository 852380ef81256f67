"""`trend --plot`: the chart as a PNG or SVG image, through matplotlib (the optional `plot` extra).

matplotlib is imported only here and only when asked for: it is large and most users never plot.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path

from briefarc.errors import BriefarcError, UsageError
from briefarc.paths import folder_for

FORMATS = (".png", ".svg")
# Families that draw Chinese, Japanese and Korean characters, tried in order after matplotlib's own font
# (matplotlib falls back glyph by glyph through the families listed).
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN",
                "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Arial Unicode MS")


def check_plot_path(path: Path) -> None:
    """A usage error for a file type other than PNG or SVG; an error when matplotlib is missing."""
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot writes a .png or .svg file, not {path.name!r}.")
    folder_for(path)  # a missing folder is said before the counting, not after the chart is printed
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise BriefarcError("--plot needs matplotlib: pip install 'briefarc[plot]'.") from None


def plot_trend(rows: list[dict], path: Path) -> None:
    """One line per term: documents mentioning it per 100 documents of the period."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    from briefarc.store.text import has_cjk

    families = cjk_families()
    cjk = [term for term in dict.fromkeys(row["term"] for row in rows) if has_cjk(term)]
    if cjk and not families and path.suffix.lower() == ".png":
        from briefarc.output.console import warn

        warn(f"no font that draws Chinese characters is installed: {', '.join(cjk)} show as boxes in {path.name} "
             "(install Noto Sans CJK, or write an .svg, which keeps the words as text).")
    # SVG keeps its words as text (searchable, and CJK drawn by the viewer's fonts); matplotlib's warning per
    # missing glyph is replaced by the one line above
    fonts = ["DejaVu Sans", *families, "sans-serif"]
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": fonts}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        _draw(pyplot, rows, path)


def cjk_families() -> list[str]:
    """The installed families of CJK_FAMILIES."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return [family for family in CJK_FAMILIES if family in installed]


def _draw(pyplot, rows: list[dict], path: Path) -> None:
    periods = list(dict.fromkeys(row["period"] for row in rows))
    figure, axes = pyplot.subplots(figsize=(max(6.0, min(0.25 * len(periods), 20.0)), 4.0))
    try:
        for term in dict.fromkeys(row["term"] for row in rows):
            values = [math.nan if row["per_100"] is None else row["per_100"]  # a gap: no documents
                      for row in rows if row["term"] == term]
            axes.plot(range(len(periods)), values, marker="o", markersize=3, label=term)
        step = max(1, len(periods) // 12)
        axes.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")
        axes.set_ylabel("documents per 100")
        axes.legend()
        figure.tight_layout()
        try:
            figure.savefig(path)
        except OSError as exc:
            raise BriefarcError(f"Cannot write {path}: {exc.strerror or exc}.") from None
    finally:
        pyplot.close(figure)
