#nullable enable
#pragma warning disable
namespace Astro.Triggers.Sdk.AcmeJobs.Generated
{
    using Astro.Triggers.Sdk.AcmeJobs;

    /// <summary>Refit interface for the AcmeJobs API, generated from openapi/. Returns the unread response.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal partial interface IAcmeJobsApi
    {
        /// <summary>Lists jobs. (GET /jobs)</summary>
        [global::Refit.Get("/jobs")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ListJobsAsync(
            [global::Refit.Query, global::Refit.AliasAs("perPage")] int? perPage,
            [global::Refit.Query(global::Refit.CollectionFormat.Csv), global::Refit.AliasAs("statuses")] System.Collections.Generic.IEnumerable<JobStatus>? statuses,
            [global::Refit.Query(global::Refit.CollectionFormat.Multi), global::Refit.AliasAs("tags")] System.Collections.Generic.IEnumerable<string>? tags,
            [global::Refit.Query(global::Refit.CollectionFormat.Multi), global::Refit.AliasAs("ids")] System.Collections.Generic.IEnumerable<string>? ids,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Creates a job. (POST /jobs)</summary>
        [global::Refit.Post("/jobs")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> CreateJobAsync(
            [global::Refit.Body] CreateJobRequest body,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>All jobs as CSV. (GET /jobs/export)</summary>
        [global::Refit.Get("/jobs/export")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ExportJobsAsync(
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Gets a job &lt;by id&gt; &amp; more. (GET /jobs/{jobId})</summary>
        [global::Refit.Get("/jobs/{jobId}")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetJobAsync(
            [global::Refit.AliasAs("jobId")] string jobId,
            [global::Refit.Header("x-tenant-id")] string? tenantId,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Renames a job. (PATCH /jobs/{jobId})</summary>
        [global::Refit.Patch("/jobs/{jobId}")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> UpdateJobAsync(
            [global::Refit.AliasAs("jobId")] string jobId,
            [global::Refit.Body] CreateJobRequest body,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Deletes a job; 204 when it was already gone. (DELETE /jobs/{jobId})</summary>
        [global::Refit.Delete("/jobs/{jobId}")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> DeleteJobAsync(
            [global::Refit.AliasAs("jobId")] string jobId,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Replaces the labels. (PUT /jobs/{jobId}/labels)</summary>
        [global::Refit.Put("/jobs/{jobId}/labels")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ReplaceLabelsAsync(
            [global::Refit.AliasAs("jobId")] string jobId,
            [global::Refit.Body] System.Collections.Generic.IEnumerable<string>? body,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Asks a job to stop; asking twice has no second effect. (POST /jobs/{jobId}/cancel)</summary>
        [global::Refit.Post("/jobs/{jobId}/cancel")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> CancelJobAsync(
            [global::Refit.AliasAs("jobId")] string jobId,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

        /// <summary>Starts the job again (each call starts one more run). (POST /jobs/{jobId}/restart)</summary>
        [global::Refit.Post("/jobs/{jobId}/restart")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> RestartJobAsync(
            [global::Refit.AliasAs("jobId")] string jobId,
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

    }

    /// <summary>Typed operations of the AcmeJobs API: each sends through IAcmeJobsApi and reads the
    /// response once, streaming, through Core's ResponseReader.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal sealed partial class AcmeJobsOperations
    {
        private readonly IAcmeJobsApi _api;
        private readonly global::Astro.Triggers.Sdk.ServiceClientOptions _client;

        public AcmeJobsOperations(IAcmeJobsApi api, global::Astro.Triggers.Sdk.ServiceClientOptions client) { _api = api; _client = client; }

        /// <summary>Refit settings whose serializer uses AcmeJobsJsonContext (trim- and AOT-safe).</summary>
        public static global::Refit.RefitSettings CreateRefitSettings() =>
            global::Astro.Triggers.Sdk.Core.Http.RefitSettingsFactory.Create(AcmeJobsJsonContext.Default.Options);

        /// <summary>Describes listJobs for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo ListJobsOperation = new(
            "AcmeJobs", "listJobs", "GET", isIdempotent: true);

        /// <summary>Lists jobs.</summary>
        public global::System.Threading.Tasks.ValueTask<JobPage> ListJobsAsync(
            int? perPage,
            System.Collections.Generic.IEnumerable<JobStatus>? statuses,
            System.Collections.Generic.IEnumerable<string>? tags,
            System.Collections.Generic.IEnumerable<string>? ids,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, ListJobsOperation,
                (_api, perPage, statuses, tags, ids),
                static (__args, call, ct) => __args.Item1.ListJobsAsync(__args.Item2, __args.Item3, __args.Item4, __args.Item5, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadAsync(response, AcmeJobsReaders.JobPageReader, call, ct),
                cancellationToken);

        /// <summary>Describes createJob for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo CreateJobOperation = new(
            "AcmeJobs", "createJob", "POST", isIdempotent: false);

        /// <summary>Creates a job.</summary>
        public global::System.Threading.Tasks.ValueTask<Job> CreateJobAsync(
            CreateJobRequest body,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, CreateJobOperation,
                (_api, body),
                static (__args, call, ct) => __args.Item1.CreateJobAsync(__args.Item2, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadAsync(response, AcmeJobsReaders.JobReader, call, ct),
                cancellationToken);

        /// <summary>Describes exportJobs for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo ExportJobsOperation = new(
            "AcmeJobs", "exportJobs", "GET", isIdempotent: true);

        /// <summary>All jobs as CSV.</summary>
        public global::System.Threading.Tasks.ValueTask<string> ExportJobsAsync(
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, ExportJobsOperation,
                _api,
                static (__args, call, ct) => __args.ExportJobsAsync(call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadTextAsync(response, call, ct),
                cancellationToken);

        /// <summary>Describes getJob for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo GetJobOperation = new(
            "AcmeJobs", "getJob", "GET", isIdempotent: true);

        /// <summary>Gets a job &lt;by id&gt; &amp; more.</summary>
        public global::System.Threading.Tasks.ValueTask<Job> GetJobAsync(
            string jobId,
            string? tenantId,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, GetJobOperation,
                (_api, jobId, tenantId),
                static (__args, call, ct) => __args.Item1.GetJobAsync(__args.Item2, __args.Item3, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadAsync(response, AcmeJobsReaders.JobReader, call, ct),
                cancellationToken);

        /// <summary>Describes updateJob for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo UpdateJobOperation = new(
            "AcmeJobs", "updateJob", "PATCH", isIdempotent: false);

        /// <summary>Renames a job.</summary>
        public global::System.Threading.Tasks.ValueTask<Job> UpdateJobAsync(
            string jobId,
            CreateJobRequest body,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, UpdateJobOperation,
                (_api, jobId, body),
                static (__args, call, ct) => __args.Item1.UpdateJobAsync(__args.Item2, __args.Item3, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadAsync(response, AcmeJobsReaders.JobReader, call, ct),
                cancellationToken);

        /// <summary>Describes deleteJob for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo DeleteJobOperation = new(
            "AcmeJobs", "deleteJob", "DELETE", isIdempotent: true);

        /// <summary>Deletes a job; 204 when it was already gone.</summary>
        public global::System.Threading.Tasks.ValueTask<Job?> DeleteJobAsync(
            string jobId,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, DeleteJobOperation,
                (_api, jobId),
                static (__args, call, ct) => __args.Item1.DeleteJobAsync(__args.Item2, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadOptionalAsync(response, AcmeJobsReaders.JobReader, call, ct),
                cancellationToken);

        /// <summary>Describes replaceLabels for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo ReplaceLabelsOperation = new(
            "AcmeJobs", "replaceLabels", "PUT", isIdempotent: true);

        /// <summary>Replaces the labels.</summary>
        public global::System.Threading.Tasks.ValueTask<bool> ReplaceLabelsAsync(
            string jobId,
            System.Collections.Generic.IEnumerable<string>? body,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, ReplaceLabelsOperation,
                (_api, jobId, body),
                static (__args, call, ct) => __args.Item1.ReplaceLabelsAsync(__args.Item2, __args.Item3, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadEmptyAsync(response, call, ct),
                cancellationToken);

        /// <summary>Describes cancelJob for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo CancelJobOperation = new(
            "AcmeJobs", "cancelJob", "POST", isIdempotent: true);

        /// <summary>Asks a job to stop; asking twice has no second effect.</summary>
        public global::System.Threading.Tasks.ValueTask<bool> CancelJobAsync(
            string jobId,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, CancelJobOperation,
                (_api, jobId),
                static (__args, call, ct) => __args.Item1.CancelJobAsync(__args.Item2, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadEmptyAsync(response, call, ct),
                cancellationToken);

        /// <summary>Describes restartJob for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo RestartJobOperation = new(
            "AcmeJobs", "restartJob", "POST", isIdempotent: false);

        /// <summary>Starts the job again (each call starts one more run).</summary>
        public global::System.Threading.Tasks.ValueTask<bool> RestartJobAsync(
            string jobId,
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, RestartJobOperation,
                (_api, jobId),
                static (__args, call, ct) => __args.Item1.RestartJobAsync(__args.Item2, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadEmptyAsync(response, call, ct),
                cancellationToken);

    }

    /// <summary>Source-generated System.Text.Json metadata for the AcmeJobs models.</summary>
    [global::System.Text.Json.Serialization.JsonSourceGenerationOptions(global::System.Text.Json.JsonSerializerDefaults.Web,
        DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = [typeof(global::Astro.Triggers.Sdk.Core.Json.UtcTimestampConverter),
            typeof(global::Astro.Triggers.Sdk.Core.Json.TolerantInt32Converter), typeof(global::Astro.Triggers.Sdk.Core.Json.TolerantInt64Converter)],
        AllowOutOfOrderMetadataProperties = true)]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(CreateJobRequest))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(System.Collections.Generic.IEnumerable<string>))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(JobPage))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(Job))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(string))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(int))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(long))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(double))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(global::System.Text.Json.JsonElement))]
    internal sealed partial class AcmeJobsJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext
    {
        private static global::System.Text.Json.JsonSerializerOptions? _readOptions;

        /// <summary>What responses are read with: this context, with optional scalar values read leniently.</summary>
        internal static global::System.Text.Json.JsonSerializerOptions ReadOptions =>
            _readOptions ??= global::Astro.Triggers.Sdk.Core.Json.LenientReading.CreateOptions(Default);
    }

    /// <summary>Straight-line readers of the AcmeJobs response models (ModelReader): the plain case here, anything else
    /// through AcmeJobsJsonContext's metadata, from the same bytes.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal static class AcmeJobsReaders
    {
        public static readonly global::Astro.Triggers.Sdk.Core.Json.ModelReader<JobPage> JobPageReader = new(TryReadJobPage,
            static () => global::Astro.Triggers.Sdk.Core.Json.LenientReading.TypeInfo<JobPage>(AcmeJobsJsonContext.ReadOptions));

        public static readonly global::Astro.Triggers.Sdk.Core.Json.ModelReader<Job> JobReader = new(TryReadJob,
            static () => global::Astro.Triggers.Sdk.Core.Json.LenientReading.TypeInfo<Job>(AcmeJobsJsonContext.ReadOptions));

        private static readonly string[] KnownJob = ["id", "status", "created_at"];

        private static bool TryReadJob(ref global::System.Text.Json.Utf8JsonReader reader, out Job value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            var model = new Job();
            var seen0 = false;
            var seen1 = false;
            var seen2 = false;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("id"u8))
                {
                    if (seen0 || !reader.Read()) return false;
                    seen0 = true;
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.String(ref reader, out var v0)) model.Id = v0;
                    else return false;
                }
                else if (reader.ValueTextEquals("status"u8))
                {
                    if (seen1 || !reader.Read()) return false;
                    seen1 = true;
                    if (TryReadJobStatus(ref reader, out var v1)) model.Status = v1;
                    else return false;
                }
                else if (reader.ValueTextEquals("created_at"u8))
                {
                    if (seen2 || !reader.Read()) return false;
                    seen2 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.CreatedAt = null;
                    else if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Timestamp(ref reader, out var v2)) model.CreatedAt = v2;
                    else return false;
                }
                else
                {
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.MightBeKnown(ref reader, KnownJob)) return false;
                    if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.Extension(ref reader, out var name, out var element)) return false;
                    var extension = model.AdditionalProperties;
                    if (extension.ContainsKey(name)) return false;
                    extension[name] = element;
                }
            }

            if (!seen0 || !seen1) return false;
            value = model;
            return true;
        }

        private static readonly string[] KnownJobPage = ["data", "next_cursor"];

        private static bool TryReadJobPage(ref global::System.Text.Json.Utf8JsonReader reader, out JobPage value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            var model = new JobPage();
            var seen0 = false;
            var seen1 = false;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("data"u8))
                {
                    if (seen0 || !reader.Read()) return false;
                    seen0 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Data = null;
                    else if (TryReadListOfJob(ref reader, out var v0)) model.Data = v0;
                    else return false;
                }
                else if (reader.ValueTextEquals("next_cursor"u8))
                {
                    if (seen1 || !reader.Read()) return false;
                    seen1 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.NextCursor = null;
                    else if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Text(ref reader, out var v1)) model.NextCursor = v1;
                    else return false;
                }
                else
                {
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.MightBeKnown(ref reader, KnownJobPage)) return false;
                    if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.Extension(ref reader, out var name, out var element)) return false;
                    var extension = model.AdditionalProperties;
                    if (extension.ContainsKey(name)) return false;
                    extension[name] = element;
                }
            }

            value = model;
            return true;
        }

        private static readonly byte[][] JobStatusWire = ["QUEUED"u8.ToArray(), "IN_PROGRESS"u8.ToArray(), "done"u8.ToArray()];
        private static readonly JobStatus[] JobStatusMembers = [JobStatus.Queued, JobStatus.InProgress, JobStatus.Done];

        private static bool TryReadJobStatus(ref global::System.Text.Json.Utf8JsonReader reader, out JobStatus value)
        {
            value = default;
            if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.EnumIndex(ref reader, JobStatusWire, out var index)) return false;
            value = JobStatusMembers[index];
            return true;
        }

        private static bool TryReadListOfJob(ref global::System.Text.Json.Utf8JsonReader reader, out System.Collections.Generic.IList<Job> value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray) return false;
            var list = new System.Collections.Generic.List<Job>();
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray) break;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null || !TryReadJob(ref reader, out var item)) return false;
                list.Add(item);
            }

            value = list;
            return true;
        }

    }
}
