"""Word-level text similarity for comparing reports: content words, TF-IDF vectors, numbers."""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

_STOP_TEXT = """a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for
from further had has have having he her here hers herself him himself his how i if in into
is it its itself just me more most my myself no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours said says say told according
mr mrs ms one two new last first week year years monday tuesday wednesday thursday friday
saturday sunday today yesterday people officials official"""
STOPWORDS = frozenset(_STOP_TEXT.split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
_NUMBER_TEXT = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_NUMBER_WORDS = {w: n for n, w in enumerate(_NUMBER_TEXT.split())}
_TOKEN = re.compile(r"[\w'’-]+", re.UNICODE)


@lru_cache(maxsize=1 << 14)
def plain(name: str) -> str:
    """A name without case or accents: "Sofía" and "Sofia", "Van Hoof" and "van Hoof" are one."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    for suffix in ("'s", "ies", "es", "s", "ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def stems_of(names: Iterable[str]) -> frozenset[str]:
    """The stemmed words of names, for content_words(drop=...)."""
    return frozenset(stem(w) for name in names for w in _WORD.findall(name))


def content_words(text: str, drop: Iterable[str] | frozenset[str] = ()) -> list[str]:
    """Stemmed words that carry meaning: no stop words, numbers or words of `drop` (names, or
    their stems from stems_of)."""
    dropped = drop if isinstance(drop, frozenset) else stems_of(drop)
    out = []
    for w in _WORD.findall(text):
        s = stem(w)
        if len(s) > 2 and w.lower() not in STOPWORDS and s not in STOPWORDS and s not in dropped:
            out.append(s)
    return out


def dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


class TfIdf:
    """TF-IDF vectors (unit length) of a set of documents given as word lists. `reuse`: what an
    earlier TfIdf kept (a long-running process's): a document that is the same list object as
    then, none of whose words changed document frequency, keeps its vector, top terms and
    cosines with the other such documents. Every value is the one a fresh TfIdf computes."""

    def __init__(self, docs: list[list[str]], reuse: TfIdfReuse | None = None) -> None:
        n = len(docs)
        if reuse is None or len({id(words) for words in docs}) != n:
            reuse = TfIdfReuse(n)  # (a list given twice counts twice: not kept by identity)
            reuse.df = Counter()
            for words in docs:
                reuse.df.update(set(words))
            reuse.sets = {id(words): frozenset(words) for words in docs}
            changed = set(reuse.df)
        else:
            if reuse.n != n:  # every document frequency counts again
                reuse.reset(n)
            changed = reuse.update(docs)
        df = reuse.df
        self.df = df
        for w in changed:
            if w in df:
                reuse.idf[w] = math.log((1 + n) / (1 + df[w])) + 1
            else:
                reuse.idf.pop(w, None)
        self.idf = reuse.idf
        self.vectors = []
        self._serials = []
        for words in docs:
            kept = reuse.vectors.get(id(words))
            if kept is None or not changed.isdisjoint(reuse.sets[id(words)]):
                reuse.serial += 1
                kept = (reuse.serial, self._vector(words))
                reuse.vectors[id(words)] = kept
            self._serials.append(kept[0])
            self.vectors.append(kept[1])
        self._reuse = reuse
        reuse.start_run()

    def _vector(self, words: list[str]) -> dict[str, float]:
        tf = Counter(words)
        vec = {w: (1 + math.log(c)) * self.idf[w] for w, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    def cosine(self, i: int, j: int) -> float:
        key = (self._serials[i], self._serials[j])
        known = self._reuse.cosines.get(key)
        if known is None:
            a, b = self.vectors[i], self.vectors[j]
            known = sum(a[w] * b[w] for w in sorted(a.keys() & b.keys()))  # same sum every run
        self._reuse.used_cosines[key] = known
        return known

    def top_terms(self, i: int, n: int) -> list[str]:
        key = (self._serials[i], n)
        known = self._reuse.tops.get(key)
        if known is None:
            vec = self.vectors[i]
            known = sorted(vec, key=lambda w: (-vec[w], w))[:n]
        self._reuse.used_tops[key] = known
        return list(known)


@dataclass
class TfIdfReuse:
    """What TfIdf keeps from one set of documents for the next (see TfIdf)."""

    n: int
    docs: dict[int, list[str]] = field(default_factory=dict)  # id -> the list (kept alive)
    sets: dict[int, frozenset[str]] = field(default_factory=dict)
    df: Counter[str] = field(default_factory=Counter)
    idf: dict[str, float] = field(default_factory=dict)
    vectors: dict[int, tuple[int, dict[str, float]]] = field(default_factory=dict)
    serial: int = 0  # vectors are numbered, never twice: a cosine is kept under two numbers
    cosines: dict[tuple[int, int], float] = field(default_factory=dict)
    tops: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    used_cosines: dict[tuple[int, int], float] = field(default_factory=dict)
    used_tops: dict[tuple[int, int], list[str]] = field(default_factory=dict)

    def reset(self, n: int) -> None:
        serial = self.serial
        self.__init__(n)  # type: ignore[misc]
        self.serial = serial

    def update(self, docs: list[list[str]]) -> set[str]:
        """Take the documents of this run: the words whose document frequency changed."""
        now = {id(words): words for words in docs}
        touched: set[str] = set()
        before: dict[str, int] = {}
        for key in [k for k in self.docs if k not in now]:
            gone = self.sets.pop(key)
            self.docs.pop(key)
            self.vectors.pop(key, None)
            for w in gone - touched:
                before[w] = self.df.get(w, 0)
            touched |= gone
            self.df.subtract(gone)
        for key, words in now.items():
            if key not in self.docs:
                self.docs[key] = words
                self.sets[key] = frozenset(words)
                for w in self.sets[key] - touched:
                    before[w] = self.df.get(w, 0)
                touched |= self.sets[key]
                self.df.update(self.sets[key])
        for w in touched:
            if self.df[w] <= 0:
                del self.df[w]
        return {w for w in touched if self.df.get(w, 0) != before[w]}

    def start_run(self) -> None:
        """Keep only what the last run used (called when a run's TfIdf is made)."""
        if self.used_cosines or self.used_tops:
            self.cosines, self.tops = self.used_cosines, self.used_tops
        self.used_cosines, self.used_tops = {}, {}


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str  # as written
    unit: str  # the stemmed content word after it (or before it): what is counted
    word: str  # that word as written, lower-cased
    context: frozenset[str] = frozenset()  # content words near the number (not the unit)


_MONTH_TEXT = """january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec"""
_MONTHS = frozenset(_MONTH_TEXT.split())
_CURRENCY = {"$": "dollar", "€": "euro", "£": "pound"}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_HEDGE_TEXT = (
    "least more than about some nearly almost over at around roughly up to a an the between"
)
_HEDGES = frozenset(_HEDGE_TEXT.split())
_UNITS = {  # one spelling per unit, so "62 km" and "60 kilometres" compare
    "km": "kilometre",
    "kms": "kilometre",
    "kilometer": "kilometre",
    "kilometers": "kilometre",
    "kilometres": "kilometre",
    "mins": "minute",
    "min": "minute",
    "hrs": "hour",
    "yrs": "year",
    "pc": "percent",
    "-year-old": "year-old",
}
CONTEXT = 5  # words either side of a number that tell what it is about


_GLUED = {  # units written against the number: "4km", "$5m", "£2bn"
    "km": "kilometre",
    "kg": "kilogram",
    "mph": "mph",
    "ft": "feet",
    "cm": "centimetre",
    "mm": "millimetre",
    "mi": "mile",
    "m": "metre",
}
_GLUED_SCALE = {"bn": 1e9, "k": 1e3}
_NUMBER = re.compile(
    r"(?<![\w.,:])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)("
    + "|".join(sorted([*_GLUED, *_GLUED_SCALE], key=len, reverse=True))
    + r")?(?![\w:])|\b("
    + "|".join(_NUMBER_WORDS)
    + r")\b",
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to)\s*|\s+and\s+", re.I)
_BETWEEN = re.compile(r"\bbetween\s+\W?$", re.I)  # before a range's first number


@dataclass
class _Number:
    start: int
    end: int  # after the number, its glued unit and its scale word ("million")
    value: float
    written: str
    scale: float = 1.0
    glued: str | None = None  # the unit written against the number ("m": metres or millions)
    currency: str | None = None


def _read_number(m: re.Match[str], sentence: str) -> _Number | None:
    written = m.group()
    if m.group(3):
        return _Number(m.start(), m.end(), float(_NUMBER_WORDS[m.group(3).lower()]), written)
    digits, suffix = m.group(1), (m.group(2) or "").lower()
    if re.fullmatch(r"(19|20)\d\d", digits) and not suffix:
        return None  # a year
    n = _Number(m.start(), m.end(), float(digits.replace(",", "")), written)
    n.currency = _CURRENCY.get(sentence[max(0, m.start() - 1) : m.start()])
    if suffix in _GLUED_SCALE:
        n.scale = _GLUED_SCALE[suffix]
    elif suffix:
        n.glued = _GLUED[suffix]
    scale = re.match(r"\s+(" + "|".join(_SCALE) + r")\b", sentence[n.end :], re.I)
    if scale and n.scale == 1.0:
        n.scale = _SCALE[scale.group(1).lower()]
        n.end += scale.end()
        n.written = sentence[n.start : n.end]
    return n


def _ranges(numbers: list[_Number], sentence: str) -> list[list[_Number]]:
    """Numbers alone, or the two ends of a range ("11 to 16", "between 65 and 66", "€30-35m")."""
    out: list[list[_Number]] = []
    for n in numbers:
        if out and len(out[-1]) == 1:
            first = out[-1][0]
            join = _RANGE_JOIN.fullmatch(sentence[first.end : n.start])
            between = _BETWEEN.search(sentence, 0, first.start)
            if join and ("and" not in join.group().lower() or between):
                out[-1].append(n)
                continue
        out.append([n])
    return out


def quantities(sentence: str) -> list[Quantity]:
    """Numbers in a sentence with the word they count ("12 people", "killed 15", "52 per
    cent", "$38 a share", "4km"); both ends of a range count the same word ("aged 11 to 16");
    years, times of day and numbers with no content word beside them are left out."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(sentence)]
    numbers = [n for n in (_read_number(m, sentence) for m in _NUMBER.finditer(sentence)) if n]
    out = []
    for group in _ranges(numbers, sentence):
        lo, hi = group[0], group[-1]
        after = [t for t in tokens if t[0] >= hi.end]
        before = [t for t in tokens if t[1] <= lo.start]
        rest = sentence[hi.end :].lstrip()
        compound = re.match(r"-([^\W\d_]+(?:-[^\W\d_]+)*)", sentence[hi.end :])
        currency = lo.currency or hi.currency
        scale = max(n.scale for n in group)
        if rest.startswith("%") or re.match(r"per ?cent\b", rest, re.I):
            word: str | None = "percent"
        elif currency:
            word = currency
            if hi.glued == "metre":  # "$5m", "$35-41m": millions of dollars, not metres
                scale = 1e6
        elif hi.glued:
            word = hi.glued
        elif compound:  # "12-year-old", "7.1-magnitude"
            word = compound.group(1).lower()
            after = [t for t in after if t[0] >= hi.end + len(compound.group())]
        else:
            word = _unit(after[:3]) or _unit(list(reversed(before[-2:])))
        toll = _toll(before, after, word)
        if toll:
            word = toll
        if not word or word in _MONTHS:  # "12 May" is a date, not twelve of something
            continue
        context = [t[2] for t in before[-CONTEXT:]] + [t[2] for t in after[:CONTEXT]]
        text = lo.written
        if len(group) > 1:
            between = _BETWEEN.search(sentence, 0, lo.start)
            text = sentence[between.start() if between else lo.start : hi.end]
        for n in group:
            out.append(
                Quantity(
                    value=n.value * (n.scale if n.scale != 1.0 else scale),
                    text=text,
                    unit=stem(word),
                    word=word,
                    context=frozenset(content_words(" ".join(context))) - {stem(word)},
                )
            )
    return out


# A toll is counted in many words: "killed 73 people", "158 dead", "73 people have died",
# "157 deaths"; each of them is one unit, so two reports' tolls compare.
TOLLS = ("dead", "injured")
_DEATH_WORDS = frozenset(
    [
        "dead",
        "death",
        "deaths",
        "died",
        "killed",
        "killing",
        "kills",
        "kill",
        "fatalities",
        "fatality",
        "lives",
        "bodies",
    ]
)
_INJURY_WORDS = frozenset(
    ["injured", "injuries", "injury", "wounded", "wounding", "injuring", "hurt"]
)
_PEOPLE_WORDS = frozenset(
    [
        "people",
        "persons",
        "person",
        "civilians",
        "residents",
        "children",
        "passengers",
        "soldiers",
        "workers",
        "others",
        "victims",
    ]
)
_AUXILIARIES = frozenset(
    ("were", "was", "have", "has", "had", "been", "are", "is", "being", "reportedly")
    + ("confirmed", "reported", "feared", "presumed", "believed", "now")
)


def _toll_word(word: str) -> str | None:
    low = word.lower()
    return "dead" if low in _DEATH_WORDS else "injured" if low in _INJURY_WORDS else None


def _toll(
    before: list[tuple[int, int, str]], after: list[tuple[int, int, str]], word: str | None
) -> str | None:
    """ "dead" or "injured" when the number counts a toll, else None."""
    counted = _unit(after[:3])  # (the word after the number: "810", "810 people", not "$810")
    counts_people = counted is None or counted in _PEOPLE_WORDS or bool(_toll_word(counted))
    if counts_people and any(w.lower() == "toll" for _, _, w in before[-6:]):
        return "dead"  # "the death toll in Syria rose to 810"
    for _, _, w in reversed(before[-4:]):  # "killed at least 73 people"
        if w.lower() not in _HEDGES:
            if _toll_word(w) and w.lower() not in ("dead", "deaths", "death"):
                return _toll_word(w)
            break
    if word is None:
        return None
    if _toll_word(word):
        return _toll_word(word)  # "158 dead", "157 deaths"
    if word in _PEOPLE_WORDS:  # "73 people dead", "73 people have died"
        for _, _, w in after[1:6]:
            if _toll_word(w):
                return _toll_word(w)
            if w.lower() not in _AUXILIARIES:
                break
    return None


def _unit(tokens: list[tuple[int, int, str]]) -> str | None:
    for _, _, word in tokens:
        low = word.lower()
        if word[0].isdigit() or low in _NUMBER_WORDS:
            return None
        low = _UNITS.get(low, low).strip("-")
        if low in _HEDGES or word[0].isupper():  # "0.27 Disney shares", "three British divers"
            continue
        if low in STOPWORDS and low not in _COUNTED_STOPWORDS:
            return None
        return low
    return None


_COUNTED_STOPWORDS = frozenset(("people", "year", "years", "week"))


TOLL_UNITS = frozenset(stem(w) for w in TOLLS)  # as Quantity.unit holds them
