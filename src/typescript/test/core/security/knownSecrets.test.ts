import { describe, expect, it } from "vitest";
import { escapeDataString, jsonEscapedForms, KnownSecrets } from "../../../src/core/security/knownSecrets.js";

// .NET: KnownSecrets masks each secret as sent, Uri.EscapeDataString'd (RFC 3986) and JavaScriptEncoder'd. The
// TypeScript client masks those forms too, plus JSON.stringify's and lower-case \u escapes, so a secret a service
// echoes in any of the usual encodings never reaches an error.
const masking = (secret: string) => {
  const secrets = new KnownSecrets();
  secrets.add(secret);
  return (text: string) => secrets.mask(text);
};

describe("KnownSecrets: a known key and any bearer token", () => {
  it("masks a known key verbatim, URL-encoded and JSON-escaped, and any bearer token", () => {
    const secrets = new KnownSecrets();
    secrets.add('sk+/"key"123');
    expect(secrets.mask('a sk+/"key"123 b')).toBe("a *** b");
    expect(secrets.mask(`a ${encodeURIComponent('sk+/"key"123')} b`)).toBe("a *** b");
    expect(secrets.mask(`a ${JSON.stringify('sk+/"key"123')} b`)).toBe('a "***" b');
    expect(secrets.mask("Authorization: Bearer abc.def-ghi")).toBe("Authorization: Bearer ***");
  });
  it("short values are not treated as secrets", () => {
    const secrets = new KnownSecrets();
    secrets.add("abc");
    expect(secrets.mask("abc")).toBe("abc");
  });
});

describe("KnownSecrets: percent-encoded by RFC 3986 (as Uri.EscapeDataString)", () => {
  it("escapes ! ' ( ) * as well as what encodeURIComponent escapes", () => {
    expect(escapeDataString("a!b'c(d)e*f g/h+~._-")).toBe("a%21b%27c%28d%29e%2Af%20g%2Fh%2B~._-");
  });

  it.each(["!", "'", "(", ")", "*"])("masks a secret with %s percent-encoded by a service", (c) => {
    const secret = `secret${c}value`;
    const hex = `%${c.charCodeAt(0).toString(16).toUpperCase()}`;
    expect(masking(secret)(`u=secret${hex}value&v=1`)).toBe("u=***&v=1");
  });

  it("still masks encodeURIComponent's form (! left as it is) and the verbatim secret", () => {
    const mask = masking("key/with!bang");
    expect(mask("a=key%2Fwith!bang")).toBe("a=***");
    expect(mask("key/with!bang")).toBe("***");
    expect(mask("key%2Fwith%21bang")).toBe("***");
  });

  it("does not throw on a secret with a lone surrogate (encoded as U+FFFD, as .NET does)", () => {
    const secrets = new KnownSecrets();
    expect(() => secrets.add("abc\uD800def")).not.toThrow();
    expect(secrets.mask("x abc%EF%BF%BDdef y")).toBe("x *** y");
    expect(secrets.mask("x abc\uD800def y")).toBe("x *** y");
  });
});

describe("KnownSecrets: JSON-escaped forms of a non-ASCII secret", () => {
  const secret = "pässwörd-1";

  it("lists JSON.stringify's form, lower- and upper-case \\u escapes and .NET's JavaScriptEncoder form", () => {
    expect(jsonEscapedForms('ä"+<')).toEqual(['ä\\"+<', '\\u00e4\\"+<', '\\u00E4\\"+<', "\\u00E4\\u0022\\u002B\\u003C"]);
  });

  it.each([
    ["kept as it is", '{"p":"pässwörd-1"}'],
    ["escaped with lower-case hex (Python's json)", '{"p":"p\\u00e4ssw\\u00f6rd-1"}'],
    ["escaped with upper-case hex (.NET)", '{"p":"p\\u00E4ssw\\u00F6rd-1"}'],
  ])("masks it %s", (_, body) => {
    expect(masking(secret)(body)).toBe('{"p":"***"}');
  });

  it("masks a secret with a quote both as \\\" and as .NET's \\u0022", () => {
    const mask = masking('pa"ss"word');
    expect(mask('{"k":"pa\\"ss\\"word"}')).toBe('{"k":"***"}');
    expect(mask('{"k":"pa\\u0022ss\\u0022word"}')).toBe('{"k":"***"}');
  });

  it("masks an astral character escaped as a surrogate pair", () => {
    expect(masking("key-😀-123")('{"k":"key-\\ud83d\\ude00-123"}')).toBe('{"k":"***"}');
  });
});
