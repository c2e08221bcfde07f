"""The timeline of an actor's stances: how many of each coarse class, month by month, drawn
by pygal as an SVG stacked area chart.

Months run without gaps from the first to the last that has a stance (and one either side, so
that a single month still shows), so that a shift of position appears where it happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

import pygal
from pygal.style import Style

from .kinds import COLOURS, UNKNOWN_COLOUR, KindScheme

# At most this many month labels under the axis.
MAX_LABELS = 6


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` ('2019-11', '2019-12', '2020-01', ...)."""
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _shift(month: str, by: int) -> str:
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + by
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def timeline_counts(counts: Mapping[tuple[str, str], int],
                    scheme: KindScheme) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """From stances per (month, class): the months shown and each class's counts over them,
    classes in the scheme's order (those with no stance left out)."""
    if not counts:
        return [], []
    months = months_between(_shift(min(m for m, _ in counts), -1),
                            _shift(max(m for m, _ in counts), 1))
    present = {c for _, c in counts}
    series = [(c, [counts.get((m, c), 0) for m in months])
              for c in scheme.classes() + sorted(present - set(scheme.classes()))
              if c in present]
    return months, series


def draw_timeline(months: Iterable[str], series: Iterable[tuple[str, Iterable[int]]],
                  labels: Mapping[str, str]) -> str:
    """The chart as inline SVG; `labels` names the classes in the legend."""
    return _render(tuple(months),
                   tuple((labels.get(c, c), c, tuple(values)) for c, values in series))


def _whole_steps(top: int) -> list[int]:
    """About five whole numbers from 0 past `top`: stances come in whole numbers."""
    step = max(1, -(-top // 5))
    return list(range(0, top + step + 1, step))


@lru_cache(maxsize=256)
def _render(months: tuple[str, ...],
            series: tuple[tuple[str, str, tuple[int, ...]], ...]) -> str:
    style = Style(
        background="transparent", plot_background="transparent",
        foreground="#1a1a1a", foreground_strong="#1a1a1a", foreground_subtle="#8a8a8a",
        colors=tuple(COLOURS.get(c, UNKNOWN_COLOUR) for _, c, _ in series),
        font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
        label_font_size=12, major_label_font_size=12, legend_font_size=13,
        opacity=".8", opacity_hover=".95", transition="0ms")
    chart = pygal.StackedLine(
        style=style, fill=True, show_dots=False, width=640, height=360,
        js=[],  # no script: pygal's tooltips would load from the web
        disable_xml_declaration=True, legend_at_bottom=True, legend_at_bottom_columns=4,
        show_minor_x_labels=False,
        x_labels_major_every=max(1, -(-len(months) // MAX_LABELS)),
        truncate_label=-1, truncate_legend=-1, y_title="stances",
        y_labels=_whole_steps(max(map(sum, zip(*(v for _, _, v in series), strict=True)),
                                  default=0)),
        no_data_text="no dated stances")
    chart.x_labels = list(months)
    for label, _, values in series:
        chart.add(label, list(values))
    return chart.render(is_unicode=True)
