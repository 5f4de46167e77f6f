/** The TypeScript public surface for the vocabulary check: see vocabularySurface.mjs. */
export interface ExportedName {
  name: string;
  kind: "class" | "interface" | "type" | "function" | "variable";
  members: string[];
}
export function typescriptSurface(packageDir: string): ExportedName[];
