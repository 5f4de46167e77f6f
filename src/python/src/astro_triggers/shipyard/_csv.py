from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class FleetRunRecord:
    """One row of Shipyard's fleet-runs CSV, every column kept by its header name.

    Attributes:
        fleet_log_id: The ``Fleet Log ID`` column: the fleet run id (None when the column is absent).
        status: The ``Status`` column, as Shipyard words it.
        columns: Every column by its trimmed header name (a missing field is empty).
    """

    fleet_log_id: str | None
    status: str | None
    columns: Mapping[str, str]


def parse_fleet_run_csv(text: str) -> list[FleetRunRecord]:
    """Parses RFC 4180 CSV with a header row: quoted fields with embedded commas, doubled quotes and line breaks, CRLF
    or LF line ends, a leading BOM. Columns are found by name (``Fleet Log ID``, ``Status``)."""
    rows = _parse(text[1:] if text.startswith("\ufeff") else text)
    if not rows:
        return []
    header = [h.strip() for h in rows[0]]
    records = []
    for row in rows[1:]:
        if len(row) == 1 and row[0] == "":
            continue
        columns = {name: (row[i] if i < len(row) else "") for i, name in enumerate(header)}
        records.append(FleetRunRecord(columns.get("Fleet Log ID"), columns.get("Status"), columns))
    return records


def _parse(text: str) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] = []
    field: list[str] = []
    quoted = False
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if quoted:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    field.append('"')
                    i += 1
                else:
                    quoted = False
            else:
                field.append(c)
        elif c == '"':
            quoted = True
        elif c == ",":
            row.append("".join(field))
            field = []
        elif c in "\r\n":
            if c == "\r" and i + 1 < n and text[i + 1] == "\n":
                i += 1
            row.append("".join(field))
            rows.append(row)
            row, field = [], []
        else:
            field.append(c)
        i += 1
    if field or row:
        row.append("".join(field))
        rows.append(row)
    return rows
