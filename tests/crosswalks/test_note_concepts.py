"""flag_note_terms.yaml `concepts` and the terms made of them are checked when the crosswalk loads."""
from __future__ import annotations


def test_a_term_names_only_concepts_that_exist(data_copy, datafiles, load_problems):
    datafiles.replace(data_copy / "flag_note_terms.yaml", "all_of: [imaging_study, physician, asked]",
                      "all_of: [imaging_study, physicain]")
    assert any("all_of" in problem for problem in load_problems(data_copy))


def test_a_term_is_made_of_two_concepts_or_more(data_copy, datafiles, load_problems):
    datafiles.replace(data_copy / "flag_note_terms.yaml", "all_of: [imaging_study, physician, asked]",
                      "all_of: [imaging_study]")
    assert any("all_of" in problem for problem in load_problems(data_copy))


def test_a_note_wide_term_says_so_with_sentence_or_note(data_copy, datafiles, load_problems):
    datafiles.replace(data_copy / "flag_note_terms.yaml", "within: note", "within: paragraph")
    assert any("within" in problem for problem in load_problems(data_copy))
