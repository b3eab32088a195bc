"""The shared text helpers: words, counts, sentences and the normal form used for matching."""

import pytest

from workbook.checks.text import normalize, sentences, word_count, words


def test_words_keep_apostrophes_and_hyphens_inside_words():
    assert words("Don't stop: I'm a part-time co-op student.") == [
        "Don't", "stop", "I'm", "a", "part-time", "co-op", "student"]


def test_words_accept_curly_apostrophes_and_unicode_hyphens():
    assert words("It\u2019s a well\u2010known O\u2019Brien") == ["It\u2019s", "a", "well\u2010known", "O\u2019Brien"]


def test_words_drop_stray_punctuation_dashes_and_underscores():
    assert words("-- well -- 'quoted' ____ snake_case ...") == ["well", "quoted", "snake", "case"]


def test_words_count_numbers_but_not_emoji():
    assert words("Give me 20-30 minutes \U0001f642 \U0001f44b\U0001f3fd please") == [
        "Give", "me", "20-30", "minutes", "please"]


def test_words_in_right_to_left_and_indic_scripts_stay_whole():
    assert words("\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645") == [
        "\u0645\u0631\u062d\u0628\u0627", "\u0628\u0627\u0644\u0639\u0627\u0644\u0645"]
    # Pointed Hebrew and Hindi carry combining marks inside the word.
    assert word_count("\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd") == 1
    assert word_count("\u0939\u093f\u0928\u094d\u0926\u0940 \u092d\u093e\u0937\u093e") == 2


def test_decomposed_accents_are_joined_into_one_word():
    assert words("cafe\u0301 au lait") == ["caf\u00e9", "au", "lait"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t ", "... --- !!!", "\U0001f642\U0001f642"])
def test_word_count_of_empty_or_wordless_text_is_zero(text):
    assert word_count(text) == 0


def test_word_count_matches_words():
    assert word_count("one two  three\nfour") == 4


def test_sentences_split_on_end_marks_and_line_breaks():
    assert sentences("Hi there. How are you?\nBest,\nMaya  \n\n") == ["Hi there.", "How are you?", "Best,", "Maya"]


def test_sentences_keep_decimals_and_closing_quotes():
    assert sentences('It takes 2.5 hours. She said "yes." Then she left!') == [
        "It takes 2.5 hours.", 'She said "yes."', "Then she left!"]


def test_an_abbreviations_full_stop_ends_no_sentence():
    assert sentences("Dr. Lee and Prof. Diaz met at St. Mary's, e.g. in May. Then we spoke.") == [
        "Dr. Lee and Prof. Diaz met at St. Mary's, e.g. in May.", "Then we spoke."]


def test_sentences_of_blank_text_are_empty():
    assert sentences("") == []
    assert sentences(" \n \n ") == []


def test_normalize_casefolds_collapses_space_and_straightens_apostrophes():
    assert normalize("  Hello\n\tWORLD  I\u2019m  ") == "hello world i'm"


def test_normalize_folds_compatibility_forms():
    assert normalize("\uff21\uff22\uff23 Stra\u00dfe") == "abc strasse"


@pytest.mark.parametrize("function", [words, word_count, sentences, normalize])
@pytest.mark.parametrize("value", [None, 5, b"bytes", ["a list"]])
def test_non_text_is_rejected(function, value):
    with pytest.raises(ValueError, match="str"):
        function(value)


@pytest.mark.parametrize("text, count", [
    ("word " * 20_000, 20_000),
    ("a'" * 50_000, 1),
    ("a-" * 50_000, 1),
    ("-" * 100_000, 0),
    ("a." * 50_000, 50_000),
    ("." * 100_000, 0),
    ("\u0301" * 100_000, 0),
    ("x" * 100_000, 1),
    ("<img src=x onerror=alert(1)> " * 3_500, 21_000),
])
def test_helpers_give_exact_answers_on_100k_pathological_characters(text, count):
    # Shaped to trigger regex backtracking; how long they take is a benchmark figure, not asserted here.
    assert word_count(text) == count
    assert len(sentences(text)) == 1
    assert normalize(text) == normalize(normalize(text))


def test_long_input_counts_exactly():
    assert word_count("word " * 20_000) == 20_000
    assert word_count("a'" * 50_000) == 1
