"""Rule mentions + model entities: the one place where the two meet.

Who decides what (each rule has its own article in tests/test_extraction_combine.py):

1. **The rules win where they hold knowledge**: gazetteer names (countries, regions, known
   organisations, news outlets), titled people and their roles, state bodies ("Iraqi security
   forces"), operations, weapons, descriptors (descriptors.py: "chipmaker Nvidia"), match
   results (resolve.py: teams), a name the text has typed once, and the registry (applied after
   extraction). Countries follow the rules' convention (resolve.py: a PLACE, or an ORG for the
   whole briefing where the text has it act as a state).
2. **The model decides where the rules only guessed**: here each mention the rules could not
   type (``NAME?``, ``PERSON?``), and each untitled "person" the rules built from the shape of a
   name, gets a hint: the model's most frequent label for that name in the text. resolve.py
   uses it after its own context cues, and retypes an untitled person whose mentions the model
   mostly reads as an organisation or place ("Morgan Stanley"), the full name's reading before
   the surname's ("Chris Christie" is a person however often "Christie" alone reads as the
   auction house); an unknown "place" that acts ("Nvidia reported") is an organisation. A
   name ending in a product word ("Space Launch System", "Windows XP") gets no hint and is no
   person: the model reads products as bodies, places or people.
3. **The model adds organisations only**: the rules see every capitalised run and drop some on
   purpose ("pro-Moscow", "Time permitting", "Tobago" inside "Trinidad and Tobago", an office
   such as "Minister for the Pacific Islands"); a model span of several words no rule mention
   overlaps is added only when the model reads it as an organisation, as an unsure name with
   that hint (rule 2), and the model's wider organisation replaces an unsure fragment of it
   ("told New Scientist"). Companies with no suffix, title or "said" beside them are what the
   rules miss most; the model's extra people and places were as often wrong as right.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from generator.extraction.descriptors import work_titles
from generator.extraction.entities import Mention
from generator.extraction.lexicon import COMMON, DEMONYMS, PRODUCT_HEADS, TITLES, _words
from generator.extraction.statistical import ModelEntity

_TYPES = ("PERSON", "ORG", "PLACE", "FACILITY", "EVENT")
_UNSURE = ("NAME?", "PERSON?")
_ONCE = ("PERSON", "PLACE")  # labels a single reading of a one-word name may give
_LONGEST_NAME = 300  # characters: no rule mention is longer
_POSSESSIVE = re.compile(r"[’']s?$")
_OF_AFTER = re.compile(r"[ \t]+(?:of|at|from)[ \t]")
_MONTHS_DAYS = _words(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)


def _clean(text: str, e: ModelEntity) -> tuple[int, int] | None:
    """The model span trimmed to a name: no leading article or title, no possessive; None when
    what is left is no name."""
    s, end = e.start, e.end
    words = text[s:end].split(" ")
    titles = e.label == "PERSON"  # not "Major League Soccer", "General Motors"
    while words and (words[0].lower() in ("the", "a", "an") or (titles and _title(words[0]))):
        s += len(words[0]) + 1
        words = words[1:]
    if not words or s >= end or (len(words) == 1 and _title(words[0] + text[end : end + 1])):
        return None
    got = _POSSESSIVE.search(text, s, end)
    if got and got.start() > s:
        end = got.start()
    span = text[s:end]
    if "\n" in span or not span[:1].isupper() or any(c.isdigit() for c in span):
        return None
    if span.isupper() and " " not in span and len(span) > 6:
        return None  # "QUESTION:", "UPDATE": transcript labels and headings
    low = span.lower()
    if low in COMMON or low in _MONTHS_DAYS or low in TITLES or low in DEMONYMS:
        return None
    return s, end


def _title(word: str) -> bool:
    low = word.lower()
    return low in TITLES or low + "." in TITLES


def combine(text: str, mentions: list[Mention], model: list[ModelEntity]) -> list[Mention]:
    """The rule mentions, with the model's hints set where the rules only guessed."""
    spans = []
    for e in model:
        got = _clean(text, e)
        if got:
            spans.append((got[0], got[1], e.label))
    works = work_titles(text, [(s, e) for s, e, _ in spans])
    spans = sorted(x for x in spans if text[x[0] : x[1]] not in works)
    starts = [s for s, _, _ in spans]
    usual = _usual_labels(text, spans)
    out: list[Mention] = []
    nested = _nested(mentions)
    for m in mentions:
        i = max(0, bisect_left(starts, m.start) - 3)
        hits = []
        while i < len(spans) and spans[i][0] < m.end:
            if spans[i][1] > m.start:
                hits.append(i)
            i += 1
        wider = _wider_name(text, m, spans, hits) if m.type in _UNSURE else None
        if wider and id(m) not in nested:
            s, e, label = wider  # "to New Scientist": the rules kept only "Scientist"
            m.start, m.end, m.text, m.canon = s, e, text[s:e], " ".join(text[s:e].split())
        if m.type == "PERSON" and not m.titled:
            # "Alexandra Olgin of South Carolina Public Radio" read as one body: the body is
            # the part after "of", not the person
            hits = [i for i in hits if not _OF_AFTER.match(text, m.end, spans[i][1])]
        label = usual.get(m.text) or (_best_label(spans, hits, m) if " " in m.text else None)
        if label is None:
            out.append(m)
            continue
        guessed = m.type in _UNSURE or (m.type == "PERSON" and not m.titled)
        if guessed and _product(m.text):
            continue  # "Space Shuttle", "Windows XP": a thing, neither a body nor a person
        if label in _TYPES and guessed and id(m) not in nested:
            m.hint = label  # resolve.py decides with the rest of the entity's mentions
        out.append(m)
    out.extend(_unseen_organisations(text, mentions, spans, usual))
    out.sort(key=lambda x: x.start)
    return out


def _unseen_organisations(
    text: str,
    mentions: list[Mention],
    spans: list[tuple[int, int, str]],
    usual: dict[str, str],
) -> list[Mention]:
    """Organisations of several words the model reads where the rules saw no name at all
    ("Project Lifesaver", "Big Brothers Big Sisters"): an unsure mention with the model's
    label as its hint, so the rules' own context cues still decide first. Only organisations:
    the model's people and places the rules did not see were as often wrong as right (tuning
    set, see README)."""
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [s for s, _ in taken]
    out: list[Mention] = []
    for s, e, label in spans:
        if label != "ORG" or " " not in text[s:e] or _product(text[s:e]):
            continue  # (a single word the rules let go: "MW", "PDF", "Time permitting")
        lo, hi = bisect_left(starts, s - _LONGEST_NAME), bisect_left(starts, e)
        if any(s < b for _, b in taken[lo:hi]):
            continue
        m = Mention(s, e, text[s:e], "NAME?", " ".join(text[s:e].split()))
        m.hint = usual.get(text[s:e], label)
        out.append(m)
    return out


def _product(name: str) -> bool:
    """A product, programme or instrument by its last word ("Space Launch System")."""
    last = name.split()[-1].lower().rstrip(".").removesuffix("’s").removesuffix("'s")
    return last in PRODUCT_HEADS


def _usual_labels(text: str, spans: list[tuple[int, int, str]]) -> dict[str, str]:
    """Each name's most frequent model label over the whole text: the model reads every
    occurrence on its own, and one text names one thing one way. A one-word name needs two
    labelled occurrences, or one inside a sentence read as a person or place ("working with
    Camden", "that Freud was right"): the model's reading of a lone capitalised word at a
    sentence start is a guess (chosen on the development corpus, leave-one-family-out, and
    the tuning set: see README)."""
    counts: dict[str, dict[str, int]] = {}
    inside: set[str] = set()  # names read once after a lower-case word or a comma
    for s, e, label in spans:
        per = counts.setdefault(text[s:e], {})
        per[label] = per.get(label, 0) + 1
        last = text[max(0, s - 3) : s].strip()[-1:]
        if last.islower() or last == ",":
            inside.add(text[s:e])
    out = {}
    for name, per in counts.items():
        label = max(per, key=lambda k: per[k])
        if " " in name or sum(per.values()) >= 2 or (name in inside and label in _ONCE):
            out[name] = label
    return out


def _wider_name(
    text: str, m: Mention, spans: list[tuple[int, int, str]], hits: list[int]
) -> tuple[int, int, str] | None:
    """A model organisation of several words holding the whole of an unsure rule
    mention and nothing but capitalised words besides."""
    for i in hits:
        s, e, label = spans[i]
        if label != "ORG" or not (s <= m.start and m.end <= e) or e - s <= m.end - m.start:
            continue
        extra = (text[s : m.start] + " " + text[m.end : e]).split()
        if extra and all(w[:1].isupper() for w in extra):
            return s, e, label
    return None


def _nested(mentions: list[Mention]) -> set[int]:
    """ids of mentions inside a longer one ("Tobago" in "Trinidad and Tobago"): the rules drop
    those, and the model must not bring them back."""
    inside: set[int] = set()
    reach = -1
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if m.end <= reach:
            inside.add(id(m))
        reach = max(reach, m.end)
    return inside


def _best_label(spans: list[tuple[int, int, str]], hits: list[int], m: Mention) -> str | None:
    """The label of the model entity that overlaps ``m`` most."""
    best, best_overlap = None, 0
    for i in hits:
        s, e, label = spans[i]
        overlap = min(e, m.end) - max(s, m.start)
        if overlap > best_overlap:
            best, best_overlap = label, overlap
    return best
