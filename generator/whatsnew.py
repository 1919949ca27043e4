"""What's new: a page per day and per ISO week with briefings (new/<date>.md, new/<year>-W<nn>.md):
the new briefings, the stories that moved and how, the entities the site had not named before."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from generator.memo import Rendered, RenderMemo
from generator.model import Briefing, Site
from generator.storyfacts import outlet_key
from generator.templating import Links, rel, render_page

NEW_INDEX = "new/index.md"
NEW_ENTITIES_MAX = 100


def day_path(day: dt.date) -> str:
    return f"new/{day.isoformat()}.md"


def week_of(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def week_path(week: str) -> str:
    return f"new/{week}.md"


def render_whats_new(
    site: Site, memo: RenderMemo, views: dict[str, tuple[tuple, dict[str, Any]]] | None = None
) -> dict[str, Rendered]:
    """`views`: a long-running process's record of each page's view and what it was made of
    (see _made_of), kept from one run to the next."""
    by_slug = {b.slug: b for b in site.briefings}
    views = {} if views is None else views
    dated = [b for b in site.briefings if b.date]
    days: dict[dt.date, list[Briefing]] = defaultdict(list)
    for b in dated:
        days[b.date].append(b)  # type: ignore[index]
    first_seen = _first_seen(site)
    out: dict[str, Rendered] = {}
    weeks: dict[str, list[dt.date]] = defaultdict(list)
    for day in sorted(days, reverse=True):
        weeks[week_of(day)].append(day)
        path = day_path(day)
        view = _view(views, path, site, days[day], {day}, first_seen, by_slug)
        title = f"New on {day.strftime('%-d %B %Y')}"
        out[path] = _render(memo, path, title, view)
    for week, week_days in weeks.items():
        path = week_path(week)
        briefings = [b for d in sorted(week_days, reverse=True) for b in days[d]]
        view = _view(views, path, site, briefings, set(week_days), first_seen, by_slug)
        monday = min(week_days) - dt.timedelta(days=min(week_days).weekday())
        title = f"New in the week of {monday.strftime('%-d %B %Y')}"
        days_of_week = [
            (d.isoformat(), rel(day_path(d), path), len(days[d])) for d in sorted(week_days)
        ]
        view = {**view, "days": days_of_week}  # the kept view stays as _period_view made it
        out[path] = _render(memo, path, title, view)
    index = [
        {
            "week": week,
            "link": rel(week_path(week), NEW_INDEX),
            "count": sum(len(days[d]) for d in week_days),
            "days": [(d.isoformat(), rel(day_path(d), NEW_INDEX), len(days[d])) for d in week_days],
        }
        for week, week_days in weeks.items()
    ]
    out[NEW_INDEX] = memo.page(
        NEW_INDEX,
        index,
        lambda: render_page(
            "whatsnew_index.md.j2", {"title": "What’s new", "hide": ["toc"]}, weeks=index
        ),
    )
    return out


def _view(
    views: dict[str, tuple[tuple, dict[str, Any]]],
    page: str,
    site: Site,
    briefings: list[Briefing],
    period: set[dt.date],
    first_seen: dict[dt.date, list[str]],
    by_slug: dict[str, Briefing],
) -> dict[str, Any]:
    """The period's view, the one of the last run when it is made of the same things."""
    made_of = _made_of(site, briefings, period, first_seen)
    last = views.get(page)
    if last is not None and _same(last[0], made_of):
        return last[1]
    view = _period_view(site, briefings, period, first_seen, page, by_slug)
    views[page] = (made_of, view)
    return view


def _made_of(
    site: Site,
    briefings: list[Briefing],
    period: set[dt.date],
    first_seen: dict[dt.date, list[str]],
) -> tuple:
    """What _period_view reads: the period, its briefings' seeds, their stories (the objects:
    a story is made again whenever a member's seed changes) and the entities first named."""
    stories = tuple(
        site.stories[site.story_of[b.slug]] for b in briefings if b.slug in site.story_of
    )
    entities = tuple(
        (k, site.entities[k].name) for day in sorted(period) for k in first_seen.get(day, [])
    )
    seeds = tuple((b.slug, b.document.key) for b in briefings)
    return (tuple(sorted(period)), seeds, stories, entities)


def _same(a: tuple, b: tuple) -> bool:
    if None in (key for _, key in b[1]):
        return False  # a seed without a content key is never taken as unchanged
    return (
        a[0] == b[0]
        and a[1] == b[1]
        and len(a[2]) == len(b[2])
        and all(x is y for x, y in zip(a[2], b[2], strict=True))
        and a[3] == b[3]
    )


def _render(memo: RenderMemo, path: str, title: str, view: dict[str, Any]) -> Rendered:
    return memo.page(
        path,
        (title, view),
        lambda: render_page("whatsnew.md.j2", {"title": title}, title=title, **view),
    )


def _first_seen(site: Site) -> dict[dt.date, list[str]]:
    """Date -> keys of the entities first named by a briefing of that date."""
    by_slug = {b.slug: b for b in site.briefings}
    out: dict[dt.date, list[str]] = defaultdict(list)
    for key, page in site.entities.items():
        dates = [by_slug[r.briefing].date for r in page.refs if by_slug[r.briefing].date]
        if dates:
            out[min(dates)].append(key)  # type: ignore[type-var]
    return out


def _period_view(
    site: Site,
    briefings: list[Briefing],
    period: set[dt.date],
    first_seen: dict[dt.date, list[str]],
    page: str,
    by_slug: dict[str, Briefing],
) -> dict[str, Any]:
    here = {b.slug for b in briefings}
    moved = []
    for key in dict.fromkeys(site.story_of[b.slug] for b in briefings if b.slug in site.story_of):
        story = site.stories[key]
        slugs = [r.briefing for r in story.reports]
        new = [s for s in slugs if s in here]
        before = [s for s in slugs if by_slug[s].date and by_slug[s].date < min(period)]
        added = sum(
            len(r.added) for r in story.reports if r.briefing in new and r.briefing != slugs[0]
        )
        disputes = sum(
            1 for d in story.disagreements if any(side.briefing in new for side in d.sides)
        )
        moved.append(
            {
                "name": story.name,
                "link": rel(Links.story(key), page),
                "new": len(new),
                "started": not before,
                "outlets": len({outlet_key(by_slug[s]) for s in slugs}),
                "added": added,
                "disagreements": disputes,
            }
        )
    new_entities = sorted(
        (
            (site.entities[k].name, rel(Links.entity(k), page))
            for day in period
            for k in first_seen.get(day, [])
        ),
        key=lambda e: (e[0].casefold(), e[1]),  # two entities may share a name
    )
    return {
        "briefings": [
            {
                "title": b.title,
                "link": rel(Links.briefing(b.slug), page),
                "date": b.date.isoformat() if b.date else None,
                "outlet": b.document.meta.source,
                "bottom_line": " ".join(b.sentence(i).text for i in b.extraction.summary),
            }
            for b in briefings
        ],
        "moved": moved,
        "new_entities": new_entities[:NEW_ENTITIES_MAX],
        "more_entities": max(0, len(new_entities) - NEW_ENTITIES_MAX),
        "days": [],
    }
