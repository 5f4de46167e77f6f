#!/usr/bin/env node
// Drafts tests/conformance/vocabulary/vocabulary.json (issue 26, item 3) from the three public surfaces:
//   C#          src/Astro.Triggers.Sdk/PublicAPI.Shipped.txt + PublicAPI.Unshipped.txt
//   TypeScript  src/typescript/src/index.ts, read with the TypeScript compiler API (test/conformance/vocabularySurface.mjs)
//   Python      the __all__ of astro_triggers and its service packages (src/python/tests/conformance/vocabulary_surface.py,
//               run with /usr/bin/python3 — Debian's, which has httpx — after src/python/scripts/generate.sh)
// and the CLI's command tree (src/Astro.Triggers.Cli/Services/*.cs, transcribed in CLI below).
//
// The map is kept by hand; this script only proposes. Run it after adding public names: it keeps every entry already
// in the file (reviewed text wins) and appends a proposal for each name no entry covers, with the naming conventions
// applied; a proposal without a counterpart lands in "accepted" with reason "TODO" — write the real reason (or fix
// the name) before committing. The checks (C# xunit, TypeScript vitest) fail on a TODO reason.
//
//   cd src/typescript && npm ci && node ../../tests/conformance/vocabulary/generate.mjs
//   node tests/conformance/vocabulary/generate.mjs --fresh   # ignore the file, draft from scratch (prints to stdout)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..", "..", "..");
const mapPath = path.join(here, "vocabulary.json");
const fresh = process.argv.includes("--fresh");

// ---- C# surface (the same parse as tests/Astro.Triggers.Sdk.Tests/Conformance/Vocabulary/CSharpSurface.cs) -------
export function csharpSurface() {
  const lines = ["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"]
    .flatMap((f) => fs.readFileSync(path.join(root, "src", "Astro.Triggers.Sdk", f), "utf8").split(/\r?\n/))
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#") && !l.startsWith("*REMOVED*"));
  const modifiers = /^((abstract|static|override|virtual|const|readonly|sealed|new)\s+)*/;
  const parsed = lines.map((line) => {
    const mods = line.match(modifiers)[0];
    let decl = line.slice(mods.length).split(" -> ")[0];
    const isType = !line.includes(" -> ") && !decl.includes("(");
    const head = decl.split("(")[0];
    // An enum value reads `Type.Value = 3 -> Type`; a const `const Type.Name = "x" -> string`.
    const isEnumValue = head.includes(" = ") && !/\bconst\b/.test(mods);
    decl = head.split(" = ")[0];
    return { decl, isType, override: /\boverride\b/.test(mods), isEnumValue };
  });
  const types = new Map();
  for (const p of parsed.filter((p) => p.isType)) types.set(p.decl, { full: p.decl, name: shortName(p.decl), members: new Set(), enum: false });
  const byLength = [...types.keys()].sort((a, b) => b.length - a.length);
  for (const p of parsed.filter((p) => !p.isType)) {
    const owner = byLength.find((t) => p.decl.startsWith(t + "."));
    if (!owner) throw new Error(`no type for ${p.decl}`);
    const type = types.get(owner);
    if (p.isEnumValue) type.enum = true;
    const member = p.decl.slice(owner.length + 1).replace(/\.(get|set|init)$/, "");
    if (ignoredMember(type, member, p.override)) continue;
    type.members.add(member);
  }
  return [...types.values()];
}

export const shortName = (full) => full.replace(/^Microsoft\.Extensions\.DependencyInjection\./, "").replace(/^Astro\.Triggers\.Sdk\.((Agentset|Astropod|Mixpeek|Shipyard|TrueFoundry)\.)?/, "");

// Constructors (the type's entry stands for them), overrides (the concept belongs to the type that declares it),
// and what the compiler writes for a record (copy, deconstruction, equality).
export function ignoredMember(type, member, isOverride) {
  const simple = type.name.replace(/<.*>$/, "");
  return isOverride || member === simple || member.startsWith("<") || member.startsWith("operator ") || member === "Deconstruct" || member === "Equals";
}

// ---- kinds ---------------------------------------------------------------------------------------------------------
const topClients = new Set(["AgentsetClient", "AstropodClient", "MixpeekClient", "ShipyardClient", "TrueFoundryClient", "ServiceClient"]);
const runs = new Set(["TriggeredRun", "TriggeredRun<T>", "IngestJobRun", "TrueFoundryJobRun", "ShipyardFleetRun", "TriggerExecutionRun", "RunSnapshot"]);
function kindOf(type) {
  const n = type.name;
  if (topClients.has(n)) return "client";
  if (n.endsWith("Client")) return "subclient";
  if (n.endsWith("Options")) return "options";
  if (n.endsWith("Exception") || n === "ServiceErrorInfo" || n === "ValidationIssue") return "error";
  if (runs.has(n)) return "run";
  if (n === "Page<T>" || n === "AsyncPageable<T>") return "paging";
  if (n.endsWith("StatusMap")) return "mapping";
  if (n.endsWith("ServiceCollectionExtensions") || n.startsWith("ITriggerClientFactory")) return "di";
  if (n.endsWith("ModelFactory")) return "factory";
  if (n === "TokenProvider") return "delegate";
  if (n === "ResponseInfo") return "diagnostics";
  if (type.enum) return "enum";
  return "model";
}
const memberKinds = ["client", "subclient", "options", "error", "run", "paging", "mapping"];

// ---- naming conventions: C# → TypeScript ---------------------------------------------------------------------------
const typeRenames = {
  AstroTriggersException: "AstroTriggersError",
  ServiceRequestException: "ServiceRequestError",
  InternalServerErrorException: "InternalServerError",
  ServiceTransportException: "TransportError",
  ServiceTimeoutException: "ServiceTimeoutError",
  ServiceClientOptions: "ClientOptions",
  RunWaitOptions: "WaitOptions",
  IngestJobStatus: "IngestJobStatus",
};
function tsTypeName(cs) {
  if (typeRenames[cs]) return typeRenames[cs];
  const bare = cs.replace(/<.*>$/, "");
  return bare.endsWith("Exception") ? bare.slice(0, -"Exception".length) + "Error" : bare;
}
const memberRenames = {
  "AsyncPageable<T>.AsPages": "AsyncPageable.byPage",
  "AsyncPageable<T>.GetAsyncEnumerator": "AsyncPageable.[Symbol.asyncIterator]",
  "RunSnapshot.IsTerminal": "isTerminal",
  "IngestJobRun.Map": "mapIngestJobStatus",
  "TriggerExecutionRun.Map": "mapTaskStatus",
  "JobRunStatusMap.ToRunStatus": "mapJobRunStatus",
  "FleetRunStatusMap.ToRunStatus": "mapFleetRunStatus",
  "FleetRunStatusMap.Defaults": "defaultFleetRunStatusMapping",
  "ServiceClientOptions.BaseAddress": "ClientOptions.baseUrl",
  "ServiceClientOptions.Transport": "ClientOptions.fetch",
  "ServiceClientOptions.TimeProvider": "ClientOptions.clock",
  "ServiceClientOptions.AutomaticDecompression": "ClientOptions.compression",
  "MixpeekClientOptions.MinimumInterval": "MixpeekClientOptions.minimumIntervalSeconds",
  "ServiceRequestException.Info": null,
  // TypeScript declares the request's facts on the base error (every error has them), C# on ServiceRequestException.
  "ServiceRequestException.RequestUri": "AstroTriggersError.url",
  "ServiceRequestException.Method": "AstroTriggersError.method",
  "ServiceRequestException.RawBody": "AstroTriggersError.rawBody",
  "ServiceRequestException.RequestId": "AstroTriggersError.requestId",
  "ServiceRequestException.ServiceMessage": "AstroTriggersError.serviceMessage",
  // TypeScript's ServiceErrorInfo extends ErrorDetails (the constructor bag of every error), which holds these.
  "ServiceErrorInfo.RequestUri": "ErrorDetails.url",
  "ServiceErrorInfo.ErrorCode": "ErrorDetails.errorCode",
  "ServiceErrorInfo.MayHaveBeenProcessed": "ErrorDetails.mayHaveBeenProcessed",
  "ServiceErrorInfo.RawBody": "ErrorDetails.rawBody",
  "ServiceErrorInfo.RequestId": "ErrorDetails.requestId",
  "ServiceErrorInfo.ServiceMessage": "ErrorDetails.serviceMessage",
  // TypeScript has validationIssues on every ServiceRequestError (empty unless 422), C# on UnprocessableEntityException.
  "UnprocessableEntityException.ValidationIssues": "ServiceRequestError.validationIssues",
};
const camel = (s) => s.charAt(0).toLowerCase() + s.slice(1);
function tsMemberName(csType, member) {
  const key = `${csType}.${member}`;
  if (key in memberRenames) return memberRenames[key];
  return `${tsTypeName(csType)}.${camel(member.replace(/Async$/, ""))}`;
}

// ---- naming conventions: C# → Python (the vocabulary's conventions say the same in words) ------------------------
// A client's options are its constructor's keywords, a list's options the keywords of list(), a wait's those of
// wait_for_completion(): `Type(keyword=)` / `Type.method(keyword=)`, `Type(...)` for the whole set; `*Client` is every
// service client (AgentsetClient … TrueFoundryClient). A member is named on the exported class that declares it.
const pythonKeywordOwners = {
  ServiceClientOptions: "*Client",
  AgentsetClientOptions: "AgentsetClient",
  AstropodClientOptions: "AstropodClient",
  MixpeekClientOptions: "MixpeekClient",
  ShipyardClientOptions: "ShipyardClient",
  TrueFoundryClientOptions: "TrueFoundryClient",
  RunWaitOptions: "TriggeredRun.wait_for_completion",
  IngestJobListOptions: "IngestJobsClient.list",
  JobRunListOptions: "JobRunsClient.list",
  TriggerListOptions: "TriggersClient.list",
  TriggerHistoryOptions: "ExecutionsClient.list",
  ServiceErrorInfo: "ServiceRequestError",
};
const pythonTypeRenames = { "AsyncPageable<T>": "Pageable" };
const pythonMemberRenames = {
  "AsyncPageable<T>.AsPages": "Pageable.by_page",
  "AsyncPageable<T>.GetAsyncEnumerator": "Pageable.__iter__",
  "RunSnapshot.IsTerminal": "is_terminal",
  "IngestJobRun.Map": "map_ingest_job_status",
  "TriggerExecutionRun.Map": "map_task_status",
  "JobRunStatusMap.ToRunStatus": "map_job_run_status",
  "FleetRunStatusMap.ToRunStatus": "map_fleet_run_status",
  "FleetRunStatusMap.Defaults": "DEFAULT_FLEET_RUN_STATUS_MAPPING",
  "ServiceClient.Dispose": "*Client.close",
  "ServiceClientOptions.BaseAddress": "*Client(base_url=)",
  "ServiceClientOptions.Transport": "*Client(http_client=)",
  "ServiceClientOptions.TimeProvider": "*Client(clock=)",
  "ServiceClientOptions.AutomaticDecompression": "*Client(compression=)",
  "MixpeekClientOptions.MinimumInterval": "MixpeekClient(minimum_interval_seconds=)",
  "RunWaitOptions.ThrowOnFailure": "TriggeredRun.wait_for_completion(raise_on_failure=)",
  "ServiceErrorInfo.RequestUri": "ServiceRequestError(url=)",
  "ServiceRequestException.RequestUri": "AstroTriggersError.url",
  "UnprocessableEntityException.ValidationIssues": "ServiceRequestError.validation_issues",
  "PacedRateLimitException.ErrorCodeValue": "PacedRateLimitError.ERROR_CODE",
  "RetryOptions.None": "RetryOptions.NONE",
};
const snake = (s) => s.replace(/Async$/, "").replace(/([a-z0-9])([A-Z])/g, "$1_$2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2").toLowerCase();
function pythonTypeName(cs) {
  if (pythonKeywordOwners[cs]) return `${pythonKeywordOwners[cs]}(...)`;
  return pythonTypeRenames[cs] ?? tsTypeName(cs);
}
/** The Python name of a C# member, on the exported class that declares it (walking the Python bases). */
function pythonMemberName(csType, member, py) {
  const key = `${csType}.${member}`;
  if (key in pythonMemberRenames) return pythonMemberRenames[key];
  if (pythonKeywordOwners[csType]) return `${pythonKeywordOwners[csType]}(${snake(member)}=)`;
  const owner = pythonTypeName(csType);
  const name = snake(member);
  for (let type = py.get(owner), seen = 0; type && seen < 10; seen++) {
    if (type.members.includes(name)) return `${type.name}.${name}`;
    const declaring = type.bases.map((b) => py.get(b)).find((b) => b && b.members.includes(name));
    if (declaring) return `${declaring.name}.${name}`;
    break;
  }
  return `${owner}.${name}`;
}
/** The Python surface (vocabulary_surface.py), or null when Debian's Python or the generated models are missing. */
function pythonSurface() {
  const script = path.join(root, "src", "python", "tests", "conformance", "vocabulary_surface.py");
  const run = spawnSync(process.env.ASTRO_PYTHON ?? "/usr/bin/python3", [script], { encoding: "utf8" });
  if (run.status !== 0) {
    console.error(`Python surface not read (${script}): ${run.error?.message ?? run.stderr.trim().split("\n").pop()}; Python names are not proposed`);
    return null;
  }
  return JSON.parse(run.stdout);
}

// ---- CLI (src/Astro.Triggers.Cli/Services/*.cs: the service groups, their sub-groups and commands, and the SDK call
// each command makes) --------------------------------------------------------------------------------------------------
const CLI = {
  AgentsetClient: "agentset",
  "AgentsetClient.IngestJobs": "agentset jobs",
  IngestJobsClient: "agentset jobs",
  "IngestJobsClient.CreateAsync": "agentset jobs create",
  "IngestJobsClient.StartAsync": "agentset jobs create --wait",
  "IngestJobsClient.GetAsync": "agentset jobs get",
  "IngestJobsClient.ListAsync": "agentset jobs list",
  "IngestJobsClient.DeleteAsync": "agentset jobs delete",
  "IngestJobsClient.ReIngestAsync": "agentset jobs reingest",
  "IngestJobsClient.Track": "wait agentset",
  AstropodClient: "astropod",
  "AstropodClient.Deployments": "astropod deployments",
  DeploymentsClient: "astropod deployments",
  "DeploymentsClient.ListAsync": "astropod deployments list",
  "DeploymentsClient.ListIngestionSourcesAsync": "astropod sources list",
  "AstropodClient.Ingestions": "astropod sources",
  IngestionsClient: "astropod sources",
  "IngestionsClient.StartAsync": "astropod sources trigger",
  MixpeekClient: "mixpeek",
  "MixpeekClient.Triggers": "mixpeek triggers",
  TriggersClient: "mixpeek triggers",
  "TriggersClient.CreateAsync": "mixpeek triggers create",
  "TriggersClient.GetAsync": "mixpeek triggers get",
  "TriggersClient.ListAsync": "mixpeek triggers list",
  "TriggersClient.UpdateAsync": "mixpeek triggers update",
  "TriggersClient.PauseAsync": "mixpeek triggers pause",
  "TriggersClient.ResumeAsync": "mixpeek triggers resume",
  "TriggersClient.DeleteAsync": "mixpeek triggers delete",
  "ExecutionsClient.StartAsync": "mixpeek triggers execute",
  "ExecutionsClient.ListAsync": "mixpeek triggers history",
  "ExecutionsClient.Track": "wait mixpeek",
  ShipyardClient: "shipyard",
  "ShipyardClient.FleetRuns": "shipyard runs",
  FleetRunsClient: "shipyard runs",
  "FleetRunsClient.StartAsync": "shipyard runs trigger",
  "FleetRunsClient.GetAsync": "shipyard runs get",
  "FleetRunsClient.ListAsync": "shipyard runs list",
  "FleetRunsClient.Track": "shipyard runs wait",
  TrueFoundryClient: "truefoundry",
  "TrueFoundryClient.JobRuns": "truefoundry runs",
  JobRunsClient: "truefoundry runs",
  "JobRunsClient.StartAsync": "truefoundry runs trigger",
  "JobRunsClient.GetAsync": "truefoundry runs get",
  "JobRunsClient.ListAsync": "truefoundry runs list",
  "JobRunsClient.CancelAsync": "truefoundry runs cancel",
  "JobRunsClient.Track": "truefoundry runs wait",
  "TriggeredRun.WaitForCompletionAsync": "wait <service> <id>… (or --wait on a create/trigger command)",
  "TriggeredRun<T>.WaitForCompletionAsync": "wait <service> <id>… (or --wait on a create/trigger command)",
};

// ---- draft ---------------------------------------------------------------------------------------------------------
async function main() {
  const { typescriptSurface } = await import(pathToFileURL(path.join(root, "src", "typescript", "test", "conformance", "vocabularySurface.mjs")).href);
  const ts = typescriptSurface(path.join(root, "src", "typescript"));
  const tsNames = new Set(ts.flatMap((e) => [e.name, ...e.members.map((m) => `${e.name}.${m}`)]));
  const existing = !fresh && fs.existsSync(mapPath) ? JSON.parse(fs.readFileSync(mapPath, "utf8")) : null;
  const map = existing ?? {
    description: "",
    conventions: [],
    memberKinds,
    concepts: [],
    accepted: [],
  };
  const all = () => [...map.concepts, ...map.accepted];
  const hasCs = (n) => all().some((e) => e.csharp === n);
  const hasTs = (n) => all().some((e) => e.typescript === n);
  const propose = (entry) => {
    if (entry.typescript && tsNames.has(entry.typescript)) map.concepts.push(entry);
    else map.accepted.push({ ...entry, typescript: null, drift: true, reason: `TODO: proposed TypeScript name ${entry.typescript ?? "(none)"} is not exported` });
  };
  for (const type of csharpSurface().sort((a, b) => a.name.localeCompare(b.name))) {
    const kind = kindOf(type);
    if (!hasCs(type.name)) propose({ kind, csharp: type.name, typescript: tsTypeName(type.name), python: null, cli: CLI[type.name] ?? null });
    if (!memberKinds.includes(kind)) continue;
    for (const member of [...type.members].sort()) {
      const cs = `${type.name}.${member}`;
      if (!hasCs(cs)) propose({ csharp: cs, typescript: tsMemberName(type.name, member), python: null, cli: CLI[cs] ?? null });
    }
  }
  for (const e of ts) {
    if (!hasTs(e.name)) map.accepted.push({ kind: e.kind === "class" ? "TODO" : "model", csharp: null, typescript: e.name, python: null, cli: null, drift: false, reason: "TODO: TypeScript-only export" });
    const entry = all().find((x) => x.typescript === e.name);
    const kind = entry?.kind ?? (all().find((x) => x.csharp && x.typescript === e.name)?.kind);
    if (!memberKinds.includes(kind)) continue;
    for (const m of e.members) {
      const n = `${e.name}.${m}`;
      if (!hasTs(n)) map.accepted.push({ csharp: null, typescript: n, python: null, cli: null, drift: false, reason: "TODO: TypeScript-only member" });
    }
  }
  // Python: a proposal for every entry whose Python name is still null (a C# name, by the conventions above, when
  // that name exists), then an accepted TODO for each Python name no entry covers. The async twin of a client,
  // sub-client, run handle or pageable (AsyncX) goes in its sync entry's "pythonAsync"; its members are the sync
  // one's (test_vocabulary.py checks that), so they need no entries.
  const pyList = pythonSurface();
  if (pyList) {
    const py = new Map(pyList.map((e) => [e.name, e]));
    const pyNames = new Set(pyList.flatMap((e) => [e.name, ...e.members.map((m) => `${e.name}.${m}`)]));
    const clients = pyList.filter((e) => /^[A-Z][A-Za-z]*Client$/.test(e.name) && !e.name.startsWith("Async") && e.keywords.includes("api_key"));
    // `Type(keyword=)`, `Type.method(keyword=)`, `*Client…` (every service client): the same reading as test_vocabulary.py.
    const exists = (name) => {
      const star = name.match(/^\*Client(.*)$/);
      if (star) return clients.length > 0 && clients.every((c) => exists(c.name + star[1]));
      const call = name.match(/^([^(]+)\((?:([a-z_0-9]+)=|\.\.\.)\)$/);
      if (!call) return pyNames.has(name);
      const [owner, method] = call[1].split(".");
      const type = py.get(owner);
      if (!type) return false;
      const keywords = method ? type.memberKeywords[method] : type.keywords;
      return keywords !== undefined && (call[2] === undefined || keywords.includes(call[2]));
    };
    for (const entry of all()) {
      if (entry.python !== null && entry.python !== undefined) continue;
      if (!entry.csharp) continue;
      const [type, ...rest] = entry.csharp.split(/\.(?![^<]*>)/);
      const proposal = rest.length === 0 ? pythonTypeName(type) : pythonMemberName(type, rest.join("."), py);
      if (exists(proposal)) entry.python = proposal;
      if (entry.python && rest.length === 0 && py.has(`Async${entry.python}`) && !entry.pythonAsync) {
        // Right after "python", where a reader looks for it.
        const { cli, drift, driftIn, reason, ...head } = entry;
        for (const key of Object.keys(entry)) delete entry[key];
        Object.assign(entry, head, { pythonAsync: `Async${head.python}`, cli }, drift === undefined ? {} : { drift }, driftIn ? { driftIn } : {}, reason === undefined ? {} : { reason });
      }
    }
    const hasPy = (n) => all().some((e) => e.python === n || e.pythonAsync === n ||
      (clients.some((c) => n.startsWith(c.name + ".")) && e.python === `*Client.${n.split(".")[1]}`));
    const kindOfPy = (n) => all().find((e) => e.python === n && e.kind !== undefined)?.kind;
    for (const e of pyList) {
      const twin = e.name.startsWith("Async") && py.has(e.name.slice(5)) ? e.name.slice(5) : null;
      if (!hasPy(e.name) && !twin) map.accepted.push({ kind: e.kind === "class" ? "TODO" : "model", csharp: null, typescript: null, python: e.name, cli: null, drift: false, reason: "TODO: Python-only export" });
      if (twin || !memberKinds.includes(kindOfPy(e.name))) continue;
      for (const m of e.members) {
        const n = `${e.name}.${m}`;
        if (!hasPy(n)) map.accepted.push({ csharp: null, typescript: null, python: n, cli: null, drift: false, reason: "TODO: Python-only member" });
      }
    }
  }
  const text = JSON.stringify(map, null, 2) + "\n";
  if (fresh) process.stdout.write(text);
  else fs.writeFileSync(mapPath, text);
  const todo = map.accepted.filter((e) => String(e.reason).startsWith("TODO")).length;
  console.error(`${map.concepts.length} concepts, ${map.accepted.length} accepted (${todo} TODO to review)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
