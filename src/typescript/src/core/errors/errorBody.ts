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
 * empty, truncated JSON) gives an empty result; the status still decides the error type.
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
  let code = str(root, "code") ?? num(root, "code");
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

function str(obj: Record<string, unknown>, key: string): string | undefined {
  const value = obj[key];
  return typeof value === "string" ? value : undefined;
}

function num(obj: Record<string, unknown>, key: string): string | undefined {
  const value = obj[key];
  return typeof value === "number" ? String(value) : undefined;
}

function clean(body: ErrorBody): ErrorBody {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as ErrorBody;
}
