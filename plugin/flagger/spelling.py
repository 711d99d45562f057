"""Read a note the way a person would before its words are matched: shouting lowered, slips of the keys undone.

Front-desk notes come in all capitals ("NO COMPLAINT OF JAW PAIN"), and with typing slips ("apnia",
"fractrued", "ankyloglosia"). Rather than list every misspelling in the crosswalk, the flagger reads:

- a line written all in capitals in lower case, so an exact-case abbreviation of the crosswalk
  ("=MAD", "=OAT") cannot fire on a shouted word ("PT WAS MAD"), while case-insensitive wording
  still matches;
- a word of at least `MIN_LENGTH` letters that is not a word of the crosswalk, but one edit away from
  one of them (a letter wrong, missing, extra, or two letters swapped; the first letter right;
  five-letter words only wrong or swapped letters), as that word; between several such words the
  one sharing the longest start with it wins, and a tie leaves the word as written.

Real words one slip away from a crosswalk word ("injected" / "infected") are listed in the crosswalk's
`spelling.keep` and left alone. Short forms the rules do not use themselves ("clr", "avr") are read as
the words they stand for (`abbreviations`, from crosswalks/data/clinical_text.yaml). The correction keeps a map back to the original characters, so what a
reviewer is shown can be the words as written.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable, Mapping

MIN_LENGTH = 5  # shorter words have too many real neighbours to correct safely
SHOUTED_SHARE = 0.8  # a line whose letters are at least this share capitals is read in lower case
SHOUTED_MIN_LETTERS = 8
_WORD = re.compile(r"[A-Za-z]+")
_LINE = re.compile(r"[^\n.;]+")


@dataclass(frozen=True)
class ReadText:
    """The text as the matcher reads it, and for each of its characters the offset in the original."""

    text: str
    index: tuple[int, ...]
    corrections: tuple[tuple[str, str], ...] = ()  # (as written, read as)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        if not self.index or start >= len(self.index):
            return start, end
        return self.index[start], self.index[max(start, end - 1)] + 1


def vocabulary_of(patterns: Iterable[str]) -> frozenset[str]:
    """The words (lower case, letters only, MIN_LENGTH or longer) that the patterns are made of."""
    words: set[str] = set()
    for pattern in patterns:
        for word in _WORD.findall(pattern.lstrip("=")):
            if len(word) >= MIN_LENGTH:
                words.add(word.lower())
    return frozenset(words)


def one_edit_apart(a: str, b: str) -> bool:
    """True when b is a with one letter replaced, inserted or deleted, or two neighbours swapped."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True  # one letter replaced
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    if la > lb:
        return a[i + 1 :] == b[i:]
    return a[i:] == b[i + 1 :]


class Speller:
    """Undoes typing slips towards a fixed vocabulary. Thread-safe; lookups are cached per word."""

    def __init__(self, vocabulary: Iterable[str], keep: Iterable[str] = (),
                 abbreviations: Mapping[str, str] | None = None) -> None:
        self.vocabulary = frozenset(w.lower() for w in vocabulary if len(w) >= MIN_LENGTH)
        self.keep = frozenset(w.lower() for w in keep)
        self.abbreviations = {short.lower(): long for short, long in (abbreviations or {}).items()}
        self._by_head: dict[tuple[str, int], tuple[str, ...]] = {}
        grouped: dict[tuple[str, int], list[str]] = {}
        for word in sorted(self.vocabulary):
            grouped.setdefault((word[0], len(word)), []).append(word)
        self._by_head = {k: tuple(v) for k, v in grouped.items()}
        self.word = functools.lru_cache(maxsize=65536)(self._word)  # type: ignore[method-assign]

    def word(self, word: str) -> str:  # replaced by the cached version in __init__
        return self._word(word)

    def _word(self, word: str) -> str:
        """The crosswalk word `word` (lower case) was meant as, or `word` itself."""
        if word in self.abbreviations:
            return self.abbreviations[word]
        n = len(word)
        if n < MIN_LENGTH or word in self.vocabulary or word in self.keep:
            return word
        lengths = (n,) if n == MIN_LENGTH else (n - 1, n, n + 1)
        found = [
            candidate
            for length in lengths
            if length >= MIN_LENGTH
            for candidate in self._by_head.get((word[0], length), ())
            if one_edit_apart(word, candidate)
        ]
        if len(found) > 1:
            # slips happen late in a word more than early: keep the candidates sharing the longest start
            shared = {c: _shared_start(word, c) for c in found}
            best = max(shared.values())
            found = [c for c in found if shared[c] == best]
        return found[0] if len(found) == 1 else word

    def read(self, text: str) -> ReadText:
        """`text` with shouted lines lowered and slips undone, mapped back to the original offsets."""
        lowered = _lower_shouted(text)
        out: list[str] = []
        index: list[int] = []
        corrections: list[tuple[str, str]] = []
        pos = 0
        for match in _WORD.finditer(lowered):
            start, end = match.span()
            out.append(lowered[pos:start])
            index.extend(range(pos, start))
            written = match.group()
            meant = self.word(written.lower())
            if meant == written.lower():
                out.append(written)
                index.extend(range(start, end))
            else:
                corrections.append((text[start:end], meant))
                replacement = _same_case(meant, written)
                out.append(replacement)
                # stretch or squeeze the word's offsets onto the original word
                width = end - start
                index.extend(start + min(k * width // len(replacement), width - 1) for k in range(len(replacement)))
            pos = end
        out.append(lowered[pos:])
        index.extend(range(pos, len(lowered)))
        return ReadText(text="".join(out), index=tuple(index), corrections=tuple(corrections))


def _shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _lower_shouted(text: str) -> str:
    def lower_if_shouted(match: re.Match[str]) -> str:
        segment = match.group()
        letters = [c for c in segment if c.isalpha()]
        upper = sum(c.isupper() for c in letters)
        if len(letters) >= SHOUTED_MIN_LETTERS and upper >= SHOUTED_SHARE * len(letters):
            return segment.lower()
        return segment

    return _LINE.sub(lower_if_shouted, text)


def _same_case(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
