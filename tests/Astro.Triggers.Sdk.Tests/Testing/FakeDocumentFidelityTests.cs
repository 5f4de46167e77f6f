using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Astro.Triggers.Sdk.Mixpeek;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Astropod;
using Astro.Triggers.Sdk.Testing.Core;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.TrueFoundry;
using Microsoft.Extensions.Time.Testing;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>Issue 25, kind 7: the fakes answer as the documents say. Every Mixpeek answer of a full trigger life (create
/// of each action, list, get, execute, task, history, pause, resume) is checked field by field: each
/// <c>format: date-time</c> value carries an offset, each enum value is in its enum, by openapi/mixpeek.yaml and, where
/// the vendor's official document is on the machine, by it too. With <see cref="MixpeekFakeOptions.NaiveTimestamps"/>
/// the naive form is served and the SDK still reads it. The other four fakes' timestamps and statuses are checked too.</summary>
public sealed partial class FakeDocumentFidelityTests
{
    private const string VendorMixpeek = "/work/shared/reference/vendor-specs/mixpeek-triggers.openapi.json";

    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")]
    private static partial Regex LooksLikeTimestamp();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex HasOffset();

    /// <summary>Each Mixpeek answer, with the name of the schema the document gives it (vendor name, ours).</summary>
    private static async Task<List<(string Vendor, string Ours, JsonNode Body)>> MixpeekAnswersAsync(MixpeekFakeOptions options)
    {
        var time = new FakeTimeProvider(Start);
        options.TimeProvider = time;
        await using var fake = MixpeekFake.Start(options);
        var key = fake.ApiKey;
        var answers = new List<(string, string, JsonNode)>();

        async Task<JsonNode> Send(string vendor, string ours, HttpMethod method, string path, string? json = null)
        {
            var (status, body) = await FakeHttp.SendAsync(
                fake.BaseAddress, method, path, json, ("Authorization", "Bearer " + key), ("X-Namespace", options.NamespaceId));
            status.Should().BeInRange(200, 299, body);
            var node = JsonNode.Parse(body)!;
            answers.Add((vendor, ours, node));
            return node;
        }

        const string Trigger = "shared__triggers__models__TriggerModel";
        const string Task = "TaskResponse";
        var ids = new List<string>();
        foreach (var (action, config) in new[]
        {
            ("cluster", """{"cluster_id":"clu_1"}"""),
            ("taxonomy_enrichment", """{"taxonomy_id":"tax_1","collection_id":"col_1"}"""),
            ("batch_rerun", """{"batch_id":"bat_1"}"""),
        })
        {
            var created = await Send(Trigger, "Trigger", HttpMethod.Post, "/v1/triggers",
                $$$"""{"action_type":"{{{action}}}","action_config":{{{config}}},"trigger_type":"cron","schedule_config":{"cron_expression":"0 2 * * *","timezone":"UTC"}}""");
            ids.Add(created["trigger_id"]!.GetValue<string>());
        }

        var interval = await Send(Trigger, "Trigger", HttpMethod.Post, "/v1/triggers",
            """{"action_type":"cluster","action_config":{"cluster_id":"clu_2"},"trigger_type":"interval","schedule_config":{"interval_seconds":3600}}""");
        ids.Add(interval["trigger_id"]!.GetValue<string>());
        foreach (var id in ids.Take(3))
        {
            var task = await Send(Task, "TriggerTask", HttpMethod.Post, $"/v1/triggers/{id}/execute");
            var taskId = task["task_id"]!.GetValue<string>();
            await Send(Task, "TriggerTask", HttpMethod.Get, $"/v1/tasks/{taskId}");
            time.Advance(TimeSpan.FromMinutes(5));
            await Send(Task, "TriggerTask", HttpMethod.Get, $"/v1/tasks/{taskId}");
            await Send("shared__triggers__models__TriggerHistoryResponse", "TriggerHistory", HttpMethod.Get, $"/v1/triggers/{id}/history");
            await Send(Trigger, "Trigger", HttpMethod.Get, $"/v1/triggers/{id}");
        }

        await Send(Trigger, "Trigger", HttpMethod.Post, $"/v1/triggers/{ids[0]}/pause");
        await Send(Trigger, "Trigger", HttpMethod.Post, $"/v1/triggers/{ids[0]}/resume");
        await Send("shared__triggers__models__ListTriggersResponse", "TriggerList", HttpMethod.Post, "/v1/triggers/list", "{}");
        return answers;
    }

    [Fact]
    public async Task Every_mixpeek_answer_carries_an_offset_on_each_timestamp_and_document_enum_values_only()
    {
        var answers = await MixpeekAnswersAsync(new MixpeekFakeOptions());
        var enums = OurEnums("mixpeek");
        var checkedTimestamps = 0;

        foreach (var (_, ours, body) in answers)
        {
            foreach (var (path, value) in Strings(body, "$"))
            {
                if (LooksLikeTimestamp().IsMatch(value))
                {
                    HasOffset().IsMatch(value).Should().BeTrue($"{ours} {path} = '{value}' is a date-time, which needs an offset");
                    checkedTimestamps++;
                }
            }

            var fields = ours switch
            {
                "Trigger" => [(body, "status", "TriggerStatus")],
                "TriggerTask" => [(body, "status", "MixpeekTaskStatus"), (body, "task_type", "MixpeekTaskType")],
                _ => Array.Empty<(JsonNode, string, string)>(),
            };
            foreach (var (node, field, schema) in fields)
            {
                enums[schema].Should().Contain(node[field]!.GetValue<string>(), $"{ours}.{field} is a {schema}");
            }
        }

        checkedTimestamps.Should().BeGreaterThan(40, "created_at, updated_at, next_scheduled_at, last_triggered_at and triggered_at are all served");
        answers.Select(a => a.Body["task_type"]?.GetValue<string>()).Where(t => t is not null).Distinct()
            .Should().BeEquivalentTo("engine_cluster_build", "api_taxonomies_execute", "api_buckets_batches_process");
    }

    [Fact]
    public async Task Every_mixpeek_answer_validates_against_the_vendor_document_where_it_is_on_the_machine()
    {
        if (!File.Exists(VendorMixpeek))
        {
            return; // The official document is not part of the repository (its prose is the vendor's).
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(VendorMixpeek));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var problems = new List<string>();
        var answers = await MixpeekAnswersAsync(new MixpeekFakeOptions());

        foreach (var (vendor, _, body) in answers)
        {
            Validate(body, schemas.GetProperty(vendor), schemas, vendor, problems);
        }

        problems.Should().BeEmpty();
        (await MixpeekAnswersAsync(new MixpeekFakeOptions { NaiveTimestamps = true }))
            .SelectMany(a => Validated(a.Body, schemas.GetProperty(a.Vendor), schemas, a.Vendor))
            .Should().NotBeEmpty().And.OnlyContain(p => p.Contains("date-time", StringComparison.Ordinal), "only the opted-in naive timestamps differ");
    }

    [Fact]
    public async Task With_naive_timestamps_on_the_fake_serves_them_without_an_offset_and_the_sdk_still_reads_them_as_utc()
    {
        var answers = await MixpeekAnswersAsync(new MixpeekFakeOptions { NaiveTimestamps = true });
        var timestamps = answers.SelectMany(a => Strings(a.Body, "$")).Select(s => s.Value).Where(v => LooksLikeTimestamp().IsMatch(v)).ToList();
        timestamps.Should().NotBeEmpty().And.OnlyContain(v => !HasOffset().IsMatch(v));

        var time = new FakeTimeProvider(Start);
        await using var fake = MixpeekFake.Start(new MixpeekFakeOptions { NaiveTimestamps = true, TimeProvider = time });
        using var client = new MixpeekClient(fake.CreateClientOptions());
        var trigger = await client.Triggers.CreateAsync(new CreateTriggerRequest(new ClusterAction("clu_1"), new CronSchedule("0 2 * * *")));
        var run = await client.Executions.StartAsync(trigger.TriggerId);
        var history = await client.Executions.ListAsync(trigger.TriggerId).FirstAsync();
        var read = await client.Triggers.GetAsync(trigger.TriggerId);

        read.CreatedAt.Should().Be(Start);
        read.LastTriggeredAt.Should().Be(Start);
        read.NextScheduledAt.Should().Be(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        history.TriggeredAt.Should().Be(Start);
        run.Value.TaskType.Should().Be("engine_cluster_build");
    }

    [Fact]
    public async Task The_other_fakes_answer_timestamps_with_an_offset_and_statuses_from_their_documents()
    {
        var time = new FakeTimeProvider(Start);
        var answers = new List<(string Service, JsonNode Body)>();

        await using (var agentset = AgentsetFake.Start(new AgentsetFakeOptions { TimeProvider = time }))
        {
            var headers = new[] { ("Authorization", "Bearer " + agentset.ApiKey) };
            var ns = agentset.NamespaceId;
            var (_, created) = await FakeHttp.SendAsync(agentset.BaseAddress, HttpMethod.Post, $"/v1/namespace/{ns}/ingest-jobs", """{"payload":{"type":"TEXT","text":"x"}}""", headers);
            var id = JsonNode.Parse(created)!["data"]!["id"]!.GetValue<string>();
            answers.Add(("agentset", JsonNode.Parse(created)!));
            foreach (var step in new[] { 0, 2, 5 })
            {
                time.Advance(TimeSpan.FromSeconds(step));
                answers.Add(("agentset", JsonNode.Parse((await FakeHttp.SendAsync(agentset.BaseAddress, HttpMethod.Get, $"/v1/namespace/{ns}/ingest-jobs/{id}", null, headers)).Body)!));
            }

            answers.Add(("agentset", JsonNode.Parse((await FakeHttp.SendAsync(agentset.BaseAddress, HttpMethod.Get, $"/v1/namespace/{ns}/ingest-jobs", null, headers)).Body)!));
        }

        await using (var truefoundry = TrueFoundryFake.Start(new TrueFoundryFakeOptions { TimeProvider = time }))
        {
            var headers = new[] { ("Authorization", "Bearer " + truefoundry.ApiKey) };
            var app = truefoundry.ApplicationId;
            var (_, started) = await FakeHttp.SendAsync(truefoundry.BaseAddress, HttpMethod.Post, "/api/svc/v1/jobs/trigger", $$"""{"applicationId":"{{app}}"}""", headers);
            answers.Add(("truefoundry", JsonNode.Parse(started)!));
            foreach (var step in new[] { 0, 1, 5 })
            {
                time.Advance(TimeSpan.FromSeconds(step));
                answers.Add(("truefoundry", JsonNode.Parse((await FakeHttp.SendAsync(truefoundry.BaseAddress, HttpMethod.Get, $"/api/svc/v1/jobs/{app}/runs", null, headers)).Body)!));
            }
        }

        await using (var astropod = AstropodFake.Start(new AstropodFakeOptions { TimeProvider = time }))
        {
            var headers = new[] { ("Authorization", "Bearer " + astropod.ApiKey) };
            answers.Add(("astropod", JsonNode.Parse((await FakeHttp.SendAsync(astropod.BaseAddress, HttpMethod.Get, $"/api/v1/deployments?account={astropod.Account}", null, headers)).Body)!));
        }

        var enums = new Dictionary<string, (string Field, IReadOnlySet<string> Values)>
        {
            ["agentset"] = ("status", OurEnums("agentset")["IngestJobStatus"]),
            ["truefoundry"] = ("status", OurEnums("truefoundry")["JobRunStatus"]),
            ["astropod"] = ("", new HashSet<string>()),
        };
        var timestamps = 0;
        var statuses = 0;
        foreach (var (service, body) in answers)
        {
            foreach (var (path, value) in Strings(body, "$"))
            {
                if (LooksLikeTimestamp().IsMatch(value))
                {
                    HasOffset().IsMatch(value).Should().BeTrue($"{service} {path} = '{value}' is a date-time, which needs an offset");
                    timestamps++;
                }

                var (field, values) = enums[service];
                if (field.Length > 0 && path.EndsWith("." + field, StringComparison.Ordinal) && !path.Contains("payload", StringComparison.Ordinal))
                {
                    values.Should().Contain(value, $"{service} {path}");
                    statuses++;
                }
            }
        }

        timestamps.Should().BeGreaterThan(5);
        statuses.Should().BeGreaterThan(5);
    }

    /// <summary>Every string in a JSON answer with its path.</summary>
    private static IEnumerable<(string Path, string Value)> Strings(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value, path + "." + p.Key)),
        JsonArray a => a.SelectMany((item, i) => Strings(item, $"{path}[{i}]")),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [(path, v.GetValue<string>())],
        _ => [],
    };

    /// <summary>The named enums of one of our documents: <c>Name:</c> at schema level, then its <c>enum: [...]</c>.</summary>
    private static Dictionary<string, IReadOnlySet<string>> OurEnums(string spec)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "openapi", spec + ".yaml"));
        var result = new Dictionary<string, IReadOnlySet<string>>();
        string? schema = null;
        foreach (var line in lines)
        {
            if (Regex.Match(line, @"^    ([A-Za-z0-9_]+):\s*$") is { Success: true } name)
            {
                schema = name.Groups[1].Value;
            }
            else if (schema is not null && Regex.Match(line, @"^      enum: \[(.*)\]") is { Success: true } values)
            {
                result[schema] = values.Groups[1].Value.Split(',').Select(v => v.Trim().Trim('\'', '"')).ToHashSet();
            }
        }

        return result;
    }

    private static List<string> Validated(JsonNode? value, JsonElement schema, JsonElement schemas, string path)
    {
        var problems = new List<string>();
        Validate(value, schema, schemas, path, problems);
        return problems;
    }

    /// <summary>What the proxy in the issue checks: a value against its schema's <c>format: date-time</c> and <c>enum</c>,
    /// through <c>$ref</c>, <c>anyOf</c>, properties and items.</summary>
    private static void Validate(JsonNode? value, JsonElement schema, JsonElement schemas, string path, List<string> problems)
    {
        if (value is null)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Validate(value, schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, path, problems);
            return;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            var options = anyOf.EnumerateArray().Select(s => Validated(value, s, schemas, path)).ToList();
            if (options.All(o => o.Count > 0))
            {
                problems.AddRange(options.OrderBy(o => o.Count).First());
            }

            return;
        }

        if (value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            var text = scalar.GetValue<string>();
            if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time" && !HasOffset().IsMatch(text))
            {
                problems.Add($"{path} = '{text}' is not a date-time (no offset)");
            }

            if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetString() == text))
            {
                problems.Add($"{path} = '{text}' is not in the enum");
            }

            if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is { } t && t != "string")
            {
                problems.Add($"{path} is a string, not {t}");
            }
        }
        else if (value is JsonObject obj && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                Validate(obj[property.Name], property.Value, schemas, path + "." + property.Name, problems);
            }
        }
        else if (value is JsonArray array && schema.TryGetProperty("items", out var items))
        {
            for (var i = 0; i < array.Count; i++)
            {
                Validate(array[i], items, schemas, $"{path}[{i}]", problems);
            }
        }
        else if (value is JsonValue other && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "string")
        {
            problems.Add($"{path} is {other.GetValueKind()}, not a string");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "openapi")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("openapi/ not found above " + AppContext.BaseDirectory);
    }
}
