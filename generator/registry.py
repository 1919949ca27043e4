"""The entity registry (entities.yml): canonical names, aliases, descriptions, links.

A registry entry wins over extraction: a mention of a name or alias maps to the entry. A name that
nearly matches an entry (rapidfuzz) is flagged with ``Entity.near_miss``, never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz

from generator.model import ENTITY_TYPES, Entity

NEAR_MISS_SCORE = 80.0


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    description: str | None = None
    links: tuple[str, ...] = field(default_factory=tuple)
    reliability: str | None = None  # A-F, the editor's grade of an outlet or person as a source


@lru_cache(maxsize=8)
def _load(path: str, mtime: float) -> tuple[RegistryEntry, ...]:
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8")) or []
    except (OSError, yaml.YAMLError):
        return ()
    if isinstance(data, dict):
        data = data.get("entities") or []
    out = []
    for item in data if isinstance(data, list) else []:
        if not isinstance(item, dict) or not item.get("name"):
            continue
        typ = str(item.get("type") or "OTHER").upper()
        out.append(
            RegistryEntry(
                name=str(item["name"]),
                type=typ if typ in ENTITY_TYPES else "OTHER",
                aliases=tuple(str(a) for a in item.get("aliases") or []),
                description=item.get("description"),
                links=tuple(str(x) for x in item.get("links") or []),
                reliability=_letter(item.get("reliability")),
            )
        )
    return tuple(out)


RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


def _letter(value: object) -> str | None:
    letter = str(value or "").strip().upper()
    return letter if letter in RELIABILITY else None


def reliability_letters(registry: tuple[RegistryEntry, ...]) -> dict[str, str]:
    """Lower-cased name or alias -> the reliability letter its entry sets."""
    out: dict[str, str] = {}
    for entry in registry:
        if entry.reliability:
            for surface in (entry.name, *entry.aliases):
                out.setdefault(surface.lower(), entry.reliability)
    return out


def load_registry(path: Path) -> tuple[RegistryEntry, ...]:
    """Entries of the registry file (cached; empty when the file is missing or unreadable)."""
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return ()
    return _load(str(path), mtime)


@lru_cache(maxsize=8)
def _surface_index(registry: tuple[RegistryEntry, ...]) -> dict[str, int]:
    """Lower-cased name or alias -> position of the first entry that has it."""
    index: dict[str, int] = {}
    for n, entry in enumerate(registry):
        for surface in (entry.name, *entry.aliases):
            index.setdefault(surface.lower(), n)
    return index


@lru_cache(maxsize=8)
def _near_miss_surfaces(
    registry: tuple[RegistryEntry, ...],
) -> tuple[tuple[str, str, str, bool], ...]:
    """(entry type, entry name, lower-cased surface, surface has a space) for every surface."""
    return tuple(
        (entry.type, entry.name, surface.lower(), " " in surface)
        for entry in registry
        for surface in (entry.name, *entry.aliases)
    )


def _match(ent: Entity, registry: tuple[RegistryEntry, ...]) -> RegistryEntry | None:
    """The first entry (in registry order) whose name or an alias is the entity's name or one
    of its mentions, case-insensitively."""
    index = _surface_index(registry)
    names = {ent.name.lower(), *(m.text.lower() for m in ent.mentions)}
    hits = [index[n] for n in names if n in index]
    return registry[min(hits)] if hits else None


def _near_miss(ent: Entity, registry: tuple[RegistryEntry, ...]) -> str | None:
    best, best_score = None, 0.0
    name = ent.name.lower()
    spaced = " " in ent.name
    for etype, entry_name, surface, surface_spaced in _near_miss_surfaces(registry):
        if etype != ent.type and {etype, ent.type} != {"PLACE", "FACILITY"}:
            continue
        if spaced and not surface_spaced:
            continue
        score = fuzz.ratio(name, surface)
        if score > best_score:
            best, best_score = entry_name, score
    return best if best_score >= NEAR_MISS_SCORE else None


def apply_registry(
    text: str, entities: list[Entity], registry: tuple[RegistryEntry, ...]
) -> list[Entity]:
    """Canonicalise entities found in the registry; flag near misses; merge duplicates."""
    if not registry:
        return entities
    merged: dict[str, Entity] = {}
    out: list[Entity] = []
    for ent in entities:
        entry = _match(ent, registry)
        if entry is None:
            ent.near_miss = _near_miss(ent, registry)
            out.append(ent)
            continue
        if entry.name in merged:
            target = merged[entry.name]
            target.mentions = sorted([*target.mentions, *ent.mentions], key=lambda s: s.start)
            target.roles += [r for r in ent.roles if r not in target.roles]
            continue
        if ent.name != entry.name and ent.name not in ent.aliases:
            ent.aliases.append(ent.name)
        ent.name, ent.type = entry.name, entry.type
        ent.description, ent.links = entry.description, list(entry.links)
        ent.aliases += [a for a in entry.aliases if a not in ent.aliases]
        merged[entry.name] = ent
        out.append(ent)
    return out
