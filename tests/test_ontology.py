from pathlib import Path

import pytest

from eventwire.ontology import load_ontology, plover_of_code


def test_every_root_present_with_quad_class():
    ont = load_ontology()
    roots = {c.root for c in ont.codes.values()}
    assert roots == {f"{r:02d}" for r in range(1, 21)}
    quads = {c.root: c.quad_class for c in ont.codes.values()}
    assert [quads[f"{r:02d}"] for r in range(1, 21)] == [1] * 5 + [2] * 3 + [3] * 5 + [4] * 7


@pytest.mark.parametrize(
    ("code", "plover"),
    [("020", "REQUEST"), ("0256", "REQUEST"), ("010", None), ("1212", "REJECT"), ("163", "COERCE"),
     ("1712", "ASSAULT"), ("084", "RETREAT"), ("083", "CONCEDE"), ("193", "ASSAULT"), ("112", "ACCUSE")],
)
def test_plover_mapping(code, plover):
    assert plover_of_code(code) == plover


def test_leaf_goldstein_is_the_leafs_own_value():
    ont = load_ontology()
    assert ont.get("182").goldstein == -9.5  # the root 18 is -9.0
    assert ont.get("0874").goldstein == 10.0
    assert ont.get("046").goldstein == 7.0


def test_all_table_codes_loaded(shared_dir: Path):
    table = (shared_dir / "reference" / "CAMEO2PLOVER-2021.txt").read_text()
    codes = {line.split(":")[0] for line in table.splitlines() if line[:3].isdigit() and len(line.split(":")[0]) >= 3}
    assert codes <= set(load_ontology().codes)
