"""`trend --plot`: the chart as a PNG or SVG image, through matplotlib (the optional `plot` extra).

matplotlib is imported only here and only when asked for: it is large and most users never plot.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from briefarc.errors import BriefarcError, UsageError

FORMATS = (".png", ".svg")


def check_plot_path(path: Path) -> None:
    """A usage error for a file type other than PNG or SVG; an error when matplotlib is missing."""
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"--plot writes a .png or .svg file, not {path.name!r}.")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise BriefarcError("--plot needs matplotlib: pip install 'briefarc[plot]'.") from None


def plot_trend(rows: list[dict], path: Path) -> None:
    """One line per term: documents mentioning it per 100 documents of the period."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    # SVG keeps its words as text (searchable, and CJK drawn by the viewer's fonts); a glyph missing
    # from matplotlib's own font is not worth a warning on the terminal
    with matplotlib.rc_context({"svg.fonttype": "none"}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        _draw(pyplot, rows, path)


def _draw(pyplot, rows: list[dict], path: Path) -> None:
    periods = list(dict.fromkeys(row["period"] for row in rows))
    figure, axes = pyplot.subplots(figsize=(max(6.0, min(0.25 * len(periods), 20.0)), 4.0))
    try:
        for term in dict.fromkeys(row["term"] for row in rows):
            values = [row["per_100"] for row in rows if row["term"] == term]
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
