"""The time lexicons load, validate and fail with messages that name file and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eventwire.timex.lexicon import (
    LANGPACKS,
    LexiconError,
    TimeLexicon,
    available_languages,
    load_lexicon,
    load_lexicon_file,
)
from eventwire.timex.patterns import CompiledLexicon, compiled_lexicon


def _copy(tmp_path: Path, lang: str, change: dict[str, object]) -> Path:
    raw = yaml.safe_load((LANGPACKS / "de" / "time.yaml").read_text(encoding="utf-8"))
    raw.update(change)
    raw["language"] = lang
    folder = tmp_path / lang
    folder.mkdir()
    path = folder / "time.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_lexicon_ships_german_and_english() -> None:
    assert {"de", "en"} <= set(available_languages())
    for lang in ("de", "en"):
        lex = load_lexicon(lang)
        assert isinstance(lex, TimeLexicon)
        assert lex.language == lang
        assert compiled_lexicon(lang).patterns


def test_lexicon_bad_field_names_file_and_field(tmp_path: Path) -> None:
    path = _copy(tmp_path, "xx", {"weekdays": {9: ["Noday"]}})
    with pytest.raises(LexiconError) as err:
        load_lexicon_file(path)
    assert str(path) in str(err.value)
    assert "weekdays" in str(err.value)


def test_lexicon_missing_field_names_it(tmp_path: Path) -> None:
    raw = yaml.safe_load((LANGPACKS / "de" / "time.yaml").read_text(encoding="utf-8"))
    del raw["future_cues"]
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "time.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconError, match="future_cues"):
        load_lexicon_file(folder / "time.yaml")


def test_lexicon_unknown_field_is_rejected(tmp_path: Path) -> None:
    path = _copy(tmp_path, "xx", {"wekdays": {}})
    with pytest.raises(LexiconError, match="wekdays"):
        load_lexicon_file(path)


def test_lexicon_language_must_match_folder(tmp_path: Path) -> None:
    path = _copy(tmp_path, "xx", {})
    path.rename(tmp_path / "xx" / "time.yaml")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["language"] = "yy"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(LexiconError, match="language"):
        load_lexicon_file(path)


def test_lexicon_ambiguous_forms_must_be_known(tmp_path: Path) -> None:
    path = _copy(tmp_path, "xx", {"ambiguous_forms": ["Brumaire"]})
    with pytest.raises(LexiconError, match="ambiguous_forms"):
        load_lexicon_file(path)


def test_lexicon_bad_placeholder_names_pattern(tmp_path: Path) -> None:
    path = _copy(tmp_path, "xx", {"patterns": [
        {"name": "broken", "kind": "date", "regex": "{monht} {year}"}]})
    lex = load_lexicon_file(path)
    with pytest.raises(LexiconError, match=r"patterns\[broken\].*monht"):
        CompiledLexicon(lex)


def test_lexicon_bad_regex_names_pattern(tmp_path: Path) -> None:
    path = _copy(tmp_path, "xx", {"patterns": [
        {"name": "unbalanced", "kind": "date", "regex": "(?:{month} {year}"}]})
    with pytest.raises(LexiconError, match=r"patterns\[unbalanced\]"):
        CompiledLexicon(load_lexicon_file(path))


def test_lexicon_invalid_yaml_names_file(tmp_path: Path) -> None:
    folder = tmp_path / "xx"
    folder.mkdir()
    (folder / "time.yaml").write_text("language: [unclosed", encoding="utf-8")
    with pytest.raises(LexiconError, match="not valid YAML"):
        load_lexicon_file(folder / "time.yaml")


def test_lexicon_new_language_needs_only_a_file(tmp_path: Path) -> None:
    """A copy of the German file under another code compiles and tags without code changes."""
    path = _copy(tmp_path, "xx", {})
    cl = CompiledLexicon(load_lexicon_file(path))
    assert {p.name for p in cl.patterns} >= {"day_month_year", "weekday", "iso_date"}
