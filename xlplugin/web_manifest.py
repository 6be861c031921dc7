"""The Office.js add-in's XML manifest (issue 17), written by ``xlplugin web build OUT --host URL``.

The same tab, groups, buttons and labels as the VBA ribbon (``macros/customUI14.xml``; labels and
tips from ``xlplugin/layout/texts``): English by default and Danish through ``<Override
Locale="da-DK">``, as the VBA ribbon is Danish in a Danish Excel and English otherwise. One
shared runtime (the task pane's page, ``lifetime="long"``) runs every button, so Pyodide loads
once per Excel session. Requirement sets: ExcelApi 1.13 and SharedRuntime 1.1 (Microsoft 365,
Excel 2021 or later on Windows and Mac, Excel on the web). Every button of the VBA ribbon is
here; the report is a Word document the task pane offers as a download (its figures as tables:
matplotlib is not in the browser build); the merge shows the task pane, where the copies are
picked with a file input (a ribbon command cannot open one) and the plan adds the merge log sheet.
"""
from __future__ import annotations

import struct
import uuid
import zlib
from pathlib import Path
from xml.etree import ElementTree

from xlplugin import __version__
from xlplugin.domain.errors import UserError

ADDIN_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/xlplugin/office-js-addin"))
DEFAULT, OVERRIDE = ("en", "en-US"), ("da", "da-DK")
BROWSER_ONLY_SKIPS: tuple[str, ...] = ()  # VBA ribbon buttons the add-in lacks: none since merge came
RIBBON = Path(__file__).resolve().parent / "addin" / "macros" / "customUI14.xml"
CUSTOM_UI = "{http://schemas.microsoft.com/office/2009/07/customui}"
ICON_SIZES = (16, 32, 64, 80)
ACCENT = (0x0B, 0x5D, 0x7A)


def ribbon_layout() -> list[tuple[str, list[str]]]:
    """The VBA ribbon's groups and their buttons, in order (without the desktop-only ones)."""
    root = ElementTree.parse(RIBBON).getroot()
    return [
        (group.get("id", ""), [b.get("id", "") for b in group.iter(f"{CUSTOM_UI}button") if b.get("id") not in BROWSER_ONLY_SKIPS])
        for group in root.iter(f"{CUSTOM_UI}group")
    ]


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace(">", "&gt;")


def manifest(host: str) -> str:
    """The manifest for the site at ``host`` (an https:// URL ending in /)."""
    from xlplugin.layout.texts import texts

    if not host.startswith("https://"):
        raise UserError("web.build.host_https", host=host)
    host = host if host.endswith("/") else host + "/"
    en, da = texts(DEFAULT[0]), texts(OVERRIDE[0])
    version = ".".join([*__version__.split("."), "0", "0", "0"][:4])
    shorts: list[tuple[str, str]] = []
    longs: list[tuple[str, str]] = []

    def short(resid: str, key: str) -> str:
        shorts.append((resid, key))
        return resid

    def long(resid: str, key: str) -> str:
        longs.append((resid, key))
        return resid

    def icon() -> str:
        return "".join(f'<bt:Image size="{s}" resid="Icon.{s}"/>' for s in (16, 32, 80))

    groups = []
    for group, buttons in ribbon_layout():
        controls = []
        for button in buttons:
            if button == "help":
                action = '<Action xsi:type="ShowTaskpane"><TaskpaneId>xlplugin.pane</TaskpaneId><SourceLocation resid="Taskpane.Url"/></Action>'
            else:
                action = f'<Action xsi:type="ExecuteFunction"><FunctionName>{button}</FunctionName></Action>'
            controls.append(
                f'<Control xsi:type="Button" id="xlplugin.{button}">'
                f'<Label resid="{short(f"{button}.Label", f"ribbon.{button}.label")}"/>'
                f'<Supertip><Title resid="{short(f"{button}.Title", f"ribbon.{button}.screentip")}"/>'
                f'<Description resid="{long(f"{button}.Tip", f"web.manifest.{button}.tip")}"/></Supertip>'
                f"<Icon>{icon()}</Icon>{action}</Control>"
            )
        groups.append(
            f'<Group id="xlplugin.{group}"><Label resid="{short(f"{group}.Label", f"ribbon.{group}.label")}"/>'
            f"<Icon>{icon()}</Icon>{''.join(controls)}</Group>"
        )
    tab = short("Tab.Label", "ribbon.xlpluginTab.label")
    title = short("GetStarted.Title", "web.pane.title")
    about = long("GetStarted.Description", "web.manifest.description")

    def strings(kind: str, items: list[tuple[str, str]]) -> str:
        out = []
        for resid, key in items:
            out.append(
                f'<bt:String id="{resid}" DefaultValue="{_esc(en[key])}">'
                f'<bt:Override Locale="{OVERRIDE[1]}" Value="{_esc(da[key])}"/></bt:String>'
            )
        return f"<bt:{kind}>{''.join(out)}</bt:{kind}>"

    images = "".join(f'<bt:Image id="Icon.{s}" DefaultValue="{host}icons/icon-{s}.png"/>' for s in (16, 32, 80))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- The Office.js add-in of xlplugin {__version__} for the site at {_esc(host)}: written by `xlplugin web build`. -->
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:ov="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="TaskPaneApp">
  <Id>{ADDIN_ID}</Id>
  <Version>{version}</Version>
  <ProviderName>xlplugin</ProviderName>
  <DefaultLocale>{DEFAULT[1]}</DefaultLocale>
  <DisplayName DefaultValue="{_esc(en['ribbon.xlpluginTab.label'])}"><Override Locale="{OVERRIDE[1]}" Value="{_esc(da['ribbon.xlpluginTab.label'])}"/></DisplayName>
  <Description DefaultValue="{_esc(en['web.manifest.description'])}"><Override Locale="{OVERRIDE[1]}" Value="{_esc(da['web.manifest.description'])}"/></Description>
  <IconUrl DefaultValue="{host}icons/icon-32.png"/>
  <HighResolutionIconUrl DefaultValue="{host}icons/icon-64.png"/>
  <SupportUrl DefaultValue="{host}index.html"/>
  <Hosts><Host Name="Workbook"/></Hosts>
  <Requirements>
    <Sets DefaultMinVersion="1.1"><Set Name="ExcelApi" MinVersion="1.13"/><Set Name="SharedRuntime" MinVersion="1.1"/></Sets>
  </Requirements>
  <DefaultSettings><SourceLocation DefaultValue="{host}taskpane.html"/></DefaultSettings>
  <Permissions>ReadWriteDocument</Permissions>
  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">
    <Hosts>
      <Host xsi:type="Workbook">
        <Runtimes><Runtime resid="Taskpane.Url" lifetime="long"/></Runtimes>
        <DesktopFormFactor>
          <GetStarted><Title resid="{title}"/><Description resid="{about}"/><LearnMoreUrl resid="Help.Url"/></GetStarted>
          <FunctionFile resid="Taskpane.Url"/>
          <ExtensionPoint xsi:type="PrimaryCommandSurface">
            <CustomTab id="xlplugin.Tab">{''.join(groups)}<Label resid="{tab}"/></CustomTab>
          </ExtensionPoint>
        </DesktopFormFactor>
      </Host>
    </Hosts>
    <Resources>
      <bt:Images>{images}</bt:Images>
      <bt:Urls><bt:Url id="Taskpane.Url" DefaultValue="{host}taskpane.html"/><bt:Url id="Help.Url" DefaultValue="{host}index.html"/></bt:Urls>
      {strings("ShortStrings", shorts)}
      {strings("LongStrings", longs)}
    </Resources>
  </VersionOverrides>
</OfficeApp>
"""


def icon_png(size: int) -> bytes:
    """The add-in's icon: three linked dots (people meeting) on the page's accent colour."""
    dots = [(0.3, 0.35), (0.7, 0.35), (0.5, 0.72)]
    radius = 0.13
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            px, py = (x + 0.5) / size, (y + 0.5) / size
            corner = min(px, 1 - px) < 0.12 and min(py, 1 - py) < 0.12 and (min(px, 1 - px) - 0.12) ** 2 + (min(py, 1 - py) - 0.12) ** 2 > 0.0144
            white = any((px - dx) ** 2 + (py - dy) ** 2 < radius**2 for dx, dy in dots)
            for (ax, ay), (bx, by) in ((dots[0], dots[1]), (dots[1], dots[2]), (dots[2], dots[0])):
                t = max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)))
                if (px - ax - t * (bx - ax)) ** 2 + (py - ay - t * (by - ay)) ** 2 < (0.035 + 0.5 / size) ** 2:
                    white = True
            row += bytes((0, 0, 0, 0)) if corner else bytes((255, 255, 255, 255)) if white else bytes((*ACCENT, 255))
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def write(out: Path, host: str | None) -> Path | None:
    """The icons always; the manifest when the site's address is known."""
    icons = out / "icons"
    icons.mkdir(exist_ok=True)
    for size in ICON_SIZES:
        (icons / f"icon-{size}.png").write_bytes(icon_png(size))
    if host is None:
        return None
    target = out / "manifest.xml"
    target.write_text(manifest(host), encoding="utf-8")
    return target
