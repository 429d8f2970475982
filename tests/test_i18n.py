"""Translations: every Vietnamese source string has its English translation, compiled."""

from pathlib import Path

import pytest
from django.utils import translation

PO = Path(__file__).resolve().parent.parent / "ansinh" / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries():
    msgid, entries, state = None, [], None
    for line in PO.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgid "):
            msgid, state = line[7:-1], "id"
        elif line.startswith("msgstr "):
            entries.append([msgid, line[8:-1]])
            state = "str"
        elif line.startswith('"') and state == "id":
            msgid += line[1:-1]
        elif line.startswith('"') and state == "str":
            entries[-1][1] += line[1:-1]
    return [(i, s) for i, s in entries if i]


def test_every_source_string_is_translated_to_english():
    untranslated = [msgid for msgid, msgstr in _entries() if not msgstr]
    assert untranslated == []


def test_no_translation_is_a_fuzzy_guess():
    # makemessages marks near-matches "fuzzy"; they are guesses that gettext ignores.
    assert "#, fuzzy" not in PO.read_text(encoding="utf-8").split("\n\n", 1)[1]


def test_every_translatable_string_in_the_templates_is_in_the_catalogue():
    import re

    catalogue = {msgid.replace("%%", "%") for msgid, _ in _entries()}  # the template tag escapes %
    templates = (Path(__file__).resolve().parent.parent / "ansinh" / "web" / "templates").rglob("*.html")
    used = {m for t in templates for m in re.findall(r'{% translate "([^"]+)" %}', t.read_text(encoding="utf-8"))}
    assert used - catalogue == set()


@pytest.mark.parametrize(("vietnamese", "english"), [("Đăng nhập", "Log in"), ("Dữ liệu mẫu", "Sample data")])
def test_compiled_catalogue_is_in_step_with_the_po_file(vietnamese, english):
    with translation.override("en"):
        assert translation.gettext(vietnamese) == english
    with translation.override("vi"):
        assert translation.gettext(vietnamese) == vietnamese
