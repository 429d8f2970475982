"""Charts of progress, drawn once for the web pages (SVG) and the Word reports (PNG).

Pure code over plain numbers: no ORM. One code path for both surfaces, so a page and a report
built from the same data never disagree (docs/reports.md). matplotlib's Agg backend needs no
display; DejaVu Sans, which matplotlib ships, carries every Vietnamese diacritic, so the charts
render the same on a machine without Times New Roman and without internet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")  # before pyplot: no display on a server

from matplotlib import pyplot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from ansinh.core.vnformat import format_number  # noqa: E402

FONT = "DejaVu Sans"
# Status colours with the status word always written beside them (never colour alone).
STATUS_COLOURS = {
    "achieved": "#1b7837",
    "on_track": "#5aae61",
    "needs_acceleration": "#e08214",
    "off_track": "#c51b7d",
    "regressing": "#762a83",
    "insufficient_data": "#8c8c8c",
}
STATUS_ORDER = tuple(STATUS_COLOURS)
SERIES_COLOUR = "#2166ac"
TARGET_COLOUR = "#b2182b"


@dataclass(frozen=True)
class TrendSpec:
    """One target's series at one unit, its target and the straight path from baseline to target."""

    title: str
    unit_label: str
    points: tuple[tuple[int, float], ...]  # (year, value), values present only
    target_year: int
    target_low: float | None  # equal to target_high unless the target is a range
    target_high: float | None
    status_vi: str
    status: str


def required_path(points: tuple[tuple[int, float], ...], target_year: int, low: float | None, high: float | None, comparator: str) -> tuple[tuple[int, float], ...]:
    """The straight line from the first observation to the target value at the target year.

    For a range the path aims at the nearer bound; for "below"/"above" targets at the bound itself.
    """
    if not points or low is None or high is None:
        return ()
    first_year, first_value = points[0]
    if first_year >= target_year:
        return ()
    if comparator == "range":
        if low <= first_value <= high:
            return ()  # already inside the range: there is no distance to cover
        goal = low if first_value < low else high
    elif (comparator in ("lt", "le") and first_value <= low) or (comparator in ("gt", "ge") and first_value >= low):
        return ()  # the first value already met a one-sided goal: no path, only the goal
    else:
        goal = low
    return ((first_year, first_value), (target_year, goal))


def _vn_tick(value: float, _position: int) -> str:
    return format_number(value)


def _new_figure(width_in: float, height_in: float) -> Figure:
    figure = Figure(figsize=(width_in, height_in), dpi=100)
    figure.set_layout_engine("constrained")
    return figure


def status_summary(counts: dict[str, int], labels_vi: dict[str, str], title: str) -> Figure:
    """Horizontal bars: how many targets in each status, the word and the count on each bar."""
    statuses = [s for s in STATUS_ORDER if s in labels_vi]
    figure = _new_figure(6.3, 0.45 * len(statuses) + 1.0)
    axes = figure.add_subplot()
    values = [counts.get(s, 0) for s in statuses]
    positions = list(range(len(statuses)))[::-1]
    axes.barh(positions, values, color=[STATUS_COLOURS[s] for s in statuses], height=0.6)
    axes.set_yticks(positions, [labels_vi[s] for s in statuses], fontfamily=FONT, fontsize=10)
    for y, value in zip(positions, values, strict=True):
        axes.text(value + 0.2, y, str(value), va="center", fontfamily=FONT, fontsize=10)
    axes.set_xlim(0, max(values + [1]) * 1.15 + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title(title, fontfamily=FONT, fontsize=11, loc="left")
    _plain(axes)
    return figure


def trend(spec: TrendSpec, comparator: str) -> Figure:
    figure = _new_figure(6.3, 3.2)
    _draw_trend(figure.add_subplot(), spec, comparator, legend=True)
    return figure


def trend_grid(specs: list[tuple[TrendSpec, str]], columns: int = 2) -> Figure:
    """Small multiples of trends (the report's off-track targets), `columns` per row."""
    rows = max(1, -(-len(specs) // columns))
    figure = _new_figure(6.3, 2.4 * rows)
    for index, (spec, comparator) in enumerate(specs):
        _draw_trend(figure.add_subplot(rows, columns, index + 1), spec, comparator, legend=index == 0, small=True)
    return figure


def _draw_trend(axes, spec: TrendSpec, comparator: str, *, legend: bool, small: bool = False) -> None:
    size = 8 if small else 10
    years = [y for y, _ in spec.points]
    values = [v for _, v in spec.points]
    if spec.points:
        axes.plot(years, values, marker="o", color=SERIES_COLOUR, label="Thực hiện")
        axes.annotate(format_number(values[-1]), (years[-1], values[-1]), textcoords="offset points", xytext=(4, 4), fontsize=size, fontfamily=FONT)
    path = required_path(spec.points, spec.target_year, spec.target_low, spec.target_high, comparator)
    if path:
        axes.plot([p[0] for p in path], [p[1] for p in path], linestyle="--", color=TARGET_COLOUR, label="Lộ trình cần đạt")
    if spec.target_low is not None:
        if spec.target_high is not None and spec.target_high != spec.target_low:
            axes.axhspan(spec.target_low, spec.target_high, color=TARGET_COLOUR, alpha=0.12, label="Khoảng mục tiêu")
        else:
            axes.plot([spec.target_year], [spec.target_low], marker="*", markersize=12, color=TARGET_COLOUR, linestyle="none", label=f"Mục tiêu {spec.target_year}")
    first = min(years + [spec.target_year])
    axes.set_xlim(first - 0.5, spec.target_year + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.yaxis.set_major_formatter(FuncFormatter(_vn_tick))
    unit = f" ({spec.unit_label})" if spec.unit_label else ""
    axes.set_title(_wrap(f"{spec.title}{unit}", 48 if small else 80) + f"\n{spec.status_vi}", fontfamily=FONT, fontsize=size, loc="left")
    axes.tick_params(labelsize=size - 1)
    for label in axes.get_xticklabels() + axes.get_yticklabels():
        label.set_fontfamily(FONT)
    if legend:
        axes.legend(prop={"family": FONT, "size": size - 1}, frameon=False, loc="best")
    _plain(axes)


def _plain(axes) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)


def _wrap(text: str, width: int) -> str:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines[:3]) + ("…" if len(lines) > 3 else "")


def to_png(figure: Figure, dpi: int = 150) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    pyplot.close(figure)
    return buffer.getvalue()


def to_svg(figure: Figure) -> bytes:
    """SVG with no date and a fixed id salt, so the same data gives the same bytes."""
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "ansinh", "svg.fonttype": "path"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    pyplot.close(figure)
    return buffer.getvalue()


def sparkline_svg(points: list[tuple[int, float]], goal: float | None, status: str, width: int = 120, height: int = 30) -> str:
    """A small inline SVG trend for a table row (the overview draws 34 of them per page, so this one
    is written directly, without matplotlib: about 20 µs instead of 50 ms). Decorative: the row
    shows the figures in text beside it, so the SVG is hidden from screen readers."""
    values = [v for _, v in points] + ([goal] if goal is not None else [])
    if not points:
        return ""
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    years = [y for y, _ in points]
    first, last = min(years), max(years)
    x_span = (last - first) or 1

    def x(year: int) -> float:
        return 3 + (year - first) / x_span * (width - 6)

    def y(value: float) -> float:
        return height - 3 - (value - low) / span * (height - 6)

    line = " ".join(f"{x(year):.1f},{y(value):.1f}" for year, value in points)
    goal_line = (
        f'<line x1="0" x2="{width}" y1="{y(goal):.1f}" y2="{y(goal):.1f}" stroke="{TARGET_COLOUR}" stroke-dasharray="3 2" stroke-width="1"/>'
        if goal is not None else ""
    )
    end_x, end_y = x(points[-1][0]), y(points[-1][1])
    colour = STATUS_COLOURS.get(status, SERIES_COLOUR)
    return (
        f'<svg class="spark" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false">'
        f"{goal_line}"
        f'<polyline points="{line}" fill="none" stroke="{SERIES_COLOUR}" stroke-width="1.5"/>'
        f'<circle cx="{end_x:.1f}" cy="{end_y:.1f}" r="2.5" fill="{colour}"/></svg>'
    )
