"""A project as one JSON document: export, import, schema; round trips through real workbooks."""
from __future__ import annotations

import datetime as dt
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import example, message

from xlplugin.actions.exchange import export_text, read_document, schema
from xlplugin.actions.new import starter_project
from xlplugin.app import export_file, import_file, match_file
from xlplugin.cli import main
from xlplugin.domain import models as m
from xlplugin.domain.errors import UserError
from xlplugin.gateway.builder import write_new_workbook

LANGS = ("da", "en")


def round_trip(path, tmp_path) -> tuple[str, str]:
    """workbook → JSON → workbook → JSON: both JSON texts."""
    first = export_file(path).text()
    source = tmp_path / "project.json"
    source.write_text(first, encoding="utf-8")
    again = tmp_path / "again.xlsx"
    import_file(source, again)
    return first, export_file(again).text()


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_the_example_round_trips_to_identical_json(tmp_path, lang):
    path = example(tmp_path, lang)
    match_file(path)  # with the generated interactions too
    first, second = round_trip(path, tmp_path)
    assert first == second
    document = json.loads(first)
    assert document["lang"] == lang and document["layout"] >= 1
    assert len(document["project"]["interactions"]) == 6


@pytest.mark.parametrize("lang", LANGS)
def test_the_exported_document_validates_against_the_printed_schema(tmp_path, lang, capsys):
    path = example(tmp_path, lang)
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == schema()
    jsonschema.validate(json.loads(export_file(path).text()), printed)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "xlplugin-project", "layout": 1, "lang": "fr", "project": {}}, printed)


def test_the_cli_exports_next_to_the_workbook_and_imports_without_overwriting(tmp_path, capsys):
    path = example(tmp_path, "da")
    assert main(["export", str(path)]) == 0
    exported = path.with_suffix(".json")
    assert "Projektet er gemt som" in capsys.readouterr().out
    target = tmp_path / "Ny.xlsx"
    assert main(["import", str(exported), "-o", str(target)]) == 0
    assert target.exists()
    before = target.read_bytes()
    assert main(["import", str(exported), "-o", str(target)]) == 2  # exists: no --force
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    "text,key",
    [
        ("{not json", "msg.import.not_json"),
        ('{"format": "something else"}', "msg.import.not_project"),
        ('["a list"]', "msg.import.not_project"),
        ('{"format": "xlplugin-project", "layout": 99, "lang": "da", "project": {}}', "msg.import.newer"),
        ('{"format": "xlplugin-project", "layout": 1, "lang": "da", "project": {"groups": [{"name": "010203-1234", "share_pct": "mange"}]}}', "msg.import.invalid"),
    ],
)
def test_a_bad_document_is_a_clear_message_that_repeats_no_value(text, key):
    with pytest.raises(UserError) as err:
        read_document(text)
    assert err.value.key == key
    for lang in LANGS:
        said = message(err.value, lang)
        assert "010203-1234" not in said and "mange" not in said


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).map(
    str.strip
).filter(bool)


@st.composite
def projects(draw) -> m.Project:
    project = starter_project(draw(st.sampled_from(LANGS)))
    group_names = draw(st.lists(names, min_size=1, max_size=5, unique_by=m.normalize))
    project.groups = [
        m.ResidentGroup(
            name=name,
            location=draw(st.sampled_from(list(m.Location))),
            share_pct=draw(st.none() | st.integers(0, 100).map(float)),
            culture_bearing=draw(st.none() | st.booleans()),
            other=draw(st.none() | names),
        )
        for name in group_names
    ]
    project.entries = [
        m.Entry(
            group=draw(st.sampled_from(group_names)),
            kind=draw(st.sampled_from(list(m.EntryKind))),
            description=draw(names),
            priority=draw(st.none() | st.sampled_from(list(m.Priority))),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    project.facts.date = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)))
    project.facts.name = draw(st.none() | names)
    return project


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(project=projects())
def test_random_projects_round_trip_through_workbooks(tmp_path, project):
    lang = "da" if project.themes and project.themes[0].name == starter_project("da").themes[0].name else "en"
    path = tmp_path / "random.xlsx"
    write_new_workbook(project, lang, path)
    first, second = round_trip(path, tmp_path)
    assert first == second
    assert json.loads(first)["project"]["groups"][0]["name"] == project.groups[0].name
    jsonschema.validate(json.loads(first), schema())  # every random document fits the printed schema too


def test_export_text_is_stable_and_keeps_danish_letters():
    from xlplugin.domain.exchange import ProjectFile

    document = ProjectFile(layout=1, lang="da", project=m.Project(groups=[m.ResidentGroup(name="Ældre på Søndergård")]))
    text = export_text(document)
    assert "Ældre på Søndergård" in text and text == export_text(read_document(text))
