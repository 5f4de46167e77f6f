/** Agentset wire bodies for tests. */
export function job(id: string, status = "QUEUED", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    name: null,
    namespaceId: "ns_1",
    tenantId: null,
    externalId: null,
    status,
    error: status === "FAILED" ? "parse failed" : null,
    payload: { type: "TEXT", text: "hi" },
    config: null,
    createdAt: "2026-11-30T10:00:00.000Z",
    queuedAt: null,
    preProcessingAt: null,
    processingAt: null,
    completedAt: null,
    failedAt: null,
    ...extra,
  };
}

export function jobBody(id: string, status = "QUEUED", extra: Record<string, unknown> = {}) {
  return { success: true, data: job(id, status, extra) };
}

export function page(ids: string[], next: string | null, prev: string | null = null, hasMore = next !== null) {
  return { success: true, data: ids.map((id) => job(id)), pagination: { nextCursor: next, prevCursor: prev, hasMore } };
}

export function agentsetError(code: string, message: string) {
  return { success: false, error: { code, message, doc_url: `https://docs.agentset.ai/errors/${code}` } };
}
