"""The letter drafted with the real crosswalk and claim builder (skipped while the crosswalk data does not load)."""
from __future__ import annotations

import pytest

from crosswalks import CrosswalkError, load_crosswalk
from docservice.claims import build_claim
from docservice.narratives import build_claim_note, build_context, render_body
from docservice.narratives.rendering import current_vocabulary

from tests.docservice.narratives.conftest import CATEGORIES, make_case, make_facts


@pytest.fixture(scope="module")
def crosswalk():
    try:
        return load_crosswalk()
    except CrosswalkError as error:
        pytest.skip(f"the crosswalk data does not load yet: {error}")


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_letter_drafts_from_the_built_claim(category, crosswalk):
    case, facts = make_case(category), make_facts(category)
    claim = build_claim(case, facts, crosswalk)
    rendered = render_body(build_context(case, facts, claim, crosswalk), category=case.category)
    assert "[MISSING: procedure codes]" not in rendered.body
    assert "None" not in rendered.body
    assert len(build_claim_note(case, facts, claim, vocabulary=current_vocabulary())) <= 80
