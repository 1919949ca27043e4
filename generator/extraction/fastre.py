"""Regex helpers: many literal alternatives as one prefix tree, which the engine runs faster."""

from __future__ import annotations

import re


def trie(words: list[str] | set[str] | frozenset[str]) -> str:
    """A regex matching exactly the given literal strings, as a prefix tree, longest first.

    ``a|ab|abc`` makes the engine try every alternative at every position; the tree
    ``a(?:b(?:c)?)?`` tries one letter at a time (several times faster for hundreds of words).
    """
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) if root else "(?!)"


def split_top(pattern: str) -> list[str]:
    """The top-level alternatives of a regex alternation ("a|(?:b|c)" -> ["a", "(?:b|c)"])."""
    out, depth, cur = [], 0, []
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def fast_alternation(pattern: str) -> str:
    """The same alternation with its plain-word alternatives folded into one prefix tree. Phrases
    with regex syntax stay in front, so a longer cue ("claimed responsibility") wins."""
    alts = split_top(pattern)
    plain = sorted({a for a in alts if re.fullmatch(r"[a-z]+", a)})
    phrases = [a for a in alts if not re.fullmatch(r"[a-z]+", a)]
    return "|".join([*phrases, trie(plain)])
