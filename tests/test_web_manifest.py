"""The Office.js add-in's manifest (issue 17): the VBA ribbon's tab, groups, buttons and labels
(English, Danish through Override Locale="da-DK"), one shared runtime, ExcelApi 1.13, only
https:// addresses, and within the limits of Microsoft's schema (resource ids defined, short
strings up to 125 characters, long ones up to 250).

Microsoft's manifest schemas (OfficeApp 1.1, TaskPaneAppVersionOverrides 1.0, basic types 1.0)
are not in any package this project can install, so they are not in the repository; with
XLPLUGIN_OFFICE_XSD naming a folder that holds them, the manifest is validated against them too.
"""
from __future__ import annotations

import os
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
    assert [b for _, buttons in ribbon for b in buttons] == [b for b in vba_buttons if b not in ("report", "merge")]
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


@pytest.mark.skipif(not os.environ.get("XLPLUGIN_OFFICE_XSD"), reason="XLPLUGIN_OFFICE_XSD: a folder with Microsoft's manifest schemas (see the module's doc)")
def test_the_manifest_validates_against_microsofts_schemas(root):
    folder = Path(os.environ["XLPLUGIN_OFFICE_XSD"])
    schema = etree.XMLSchema(etree.parse(str(folder / "office-appforoffice-1.1.xsd")))
    assert schema.validate(root), schema.error_log
