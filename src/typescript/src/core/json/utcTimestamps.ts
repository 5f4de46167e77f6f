const NAIVE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Appends `Z` to timestamps without an offset in the named fields (the spec's `format: date-time`
 * properties), in place, so `new Date(value)` reads them as UTC (FastAPI serialises naive UTC datetimes;
 * JavaScript would otherwise read them as local time). Values with an offset are left as sent.
 * @returns the same value.
 */
export function normalizeUtcTimestamps<T>(value: T, fields: ReadonlySet<string>): T {
  if (fields.size === 0) return value;
  visit(value, fields, 0);
  return value;
}

function visit(node: unknown, fields: ReadonlySet<string>, depth: number): void {
  if (depth > 64 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fields, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const v = record[key];
    if (typeof v === "string") {
      if (fields.has(key) && NAIVE_ISO.test(v)) record[key] = `${v}Z`;
    } else if (v && typeof v === "object") {
      visit(v, fields, depth + 1);
    }
  }
}
