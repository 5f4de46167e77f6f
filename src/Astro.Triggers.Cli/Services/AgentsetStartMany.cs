using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Commands;
using Astro.Triggers.Cli.Output;
using Astro.Triggers.Cli.Runs;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Agentset;

namespace Astro.Triggers.Cli.Services;

/// <summary><c>agentset ingest-jobs start --from FILE</c>: one job per JSON line (<c>text</c> or <c>url</c>, optional
/// <c>name</c>, <c>externalId</c>, <c>fileName</c>), started with the SDK's <c>IngestJobs.StartManyAsync</c> (exactly once
/// where an <c>externalId</c> makes a lost answer decidable). Plain: one line per outcome as it completes; <c>--jsonl</c>:
/// one JSON object per outcome; <c>--json</c>: one "starts" document. With <c>--wait</c> the started runs are followed
/// to the end. Exit 0 all started (and, with --wait, succeeded); 5 any ambiguous; else 4 any refused; else the runs'.</summary>
internal static class AgentsetStartMany
{
    public static async Task<int> RunAsync(
        Invocation invocation, AgentsetClient client, FileInfo from, int concurrency, bool wait, bool jsonl)
    {
        var output = invocation.Out;
        if (jsonl && output.Json)
        {
            throw new CliUsageException("--jsonl and --json: pick one");
        }

        var jobs = Read(from);
        var starts = new List<JsonObject>();
        var runs = new List<(int Line, IngestJobRun Run)>();
        int started = 0, refused = 0, ambiguous = 0;
        var settings = new StartManyOptions { MaxConcurrency = concurrency };
        await foreach (var outcome in client.IngestJobs.StartManyAsync(jobs.Select(j => j.Request), settings, cancellationToken: invocation.Cancellation).ConfigureAwait(false))
        {
            var line = jobs[(int)outcome.Index].Line;
            var entry = Describe(outcome, line, invocation);
            starts.Add(entry);
            switch (outcome.Kind)
            {
                case StartOutcomeKind.Started:
                    started++;
                    runs.Add((line, outcome.Run!));
                    break;
                case StartOutcomeKind.Refused:
                    refused++;
                    break;
                default:
                    ambiguous++;
                    break;
            }

            if (jsonl)
            {
                output.JsonLine(entry);
            }
            else
            {
                output.Line(Plain(outcome, line, output, invocation.Offline));
            }
        }

        var codes = new List<int> { ambiguous > 0 ? ExitCodes.Unavailable : refused > 0 ? ExitCodes.Refused : ExitCodes.Succeeded };
        var runDocuments = new JsonArray();
        var succeeded = 0;
        if (wait && runs.Count > 0)
        {
            // One group: a cycle reads the namespace's job list a page at a time, not each job on its own.
            var followed = await GroupFollower.FollowAsync(
                invocation, [.. runs.Select(r => new GroupFollower.Member(r.Run, RunFollower.FollowAgain(invocation, r.Run, $"astro-triggers agentset ingest-jobs wait {r.Run.Id}") ?? RunFollower.OfflineGone))], jsonl).ConfigureAwait(false);
            foreach (var (runCode, document) in followed)
            {
                succeeded += runCode == ExitCodes.Succeeded ? 1 : 0;
                codes.Add(runCode);
                runDocuments.Add((JsonNode?)document);
            }
        }

        // The most serious outcome, as `wait` on several runs: ambiguous starts (5) before refusals (4) before the runs'.
        var code = WaitCommand.Worst(codes);
        var summary = $"{jobs.Count} jobs: {started} started, {refused} refused, {ambiguous} ambiguous"
            + (wait && runs.Count > 0 ? $"; {succeeded} of {runs.Count} runs succeeded" : string.Empty);
        output.Log(summary);
        if (output.Json)
        {
            var error = code == ExitCodes.Succeeded ? null : Documents.ErrorObject("runs", summary);
            var document = Documents.Envelope(Documents.Starts, "Agentset", code, error);
            document["counts"] = new JsonObject { ["jobs"] = jobs.Count, ["started"] = started, ["refused"] = refused, ["ambiguous"] = ambiguous };
            document["starts"] = new JsonArray([.. starts.Select(s => (JsonNode)s)]);
            document["runs"] = wait ? runDocuments : null;
            output.Document(document);
        }

        return code;
    }

    private static JsonObject Describe(StartOutcome<CreateIngestJobRequest, IngestJobRun> outcome, int line, Invocation invocation)
    {
        JsonObject? error = null;
        if (outcome.Error is { } failure)
        {
            error = ErrorReport.Describe(failure, "Agentset").Error;
        }

        return new JsonObject
        {
            ["line"] = line,
            ["externalId"] = outcome.Request.ExternalId,
            ["outcome"] = outcome.Kind.ToString().ToLowerInvariant(),
            ["id"] = outcome.Run?.Id,
            ["reconciliation"] = Kebab(outcome.Reconciliation),
            ["resent"] = outcome.Resent,
            // Null with --offline: its in-process fake ends with the command.
            ["resumeToken"] = invocation.Offline ? null : outcome.Run?.ResumeToken,
            ["error"] = error,
        };
    }

    private static string Plain(StartOutcome<CreateIngestJobRequest, IngestJobRun> outcome, int line, CliOutput output, bool offline)
    {
        var token = offline ? null : outcome.Run?.ResumeToken;
        var who = $"line {line.ToString(CultureInfo.InvariantCulture)}" + (outcome.Request.ExternalId is { } id ? $" ({id})" : "");
        var how = outcome.Reconciliation == Reconciliation.None ? "" : $" [reconciliation: {Kebab(outcome.Reconciliation)}{(outcome.Resent ? ", resent once" : "")}]";
        return outcome.Kind switch
        {
            StartOutcomeKind.Started => $"{who}: started {outcome.Run!.Id}{how}" + (token is null ? string.Empty : $" (resume token: {token})"),
            StartOutcomeKind.Refused => $"{who}: refused: {output.Mask(outcome.Error!.Message)}{how}",
            _ => $"{who}: may have been created, not repeated: {output.Mask(outcome.Error!.Message)}{how}",
        };
    }

    private static string Kebab(Reconciliation value) => value switch
    {
        Reconciliation.NotCreated => "not-created",
        _ => value.ToString().ToLowerInvariant(),
    };

    /// <summary>Every line, checked before anything is sent: a usage error names the line.</summary>
    private static List<(int Line, CreateIngestJobRequest Request)> Read(FileInfo from)
    {
        if (!from.Exists)
        {
            throw new CliUsageException($"--from: no file '{from.FullName}'");
        }

        var jobs = new List<(int, CreateIngestJobRequest)>();
        var number = 0;
        foreach (var text in File.ReadLines(from.FullName))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonObject line;
            try
            {
                line = JsonNode.Parse(text) as JsonObject ?? throw new CliUsageException($"--from line {number}: not a JSON object");
            }
            catch (JsonException ex)
            {
                // STJ's message counts lines and bytes within this one line (LineNumber: 0 …): say only what it found.
                throw new CliUsageException($"--from line {number}: not JSON ({ex.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ')})");
            }

            string? Field(string name) => line[name] is JsonValue value && value.TryGetValue<string>(out var s) ? s
                : line[name] is null ? null : throw new CliUsageException($"--from line {number}: \"{name}\" must be a string");
            var body = Field("text");
            var url = Field("url");
            if ((body is null) == (url is null))
            {
                throw new CliUsageException($"--from line {number}: give exactly one of \"text\" or \"url\"");
            }

            IngestJobPayload payload = body is not null
                ? new TextPayload { Text = body, FileName = Field("fileName") }
                : new CrawlPayload
                {
                    Url = Uri.TryCreate(url, UriKind.Absolute, out var crawl) && crawl.Scheme is "http" or "https"
                        ? crawl
                        : throw new CliUsageException($"--from line {number}: \"url\" '{url}' is not an absolute http(s) URL"),
                };
            jobs.Add((number, new CreateIngestJobRequest { Name = Field("name"), ExternalId = Field("externalId"), Payload = payload }));
        }

        return jobs.Count > 0 ? jobs : throw new CliUsageException($"--from: '{from.Name}' holds no job");
    }
}
