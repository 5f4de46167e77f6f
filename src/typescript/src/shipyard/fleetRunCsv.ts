/** One row of Shipyard's fleet-runs CSV, every column kept by its header name. */
export interface FleetRunRecord {
  /** The `Fleet Log ID` column: the fleet run id. */
  readonly fleetLogId: string | undefined;
  /** The `Status` column, as Shipyard words it. */
  readonly status: string | undefined;
  /** Every column by header name (trimmed). */
  readonly columns: Readonly<Record<string, string>>;
}

/**
 * @internal Used by `FleetRunsClient` (not exported from the package, as C#'s FleetRunCsv is internal).
 * Parses RFC 4180 CSV with a header row: quoted fields with embedded commas, doubled quotes and line breaks,
 * CRLF or LF line ends, a leading BOM. Columns are found by name (`Fleet Log ID`, `Status`).
 */
export function parseFleetRunCsv(text: string): FleetRunRecord[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = rows.shift()?.map((h) => h.trim());
  if (!header) return [];
  return rows
    .filter((row) => !(row.length === 1 && row[0] === ""))
    .map((row) => {
      const columns: Record<string, string> = {};
      header.forEach((name, i) => (columns[name] = row[i] ?? ""));
      return { fleetLogId: columns["Fleet Log ID"], status: columns["Status"], columns };
    });
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
