"""Names of the coalition and its force: infobox block, footnotes, 'Name (ACRONYM)' text (CQ32)."""

from __future__ import annotations

from fixtures.structure import WIKI, assert_evidence_verbatim, of_kind, real, synthetic

from cowkg.extract import names
from cowkg.types import FactKind


def _names(text_or_file: str, *, real_seed: bool = False) -> dict[tuple[str, str, bool], str]:
    source, _ = real(text_or_file) if real_seed else synthetic(text_or_file)
    facts = names.read_names(source)
    assert_evidence_verbatim(facts, source)
    return {
        (str(f["label"]), str(f["lang"]), bool(f["alternative"])): str(f["entity"])
        for f in of_kind(facts, FactKind.NAME)
    }


def test_cq32_force_names_in_english_french_and_ukrainian() -> None:
    found = _names(WIKI, real_seed=True)
    assert found[("Multinational Force–Ukraine", "en", False)] == "mnf-u"
    assert found[("MNF–U", "en", True)] == "mnf-u"
    assert found[("Force multinationale en Ukraine", "fr", False)] == "mnf-u"
    assert found[("Force multinationale – Ukraine", "fr", True)] == "mnf-u"
    assert found[("Багатонаціональні сили-Україна", "uk", False)] == "mnf-u"
    assert found[("Bahatonatsionalni syly Ukraina", "uk-Latn", True)] == "mnf-u"


def test_coalition_names_and_one_label_per_language() -> None:
    found = _names(WIKI, real_seed=True)
    assert found[("Coalition of the Willing", "en", False)] == "coalition-of-the-willing"
    assert found[("Coalition des Volontaires", "fr", False)] == "coalition-of-the-willing"
    assert found[("CdV", "fr", True)] == "coalition-of-the-willing"
    labels = [(entity, lang) for (_, lang, alt), entity in found.items() if not alt]
    assert len(labels) == len(set(labels))


def test_footnote_names_with_other_words_are_not_taken_as_the_forces() -> None:
    found = _names(WIKI, real_seed=True)
    assert not [label for (label, _, _) in found if "dissuasion" in label or "стримування" in label]


def test_synthetic_block_guesses_language_by_script_and_unused_block_language() -> None:
    text = (
        "Title\n\n"
        "Northern Shield Force (NSF)\n"
        "Force du Bouclier Nord (FBN)Північний щит (Ukrainian)\n"
        "Nordic Alliance (NA, English)\n"
        "Alliance nordique (French)\n"
        "\nBody.\n"
    )
    found = _names(text)
    assert found[("Northern Shield Force", "en", False)] == "nsf"
    assert found[("Force du Bouclier Nord", "fr", False)] == "nsf"
    assert found[("Північний щит", "uk", False)] == "nsf"
    assert found[("Alliance nordique", "fr", False)] == "nordic-alliance"


def test_running_text_acronym_names_a_new_force_and_finds_its_mentions() -> None:
    text = (
        "The Baltic Guard Force (BGF) is a proposed force. "
        "Later the BGF met; the Baltic Guard Force grew.\n"
    )
    source, _ = synthetic(text)
    facts = names.read_names(source)
    found = of_kind(facts, FactKind.NAME)
    assert {(f["entity"], f["label"], f["alternative"]) for f in found} == {
        ("bgf", "Baltic Guard Force", False),
        ("bgf", "BGF", True),
    }
    mentions = sorted(
        source.text[s:e] for s, e, _ in names.iter_force_mentions(source, names.forces(facts))
    )
    assert mentions == ["BGF", "BGF", "Baltic Guard Force", "Baltic Guard Force"]


def test_a_spelling_with_another_dash_is_a_name_of_its_own() -> None:
    """CQ32: the footnote writes 'сили–Україна' (en dash), the infobox 'сили-Україна' (hyphen):
    both spellings are names; a dash the capture turned into a space is not a new spelling."""
    found = _names(WIKI, real_seed=True)
    assert found[("Багатонаціональні сили–Україна", "uk", True)] == "mnf-u"
    text = (
        "Title\n\n"
        "Northern Shield Force (NSF)\n"
        "Північний щит-Північ (Ukrainian)\n"
        "\nBody. Ukrainian: Північний щит–Північ, romanized: Pivnichnyi shchyt. "
        "Ukrainian: Північний щит Північ, romanized: Pivnichnyi shchyt.\n"
    )
    ukrainian = sorted(label for (label, lang, _) in _names(text) if lang == "uk")
    assert ukrainian == ["Північний щит-Північ", "Північний щит–Північ"]
