// The TypeScript public surface for the vocabulary check (tests/conformance/vocabulary/, issue 26): what
// src/index.ts exports, read with the TypeScript compiler API (no build needed), and the public members each exported
// class or interface declares itself. Shared by test/conformance/vocabulary.test.ts (the check) and
// tests/conformance/vocabulary/generate.mjs (the first draft of the map), so both see the same names.
import path from "node:path";
import ts from "typescript";

/** @param {ts.Node} node */
function isInternal(node) {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === "internal");
}

/** @param {ts.ClassElement | ts.TypeElement} member */
function isPublicMember(member) {
  if (ts.isConstructorDeclaration(member) || ts.isConstructSignatureDeclaration(member)) return false;
  if (ts.isClassStaticBlockDeclaration(member) || ts.isIndexSignatureDeclaration(member) || ts.isCallSignatureDeclaration(member)) return false;
  if (!member.name || ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.canHaveModifiers(member) ? ts.getCombinedModifierFlags(/** @type {ts.Declaration} */ (member)) : 0;
  if (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return false;
  return !isInternal(member);
}

/**
 * The object literal a value is initialized with, through `as const`, `satisfies`, parentheses and `Object.freeze(…)`.
 * @param {ts.Expression | undefined} node
 * @returns {ts.ObjectLiteralExpression | undefined}
 */
function objectLiteralOf(node) {
  while (node && (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))) node = node.expression;
  if (node && ts.isCallExpression(node) && node.expression.getText() === "Object.freeze") node = node.arguments[0];
  return node && ts.isObjectLiteralExpression(node) ? node : undefined;
}

/**
 * @param {string} packageDir src/typescript
 * @returns {{ name: string, kind: "class" | "interface" | "type" | "function" | "variable", members: string[] }[]}
 *   every export of src/index.ts, sorted by name; members are the declared public members of a class (instance and
 *   static, constructor excluded) or interface (inherited ones belong to the base), and the properties of a value
 *   initialized with an object literal (a namespace-like const such as `RetryOptions.none`), sorted.
 */
export function typescriptSurface(packageDir) {
  const index = path.join(packageDir, "src", "index.ts");
  const config = ts.readConfigFile(path.join(packageDir, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, packageDir);
  const program = ts.createProgram([index], { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(index);
  if (!source) throw new Error(`cannot read ${index}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${index} is not a module`);
  const result = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = target.declarations ?? [];
    let kind = "variable";
    if (target.flags & ts.SymbolFlags.Class) kind = "class";
    else if (target.flags & ts.SymbolFlags.Interface) kind = "interface";
    else if (target.flags & ts.SymbolFlags.TypeAlias) kind = "type";
    else if (target.flags & ts.SymbolFlags.Function) kind = "function";
    const members = new Set();
    for (const declaration of declarations) {
      if (ts.isClassDeclaration(declaration) || ts.isInterfaceDeclaration(declaration)) {
        for (const member of declaration.members) {
          if (isPublicMember(member)) members.add(member.name.getText());
        }
      } else if (ts.isVariableDeclaration(declaration)) {
        // A namespace-like value (`export const RetryOptions = Object.freeze({ none })`, a model factory): its properties.
        for (const property of objectLiteralOf(declaration.initializer)?.properties ?? []) {
          if (property.name && !ts.isPrivateIdentifier(property.name) && !isInternal(property)) members.add(property.name.getText());
        }
      }
    }
    result.push({ name: exported.name, kind, members: [...members].sort() });
  }
  return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
