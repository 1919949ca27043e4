"""Small SVG pictures drawn at build time (no JavaScript): a story's reports over time, an
entity's mentions per month. Labels are seed text, escaped; colours follow the page's text
colour (currentColor) so the dark scheme and print both read."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from generator import escape

WIDTH = 640
LEFT = 150  # room for lane labels
RIGHT = 20
LANE = 26
LABEL_CHARS = 22


def _text(text: str) -> str:
    """Escaped text for an SVG text node or attribute (no <wbr>: SVG has no such element)."""
    return escape.inline(text).replace("<wbr>", "")


def _x(date: dt.date, first: dt.date, last: dt.date) -> float:
    span = max((last - first).days, 1)
    return LEFT + (WIDTH - LEFT - RIGHT) * (date - first).days / span


def _label(text: str) -> str:
    text = " ".join(text.split())
    return _text(text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…")


def story_timeline(points: list[tuple[dt.date, str, str, bool]], label: str) -> str:
    """Reports as dots on a time axis, one lane per outlet. points: (date, outlet, headline,
    disputed). Empty when no report is dated."""
    if not points:
        return ""
    first = min(p[0] for p in points)
    last = max(p[0] for p in points)
    lanes = list(dict.fromkeys(p[1] for p in sorted(points)))
    height = 40 + LANE * len(lanes)
    axis = 20 + LANE * len(lanes)
    parts = [
        f'<svg class="chart story-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-label="{_text(label)}">',
        f"<title>{_text(label)}</title>",
    ]
    for n, lane in enumerate(lanes):
        y = 20 + LANE * n
        parts.append(
            f'<text x="{LEFT - 10}" y="{y + 4}" text-anchor="end" class="chart-label">'
            f"{_label(lane)}</text>"
        )
        parts.append(
            f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" class="chart-lane"/>'
        )
    for date, outlet, headline, disputed in points:
        x, y = _x(date, first, last), 20 + LANE * lanes.index(outlet)
        cls = "chart-dot disputed" if disputed else "chart-dot"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y}" r="6" class="{cls}"><title>'
            f"{_text(date.isoformat() + ' · ' + outlet + ': ' + headline)}</title></circle>"
        )
    parts += _axis(first, last, axis)
    parts.append("</svg>")
    return "".join(parts)


def mentions_chart(dates: list[dt.date], label: str) -> str:
    """Briefings per month as bars (per day when they span under two months)."""
    if not dates:
        return ""
    first, last = min(dates), max(dates)
    daily = (last - first).days < 60
    key = (lambda d: d) if daily else (lambda d: d.replace(day=1))
    counts = Counter(key(d) for d in dates)
    top = max(counts.values())
    height, base = 130, 100
    start, end = key(first), key(last)
    if daily:
        end = end + dt.timedelta(days=1)
    else:
        end = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    span = max((end - start).days, 1)
    bar = min(40.0, max(2.0, (WIDTH - LEFT - RIGHT) / max(len(_steps(start, end, daily)), 1) - 2))
    parts = [
        f'<svg class="chart mentions-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" aria-label="{_text(label)}">',
        f"<title>{_text(label)}</title>",
        f'<text x="{LEFT - 10}" y="{base - 80 + 4}" text-anchor="end" class="chart-label">'
        f"{top} briefing{'' if top == 1 else 's'}</text>",
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" class="chart-lane"/>',
    ]
    for when, n in sorted(counts.items()):
        x = LEFT + (WIDTH - LEFT - RIGHT) * (when - start).days / span
        h = 80 * n / top
        what = when.isoformat() if daily else when.strftime("%B %Y")
        parts.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
            f'class="chart-bar"><title>{what}: {n} briefing{"" if n == 1 else "s"}</title></rect>'
        )
    parts += _axis(start, end if not daily else last, base + 20)
    parts.append("</svg>")
    return "".join(parts)


def _steps(start: dt.date, end: dt.date, daily: bool) -> list[dt.date]:
    out, at = [], start
    while at < end:
        out.append(at)
        at = at + dt.timedelta(days=1) if daily else (at + dt.timedelta(days=32)).replace(day=1)
    return out


def _axis(first: dt.date, last: dt.date, y: int) -> list[str]:
    parts = [
        f'<text x="{LEFT}" y="{y}" class="chart-label">{first.isoformat()}</text>',
    ]
    if last != first:
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{y}" text-anchor="end" class="chart-label">'
            f"{last.isoformat()}</text>"
        )
    return parts
