/** One operation of a spec, as the call runner needs it (from the generated `<service>.wire.ts`). */
export interface OperationInfo {
  /** Service name, e.g. "Agentset". */
  readonly service: string;
  /** The OpenAPI operationId. */
  readonly operationId: string;
  /** HTTP method. */
  readonly method: string;
  /** Safe to repeat after an ambiguous failure: GET/DELETE, or a POST/PATCH marked `x-astro-idempotent`. */
  readonly idempotent: boolean;
}

/** The operation table of one service, keyed by operationId. */
export function operationTable<K extends string>(
  service: string,
  table: Readonly<Record<K, { readonly method: string; readonly idempotent: boolean }>>,
): Readonly<Record<K, OperationInfo>> {
  const result = {} as Record<K, OperationInfo>;
  for (const id of Object.keys(table) as K[]) {
    const entry = table[id];
    result[id] = Object.freeze({ service, operationId: id, method: entry.method, idempotent: entry.idempotent });
  }
  return result;
}
