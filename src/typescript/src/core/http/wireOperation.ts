import type { OperationInfo } from "./operation.js";

/** How an array query parameter travels: `comma` (form, explode false: `a=x,y`) or `repeat` (form, explode true: `a=x&a=y`). */
export type QueryArrayStyle = "comma" | "repeat";

/** How a success body is read: parsed JSON, text (e.g. Shipyard's CSV), or nothing (no 2xx answer has content). */
export type ResponseKind = "json" | "text" | "none";

/** One entry of a generated `<service>.wire.ts` table (scripts/generate.mjs), read from the OpenAPI document. */
export interface WireEntry {
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  /** The path template, `{name}` per path parameter (style simple). */
  readonly path: string;
  readonly idempotent: boolean;
  readonly response: ResponseKind;
  /** The array query parameters and their style; scalars have no entry. */
  readonly query?: Readonly<Record<string, QueryArrayStyle>>;
}

/** The generated table of a service: one entry per operationId of its generated `operations` types. */
export type WireTable<Operations> = { readonly [K in keyof Operations]: WireEntry };

/** An operation as the sender needs it: the call runner's facts plus the wire's, the path template split once. */
export interface WireOperation<K extends string = string> extends OperationInfo {
  readonly operationId: K;
  readonly path: string;
  readonly response: ResponseKind;
  readonly query: Readonly<Record<string, QueryArrayStyle>> | undefined;
  /** The template split at its parameters: literal, name, literal, name, …, literal. */
  readonly pathParts: readonly string[];
}

/** The operation table of one service, keyed by operationId, built once per module from the generated table. */
export function operationTable<T extends Readonly<Record<string, WireEntry>>>(
  service: string,
  table: T,
): { readonly [K in keyof T & string]: WireOperation<K> } {
  const result = {} as Record<string, WireOperation>;
  for (const id of Object.keys(table)) {
    const entry = table[id]!;
    result[id] = Object.freeze({
      service,
      operationId: id,
      method: entry.method,
      idempotent: entry.idempotent,
      path: entry.path,
      response: entry.response,
      query: entry.query,
      pathParts: Object.freeze(entry.path.split(/\{([^}]+)\}/)),
    });
  }
  return result as { readonly [K in keyof T & string]: WireOperation<K> };
}

// The request and answer types of an operation, from openapi-typescript's `operations[operationId]`.

type Parameters<O> = O extends { parameters: infer P } ? P : {};
type Defined<T> = Exclude<T, undefined>;
type Used<T> = [Defined<T>] extends [never] ? false : true;

/** The request body of an operation: required, optional, or none. */
type BodyPart<O> = O extends { requestBody: { content: infer C } }
  ? { body: C[keyof C] }
  : O extends { requestBody?: infer R }
    ? Used<R> extends true
      ? { body?: Defined<R> extends { content: infer C } ? C[keyof C] : never }
      : {}
    : {};

/**
 * What a call site hands the sender for one operation: `path`, `query` and `header` as the OpenAPI document declares
 * them (required when it requires one), and `body` when the operation takes one. A query or header value left
 * undefined is not sent.
 */
export type WireRequest<O> = {
  [K in keyof Parameters<O> as K extends "cookie" ? never : Used<Parameters<O>[K]> extends true ? K : never]: Parameters<O>[K];
} & BodyPart<O>;

type Content<R> = R extends { content: infer C } ? ([Defined<C>] extends [never] ? undefined : C[keyof C]) : undefined;
type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 205 | 206 | "2XX";

/** The body of an operation's success answers (the union of its 2xx media types), undefined for an empty answer. */
export type WireSuccess<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? Content<R[S]> : never }[keyof R] | undefined
  : unknown;

/** A success answer: its status, headers, and the body read as the operation says (undefined when empty). */
export interface WireAnswer<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly data: T;
}
