#!/usr/bin/env node
// The conformance report (issue 26, item 2): the "Current state" section of tests/conformance/README.md, written from
// the suite's own files so that no copy of the drift between the languages is ever kept by hand.
//
//   node tests/conformance/report.mjs           rewrites the section between the two marker comments
//   node tests/conformance/report.mjs --check   exits 1, naming the command, when the section is stale
//
// Reads rules/*.json, scenarios/*.json, accepted-differences/<language>.json and the accepted entries of
// vocabulary/vocabulary.json marked "drift". Plain Node >= 20, no dependencies; runs from any directory. Both test
// suites run --check (src/typescript/test/conformance/report.test.ts, tests/Astro.Triggers.Sdk.Tests/Conformance/ReportTests.cs).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const readmePath = join(root, "README.md");
const readmeName = "tests/conformance/README.md";
const command = "node tests/conformance/report.mjs";
const startMarker = "<!-- conformance-report:start -->";
const endMarker = "<!-- conformance-report:end -->";

/** The language every other is compared with (tests/conformance/README.md: the expected outcome is C#'s unless the
 * README says otherwise); a vocabulary drift counts for each other language whose name differs from this one's. */
const reference = "csharp";
const languageNames = { csharp: "C#", typescript: "TypeScript", python: "Python" };
const themes = ["errors", "retries", "paging", "waits", "security", "compression", "other"];
/** A rule or scenario file's theme, from its name: the first pattern that matches, else "other". */
const themePatterns = [
  ["errors", /error|may-have-been-processed/],
  ["retries", /retr|rate-limit|backoff/],
  ["paging", /pag(e|ing)|cursor|offset/],
  ["waits", /wait|poll|run-status/],
  ["security", /secur|secret|mask|redact|argument|token/],
  ["compression", /compress|gzip|brotli/],
];

function fail(message) {
  console.error(`report.mjs: ${message}`);
  process.exit(2);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    return fail(`cannot read ${path}: ${error.message}`);
  }
}

function jsonFiles(folder) {
  return readdirSync(join(root, folder))
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ name: basename(name, ".json"), path: join(root, folder, name) }));
}

function themeOf(fileName) {
  return themePatterns.find(([, pattern]) => pattern.test(fileName))?.[0] ?? "other";
}

const languageName = (language) => languageNames[language] ?? language;

// ---- the suite ---------------------------------------------------------------------------------------------------

/** Every case file, rules then scenarios, each with its ids in file order. */
const files = [
  ...jsonFiles("rules").map(({ name, path }) => ({
    kind: "rule",
    name,
    ids: (readJson(path).cases ?? fail(`${path} has no "cases"`)).map((c) => `${name}/${c.name}`),
  })),
  ...jsonFiles("scenarios").map(({ name, path }) => ({
    kind: "scenario",
    name,
    ids: (readJson(path).scenarios ?? fail(`${path} has no "scenarios"`)).map((s) => `scenario/${name}/${s.name}`),
  })),
].map((file) => ({ ...file, theme: themeOf(file.name) }));

/** case id → { file, order } (order: the case's place in the suite, so the lists do not depend on edit order). */
const caseIndex = new Map();
for (const file of files) {
  for (const id of file.ids) {
    if (caseIndex.has(id)) fail(`the case id ${id} is there twice`);
    caseIndex.set(id, { file, order: caseIndex.size });
  }
}

const languages = jsonFiles("accepted-differences")
  .map(({ name }) => name)
  .sort((a, b) => (a === reference ? -1 : b === reference ? 1 : a.localeCompare(b)));

/** language → [{ id, reason, file }] in suite order. */
const accepted = new Map();
for (const language of languages) {
  const path = join(root, "accepted-differences", `${language}.json`);
  const entries = readJson(path);
  if (!Array.isArray(entries)) fail(`${path} is not an array`);
  const seen = new Set();
  const list = entries.map((entry) => {
    const found = caseIndex.get(entry.case);
    if (!found) fail(`accepted-differences/${language}.json lists ${entry.case}, which is no case of the suite: remove it or fix the id`);
    if (seen.has(entry.case)) fail(`accepted-differences/${language}.json lists ${entry.case} twice`);
    seen.add(entry.case);
    return { id: entry.case, reason: entry.reason ?? "", file: found.file, order: found.order };
  });
  accepted.set(language, list.sort((a, b) => a.order - b.order));
}

const vocabulary = readJson(join(root, "vocabulary", "vocabulary.json"));
const vocabularyAccepted = vocabulary.accepted ?? [];
const drifts = vocabularyAccepted.filter((entry) => entry.drift === true);
/** language → drift entries where that language's name differs from the reference language's. */
const driftsOf = new Map(
  languages.map((language) => [
    language,
    // "driftIn" names the languages a drift lies in (a concept C# and Python have and TypeScript lacks is TypeScript's
    // drift only, though Python's spelling differs from C#'s); without it, every language whose name differs.
    language === reference
      ? []
      : drifts.filter((entry) =>
          Array.isArray(entry.driftIn) ? entry.driftIn.includes(language) : (entry[language] ?? null) !== (entry[reference] ?? null)),
  ]),
);

// ---- the section -------------------------------------------------------------------------------------------------

const code = (text) => "`" + text + "`";
const countOf = (language, file) => accepted.get(language).filter((entry) => entry.file === file).length;

function table(kind, heading, casesHeading) {
  const own = files.filter((file) => file.kind === kind);
  const lines = [
    `| ${heading} | theme | ${casesHeading} | ${languages.map((l) => `${languageName(l)} accepted differences`).join(" | ")} |`,
    `|---|---|---:|${languages.map(() => "---:").join("|")}|`,
    ...own.map((file) => `| ${code(file.name)} | ${file.theme} | ${file.ids.length} | ${languages.map((l) => countOf(l, file)).join(" | ")} |`),
    `| **total** | | **${own.reduce((sum, file) => sum + file.ids.length, 0)}** | ${languages
      .map((l) => `**${accepted.get(l).filter((entry) => entry.file.kind === kind).length}**`)
      .join(" | ")} |`,
  ];
  return lines.join("\n");
}

function vocabularyName(entry, language) {
  const name = (value) => (value === null || value === undefined ? "—" : code(value));
  return `${languageName(reference)} ${name(entry[reference])} ↔ ${languageName(language)} ${name(entry[language])}`;
}

function languageSection(language) {
  const list = accepted.get(language);
  const own = driftsOf.get(language);
  const counts = [`${list.length} accepted ${list.length === 1 ? "difference" : "differences"}`];
  if (language !== reference) counts.push(`${own.length} public-name ${own.length === 1 ? "drift" : "drifts"}`);
  const lines = [`### ${languageName(language)}: ${counts.join(", ")}`, ""];
  if (list.length === 0 && own.length === 0) lines.push("Nothing listed: every case passes.", "");
  for (const theme of themes) {
    const inTheme = list.filter((entry) => entry.file.theme === theme);
    if (inTheme.length === 0) continue;
    lines.push(`**${theme}** (${inTheme.length})`, "");
    for (const entry of inTheme) lines.push(`- ${code(entry.id)}: ${entry.reason || "(no reason given)"}`);
    lines.push("");
  }
  if (own.length > 0) {
    // Entries sharing one reason (one missing concept, several names) are one item.
    const byReason = new Map();
    for (const entry of own) byReason.set(entry.reason ?? "", [...(byReason.get(entry.reason ?? "") ?? []), entry]);
    lines.push(`**public names** (${own.length}; ${code("vocabulary/vocabulary.json")}, accepted with ${code('"drift": true')})`, "");
    for (const [reason, entries] of byReason) {
      lines.push(`- ${entries.map((entry) => vocabularyName(entry, language)).join("; ")}: ${reason || "(no reason given)"}`);
    }
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

function section() {
  const concepts = (vocabulary.concepts ?? []).length;
  return [
    startMarker,
    `<!-- Written by \`${command}\` from rules/, scenarios/, accepted-differences/ and vocabulary/vocabulary.json: do not edit by hand. -->`,
    "",
    table("rule", "rule", "cases"),
    "",
    table("scenario", "scenarios", "scenarios"),
    "",
    `Public names (${code("vocabulary/vocabulary.json")}): ${concepts} concepts mapped, ${vocabularyAccepted.length} accepted differences, ` +
      `${drifts.length} of them drift (${languages
        .filter((l) => l !== reference)
        .map((l) => `${languageName(l)} ${driftsOf.get(l).length}`)
        .join(", ")}).`,
    "",
    ...languages.map((language) => languageSection(language) + "\n"),
    endMarker,
  ].join("\n");
}

// ---- write or check ----------------------------------------------------------------------------------------------

const check = process.argv.includes("--check");
const unknown = process.argv.slice(2).filter((arg) => arg !== "--check");
if (unknown.length > 0) fail(`unknown argument ${unknown.join(" ")} (usage: ${command} [--check])`);

const original = readFileSync(readmePath, "utf8");
const eol = original.includes("\r\n") ? "\r\n" : "\n";
const text = original.replace(/\r\n/g, "\n");
const start = text.indexOf(startMarker);
const end = text.indexOf(endMarker);
if (start < 0 || end < start) {
  fail(`${readmeName} has no "${startMarker}" ... "${endMarker}" pair: put the two lines where the report goes (under "Current state")`);
}
const current = text.slice(start, end + endMarker.length);
const wanted = section();

if (check) {
  if (current === wanted) {
    console.log(`${readmeName}: the conformance report is up to date.`);
    process.exit(0);
  }
  const have = current.split("\n");
  const want = wanted.split("\n");
  const line = want.findIndex((value, index) => value !== have[index]);
  const at = line < 0 ? have.length : line;
  console.error(
    `${readmeName}: the conformance report ("Current state") is stale — it differs from what the suite's files give. ` +
      `Run \`${command}\` from the repository root and commit the README.\n` +
      `First difference, line ${at + 1} of the section:\n  README:    ${have[at] ?? "(end)"}\n  generated: ${want[at] ?? "(end)"}`,
  );
  process.exit(1);
}

const updated = text.slice(0, start) + wanted + text.slice(end + endMarker.length);
if (updated !== text) {
  writeFileSync(readmePath, eol === "\n" ? updated : updated.replace(/\n/g, eol));
  console.log(`${readmeName}: conformance report rewritten.`);
} else {
  console.log(`${readmeName}: the conformance report was already up to date.`);
}
