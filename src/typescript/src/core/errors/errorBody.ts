import type { ValidationIssue } from "./validationIssue.js";

/** The fields an error body may carry, across the five services' shapes. */
export interface ErrorBody {
  code?: string;
  message?: string;
  documentationUrl?: string;
  requestId?: string;
  reason?: string;
  action?: string;
  validationIssues?: ValidationIssue[];
}

/**
 * Reads an error body in any of the services' shapes: Agentset `{error:{code,message,doc_url}}`, TrueFoundry
 * `{statusCode,message,code}`, Mixpeek `{error:{message,type}}` and FastAPI `{detail:[{loc,msg,type}]}`,
 * Astropod `{error,code,reason,action}`, Shipyard `{request:{id},data:null}`. Anything else (HTML, text,
 * empty, truncated JSON) gives an empty result; the status still decides the error type. Every text field also
 * accepts a JSON number or boolean, read as its text (TrueFoundry's numeric `code` 4001 is "4001", a `true` is
 * "true"), as the C# ErrorBody does; objects and arrays are not text.
 */
export function parseErrorBody(raw: string | undefined): ErrorBody {
  if (!raw || raw.trimStart()[0] !== "{") return {};
  let root: unknown;
  try {
    root = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!isObject(root)) return {};
  let code = str(root, "code");
  let message = str(root, "message");
  let doc = str(root, "doc_url") ?? str(root, "docUrl");
  const error = root["error"];
  if (isObject(error)) {
    code = str(error, "code") ?? str(error, "type") ?? code;
    message = str(error, "message") ?? message;
    doc = str(error, "doc_url") ?? str(error, "docUrl") ?? doc;
  } else if (typeof error === "string") {
    message ??= error;
  }
  let issues: ValidationIssue[] | undefined;
  const detail = root["detail"];
  if (Array.isArray(detail)) {
    issues = detail.map(readIssue);
    message ??= issues.map((i) => (i.location.length ? `${i.location.join(".")}: ${i.message}` : i.message)).join("; ");
  } else if (typeof detail === "string") {
    message ??= detail;
  }
  let requestId = str(root, "request_id") ?? str(root, "requestId");
  const request = root["request"];
  if (requestId === undefined && isObject(request)) requestId = str(request, "id");
  return clean({ code, message, documentationUrl: doc, requestId, reason: str(root, "reason"), action: str(root, "action"), validationIssues: issues });
}

function readIssue(entry: unknown): ValidationIssue {
  if (!isObject(entry)) return { location: [], message: JSON.stringify(entry), type: undefined };
  const loc = entry["loc"];
  return {
    location: Array.isArray(loc) ? loc.map((step) => String(step)) : [],
    message: str(entry, "msg") ?? JSON.stringify(entry),
    type: str(entry, "type"),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A field as text: a string as is, a number or boolean as its JSON text; anything else (object, array, null) none.
 * A number is written back by JavaScript (`12.50` reads as "12.5", C# keeps the raw "12.50"). */
function str(obj: Record<string, unknown>, key: string): string | undefined {
  const value = obj[key];
  if (typeof value === "string") return value;
  return typeof value === "number" || typeof value === "boolean" ? JSON.stringify(value) : undefined;
}

function clean(body: ErrorBody): ErrorBody {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as ErrorBody;
}
