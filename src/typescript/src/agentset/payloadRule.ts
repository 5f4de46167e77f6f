import { InvalidArgumentError } from "../core/errors/clientErrors.js";
import { Guard, isBlank } from "../core/guard.js";
import { checkMetadata } from "./tenantRule.js";

// What Agentset's document requires of a create body (openapi/agentset.yaml), checked before sending so a payload the
// service would answer 422 costs no request; as .NET's Agentset/PayloadRule.cs. Messages name the path.

const KINDS = ["TEXT", "FILE", "MANAGED_FILE", "CRAWL", "YOUTUBE", "BATCH"];
const ITEM_KINDS = ["TEXT", "FILE", "MANAGED_FILE"];

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks a create body's payload and config. @throws InvalidArgumentError naming the path, e.g. `job.payload.text`. */
export function checkCreateBody(job: { payload?: unknown; config?: unknown }, name: string): void {
  const payload = job.payload;
  if (!isRecord(payload)) throw new InvalidArgumentError(`${name}.payload`, `'${name}.payload' is required (an object with a type).`);
  checkPayload(payload, `${name}.payload`);
  checkConfig(job.config, `${name}.config`);
}

function checkPayload(payload: Fields, name: string): void {
  switch (payload["type"]) {
    case "TEXT": return void text(payload["text"], `${name}.text`);
    case "FILE": return void httpUrl(payload["fileUrl"], `${name}.fileUrl`);
    case "MANAGED_FILE": return void Guard.notBlank(payload["key"], `${name}.key`);
    case "CRAWL": {
      httpUrl(payload["url"], `${name}.url`);
      atLeast(payload["maxDepth"], 1, `${name}.maxDepth`);
      atLeast(payload["limit"], 1, `${name}.limit`);
      for (const list of ["includePaths", "excludePaths"]) {
        const paths = payload[list];
        if (paths !== undefined) notEmptyList(paths, `${name}.${list}`, "path", true).forEach((p, i) => Guard.notBlank(p, `${name}.${list}[${i}]`));
      }
      const headers = payload["headers"];
      if (headers !== undefined && headers !== null) {
        if (!isRecord(headers)) throw new InvalidArgumentError(`${name}.headers`, `'${name}.headers' must be an object of strings.`);
        for (const [header, value] of Object.entries(headers)) {
          Guard.notBlank(header, `${name}.headers`);
          if (typeof value !== "string") throw new InvalidArgumentError(`${name}.headers["${header}"]`, `'${name}.headers["${header}"]' must be a string.`);
          Guard.noControlCharacters(value, `${name}.headers["${header}"]`);
        }
      }
      return;
    }
    case "YOUTUBE":
      return void notEmptyList(payload["urls"], `${name}.urls`, "URL").forEach((u, i) => httpUrl(u, `${name}.urls[${i}]`));
    case "BATCH":
      return void notEmptyList(payload["items"], `${name}.items`, "item").forEach((item, i) => checkItem(item, `${name}.items[${i}]`));
    default:
      throw new InvalidArgumentError(`${name}.type`, `'${name}.type' must be one of ${KINDS.join(", ")} (was ${JSON.stringify(payload["type"])}).`);
  }
}

function checkItem(item: unknown, name: string): void {
  if (!isRecord(item)) throw new InvalidArgumentError(name, `'${name}' must be an object with a type.`);
  switch (item["type"]) {
    case "TEXT": text(item["text"], `${name}.text`); break;
    case "FILE": httpUrl(item["fileUrl"], `${name}.fileUrl`); break;
    case "MANAGED_FILE": Guard.notBlank(item["key"], `${name}.key`); break;
    default: throw new InvalidArgumentError(`${name}.type`, `'${name}.type' must be one of ${ITEM_KINDS.join(", ")} (was ${JSON.stringify(item["type"])}).`);
  }
  checkConfig(item["config"], `${name}.config`);
}

function checkConfig(config: unknown, name: string): void {
  if (config === undefined || config === null) return;
  if (!isRecord(config)) throw new InvalidArgumentError(name, `'${name}' must be an object.`);
  atLeast(config["chunkSize"], 32, `${name}.chunkSize`);
  checkMetadata(config["metadata"], `${name}.metadata`);
}

/** Free text: a string, not empty or whitespace; line breaks are fine. */
function text(value: unknown, name: string): void {
  if (typeof value !== "string") throw new InvalidArgumentError(name, `'${name}' is required (a string).`);
  if (isBlank(value)) throw new InvalidArgumentError(name, `'${name}' must not be empty or whitespace.`);
}

function httpUrl(value: unknown, name: string): void {
  const raw = value instanceof URL ? value.href : value;
  if (typeof raw !== "string") throw new InvalidArgumentError(name, `'${name}' is required (an absolute http(s) URL).`);
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new InvalidArgumentError(name, `'${name}' must be an absolute http(s) URL (was '${raw}').`);
  }
}

function atLeast(value: unknown, min: number, name: string): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(name, `'${name}' must be an integer of at least ${min} (was ${String(value)}).`);
  }
}

function notEmptyList(value: unknown, name: string, what: string, allowEmpty = false): unknown[] {
  if (!Array.isArray(value)) throw new InvalidArgumentError(name, `'${name}' is required (a list).`);
  if (!allowEmpty && value.length === 0) throw new InvalidArgumentError(name, `'${name}' must hold at least one ${what}.`);
  return value;
}
