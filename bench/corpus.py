"""A synthetic corpus of N seeds made from real articles, for the scale benchmark (issue 5).

The articles come from ../shared/corpus/dev/ (.txt with a .json sidecar holding title, date,
licence and gold entity annotations). Without that folder, the repository's own seed is used and
the caller is told so. Seeds are written only into the folder given (a temporary one): the corpus
articles are never copied into the repository.

Seed i is article i % len(articles), varied by a generator seeded with i (so a corpus is the same
on every run and every machine):
- people's names are replaced by names recombined from the given names and surnames of the whole
  corpus ("Joseph Votel" -> "Philip Kane", and "Votel" alone -> "Kane"), so the number of distinct
  people grows with N as it would in a real collection;
- places are swapped for other places named somewhere in the corpus;
- dates move across years (the sidecar's date and four-digit years in the text, by the same shift);
- the sentences of each paragraph are shuffled;
- the title is the article's title, with the same name swaps, plus a unique number.
Each seed is NAME.txt plus a NAME.json sidecar (title, date, source, license, attribution).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
REPO_SEED = ROOT / "seeds" / "000_d7325ed9ddf325b5.txt"

_NAME_TOKEN = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?"
_PERSON = re.compile(rf"^{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,2}}$")
_PLACE = re.compile(rf"^{_NAME_TOKEN}(?: {_NAME_TOKEN})?$")
# Capitalised words the annotations call people or places that are not names worth swapping.
_NOT_NAMES = {
    "Prime Minister", "Foreign Secretary", "The Prime Minister", "The Foreign Secretary",
    "Minister", "President", "Secretary", "State", "World", "Man", "Atheists", "Agnostics",
    "Undersecretary", "There", "Here", "North America", "South America", "Europe", "Asia",
    "Africa", "Middle East",
}  # fmt: skip
_TITLE_WORDS = {
    "President", "Minister", "Secretary", "General", "Gen", "Mr", "Mrs", "Ms", "Dr", "Sir",
    "Lord", "Lady", "King", "Queen", "Prince", "Deputy", "Special", "Advisor", "Adviser",
    "Senator", "Governor", "Colonel", "Captain", "Major", "Chancellor", "The", "Foreign",
    "Prime", "Army", "Ambassador", "Mayor", "Judge", "Pope", "Saint", "Commodore", "Doctor",
    "Admiral", "Sergeant", "Lieutenant", "Commander", "Chief", "Reverend", "Father",
    "Professor", "Representative", "Petty", "Officer", "Central", "Defense", "East", "Nations",
    "State", "Amphibious", "Starry", "Asia", "Command", "Department", "High", "Task",
    "Commissioner", "Group", "Spokesperson",
}  # fmt: skip
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}\.|\b(?:[A-Z]\.)+)$")  # "Spc.", "Gen.", "U.S."
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


@dataclass
class Article:
    name: str
    text: str
    meta: dict
    people: list[str] = field(default_factory=list)  # full names ("Joseph Votel")
    places: list[str] = field(default_factory=list)


@dataclass
class Source:
    articles: list[Article]
    origin: str  # where the articles came from, for the report
    fallback: bool  # True when ../shared was missing and the repository seed was used


def _person_name(mention: str) -> str | None:
    """The name at the end of a person mention ("U.S. Army General Joseph Votel" -> "Joseph
    Votel"), or None when fewer than two name words remain."""
    kept: list[str] = []
    for tok in reversed(mention.split()):
        if tok in _TITLE_WORDS or not re.fullmatch(_NAME_TOKEN, tok):
            break
        kept.insert(0, tok)
    name = " ".join(kept[-3:])
    return name if len(kept) >= 2 and name not in _NOT_NAMES and _PERSON.match(name) else None


def _is_place(name: str) -> bool:
    return name not in _NOT_NAMES and bool(_PLACE.match(name))


def load_articles(corpus: Path | None = None) -> Source:
    """The shared dev corpus, or the repository's seed when that corpus is not there."""
    corpus = SHARED_CORPUS if corpus is None else corpus
    texts = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    if texts:
        articles = []
        for path in texts:
            sidecar = path.with_suffix(".json")
            meta = json.loads(sidecar.read_text("utf-8")) if sidecar.exists() else {}
            art = Article(path.stem, path.read_text("utf-8"), meta)
            for e in meta.get("entities", []):
                text = e.get("text", "")
                if e.get("type") == "PERSON" and (name := _person_name(text)):
                    art.people.append(name)
                elif e.get("type") in ("LOC", "GPE") and _is_place(text):
                    art.places.append(text)
            art.people = list(dict.fromkeys(art.people))
            art.places = list(dict.fromkeys(art.places))
            articles.append(art)
        return Source(articles, str(corpus), fallback=False)
    return Source([_repo_seed_article()], str(REPO_SEED.relative_to(ROOT)), fallback=True)


def _repo_seed_article() -> Article:
    """The repository's seed, its people and places found by the generator's own extractor."""
    text = REPO_SEED.read_text("utf-8")
    art = Article(REPO_SEED.stem, text, {"title": None, "date": None})
    try:
        from generator.extract import extract
        from generator.model import Document
        from generator.options import Options

        ex = extract(Document(str(REPO_SEED), REPO_SEED.stem, "txt", text), Options(registry=None))
        for e in ex.entities:
            if e.type == "PERSON" and (name := _person_name(e.name)):
                art.people.append(name)
            elif e.type == "PLACE" and _is_place(e.name):
                art.places.append(e.name)
    except Exception:  # the benchmark still runs, with fewer swaps
        pass
    return art


class Variator:
    """Makes seed i from the articles; the same i always gives the same seed."""

    def __init__(self, source: Source) -> None:
        self.articles = source.articles
        people = sorted({p for a in self.articles for p in a.people})
        self.firsts = sorted({p.split()[0] for p in people}) or ["Alex"]
        self.lasts = sorted({p.split()[-1] for p in people}) or ["Morgan"]
        self.places = sorted({p for a in self.articles for p in a.places}) or ["Springfield"]

    def seed(self, i: int) -> tuple[str, str, dict]:
        """(file stem, text, sidecar metadata) of seed i."""
        art = self.articles[i % len(self.articles)]
        rng = random.Random(i * 7919 + 17)
        swaps: dict[str, str] = {}
        for person in art.people:
            first, last = rng.choice(self.firsts), rng.choice(self.lasts)
            swaps[person] = f"{first} {last}"
            swaps.setdefault(person.split()[-1], last)  # the surname alone, later in the text
        for place in art.places:
            swaps[place] = rng.choice(self.places)
        shift = rng.randint(-9, 9)
        text = _shuffle_sentences(_swap(art.text, swaps), rng)
        text = _shift_years(text, shift)
        title = art.meta.get("title") or _first_words(art.text)
        title = _shift_years(_swap(title, swaps), shift)
        date = _shift_date(art.meta.get("date"), shift, rng)
        meta = {
            "title": f"{title} (no. {i + 1})",
            "date": date,
            "source": art.meta.get("source"),
            "url": art.meta.get("source_url"),
            "license": art.meta.get("license"),
            "attribution": art.meta.get("attribution"),
        }
        meta = {k: v for k, v in meta.items() if v}
        return f"{i:05d}_{art.name}", text, meta

    def names(self) -> list[str]:
        """Names present in the corpus, for search queries."""
        return self.places


def _swap(text: str, swaps: dict[str, str]) -> str:
    if not swaps:
        return text
    keys = sorted(swaps, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b")
    return pattern.sub(lambda m: swaps[m.group(0)], text)


def _shuffle_sentences(text: str, rng: random.Random) -> str:
    blocks = re.split(r"(\n\s*\n)", text)
    out = []
    for n, block in enumerate(blocks):
        if n % 2:  # the blank-line separator itself
            out.append(block)
            continue
        sep = "\n" if "\n" in block.strip() else " "
        sentences: list[str] = []
        for piece in _SENTENCE_END.split(block):
            piece = piece.strip()
            if sentences and _ABBREVIATION.search(sentences[-1]):
                sentences[-1] += " " + piece  # "said Spc." + "Lorraine Walsh, ..."
            elif piece:
                sentences.append(piece)
        if len(sentences) > 1:
            rng.shuffle(sentences)
            lead = block[: len(block) - len(block.lstrip())]
            trail = block[len(block.rstrip()) :]
            block = lead + sep.join(sentences) + trail
        out.append(block)
    return "".join(out)


def _shift_years(text: str, shift: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(0)) + shift), text)


def _shift_date(value: str | None, shift: int, rng: random.Random) -> str:
    try:
        base = dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        base = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    year = min(max(base.year + shift, 1990), 2030)
    day = min(base.day, 28)
    return (
        base.replace(year=year, day=day) + dt.timedelta(days=rng.randrange(-60, 60))
    ).isoformat()


def _first_words(text: str) -> str:
    return " ".join(text.split()[:8])


def write_corpus(seeds_dir: Path, n: int, source: Source | None = None) -> Source:
    """Write n seeds (NAME.txt + NAME.json) into seeds_dir; returns where the articles came from."""
    source = source or load_articles()
    variator = Variator(source)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        stem, text, meta = variator.seed(i)
        (seeds_dir / f"{stem}.txt").write_text(text, encoding="utf-8")
        (seeds_dir / f"{stem}.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    return source


def main() -> None:
    parser = argparse.ArgumentParser(description="write a synthetic corpus of N seeds")
    parser.add_argument("out", type=Path, help="folder to write the seeds into")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=None, help="default ../shared/corpus/dev")
    args = parser.parse_args()
    source = write_corpus(args.out, args.n, load_articles(args.corpus))
    note = " (fallback: ../shared/corpus/dev not found)" if source.fallback else ""
    print(f"{args.n} seeds from {len(source.articles)} articles in {source.origin}{note}")


if __name__ == "__main__":
    main()
