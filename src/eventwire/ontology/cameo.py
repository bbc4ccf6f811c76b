"""The CAMEO code table joined with PLOVER-2021 and the Goldstein scale.

Data: ``data/ontology/CAMEO2PLOVER-2021.txt`` (PLOVER project, CC BY-SA 4.0),
``data/ontology/cameo-goldstein.tsv`` (published CAMEO scale) and
``data/ontology/cameo-01-02.tsv`` (names of the CAMEO 01/02 codes, which the PLOVER
table leaves out; from the CAMEO 1.1b3 manual). CAMEO 02 (appeal) maps to REQUEST,
CAMEO 01 (public statement) has no PLOVER category.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from eventwire.errors import ResourceError

_ROOT_QUAD = {
    **{f"{r:02d}": 1 for r in range(1, 6)},
    **{f"{r:02d}": 2 for r in range(6, 9)},
    **{f"{r:02d}": 3 for r in range(9, 14)},
    **{f"{r:02d}": 4 for r in range(14, 21)},
}
_LINE = re.compile(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),([^#]*)#\s*(.*)$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    plover: str | None
    mode: str | None
    context: str | None
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Ontology:
    codes: dict[str, CameoCode]

    def get(self, code: str) -> CameoCode:
        try:
            return self.codes[code]
        except KeyError:
            raise ResourceError(f"unknown CAMEO code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return code in self.codes

    def leaves(self) -> list[str]:
        return sorted(self.codes)


def _data(name: str) -> str:
    return resources.files("eventwire").joinpath("data/ontology", name).read_text(encoding="utf-8")


def _clean(value: str) -> str | None:
    value = value.strip().replace(" ", "")
    return value or None


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    goldstein: dict[str, float] = {}
    for line in _data("cameo-goldstein.tsv").splitlines():
        if not line or line.startswith(("#", "code")):
            continue
        code, value = line.split("\t")
        goldstein[code] = float(value)

    def gold(code: str) -> float:
        # leaf value when published, else the nearest published ancestor (e.g. 1014 -> 101)
        for n in range(len(code), 1, -1):
            if code[:n] in goldstein:
                return goldstein[code[:n]]
        raise ResourceError(f"no Goldstein value for CAMEO {code}")

    codes: dict[str, CameoCode] = {}
    for line in _data("CAMEO2PLOVER-2021.txt").splitlines():
        m = _LINE.match(line.strip())
        if not m:
            continue
        code, plover, mode, context, name = m.groups()
        if code in codes:
            continue
        codes[code] = CameoCode(code, name.strip(), plover, _clean(mode), _clean(context), gold(code), _ROOT_QUAD[code[:2]])
    for line in _data("cameo-01-02.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        code, name = line.split("\t")
        plover = None if code.startswith("01") else "REQUEST"
        mode = None if code.startswith("01") else "appeal"
        codes[code] = CameoCode(code, name, plover, mode, None, gold(code), _ROOT_QUAD[code[:2]])
    if len(codes) < 250:
        raise ResourceError(f"CAMEO table incomplete: {len(codes)} codes read")
    return Ontology(codes)


def plover_of_code(code: str) -> str | None:
    """PLOVER-2021 category of a CAMEO code (leaf or root)."""
    ont = load_ontology()
    if code in ont:
        return ont.get(code).plover
    root = code[:2]
    for c in (root + "0", root):
        if c in ont:
            return ont.get(c).plover
    return None
