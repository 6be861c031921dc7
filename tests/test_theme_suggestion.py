"""Theme suggestion that knows when it does not know (issue 10): hard cases, ties, accuracy."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from xlplugin.data import load_json
from xlplugin.data.themes import package_theme_links, package_themes
from xlplugin.domain import models as m
from xlplugin.domain.vocabulary import Suggestion, Vocabulary

SET = Path(__file__).resolve().parents[1] / "benchmarks" / "match_eval" / "suggestions.json"
NAMES = {th["id"]: th["name"] for th in load_json("themes.json")["da"]}


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(package_themes("da"), package_theme_links("da"), "da")


def own(*themes: tuple[str, str]) -> Vocabulary:
    return Vocabulary([m.Theme(name=n, keywords=k) for n, k in themes], [], "da")


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        # A child mentioned in passing does not make e-Boks and MitID childcare.
        ("Bøvl med e-Boks og MitID, børnene bor langt væk", "it"),
        ("hjælp til netbank og e-Boks", "it"),
        # "tidligere" is not "tid": the profession decides.
        ("god til regnskab og papirer, tidligere revisor", "advice"),
        ("tidligere sygeplejerske, god til at lytte", "care"),
        # "cykler" finds "cykel", and the other words decide between transport and repairs.
        ("Kan reparere cykler og knallerter", "repairs"),
        ("Min cykel er altid punkteret", "repairs"),
        # The shopping centre is a place, not shopping.
        ("Kaffe og hygge i indkøbscentret", "social_contact"),
        ("Kørestolsbruger, har brug for følgeskab til indkøbscentret", "mobility"),
        # How planners write interview notes.
        ("Sidder meget alene", "social_contact"),
        ("kommer ikke så meget ud mere", "social_contact"),
        ("Går gerne ture, helst sammen med nogen", "exercise"),
        ("Tør ikke gå ned i kælderen om aftenen", "safety"),
        ("vil gerne gøre en forskel for nogen", "usefulness"),
        # "frivillig" says how, not what: the activity decides.
        ("Vil gerne være frivillig i lektiecaféen", "homework"),
        ("flere yngre frivillige til IT-hjælp", "it"),
        # Compounds: a generic head lets the modifier speak, a keyword head decides.
        ("Strikkeklub om tirsdagen", "culture"),
        ("Synger i kirkekoret", "culture"),
        ("Havearbejde", "nature"),
        ("Mangler praktikplads", "education_jobs"),
        ("mangler frivillige trænere til børneholdene", "exercise"),
    ],
)
def test_hard_cases_are_certain_and_right(vocab, text, theme):
    found = vocab.suggestion(text)
    assert found is not None and found.certain, found
    assert found.theme == NAMES[theme]
    assert vocab.suggest(text) == NAMES[theme]


def test_a_place_compound_gives_no_activity(vocab):
    assert NAMES["housekeeping"] not in vocab.scores("indkøbscentret")
    assert NAMES["housekeeping"] in vocab.scores("indkøb")
    assert not vocab.scores("weekenden")  # not "wee" + "kende"


def test_short_stems_do_not_stand_for_long_words(vocab):
    assert NAMES["time"] not in vocab.scores("tidligere")
    assert vocab.suggest("masser af tid om formiddagen") == NAMES["time"]


def test_a_keyword_ending_in_el_finds_its_inflections():
    vocab = own(("Cykler", "cykel"), ("Andet", "noget"))
    for text in ("to cykler", "cyklen er væk", "cykel"):
        assert vocab.suggest(text) == "Cykler", text


def test_a_tie_is_uncertain_and_suggest_returns_nothing():
    vocab = own(("Første", "kaffe"), ("Anden", "kage"))
    found = vocab.suggestion("kaffe og kage")
    assert found == Suggestion("Første", False, 4, "Anden", evidence=1)  # listed first, but a tie
    assert vocab.suggest("kaffe og kage") is None
    assert vocab.suggestion("kaffe").certain and vocab.suggest("kaffe") == "Første"


def test_a_close_lead_or_a_weak_hit_is_uncertain():
    vocab = own(("Mad", "mad, spise"), ("Fest", "fest"))
    assert vocab.suggestion("spise mad til fest").certain  # 8 against 4
    weak = vocab.suggestion("madpakkerne")  # only the first part of a compound
    assert weak is not None and weak.theme == "Mad" and not weak.certain
    assert vocab.suggest("madpakkerne") is None


def test_a_keyword_shared_by_two_themes_counts_less_for_each():
    vocab = own(("Transport", "cykel, bil"), ("Reparation", "cykel, reparere"))
    assert vocab.suggest("cykel") is None
    assert vocab.suggest("reparere en cykel") == "Reparation"


def test_a_compound_head_is_found_as_it_is_spelled():
    """"besøgsvenner" stems to "besøgsven": its head is still the keyword "venner"."""
    vocab = own(("Kontakt", "venner"), ("Omsorg", "besøg"))
    found = vocab.suggestion("frivillige besøgsvenner")
    assert found is not None and found.certain and found.theme == "Kontakt"
    assert vocab.scores("besøgsvenner")["Omsorg"] < vocab.scores("besøgsvenner")["Kontakt"]


def test_an_example_counts_half_when_the_words_before_it_name_a_theme():
    vocab = own(("Kræfter", "tunge"), ("Hjemmet", "vasketøj, indkøb"))
    assert vocab.suggest("tunge ting i hverdagen, fx vasketøj") == "Kræfter"
    assert vocab.suggest("tunge ting i hverdagen, vasketøj") is None  # no example: a tie
    # The example ends at ")": "indkøb" counts in full again (4 + 4 + 2 against 4).
    assert vocab.suggest("tunge ting (f.eks. vasketøj) og indkøb") == "Hjemmet"
    # With nothing before it, the example speaks in full.
    assert vocab.suggest("hjælp, fx med indkøb") == "Hjemmet"
    assert own(("Heavy", "heavy"), ("House", "laundry")).suggest("heavy things, e.g. laundry") == "Heavy"


def test_a_general_resource_steps_aside_for_a_specific_theme_as_strong(vocab):
    # "hjem" is the keyword "hjemme" (free time) stemmed: the shopping decides.
    assert vocab.suggest("cykler meget, kan tage indkøb med hjem") == NAMES["housekeeping"]
    assert vocab.suggest("Lang erfaring fra arbejdslivet som murer") == NAMES["repairs"]
    # Where the general theme scores higher, it stays.
    assert vocab.suggest("fleksible timer mellem forelæsningerne") == NAMES["time"]
    assert vocab.suggest("masser af tid om formiddagen") == NAMES["time"]


def test_weak_hits_add_up_but_never_make_a_suggestion_certain():
    """"overskudsvarer" (surplus goods) is not "overskud" (spare energy), nor "lukketid" free time."""
    vocab = own(("Tid", "overskud, tid"), ("Deling", "dele"))
    found = vocab.suggestion("giver overskudsvarer væk ved lukketid")
    assert found is not None and found.theme == "Tid" and found.score >= 4 and not found.certain
    assert vocab.suggest("har overskud og tid") == "Tid"


def test_a_phrase_speaks_for_its_words():
    vocab = own(("Kontakt", "sociale, selskab"), ("Digitalt", "sociale medier, video"), ("Unge", "dårligt selskab"))
    assert vocab.suggest("opslag til sociale medier") == "Digitalt"
    assert vocab.scores("opslag til sociale medier").get("Kontakt", 0) == 0
    assert vocab.suggest("er kommet i dårligt selskab") == "Unge"
    assert vocab.suggest("savner selskab") == "Kontakt"
    # A theme's name lists two things and leaves its words to other themes too.
    both = own(("Mad", "kost, sund"), ("Motion og sundhed", "motion, sund"))
    assert both.themes_in("Sund kost og motion") == {"Mad", "Motion og sundhed"}


def test_the_longest_modifier_of_a_compound_speaks():
    vocab = own(("Sprog", "dansk"), ("Kultur", "dans"))
    assert vocab.suggest("danskholdet om tirsdagen") == "Sprog"
    assert "Kultur" not in vocab.scores("danskholdet")


@pytest.mark.parametrize(
    ("text", "theme"),
    [  # how planners write interview notes (round 4's vocabulary)
        ("siden konen døde sidder han mest foran fjernsynet", "social_contact"),
        ("har aldrig lært at lave andet end spejlæg og frikadeller fra dåse", "food"),
        ("kan ikke selv samle et skab eller skifte en lampe", "repairs"),
        ("taler arabisk og ukrainsk, kan tolke for andre nye", "language"),
        ("vil gerne bruges til noget nu hvor arbejdslivet er slut", "usefulness"),
        ("Keder sig, hænger ud på p-pladsen om aftenen", "youth"),
        ("Bostøtten kommer kun to timer om ugen, mangler hjælp til at handle ind", "housekeeping"),
        ("God til at redigere video og lave opslag til sociale medier", "it"),
        ("far var mekaniker i Syrien, papirerne gælder ikke her, mangler arbejde", "education_jobs"),
    ],
)
def test_interview_wording(vocab, text, theme):
    found = vocab.suggestion(text)
    assert found is not None and found.certain and found.theme == NAMES[theme], found


def test_nothing_found_is_none(vocab):
    assert vocab.suggestion("Xyzzy qwerty") is None and vocab.suggestion(None) is None
    assert vocab.suggest("") is None


def test_themes_in_drops_themes_far_behind_the_best(vocab):
    """A characteristic "Fysisk aktivitet" is about exercise, not physically demanding tasks."""
    assert vocab.themes_in("Fysisk aktivitet") == {NAMES["exercise"]}
    assert vocab.themes_in("Sund kost og motion i hverdagen") == {NAMES["food"], NAMES["exercise"]}


# Measured with benchmarks/eval_match.py when the suggestion was written (issue 10):
# train 37/40 right, held-out 16/20 right, none wrong. The floors leave room for one or two
# changed entries, and the ceiling on wrong suggestions (one in 16) holds.
FLOORS = {"train": (0.85, 0.05), "heldout": (0.75, 0.0625)}


@pytest.mark.parametrize("split", FLOORS)
def test_accuracy_on_the_evaluation_set(vocab, split):
    entries = [e for e in json.loads(SET.read_text(encoding="utf-8"))["entries"] if e["split"] == split]
    right = wrong = 0
    for e in entries:
        got = vocab.suggest(e["text"])
        if got is not None:
            if got in {NAMES[e["theme"]], *(NAMES[a] for a in e["accept"])}:
                right += 1
            else:
                wrong += 1
    least_right, most_wrong = FLOORS[split]
    assert right >= least_right * len(entries), (right, wrong, len(entries))
    assert wrong <= most_wrong * len(entries), (right, wrong, len(entries))


NOTES = SET.with_name("interview_notes.json")


def test_accuracy_on_the_interview_notes(vocab):
    """Round 4's notes (train part, measured 44 right, none wrong of 54): at least 75 % right and
    at most one wrong in 16; a note a planner could not place (theme null) wants no suggestion."""
    entries = [e for e in json.loads(NOTES.read_text(encoding="utf-8"))["entries"] if e["split"] == "train"]
    right = wrong = 0
    for e in entries:
        got = vocab.suggest(e["text"])
        ok = {NAMES[t] for t in [e["theme"], *e["accept"]] if t}
        if (got is None and not ok) or (got is not None and got in ok):
            right += 1
        elif got is not None:
            wrong += 1
    assert right >= 0.75 * len(entries), (right, wrong, len(entries))
    assert 16 * wrong <= len(entries), (right, wrong, len(entries))


def test_a_phrase_counts_only_where_its_words_stand_together():
    """"tør ikke" is not found in "har ikke været ude … ingen der tør passe ham" (round 5)."""
    vocab = own(("Tryghed", "tør ikke"), ("Andet", "x"))
    assert vocab.suggest("tør ikke gå ned i kælderen") == "Tryghed"
    assert vocab.suggest("tør næsten ikke gå ned") == "Tryghed"
    assert vocab.suggestion("har ikke været ude sammen i tre år, der er ingen der tør passe ham") is None


def test_a_phrase_pronoun_is_matched_as_spelled():
    """"savner nogen" (someone) is not "savner noget" (something), though both stem to "nog"."""
    vocab = own(("Kontakt", "savner nogen"), ("Andet", "x"))
    assert vocab.suggest("savner nogen at tale med") == "Kontakt"
    assert vocab.suggestion("savner noget at tage sig til") is None


def test_a_close_lead_is_uncertain():
    """Ten against eight is not a clear lead: the runner-up's score counts, not only the margin."""
    vocab = own(("Mad", "kok, køkken"), ("Hjemmet", "vasker, handler ind"))
    found = vocab.suggestion("uddannet kok, stort køkken, hvis andre handler ind og vasker op")
    assert found is not None and found.theme == "Hjemmet" and not found.certain


def test_a_need_is_not_a_general_resource_where_a_specific_theme_is_named():
    # "Tid" meets six needs: a general resource theme.
    themes = [("Tid", "tid, overskud"), ("Lektier", "matematik"), *((f"N{i}", f"n{i}") for i in range(5))]
    vocab = Vocabulary([m.Theme(name=n, keywords=k) for n, k in themes],
                       [m.ThemeLink(resource_theme="Tid", need_theme=f"N{i}", strength=2) for i in range(5)]
                       + [m.ThemeLink(resource_theme="Tid", need_theme="Lektier", strength=2)], "da")
    assert "Tid" in vocab.general
    text = "går i stå med matematikken, mor har hverken tid eller overskud"
    assert vocab.suggest(text) == "Tid"
    assert vocab.suggest(text, need=True) == "Lektier"
    # Nothing specific: a local actor's call for volunteers' hours is a need for time; a resident's
    # need for time is a question (round 8: what is the time for?).
    assert vocab.suggest("mangler frivillige på hverdage med tid", need=True, organisation=True) == "Tid"
    found = vocab.suggestion("mangler frivillige på hverdage med tid", need=True)
    assert found is not None and found.theme == "Tid" and not found.certain


def test_kids_are_children_and_playing_a_game_is_the_game():
    """Round 8: Snowball stems "unger" (kids) like "unge" (young people), and "spiller" (plays)
    like "spil" (games); the kids are children and the game played is the theme."""
    vocab = own(("Unge", "unge, ung"), ("Pasning", "passe børn"), ("Spil", "spil, spille kort"), ("Motion", "basket"))
    assert vocab.suggest("har passet naboens unger før") == "Pasning"
    assert vocab.suggest("ungerne keder sig") is None
    assert vocab.suggest("de unge keder sig") == "Unge"
    assert vocab.suggest("spiller basket hver søndag") == "Motion"
    assert vocab.suggest("spiller kort om torsdagen") == "Spil"
    assert vocab.suggest("brætspil og spil") == "Spil"


def test_the_longest_compound_head_decides():
    """"hverdags|formiddage" is a morning, not a dinner ("middag")."""
    vocab = own(("Tid", "formiddag"), ("Mad", "middag"))
    assert vocab.suggest("især hverdagsformiddage") == "Tid"


def test_one_keyword_alone_is_tentative():
    """Certain, but resting on one keyword: matching ranks rows on it after firmer ones."""
    vocab = own(("Mad", "kok, køkken"), ("Andet", "x"))
    one, two = vocab.suggestion("uddannet kok"), vocab.suggestion("kok med eget køkken")
    assert one is not None and one.certain and one.tentative
    assert two is not None and two.certain and not two.tentative


def test_an_organisation_has_no_free_time():
    """A local actor's resource is never a general theme (round 3's advice): "overskud" in
    "overskudsvarer" or "tid" in an opening time says nothing about its free time."""
    vocab = Vocabulary(package_themes("da"), package_theme_links("da"), "da")
    text = "masser af tid og overskud om formiddagen"
    assert vocab.suggest(text) == NAMES["time"] and NAMES["time"] in vocab.general
    assert vocab.suggestion(text, organisation=True) is None
    assert vocab.suggest("tid til at snakke og drikke kaffe med kunderne", organisation=True) == NAMES["social_contact"]


def test_one_keyword_for_a_theme_no_link_needs_is_no_certain_need():
    """Round 6: no link names art as a need, so one word of it ("male": to paint) does not make a
    need of it; as an interest or a resource it still does. With two words it is certain."""
    themes = [("Kunst", "male, tegne"), ("Hjælp", "x")]
    vocab = Vocabulary([m.Theme(name=n, keywords=k) for n, k in themes],
                       [m.ThemeLink(resource_theme="Kunst", need_theme="Hjælp", strength=3)], "da")
    assert "Kunst" not in vocab.need_themes and "Hjælp" in vocab.need_themes
    text = "skal selv male lejligheden"
    found = vocab.suggestion(text, need=True)
    assert found is not None and found.theme == "Kunst" and not found.certain
    assert vocab.suggest(text) == "Kunst"
    assert vocab.suggest("vil gerne male og tegne", need=True) == "Kunst"


def test_one_keyword_against_another_in_a_long_note_is_uncertain():
    """Round 6: one keyword each for two themes, in a note of several statements, is a question
    (a phrase outweighs a word, which does not say what the note is about); in a short note,
    or with a second keyword, the lead decides."""
    vocab = own(("Råd", "bestille tid, breve"), ("IT", "mitid"))
    short = vocab.suggestion("bestille tid med MitID")
    assert short is not None and short.theme == "Råd" and short.certain
    long = "skal have MitID for at se sin pension og bestille tid ved lægen, barnebarnet har altid travlt - 'jeg føler mig som et barn'"
    assert len(long.split()) > 15
    found = vocab.suggestion(long)
    assert found is not None and found.theme == "Råd" and not found.certain
    assert vocab.suggest(long + " og breve") == "Råd"  # two keywords: certain


def test_a_teacher_compound_names_what_is_taught():
    """Round 6: "-lærer" is a generic head, so its modifier speaks ("matematiklærer": homework)."""
    vocab = own(("Lektier", "matematik"), ("Tid", "eftermiddag"))
    assert vocab.suggestion("tidligere matematiklærer") == Suggestion("Lektier", True, 4, None, 1)
    # A teacher of maths who has afternoons: not a certain "free time" any more, a question.
    assert vocab.suggest("var matematiklærer, sidder hver eftermiddag med barnebarnet") is None


def test_more_keywords_than_the_runner_up_is_certain():
    """Round 8: two keywords against one phrase lead on score but not clearly (8 against 6); the
    phrase's weight alone does not decide, so two strong hits against one are certain. Two against
    two stay a question."""
    vocab = own(("Motion", "basket, futsal"), ("Hjemmet", "rydde op, vaske"))
    found = vocab.suggestion("basket og futsal om aftenen, vi skal nok rydde op")
    assert found is not None and found.theme == "Motion" and found.certain and found.evidence == 2
    found = vocab.suggestion("basket og futsal om aftenen, vi skal nok rydde op og vaske")
    assert found is not None and found.theme == "Hjemmet" and not found.certain
