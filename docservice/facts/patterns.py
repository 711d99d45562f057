"""Load patterns.yaml once, check it against the vocabulary, and compile its regexes.

A broken pattern file is a programming error, found at first use (and by the tests), with a
message naming the rule: it never reaches a document.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from crosswalks.clinical.people import credential_pattern
from docservice.facts.vocabulary import NEGATABLE_KINDS, TERM_VALUES, VOCABULARY

PATTERNS_FILE = Path(__file__).with_name("patterns.yaml")
MACRO = re.compile(r"\{([a-z_]+)\}")
FLAGS = re.IGNORECASE
RULE_KEYS = {
    "name", "kind", "patterns", "contrary", "terms", "units", "range", "context", "context_optional",
    "exclude_context", "not_before", "negatable", "history", "ignore_history", "confidence", "group",
    "display", "specialties", "kinds", "skip_kinds", "header", "document", "document_context", "outranks",
    "sum_of_rows", "first_in_sentence", "future",
}
PATTERN_KEYS = {"re", "confidence", "value", "dotall", "kinds", "skip_kinds", "header", "document", "letterhead",
                "dated"}
DATED_BY = ("text",)


class PatternFileError(ValueError):
    """patterns.yaml does not say what the extractor needs."""


@dataclass(frozen=True)
class Where:
    """Which documents a rule or pattern reads (empty: every document).

    `kinds`: Document.kind values it reads; `header`: a regex the head of the document (its first
    lines) must match, which also admits a document whose kind is unknown when `kinds` is given;
    `document`: a regex the whole page must match ("proof of delivery" makes a note a delivery note);
    `skip_kinds`: kinds where the wording means someone or something else (a sleep study's
    "ordering physician" ordered the test, not the appliance).
    """

    kinds: frozenset[str] = frozenset()
    header: re.Pattern | None = None
    document: re.Pattern | None = None
    skip_kinds: frozenset[str] = frozenset()

    @property
    def anywhere(self) -> bool:
        return not (self.kinds or self.header or self.document or self.skip_kinds)


EVERYWHERE = Where()


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    confidence: float
    value: object = None  # a fixed value for this wording, if the rule gives one
    where: Where = EVERYWHERE
    letterhead: bool = False  # a document-level reading: details missing near the match come from the head
    # The wording records an act without a date of its own ("Seated the appliance"): it happened on
    # the day the text was written (the document's date, the visit's for an appointment note).
    dated_by_text: bool = False


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    patterns: tuple[Pattern, ...]
    contrary: tuple[Pattern, ...] = ()
    terms: tuple[tuple[re.Pattern, str], ...] = ()  # (synonym, canonical value), longest wording first
    specialties: tuple[tuple[re.Pattern, str], ...] = ()
    units: tuple[tuple[re.Pattern, object], ...] = ()
    range: tuple[float, float] | None = None
    context: re.Pattern | None = None
    context_optional: bool = False
    exclude_context: re.Pattern | None = None
    not_before: re.Pattern | None = None
    negatable: bool = False
    history: bool = True
    ignore_history: frozenset[str] = frozenset()
    group: str = ""
    display: str = ""
    where: Where = EVERYWHERE
    document_context: re.Pattern | None = None  # with `context`: the page may give the context instead
    outranks: tuple[tuple[str, frozenset[str]], ...] = ()  # term value -> values it beats in one sentence
    # Sets of table-row labels whose counts add up to the fact when no pattern reads it (apneas + hypopneas)
    sum_of_rows: tuple[tuple[re.Pattern, ...], ...] = ()
    # Only the first reading of a sentence counts: a sentence names the finding's own site first, and
    # the later ones say where it spreads or what else is there ("... floor of mouth; uses her tongue to feel it")
    first_in_sentence: bool = False
    # A date that may lie after the day the text was written (an authorization's end, a planned surgery);
    # any other date more than a month after it is taken for a misreading
    future: bool = False


@dataclass(frozen=True)
class Patterns:
    rules: tuple[Rule, ...]
    macros: dict = field(default_factory=dict)

    def rule(self, name: str) -> Rule:
        return next(rule for rule in self.rules if rule.name == name)


@functools.cache
def load_patterns(path: Path = PATTERNS_FILE) -> Patterns:
    """The compiled patterns (cached: read and checked once per process)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not {"macros", "facts"} <= set(data):
        raise PatternFileError(f"{path.name} needs the sections macros and facts.")
    macros = {key: str(value) for key, value in (data["macros"] or {}).items()}
    if "credentials" in macros:
        raise PatternFileError(f"{path.name}: the credentials macro is built from crosswalks' credentials list; "
                               "do not write it.")
    macros["credentials"] = _credentials_macro()
    rules = tuple(_compile_rule(raw, macros) for raw in data["facts"])
    _check_coverage(rules)
    return Patterns(rules=rules, macros=macros)


def _credentials_macro() -> str:
    """{credentials}: one credential after a name (", MD", " DDS"), a whole word, in capitals only
    whatever the patterns' flags, from the one list the other readers of names use too."""
    return rf"(?:,?\s*{credential_pattern()}(?![A-Za-z]))"


def expand(pattern: str, macros: dict[str, str], *, extra: dict[str, str] | None = None) -> str:
    """Replace {macro} by its regex, repeatedly (macros may use macros); regex counts like {1,3} stay."""
    table = {**macros, **(extra or {})}
    for _ in range(5):
        expanded = MACRO.sub(lambda m: table.get(m.group(1), m.group(0)), pattern)
        if expanded == pattern:
            break
        pattern = expanded
    unknown = [name for name in MACRO.findall(pattern) if name not in table]
    if unknown:
        raise PatternFileError(f"Unknown macro {{{unknown[0]}}} in pattern {pattern[:60]!r}.")
    return pattern


def _compile(source: str, where: str, *, dotall: bool = False) -> re.Pattern:
    try:
        return re.compile(source, FLAGS | (re.DOTALL if dotall else 0))
    except re.error as exc:
        raise PatternFileError(f"{where}: invalid regex ({exc}).") from exc


def _compile_rule(raw: dict, macros: dict[str, str]) -> Rule:
    name = raw.get("name")
    if name not in VOCABULARY:
        raise PatternFileError(f"Rule {name!r} is not a fact name of the vocabulary.")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise PatternFileError(f"Rule {name}: unknown keys {sorted(unknown)}.")
    kind = raw.get("kind")
    if kind != VOCABULARY[name]:
        raise PatternFileError(f"Rule {name}: kind must be {VOCABULARY[name]!r}, not {kind!r}.")
    terms = _compile_terms(raw.get("terms") or {}, f"{name}.terms")
    allowed = TERM_VALUES.get(name)
    if allowed is not None and terms and not {value for _, value in terms} <= allowed:
        bad = sorted({value for _, value in terms} - allowed)
        raise PatternFileError(f"Rule {name}: term values {bad} are not in the vocabulary.")
    if kind in ("term", "joint_sound") and not terms:
        raise PatternFileError(f"Rule {name}: a {kind} rule needs terms.")
    extra = {"terms": "|".join(source for source, _ in _term_sources(raw.get("terms") or {}))}
    base = float(raw.get("confidence", 0.9))

    def patterns(key: str) -> tuple[Pattern, ...]:
        out = []
        for index, item in enumerate(raw.get(key) or []):
            spec = item if isinstance(item, dict) else {"re": item}
            where = f"Rule {name} {key}[{index}]"
            if set(spec) - PATTERN_KEYS:
                raise PatternFileError(f"{where}: unknown keys {sorted(set(spec) - PATTERN_KEYS)}.")
            source = expand(str(spec["re"]), macros, extra=extra)
            regex = _compile(source, where, dotall=bool(spec.get("dotall")))
            dated = spec.get("dated")
            if dated is not None and (dated not in DATED_BY or kind != "date"):
                raise PatternFileError(f"{where}: dated: text is for date rules only.")
            out.append(Pattern(regex=regex, confidence=float(spec.get("confidence", base)), value=spec.get("value"),
                               where=_read_where(spec, macros, where), letterhead=bool(spec.get("letterhead")),
                               dated_by_text=dated == "text"))
        return tuple(out)

    compiled = patterns("patterns")
    if not compiled:
        raise PatternFileError(f"Rule {name}: no patterns.")

    def optional(key: str) -> re.Pattern | None:
        source = raw.get(key)
        return _compile(expand(str(source), macros, extra=extra), f"Rule {name} {key}") if source else None

    value_range = raw.get("range")
    return Rule(
        name=name,
        kind=kind,
        patterns=compiled,
        contrary=patterns("contrary"),
        terms=terms,
        specialties=_compile_terms(raw.get("specialties") or {}, f"{name}.specialties", anchored=False),
        units=tuple(
            (_compile(rf"^(?:{source})$", f"Rule {name} unit"), factor) for source, factor in (raw.get("units") or {}).items()
        ),
        range=(float(value_range[0]), float(value_range[1])) if value_range else None,
        context=optional("context"),
        context_optional=bool(raw.get("context_optional", False)),
        exclude_context=optional("exclude_context"),
        not_before=optional("not_before"),
        negatable=bool(raw.get("negatable", kind in NEGATABLE_KINDS)),
        history=bool(raw.get("history", True)),
        ignore_history=frozenset(cue.lower() for cue in raw.get("ignore_history") or ()),
        group=str(raw.get("group", "")),
        display=str(raw.get("display", "")),
        where=_read_where(raw, macros, f"Rule {name}"),
        document_context=optional("document_context"),
        outranks=_read_outranks(raw.get("outranks") or {}, {value for _, value in terms}, f"Rule {name}"),
        sum_of_rows=_read_row_sets(raw.get("sum_of_rows") or [], kind, f"Rule {name}"),
        first_in_sentence=bool(raw.get("first_in_sentence", False)),
        future=bool(raw.get("future", False)),
    )


# A table row: its label at the start of a line, then (past any index or percentage) its count.
ROW_COUNT = r"(?m)^[ \t]*(?:{label})\b[^\n\d]{{0,25}}(?:\d+(?:\.\d+)?%?[^\n\d]{{1,12}})*?(?P<count>\d{{1,4}})(?![\d.%])"


def _read_row_sets(raw: list, kind: str, where: str) -> tuple[tuple[re.Pattern, ...], ...]:
    if raw and kind not in ("integer", "number"):
        raise PatternFileError(f"{where}: sum_of_rows is for number rules only.")
    if not isinstance(raw, list) or not all(isinstance(labels, list) and len(labels) >= 2 for labels in raw):
        raise PatternFileError(f"{where}: sum_of_rows must be a list of lists of two or more row labels.")
    return tuple(tuple(_compile(ROW_COUNT.format(label=label), f"{where} sum_of_rows") for label in labels)
                 for labels in raw)


def _read_where(spec: dict, macros: dict[str, str], where: str) -> Where:
    kinds, skip_kinds = spec.get("kinds") or (), spec.get("skip_kinds") or ()
    for listed in (kinds, skip_kinds):
        if isinstance(listed, str) or not all(isinstance(kind, str) for kind in listed):
            raise PatternFileError(f"{where}: kinds must be a list of document kinds (skip_kinds too).")

    def regex(key: str) -> re.Pattern | None:
        source = spec.get(key)
        return _compile(expand(str(source), macros), f"{where} {key}") if source else None

    return Where(kinds=frozenset(kinds), header=regex("header"), document=regex("document"),
                 skip_kinds=frozenset(skip_kinds))


def _read_outranks(raw: dict, values: set[str], where: str) -> tuple[tuple[str, frozenset[str]], ...]:
    named = set(raw) | {beaten for beatens in raw.values() for beaten in beatens}
    if not named <= values:
        raise PatternFileError(f"{where}: outranks names values {sorted(named - values)} the rule does not read.")
    return tuple((str(value), frozenset(map(str, beaten))) for value, beaten in raw.items())


def _term_sources(terms: dict) -> list[tuple[str, str]]:
    """(synonym regex, canonical value), longest wording first so "base of tongue" beats "tongue"."""
    pairs = [(str(source), str(value)) for value, sources in terms.items() for source in sources]
    return sorted(pairs, key=lambda pair: -len(pair[0]))


def _compile_terms(terms: dict, where: str, *, anchored: bool = True) -> tuple[tuple[re.Pattern, str], ...]:
    """Each synonym compiled: anchored to say what a matched term means, or not, to search for it."""
    shape = "^(?:{})$" if anchored else "(?:{})"
    return tuple(
        (_compile(shape.format(source), f"{where} {value}"), value) for source, value in _term_sources(terms)
    )


def _check_coverage(rules: tuple[Rule, ...]) -> None:
    missing = sorted(set(VOCABULARY) - {rule.name for rule in rules})
    if missing:
        raise PatternFileError(f"No rule reads the facts {missing}.")
