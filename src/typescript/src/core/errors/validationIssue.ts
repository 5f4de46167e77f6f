/** One entry of a FastAPI-style 422 body (`{detail: [{loc, msg, type}]}`). */
export interface ValidationIssue {
  /** Where the problem is, e.g. `["body", "action_config", "cluster_id"]`. */
  readonly location: readonly string[];
  /** The service's message. */
  readonly message: string;
  /** The service's error type, e.g. `"missing"`. */
  readonly type: string | undefined;
}
