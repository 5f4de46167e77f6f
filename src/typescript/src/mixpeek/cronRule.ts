import { InvalidArgumentError } from "../core/errors/clientErrors.js";
import { isBlank, trimWhiteSpace } from "../core/guard.js";

// The cron syntax Mixpeek documents, as .NET's Mixpeek/CronRule.cs: five fields (minute hour day-of-month month
// day-of-week) of numbers, month/weekday names, `*`, lists, low-to-high ranges and steps. Macros (`@daily`) and scheduler
// extensions (`L`, `W`, `#`, `?`, a seconds field) are refused: the service documents none of them (openapi/README.md).

interface Field { name: string; min: number; max: number; names?: string[]; firstNameValue?: number }

const FIELDS: Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], firstNameValue: 1 },
  { name: "day-of-week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], firstNameValue: 0 },
];

const MACROS: Record<string, string> = {
  "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
};

const invalid = (name: string, expression: string, problem: string) =>
  new InvalidArgumentError(name, `'${name}' must be a five-field cron expression (minute hour day-of-month month day-of-week), e.g. '0 2 * * *' (was '${expression}'): ${problem}`);

/** @throws InvalidArgumentError naming `name`, the rule and the field that breaks it. */
export function checkCronExpression(expression: unknown, name: string): void {
  if (typeof expression !== "string" || isBlank(expression)) throw new InvalidArgumentError(name, `'${name}' is required (a five-field cron expression).`);
  const trimmed = trimWhiteSpace(expression);
  if (trimmed.startsWith("@")) {
    const equivalent = MACROS[trimmed.toLowerCase()];
    throw invalid(name, expression, `macros such as '@daily' are not accepted by Mixpeek.${equivalent ? ` Write '${equivalent}' instead.` : ""}`);
  }
  const parts = trimmed.split(/ +/);
  if (parts.length !== FIELDS.length) throw invalid(name, expression, `it has ${parts.length} field${parts.length === 1 ? "" : "s"}.`);
  parts.forEach((part, i) => checkField(part, FIELDS[i]!, name, expression));
}

function checkField(text: string, field: Field, name: string, expression: string): void {
  for (const item of text.split(",")) {
    const [range = "", step, ...rest] = item.split("/");
    if (step !== undefined || rest.length > 0) {
      const n = /^\d+$/.test(step ?? "") ? Number(step) : NaN;
      if (rest.length > 0 || !(n >= 1 && n <= field.max)) {
        throw invalid(name, expression, `the ${field.name} field's step must be a whole number from 1 to ${field.max} (was '${item}').`);
      }
    }
    if (range === "*") continue;
    const [low, high, ...more] = range.split("-");
    const from = value(low ?? "", field, name, expression, item);
    if (more.length > 0) throw invalid(name, expression, `the ${field.name} field must be ${field.min}-${field.max}${hint(field)}, '*', a list (','), a range ('-') or a step ('/') (was '${item}').`);
    if (high !== undefined && value(high, field, name, expression, item) < from) {
      throw invalid(name, expression, `the ${field.name} field's range must run from low to high (was '${item}').`);
    }
  }
}

function value(text: string, field: Field, name: string, expression: string, item: string): number {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n >= field.min && n <= field.max) return n;
    throw invalid(name, expression, `the ${field.name} field must be ${field.min}-${field.max}${hint(field)} (was '${item}').`);
  }
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index >= 0) return index + (field.firstNameValue ?? 0);
  throw invalid(name, expression, `the ${field.name} field must be ${field.min}-${field.max}${hint(field)}, '*', a list (','), a range ('-') or a step ('/') (was '${item}').`);
}

const hint = (field: Field) => (field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : "");

/** An IANA time zone id the runtime knows ("Europe/Berlin", "UTC"). @throws InvalidArgumentError */
export function checkTimeZone(zone: unknown, name: string): void {
  if (zone === undefined) return;
  let known = typeof zone === "string" && trimWhiteSpace(zone) === zone && zone.length > 0;
  if (known) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone as string });
    } catch {
      known = false;
    }
  }
  if (!known) throw new InvalidArgumentError(name, `'${name}' must be an IANA time zone id such as 'Europe/Berlin' or 'UTC' (was '${String(zone)}').`);
}
