"""The part of lxml's API the in-place writer uses, also where lxml is missing (in the browser,
Pyodide has no lxml): ``etree`` is lxml's ``etree`` when it can be imported, else this module's
own functions, the same calls over the standard library's ``xml.etree.ElementTree``.

What the writer relies on and this module keeps as lxml does:
- every namespace declaration stays on the element that made it, with its prefix, also a
  declaration no tag or attribute uses (a prefix only named in ``mc:Ignorable``: Excel rejects
  the part when it is undeclared); ElementTree alone renames prefixes to ``ns0`` and drops
  unused declarations;
- a new element takes the prefix in scope for its namespace (the default one for tags);
- ``getparent``, ``addprevious``, ``addnext``, ``iterchildren``; appending an element that has
  a parent moves it (ElementTree would hold it twice);
- comments and processing instructions inside the root stay; text, tails and attribute order
  are kept; ``tostring(method="c14n")`` gives equal bytes for equal trees, which is what the
  writer uses it for (has a part changed?).

``use("stdlib")`` / ``use("lxml")`` switch the backend (the tests run the writer on both);
the environment variable ``XLPLUGIN_XML=stdlib`` chooses the standard library from the start.
"""
from __future__ import annotations

import copy
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

XML_NS = "http://www.w3.org/XML/1998/namespace"
# prefixes for a namespace a new element brings and no ancestor declares (lxml would say ns0)
KNOWN_PREFIXES = {
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
    "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main": "x14",
    "http://schemas.microsoft.com/office/excel/2006/main": "xm",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
}


class _Element(ET.Element):
    """An ElementTree element that knows its parent and its own namespace declarations."""

    _parent: _Element | None
    _nsdecl: dict[str | None, str]

    def __init__(self, tag: Any, attrib: dict[str, str] | None = None, **extra: str) -> None:
        super().__init__(tag, {**(attrib or {}), **extra})
        self._parent = None
        self._nsdecl = {}

    # --- lxml's navigation ------------------------------------------------------------------
    def getparent(self) -> _Element | None:
        return self._parent

    def iterchildren(self, tag: str | None = None) -> Iterator[Any]:
        return (e for e in list(self) if tag is None or e.tag == tag)

    def addprevious(self, element: _Element) -> None:
        parent = self._parent
        if parent is None:
            raise TypeError("addprevious on the root element")
        _detach(element)
        ET.Element.insert(parent, list(parent).index(self), element)
        element._parent = parent

    def addnext(self, element: _Element) -> None:
        parent = self._parent
        if parent is None:
            raise TypeError("addnext on the root element")
        _detach(element)
        ET.Element.insert(parent, list(parent).index(self) + 1, element)
        element._parent = parent

    # --- mutations keep the parent (and move, as lxml does) -----------------------------------
    def append(self, element: Any) -> None:
        _detach(element)
        super().append(element)
        element._parent = self

    def insert(self, index: int, element: Any) -> None:
        _detach(element)
        super().insert(index, element)
        element._parent = self

    def extend(self, elements: Any) -> None:
        for element in list(elements):
            self.append(element)

    def remove(self, element: Any) -> None:
        super().remove(element)
        element._parent = None

    def __setitem__(self, index: Any, value: Any) -> None:
        raise NotImplementedError("xmltree: assign children with insert/append/remove")

    def __delitem__(self, index: Any) -> None:
        for element in ([self[index]] if isinstance(index, int) else list(self)[index]):
            self.remove(element)

    def clear(self) -> None:
        element: Any
        for element in list(self):
            element._parent = None
        super().clear()

    # --- copies are elements of this kind too (ElementTree's C copy would not be) --------------
    def __copy__(self) -> _Element:
        return self.__deepcopy__({})

    def __deepcopy__(self, memo: dict[int, Any]) -> _Element:
        new = _make(self.tag, dict(self.attrib))
        new.text, new.tail = self.text, self.tail
        new._nsdecl = dict(self._nsdecl)
        for element in self:
            new.append(copy.deepcopy(element, memo))
        return new

    @property
    def nsmap(self) -> dict[str | None, str]:
        """Prefixes in scope here (lxml's ``nsmap``)."""
        return _scope(self)


def _make(tag: Any, attrib: dict[str, str]) -> _Element:
    element = _Element(tag, attrib)
    return element


def _detach(element: _Element) -> None:
    parent = getattr(element, "_parent", None)
    if parent is not None:
        parent.remove(element)


def _scope(element: _Element | None) -> dict[str | None, str]:
    chain = []
    while element is not None:
        chain.append(element)
        element = element._parent
    out: dict[str | None, str] = {}
    for e in reversed(chain):
        out.update(e._nsdecl)
    return out


# --- lxml's module functions -------------------------------------------------------------------
def Element(tag: str, attrib: dict[str, str] | None = None, nsmap: dict[str | None, str] | None = None, **extra: str) -> _Element:
    element = _make(tag, {**(attrib or {}), **extra})
    if nsmap:
        element._nsdecl = dict(nsmap)
    return element


def SubElement(parent: _Element, tag: str, attrib: dict[str, str] | None = None, nsmap: dict[str | None, str] | None = None, **extra: str) -> _Element:
    element = Element(tag, attrib, nsmap, **extra)
    parent.append(element)
    return element


def XMLParser(**options: Any) -> dict[str, Any]:
    """lxml's parser options; the standard library's expat resolves no external entities, loads
    nothing from the network and limits entity expansion on its own."""
    return options


class _Builder:
    """Builds ``_Element`` trees and keeps each element's namespace declarations."""

    def __init__(self) -> None:
        self._tree = ET.TreeBuilder(element_factory=_make, comment_factory=_comment, pi_factory=_pi, insert_comments=True, insert_pis=True)
        self._pending: dict[str | None, str] = {}

    def start_ns(self, prefix: str, uri: str) -> None:
        self._pending[prefix or None] = uri

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        element: Any = self._tree.start(tag, attrib)
        element._nsdecl, self._pending = self._pending, {}

    def end(self, tag: str) -> None:
        self._tree.end(tag)

    def data(self, text: str) -> None:
        self._tree.data(text)

    def comment(self, text: str) -> None:
        self._tree.comment(text)

    def pi(self, target: str, text: str | None = None) -> None:
        self._tree.pi(target, text)

    def close(self) -> _Element:
        root: Any = self._tree.close()
        _link(root)
        return root


def _comment(text: str | None) -> _Element:
    element = _make(ET.Comment, {})
    element.text = text
    return element


def _pi(target: str, text: str | None = None) -> _Element:
    element = _make(ET.PI, {})
    element.text = f"{target} {text}" if text else target
    return element


def _link(root: _Element) -> None:
    stack: list[Any] = [root]
    while stack:
        parent = stack.pop()
        for element in parent:
            element._parent = parent
            stack.append(element)


def fromstring(data: bytes | str, parser: Any = None) -> _Element:
    builder = _Builder()
    xml_parser = ET.XMLParser(target=builder)
    xml_parser.feed(data)
    root: Any = xml_parser.close()
    return root


def tostring(element: _Element, *, xml_declaration: bool = False, encoding: str = "UTF-8", standalone: bool | None = None, method: str = "xml") -> bytes:
    """The element as XML bytes (UTF-8). ``method="c14n"``: the same bytes for equal trees."""
    out: list[str] = []
    if xml_declaration and method != "c14n":
        alone = "" if standalone is None else f' standalone="{"yes" if standalone else "no"}"'
        out.append(f'<?xml version="1.0" encoding="UTF-8"{alone}?>\n')
    inherited = _scope(element._parent) if element._parent is not None else {}
    _write(element, out, inherited, top=True)
    return "".join(out).encode("utf-8")


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _attr(value: str) -> str:
    return (
        _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")
    )


def _write(element: Any, out: list[str], scope: dict[str | None, str], top: bool = False) -> None:
    tag = element.tag
    if tag is ET.Comment:
        out.append(f"<!--{element.text or ''}-->")
    elif tag is ET.PI:
        out.append(f"<?{element.text or ''}?>")
    else:
        declared = dict(element._nsdecl)
        if top:  # a part on its own (or a copy) declares what it inherits and uses
            declared = {**{p: u for p, u in scope.items() if p not in declared}, **declared}
            scope = {}
        inner = {**scope, **declared}
        name = _qname(tag, inner, declared, is_attr=False)
        attrs = [(_qname(key, inner, declared, is_attr=True), value) for key, value in element.attrib.items()]
        out.append("<" + name)
        for prefix, uri in declared.items():
            out.append(f' xmlns="{_attr(uri)}"' if prefix is None else f' xmlns:{prefix}="{_attr(uri)}"')
        for key, value in attrs:
            out.append(f' {key}="{_attr(value)}"')
        if element.text or len(element):
            out.append(">")
            if element.text:
                out.append(_text(element.text))
            for child in element:
                _write(child, out, inner)
            out.append(f"</{name}>")
        else:
            out.append("/>")
    if element.tail and not top:
        out.append(_text(element.tail))


def _qname(tag: str, scope: dict[str | None, str], declared: dict[str | None, str], is_attr: bool) -> str:
    """``{uri}local`` as ``prefix:local`` with a prefix in scope, declaring one if none is."""
    if not tag.startswith("{"):
        if not is_attr and scope.get(None):  # a tag without a namespace under a default one
            declared[None] = scope[None] = ""
        return tag
    uri, _, local = tag[1:].partition("}")
    if uri == XML_NS:
        return "xml:" + local
    if not is_attr and scope.get(None) == uri:
        return local
    for prefix, bound in scope.items():
        if prefix is not None and bound == uri:
            return f"{prefix}:{local}"
    if not is_attr and None not in scope:
        declared[None] = scope[None] = uri
        return local
    prefix = KNOWN_PREFIXES.get(uri, "")
    n = 0
    while not prefix or prefix in scope:
        prefix, n = f"ns{n}", n + 1
    declared[prefix] = scope[prefix] = uri
    return f"{prefix}:{local}"


# --- the backend the writer calls ----------------------------------------------------------------
class _Backend:
    """``etree``: lxml's module or this one, whichever ``use`` chose."""

    def __init__(self) -> None:
        self.name = ""
        self.module: Any = None
        self.use(os.environ.get("XLPLUGIN_XML", "lxml"))

    def use(self, name: str) -> str:
        """Switch to ``lxml`` (when importable) or ``stdlib``; gives the previous name."""
        previous = self.name
        module: Any = None
        if name != "stdlib":
            try:
                import lxml.etree

                module = lxml.etree
            except ImportError:
                pass
        if module is None:
            import sys

            module, name = sys.modules[__name__], "stdlib"
        self.module, self.name = module, name
        return previous

    def XMLParser(self, **options: Any) -> Any:
        return _ParserOptions(options)

    def fromstring(self, data: bytes | str, parser: Any = None) -> Any:
        if isinstance(parser, _ParserOptions):
            parser = self.module.XMLParser(**parser.options)
        return self.module.fromstring(data, parser)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.module, name)


class _ParserOptions:
    """Parser options made at import time, applied by whichever backend parses."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options


etree: Any = _Backend()


def use(name: str) -> str:
    previous: str = etree.use(name)
    return previous
