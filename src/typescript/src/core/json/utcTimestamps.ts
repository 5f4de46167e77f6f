const NAIVE_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const MAX_DEPTH = 64;
const T = 84; // "T"
const Z = 90; // "Z"

/**
 * Appends `Z` to timestamps without an offset in the named fields (the spec's `format: date-time`
 * properties), in place, so `new Date(value)` reads them as UTC (FastAPI serialises naive UTC datetimes;
 * JavaScript would otherwise read them as local time). Values with an offset are left as sent.
 *
 * Runs on every answer (600 fields on a 100-item Agentset page), so it is one pass with no per-object key array or
 * closure: `for…in` over own properties, and a string is looked up in `fields` and matched against the pattern only
 * when it is shaped like a timestamp (`T` at index 10, not ending in `Z`). Nesting deeper than 64 is left as is.
 * @returns the same value.
 */
export function normalizeUtcTimestamps<T>(value: T, fields: ReadonlySet<string>): T {
  if (fields.size === 0 || value === null || typeof value !== "object") return value;
  visit(value as object, fields, 0);
  return value;
}

function visit(node: object, fields: ReadonlySet<string>, depth: number): void {
  if (Array.isArray(node)) {
    if (depth >= MAX_DEPTH) return;
    for (let i = 0; i < node.length; i++) {
      const item: unknown = node[i];
      if (item !== null && typeof item === "object") visit(item, fields, depth + 1);
    }
    return;
  }
  const record = node as Record<string, unknown>;
  for (const key in record) {
    const v = record[key];
    if (typeof v === "string") {
      if (v.length >= 16 && v.charCodeAt(10) === T && v.charCodeAt(v.length - 1) !== Z && fields.has(key) && NAIVE_ISO.test(v) && Object.hasOwn(record, key)) {
        record[key] = `${v}Z`;
      }
    } else if (v !== null && typeof v === "object" && depth < MAX_DEPTH && Object.hasOwn(record, key)) {
      visit(v, fields, depth + 1);
    }
  }
}
