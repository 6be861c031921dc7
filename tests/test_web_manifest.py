"""The Office.js add-in's manifest (issue 17): the VBA ribbon's tab, groups, buttons and labels
(English, Danish through Override Locale="da-DK"), one shared runtime, ExcelApi 1.13, only
https:// addresses, and within the limits of Microsoft's schema (resource ids defined, short
strings up to 125 characters, long ones up to 250).

The manifest is validated against Microsoft's schemas (OfficeApp 1.1, TaskPaneAppVersionOverrides
1.0, basic types 1.0; tests/schemas/office/, with their source and licence in its README) with
lxml, offline: Microsoft's `office-addin-manifest validate` posts the manifest to a Microsoft web
service, so it cannot run in CI.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from xlplugin import web_manifest
from xlplugin.domain.errors import UserError
from xlplugin.layout.texts import texts

OV = "{http://schemas.microsoft.com/office/taskpaneappversionoverrides}"
BT = "{http://schemas.microsoft.com/office/officeappbasictypes/1.0}"
OA = "{http://schemas.microsoft.com/office/appforoffice/1.1}"
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"
HOST = "https://addin.example.dk/xlplugin/"


@pytest.fixture(scope="module")
def root():
    return etree.fromstring(web_manifest.manifest(HOST).encode("utf-8"))


def strings(root):
    out = {}
    for kind in ("ShortStrings", "LongStrings"):
        for s in root.iter(f"{BT}{kind}"):
            for string in s:
                out[string.get("id")] = (kind, string.get("DefaultValue"), {o.get("Locale"): o.get("Value") for o in string})
    return out


def test_the_tab_groups_and_buttons_are_the_vba_ribbons(root):
    tab = next(root.iter(f"{OV}CustomTab"))
    groups = [(g.get("id"), [c.get("id") for c in g.iter(f"{OV}Control")]) for g in tab.iter(f"{OV}Group")]
    ribbon = web_manifest.ribbon_layout()
    assert groups == [(f"xlplugin.{g}", [f"xlplugin.{b}" for b in buttons]) for g, buttons in ribbon]
    vba = etree.parse(str(web_manifest.RIBBON)).getroot()
    vba_buttons = [b.get("id") for b in vba.iter("{*}button")]
    assert [b for _, buttons in ribbon for b in buttons] == [b for b in vba_buttons if b not in web_manifest.BROWSER_ONLY_SKIPS]
    assert "report" in vba_buttons and "report" not in web_manifest.BROWSER_ONLY_SKIPS
    assert "merge" in functions_of(root)  # the add-in merges too (the copies picked in the pane)
    functions = [f.text for f in root.iter(f"{OV}FunctionName")]
    assert functions == [b for _, buttons in ribbon for b in buttons if b != "help"]  # taskpane.mjs associates these


def test_labels_in_english_and_danish_within_the_schemas_limits(root):
    defined = strings(root)
    en, da = texts("en"), texts("da")
    used = {e.get("resid") for e in root.iter() if e.get("resid")}
    images = {i.get("id") for i in root.iter(f"{BT}Image") if i.get("id")}
    urls = {u.get("id") for u in root.iter(f"{BT}Url")}
    assert used <= set(defined) | images | urls, used - set(defined) - images - urls
    for resid, (kind, english, overrides) in defined.items():
        assert set(overrides) == {"da-DK"}
        assert 0 < len(english) <= (125 if kind == "ShortStrings" else 250), resid
        assert 0 < len(overrides["da-DK"]) <= (125 if kind == "ShortStrings" else 250), resid
    assert defined["validate.Label"][1:] == (en["ribbon.validate.label"], {"da-DK": da["ribbon.validate.label"]})
    assert defined["Tab.Label"][1] == "Social innovation"
    assert root.findtext(f"{OA}DefaultLocale") == "en-US"


def test_one_shared_runtime_excelapi_1_13_and_https_only(root):
    runtimes = list(root.iter(f"{OV}Runtime"))
    assert [(r.get("resid"), r.get("lifetime")) for r in runtimes] == [("Taskpane.Url", "long")]
    assert next(root.iter(f"{OV}FunctionFile")).get("resid") == "Taskpane.Url"
    sets = {s.get("Name"): s.get("MinVersion") for s in root.iter(f"{OA}Set")}
    assert sets == {"ExcelApi": "1.13", "SharedRuntime": "1.1"}
    urls = re.findall(r'(?:DefaultValue|Value)="(https?://[^"]+)"', web_manifest.manifest(HOST))
    assert urls and all(u.startswith(HOST) for u in urls)
    with pytest.raises(UserError) as refused:
        web_manifest.manifest("http://addin.example.dk/")
    assert refused.value.key == "web.build.host_https"


def test_icons_are_pngs_of_their_size(tmp_path):
    web_manifest.write(tmp_path, None)
    assert not (tmp_path / "manifest.xml").exists()
    for size in web_manifest.ICON_SIZES:
        data = (tmp_path / "icons" / f"icon-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(data[16:20], "big") == size


SCHEMAS = Path(__file__).resolve().parent / "schemas" / "office"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "OfficeAppManifestV1_1.xsd")))


def test_the_manifest_validates_against_microsofts_schemas(root, schema):
    assert schema.validate(root), schema.error_log


@pytest.mark.parametrize(
    "break_it",
    [
        pytest.param(lambda r: next(r.iter(f"{BT}String")).set("DefaultValue", "x" * 126), id="short string too long"),
        pytest.param(lambda r: next(r.iter(f"{OV}Runtime")).set("lifetime", "forever"), id="runtime lifetime"),
        pytest.param(lambda r: next(r.iter(f"{OV}CustomTab")).append(etree.Element(f"{OV}Button")), id="unknown element"),
        pytest.param(lambda r: r.remove(r.find(f"{OA}DefaultLocale")), id="no default locale"),
    ],
)
def test_the_schemas_refuse_a_broken_manifest(root, schema, break_it):
    import copy

    broken = copy.deepcopy(root)
    break_it(broken)
    assert not schema.validate(broken)


def functions_of(root) -> list[str]:
    return [f.text for f in root.iter(f"{OV}FunctionName")]
