import { InvalidArgumentError } from "./errors/clientErrors.js";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

// White space as .NET's char.IsWhiteSpace counts it (Zs, Zl, Zp, U+0009–U+000D, U+0085): the set behind C#'s
// string.IsNullOrWhiteSpace and string.Trim. Not String.prototype.trim's set, which also strips U+FEFF (the byte
// order mark, a format character) and leaves U+0085: a value of only U+FEFF is text in C#, so it is here.
const WHITE_SPACE = "\\t\\n\\v\\f\\r\\u0085\\p{Zs}\\u2028\\u2029";
const ALL_WHITE_SPACE = new RegExp(`^[${WHITE_SPACE}]*$`, "u");
const EDGE_WHITE_SPACE = new RegExp(`^[${WHITE_SPACE}]+|[${WHITE_SPACE}]+$`, "gu");

/** True when the text is empty or only white space, as C#'s `string.IsNullOrWhiteSpace` judges it (U+FEFF is not white space). */
export function isBlank(value: string): boolean {
  return ALL_WHITE_SPACE.test(value);
}

/** The text without leading and trailing white space, as C#'s `string.Trim()` (U+FEFF is kept). */
export function trimWhiteSpace(value: string): string {
  return value.replace(EDGE_WHITE_SPACE, "");
}

/** Argument checks; every message names the argument and the rule. All throw {@link InvalidArgumentError}. */
export const Guard = {
  /** A non-empty, non-whitespace string without control characters (CR/LF never reach a header or URL). */
  notBlank(value: unknown, name: string): string {
    if (typeof value !== "string") throw new InvalidArgumentError(name, `'${name}' is required (a string).`);
    if (isBlank(value)) throw new InvalidArgumentError(name, `'${name}' must not be empty or whitespace.`);
    Guard.noControlCharacters(value, name);
    return value;
  },
  /** No control characters such as CR or LF. */
  noControlCharacters(value: string, name: string): string {
    if (CONTROL.test(value)) throw new InvalidArgumentError(name, `'${name}' must not contain control characters such as CR or LF.`);
    return value;
  },
  /** A path segment: not blank, not `.`/`..` (which URL normalisation would resolve away). It is then escaped. */
  pathSegment(value: unknown, name: string): string {
    const text = Guard.notBlank(value, name);
    if (text === "." || text === "..") {
      throw new InvalidArgumentError(name, `'${name}' must not be '.' or '..' (a path segment that would change the route).`);
    }
    return text;
  },
  /** An id with a prefix, e.g. `job_…`, `ns_…`. */
  prefixedId(value: unknown, prefix: string, name: string): string {
    const text = Guard.notBlank(value, name);
    if (!text.startsWith(prefix) || text.length === prefix.length) {
      throw new InvalidArgumentError(name, `'${name}' must be an id starting with '${prefix}' (was '${text}').`);
    }
    return Guard.pathSegment(text, name);
  },
  /** An integer in [min, max]. */
  inRange(value: number, min: number, max: number, name: string): number {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(name, `'${name}' must be an integer between ${min} and ${max} (was ${value}).`);
    }
    return value;
  },
  /** A number in [min, max] (NaN refused), e.g. a ratio or factor; as .NET's `Guard.InRange`. */
  between(value: number, min: number, max: number, name: string): number {
    if (!(value >= min && value <= max)) throw new InvalidArgumentError(name, `'${name}' must be between ${min} and ${max}.`);
    return value;
  },
  /** A positive, finite number of milliseconds. */
  positive(value: number, name: string): number {
    if (!(value > 0) || !Number.isFinite(value)) throw new InvalidArgumentError(name, `'${name}' must be a positive number of milliseconds.`);
    return value;
  },
};
