"""Reading the packaged tab-separated data files (``src/eventwire/data/**.tsv``).

Every file has ``#`` comment lines, one header line naming its columns, then rows; a bad
file raises ``ResourceError`` naming the file and line. Stage modules say what the columns
mean; this module only reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from eventwire.errors import ResourceError


def packaged_text(path: str) -> str:
    """The text of ``data/<path>`` inside the installed package."""
    try:
        return resources.files("eventwire").joinpath(f"data/{path}").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"cannot read packaged data file {path}: {exc}; reinstall eventwire") from None


def read_table(name: str, text: str, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ``("file:line", row)`` for each row of a table with exactly ``columns``."""
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if not header_seen:
            if tuple(f.strip().lower() for f in fields) != columns:
                raise ResourceError(f"{where}: header must be {' '.join(columns)!r} (tab-separated), got {line!r}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise ResourceError(
                f"{where}: expected {len(columns)} tab-separated fields ({', '.join(columns)}), got {len(fields)}; "
                "check for missing or extra tabs"
            )
        yield where, {c: f.strip() for c, f in zip(columns, fields, strict=True)}
    if not header_seen:
        raise ResourceError(f"{name}: no header line; expected {' '.join(columns)!r}")


def read_packaged(path: str, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """:func:`read_table` over ``data/<path>``."""
    return read_table(path, packaged_text(path), columns)
