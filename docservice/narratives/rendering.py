"""Where the narrative templates live, the sandboxed Jinja2 environment, and rendering a body.

The default folder is `templates/narratives/` at the top of the repository. A practice points
config `NARRATIVE_TEMPLATES` (env `MEDLANE_NARRATIVE_TEMPLATES`, read by docservice/config.py) at
its own folder; a template it does not provide is taken from the default folder, so it may override
only one letter. Outside an app only the default folder is used.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, has_app_context
from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from docservice.narratives.values import Missing, find_markers
from docservice.narratives.vocabulary import VOCABULARY_FILE, Vocabulary, load_vocabulary

DEFAULT_TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "narratives"
TEMPLATE_SUFFIX = ".md.j2"
FALLBACK_TEMPLATE = "general"


@dataclass(frozen=True)
class RenderedBody:
    template: str
    body: str
    placeholders: list[dict]


def template_folders() -> list[Path]:
    """The practice's folder (if set) first, then the default one."""
    configured = current_app.config.get("NARRATIVE_TEMPLATES") if has_app_context() else None
    folders = [Path(configured).expanduser().resolve()] if configured else []
    return [*folders, DEFAULT_TEMPLATES]


def make_environment(folders: list[Path]) -> ImmutableSandboxedEnvironment:
    """Plain text out (no HTML escaping); an unknown name is an error, not an empty string.

    The sandbox keeps a practice's template from reaching Python internals or changing the context.
    """
    environment = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(str(folder)) for folder in folders]),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.tests["missing"] = lambda value: isinstance(value, Missing)
    return environment


def current_vocabulary(folders: list[Path] | None = None) -> Vocabulary:
    for folder in folders or template_folders():
        path = folder / VOCABULARY_FILE
        if path.is_file():
            return load_vocabulary(path)
    raise FileNotFoundError(f"No {VOCABULARY_FILE} in the narrative template folders.")


def choose_template(category: str, folders: list[Path]) -> str:
    """`<category>.md.j2` when some folder has it, else the general letter."""
    name = f"{category}{TEMPLATE_SUFFIX}" if category else ""
    if name and any((folder / name).is_file() for folder in folders):
        return name
    return f"{FALLBACK_TEMPLATE}{TEMPLATE_SUFFIX}"


def render_body(context: dict, *, category: str, folders: list[Path] | None = None) -> RenderedBody:
    """Render the category's template with `context`; list the placeholders left in the text."""
    folders = folders or template_folders()
    name = choose_template(category, folders)
    body = make_environment(folders).get_template(name).render(context)
    body = tidy_body(body)
    return RenderedBody(template=name, body=body, placeholders=placeholders_in(body, context.get("missing_fields", {})))


@functools.lru_cache(maxsize=1)
def _phrase_environment() -> ImmutableSandboxedEnvironment:
    return make_environment([])


def render_phrase(text: str, **values) -> str:
    """One sentence of the vocabulary, rendered in the same sandbox."""
    return _phrase_environment().from_string(text).render(**values).strip()


def tidy_body(body: str) -> str:
    """No runs of blank lines or trailing spaces where optional sentences were left out."""
    lines = [line.rstrip() for line in body.splitlines()]
    tidy: list[str] = []
    for line in lines:
        if not line and (not tidy or not tidy[-1]):
            continue
        tidy.append(line)
    return "\n".join(tidy).strip() + "\n"


def placeholders_in(body: str, known: dict[str, str]) -> list[dict]:
    """{"field", "label"} for each `[MISSING: label]` still in `body`; `known` maps label -> field."""
    return [{"field": known.get(label, "unknown"), "label": label} for label in find_markers(body)]
