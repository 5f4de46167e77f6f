/** Mixpeek's offset pages, for triggers and trigger history alike: 50 items when no limit is sent, at most 1 000. */
export const mixpeekPageSizes = { defaultPageSize: 50, maxPageSize: 1000 } as const;
