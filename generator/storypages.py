"""Render the story pages (stories/<key>.md) and the story index, newest update first."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from generator import charts, escape
from generator.memo import Rendered, RenderMemo
from generator.model import Briefing, Site, Story
from generator.registry import RELIABILITY
from generator.storyfacts import GRADES, outlet_key, outlet_of
from generator.templating import Links, rel, render_page

STORY_INDEX = "stories/index.md"


def story_dates(story: Story, by_slug: dict[str, Briefing]) -> tuple[str | None, str | None]:
    """First and latest report dates (ISO), None when no report is dated."""
    dates = [by_slug[r.briefing].date for r in story.reports if by_slug[r.briefing].date]
    if not dates:
        return None, None
    return min(dates).isoformat(), max(dates).isoformat()  # type: ignore[type-var]


def independent_outlets(story: Story, by_slug: dict[str, Briefing]) -> int:
    return len({outlet_key(by_slug[r.briefing]) for r in story.reports})


def render_stories(site: Site, memo: RenderMemo) -> dict[str, Rendered]:
    by_slug = {b.slug: b for b in site.briefings}
    out: dict[str, Rendered] = {}
    for story in site.stories.values():
        path = Links.story(story.key)
        view = story_view(story, site, by_slug, path)
        out[path] = memo.page(
            path,
            view,
            lambda v=view, s=story: render_page(
                "story.md.j2",
                {
                    "title": escape.plain_title(s.name),
                    "story_page": True,
                    "feed": Links.story_feed(s.key),
                    "search_filters": story_filters(s, by_slug),
                },
                **v,
            ),
        )
    out[STORY_INDEX] = render_story_index(site, by_slug, memo)
    return out


def story_filters(story: Story, by_slug: dict[str, Briefing]) -> list[list[str]]:
    """Pagefind filters of a story page: [name, value] pairs (main.html prints them)."""
    pairs = [["kind", "Story"], ["story", escape.plain_title(story.name)]]
    members = [by_slug[r.briefing] for r in story.reports]
    sources = dict.fromkeys(b.document.meta.source for b in members if b.document.meta.source)
    pairs += [["source", escape.plain_title(s)] for s in sources]
    years = dict.fromkeys(str(b.date.year) for b in members if b.date)
    return pairs + [["year", y] for y in years]


def _sentence_link(slug: str, sentence: int, page: str) -> str:
    return rel(Links.briefing(slug), page) + f"#s{sentence}"


def story_view(story: Story, site: Site, by_slug: dict[str, Briefing], page: str) -> dict[str, Any]:
    """Everything the story page shows, as plain values (also the page's memo inputs)."""
    first, latest = story_dates(story, by_slug)
    disputed = {s.briefing for d in story.disagreements for s in d.sides}
    points = [
        (b.date, outlet_of(b), b.title, b.slug in disputed)
        for b in (by_slug[r.briefing] for r in story.reports)
        if b.date
    ]
    picture = charts.story_timeline(points, f"Reports on {story.name} over time, by outlet")
    reports = []
    for r in story.reports:
        b = by_slug[r.briefing]
        reports.append(
            {
                "title": b.title,
                "link": rel(Links.briefing(b.slug), page),
                "date": b.date.isoformat() if b.date else None,
                "outlet": b.document.meta.source or "Outlet not stated",
                "bottom_line": " ".join(b.sentence(i).text for i in b.extraction.summary),
                "added": [
                    (b.sentence(i).text, _sentence_link(b.slug, i, page), i) for i in r.added
                ],
                "new_entities": [
                    (site.entities[k].name, rel(Links.entity(k), page))
                    for k in r.new_entities
                    if k in site.entities
                ],
            }
        )
    claims = []
    for c in story.claims:
        letters = sorted(s.reliability for s in c.support)
        claims.append(
            {
                "text": c.text,
                "code": f"{letters[0]}{c.grade}",
                "grade": c.grade,
                "grade_label": GRADES[c.grade],
                "reliability_label": RELIABILITY[letters[0]],
                "outlets": len({outlet_key(by_slug[s.briefing]) for s in c.support}),
                "disputed": c.disputed,
                "support": [
                    {
                        "outlet": s.outlet,
                        "source": s.source,
                        "basis": s.basis,
                        "anonymous": s.anonymous,
                        "letter": s.reliability,
                        "link": _sentence_link(s.briefing, s.sentence, page),
                        "sentence": s.sentence,
                    }
                    for s in c.support
                ],
            }
        )
    disagreements = [
        {
            "kind": d.kind,
            "about": d.about,
            "sides": [
                {
                    "outlet": s.outlet,
                    "value": s.value,
                    "quote": by_slug[s.briefing].sentence(s.sentence).text,
                    "link": _sentence_link(s.briefing, s.sentence, page),
                    "sentence": s.sentence,
                    "title": by_slug[s.briefing].title,
                }
                for s in d.sides
            ],
        }
        for d in story.disagreements
    ]
    return {
        "name": story.name,
        "pinned": story.pinned,
        "first": first,
        "latest": latest,
        "outlets": story.outlets,
        "independent": independent_outlets(story, by_slug),
        "reports": reports,
        "claims": claims,
        "corroborated": [c for c in claims if c["outlets"] > 1],
        "disagreements": disagreements,
        "feed": rel(Links.story_feed(story.key), page),
        "picture": Markup(picture),
    }


def render_story_index(site: Site, by_slug: dict[str, Briefing], memo: RenderMemo) -> Rendered:
    rows = []
    for story in site.stories.values():
        first, latest = story_dates(story, by_slug)
        rows.append(
            {
                "name": story.name,
                "link": rel(Links.story(story.key), STORY_INDEX),
                "first": first,
                "latest": latest,
                "reports": len(story.reports),
                "outlets": independent_outlets(story, by_slug),
                "disagreements": len(story.disagreements),
            }
        )
    rows.sort(key=lambda r: r["name"].casefold())
    rows.sort(key=lambda r: r["latest"] or "", reverse=True)  # undated stories last
    return memo.page(
        STORY_INDEX,
        rows,
        lambda: render_page("stories.md.j2", {"title": "Stories", "hide": ["toc"]}, rows=rows),
    )
