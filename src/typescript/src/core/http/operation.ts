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
