/** Thrown inside {@link jsonPathOfFailure} to stop at the first fault; never escapes it. */
const STOP = Symbol("stop");
// A JSON string, a number or a literal, read in place (sticky) so a large body is not copied per token.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
// System.Text.Json's default MaxDepth: deeper nesting is a fault there too.
const MAX_DEPTH = 64;

/**
 * @internal Where reading a body as JSON stops, as a JSON path in C#'s form (`$`, `$.data.createdAt`, `$.items[3]`,
 * `$['odd key']`): the value being read when the text broke off or went wrong, as System.Text.Json's
 * `JsonException.Path` names it for `ResponseDeserializationException.JsonPath`. A body that is not JSON at all is
 * `$`. For a text that parses whole the answer is `$` as well (the fault, if any, is the document's shape).
 */
export function jsonPathOfFailure(text: string): string {
  const path: (string | number)[] = [];
  let i = 0;
  const fail = (): never => {
    throw STOP;
  };
  const space = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
  };
  const token = (pattern: RegExp): string => {
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) fail();
    i = pattern.lastIndex;
    return match![0];
  };
  const value = (): void => {
    space();
    if (path.length > MAX_DEPTH) fail();
    const c = text[i];
    if (c === "{") {
      i++;
      space();
      if (text[i] === "}") return void i++;
      for (;;) {
        space();
        if (text[i] !== '"') fail();
        path.push(JSON.parse(token(STRING)) as string);
        space();
        if (text[i] !== ":") fail();
        i++;
        value();
        path.pop();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text[i] === "]") return void i++;
      for (let index = 0; ; index++) {
        path.push(index);
        value();
        path.pop();
        space();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    }
    token(c === '"' ? STRING : SCALAR);
  };
  try {
    value();
    space();
    if (i < text.length) fail();
  } catch (error) {
    if (error !== STOP) throw error;
  }
  return format(path);
}

function format(path: readonly (string | number)[]): string {
  let out = "$";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += `.${part}`;
    else out += `['${part.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}']`;
  }
  return out;
}
