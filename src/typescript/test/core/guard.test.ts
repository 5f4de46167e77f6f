import { describe, expect, it } from "vitest";
import { checkCreateBody } from "../../src/agentset/payloadRule.js";
import { InvalidArgumentError } from "../../src/core/errors/clientErrors.js";
import { Guard, isBlank, trimWhiteSpace } from "../../src/core/guard.js";
import { checkCronExpression } from "../../src/mixpeek/cronRule.js";

// .NET: Guard.NotNullOrWhiteSpace and Guard.HasText judge blankness with string.IsNullOrWhiteSpace (char.IsWhiteSpace).
// String.prototype.trim strips U+FEFF (ECMAScript counts the byte order mark as white space) and keeps U+0085; C#
// does the opposite, so the TypeScript checks use the .NET set.
describe("isBlank / trimWhiteSpace: white space as .NET counts it", () => {
  it.each(["", " ", "\t\n\v\f\r", "\u00a0", "\u2003", "\u3000", "\u2028\u2029", "\u0085", " \u0085 "])("%j is blank", (value) => {
    expect(isBlank(value)).toBe(true);
  });

  it.each(["\uFEFF", " \uFEFF ", "\u200B", "\u180E", "a"])("%j is not blank", (value) => {
    expect(isBlank(value)).toBe(false);
  });

  it("trims the .NET set and keeps U+FEFF", () => {
    expect(trimWhiteSpace(" \u0085\u00a0x y\t\u2029")).toBe("x y");
    expect(trimWhiteSpace("\uFEFF x \uFEFF")).toBe("\uFEFF x \uFEFF");
  });
});

describe("Guard.notBlank and the rules that judged blankness with trim()", () => {
  it("accepts a value of only U+FEFF, as C#'s Guard.NotNullOrWhiteSpace does", () => {
    expect(Guard.notBlank("\uFEFF", "name")).toBe("\uFEFF");
    expect(Guard.pathSegment("\uFEFF", "name")).toBe("\uFEFF");
  });

  it("still refuses white space, naming the argument", () => {
    expect(() => Guard.notBlank(" \u3000 ", "name")).toThrow(InvalidArgumentError);
    expect(() => Guard.notBlank(" \u3000 ", "name")).toThrow(/'name' must not be empty or whitespace/);
  });

  it("an Agentset text payload of only U+FEFF is text (Guard.HasText)", () => {
    expect(() => checkCreateBody({ payload: { type: "TEXT", text: "\uFEFF" } }, "job")).not.toThrow();
    expect(() => checkCreateBody({ payload: { type: "TEXT", text: " \n\u2003" } }, "job")).toThrow(InvalidArgumentError);
  });

  it("a cron expression of only U+FEFF is not 'required' but a malformed expression, as C#'s CronRule reads it", () => {
    expect(() => checkCronExpression("\uFEFF", "cron")).toThrow(/five-field cron expression .*it has 1 field/);
    expect(() => checkCronExpression("\u00a00 2 * * *\u00a0", "cron")).not.toThrow();
    expect(() => checkCronExpression("\uFEFF0 2 * * *", "cron")).toThrow(InvalidArgumentError);
  });
});
