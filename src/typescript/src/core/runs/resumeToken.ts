import { InvalidArgumentError } from "../errors/clientErrors.js";

/**
 * Resume tokens (tests/conformance/rules/resume-token.json; README, "Resume a run anywhere"): `atr1.` + the base64url
 * (no padding) of a canonical JSON object: `s` (the service) first, then the service's fields in a fixed order, every
 * value a string written without escapes. Ids and per-call scope only, never a credential. The same bytes in every
 * language, so a token written by one resumes in any other.
 */
export type ResumeService = "agentset" | "astropod" | "truefoundry" | "shipyard" | "mixpeek";

/** A decoded token: the service and its fields (`run` is always the run's id). */
export interface ResumeTokenFields {
  readonly service: ResumeService;
  readonly [field: string]: string | undefined;
}

/** Why a string is not a resume token (the rule's rejection names). */
export type ResumeTokenRejection =
  | "too-long" | "not-a-token" | "wrong-version" | "bad-base64url" | "malformed" | "missing-field" | "unknown-service" | "invalid-field";

const PREFIX = "atr1.";
const MAX_LENGTH = 2048;
const MAX_FIELD_BYTES = 256;
const FIELDS: Readonly<Record<ResumeService, readonly (readonly [string, boolean])[]>> = {
  agentset: [["ns", true], ["run", true], ["tenant", false]],
  astropod: [["ns", true], ["ingestion", true], ["run", true]],
  truefoundry: [["app", true], ["run", true], ["deployment", false]],
  shipyard: [["org", true], ["project", true], ["fleet", true], ["run", true]],
  mixpeek: [["ns", true], ["trigger", false], ["run", true]],
};
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f"\\]/;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const encoder = new TextEncoder();

/** A string that is not a resume token, with the rule's rejection and the field at fault. */
export class ResumeTokenError extends Error {
  constructor(readonly rejection: ResumeTokenRejection, readonly field?: string) {
    super(field === undefined ? rejection : `${rejection} (${field})`);
  }
}

function fieldOk(service: ResumeService, name: string, value: string): boolean {
  if (value.length === 0 || encoder.encode(value).length > MAX_FIELD_BYTES) return false;
  if (FORBIDDEN.test(value) || LONE_SURROGATE.test(value)) return false;
  if (value === "." || value === ".." || /^ +$/.test(value)) return false;
  if (service === "agentset") {
    if (name === "ns") return value.startsWith("ns_") && value.length > 3;
    if (name === "run") return value.startsWith("job_") && value.length > 4;
    if (name === "tenant") return /^[A-Za-z0-9]{1,64}$/.test(value);
  }
  return true;
}

function isService(value: unknown): value is ResumeService {
  return typeof value === "string" && Object.hasOwn(FIELDS, value);
}

function check(service: ResumeService, fields: Readonly<Record<string, unknown>>): void {
  const spec = FIELDS[service];
  for (const [name, required] of spec) {
    if (required && (fields[name] === undefined || fields[name] === null)) throw new ResumeTokenError("missing-field", name);
  }
  for (const [name] of spec) {
    const value = fields[name];
    if (value !== undefined && value !== null && (typeof value !== "string" || !fieldOk(service, name, value))) {
      throw new ResumeTokenError("invalid-field", name);
    }
  }
}

function canonical(service: ResumeService, fields: Readonly<Record<string, unknown>>): string {
  let text = `{"s":"${service}"`;
  for (const [name] of FIELDS[service]) {
    const value = fields[name];
    if (value !== undefined && value !== null) text += `,"${name}":"${value as string}"`;
  }
  return `${text}}`;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Writes a token; throws {@link ResumeTokenError} when a field breaks its rule. */
export function encodeResumeToken(fields: { readonly service: string; readonly [field: string]: string | null | undefined }): string {
  const { service, ...rest } = fields;
  if (!isService(service)) throw new ResumeTokenError("unknown-service");
  check(service, rest);
  return PREFIX + toBase64Url(encoder.encode(canonical(service, rest)));
}

/** Reads a token; throws {@link ResumeTokenError} naming the rejection. */
export function decodeResumeToken(token: string): ResumeTokenFields {
  if (token.length > MAX_LENGTH) throw new ResumeTokenError("too-long");
  const version = /^atr([0-9]+)\./.exec(token);
  if (version === null) throw new ResumeTokenError("not-a-token");
  if (version[1] !== "1") throw new ResumeTokenError("wrong-version");
  const payload = token.slice(version[0].length);
  if (payload.length === 0 || !/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) throw new ResumeTokenError("bad-base64url");
  const binary = atob(payload.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (toBase64Url(bytes) !== payload) throw new ResumeTokenError("bad-base64url");
  let text: string;
  let parsed: unknown;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    parsed = JSON.parse(text);
  } catch {
    throw new ResumeTokenError("malformed");
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new ResumeTokenError("malformed");
  const object = parsed as Record<string, unknown>;
  if (Object.values(object).some((value) => typeof value !== "string")) throw new ResumeTokenError("malformed");
  if (object["s"] === undefined) throw new ResumeTokenError("missing-field", "s");
  const service = object["s"];
  if (!isService(service)) throw new ResumeTokenError("unknown-service");
  const known = new Set(["s", ...FIELDS[service].map(([name]) => name)]);
  if (Object.keys(object).some((key) => !known.has(key))) throw new ResumeTokenError("malformed");
  check(service, object);
  if (canonical(service, object) !== text) throw new ResumeTokenError("malformed");
  const run: Record<string, string> = { service };
  for (const [name] of FIELDS[service]) if (object[name] !== undefined) run[name] = object[name] as string;
  return run as unknown as ResumeTokenFields;
}

/** Reads a token given to a client's `resumeRun`: a rejection, or a token of another service, is an InvalidArgumentError naming `token`. */
export function resumeTokenFor(token: unknown, service: ResumeService, argument = "token"): Readonly<Record<string, string | undefined>> {
  if (typeof token !== "string") throw new InvalidArgumentError(argument, `'${argument}' is required (a resume token, "atr1.…").`);
  let fields: ResumeTokenFields;
  try {
    fields = decodeResumeToken(token);
  } catch (error) {
    if (error instanceof ResumeTokenError) {
      throw new InvalidArgumentError(argument, `'${argument}' is not a resume token: ${error.message} (see README, "Resume a run anywhere").`);
    }
    throw error;
  }
  if (fields.service !== service) {
    throw new InvalidArgumentError(argument, `'${argument}' is a ${fields.service} run's resume token; this client resumes ${service} runs.`);
  }
  return fields;
}
