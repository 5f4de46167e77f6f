#nullable enable
#pragma warning disable
namespace Astro.Triggers.Sdk.AcmeJobs.Generated
{
    using Astro.Triggers.Sdk.AcmeJobs;

    /// <summary>Builds and sends the requests of the AcmeJobs API, generated from openapi/; each returns the
    /// response with only its headers read.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal static class AcmeJobsRequests
    {
        /// <summary>Lists jobs. (GET /jobs)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ListJobsAsync(
            global::System.Net.Http.HttpClient __http,
            int? perPage,
            System.Collections.Generic.IEnumerable<JobStatus>? statuses,
            System.Collections.Generic.IEnumerable<string>? tags,
            System.Collections.Generic.IEnumerable<string>? ids,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs");
            if (perPage is { } __perPage)
            {
                __target.Query("perPage", __perPage.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            }
            if (statuses is not null)
            {
                __target.Key("statuses");
                var __comma = false;
                foreach (var __item in statuses)
                {
                    if (__comma)
                    {
                        __target.Comma();
                    }

                    __target.Value(Wire(__item));
                    __comma = true;
                }
            }
            if (tags is not null)
            {
                foreach (var __item in tags)
                {
                    __target.Query("tags", __item);
                }
            }
            if (ids is not null)
            {
                foreach (var __item in ids)
                {
                    __target.Query("ids", __item);
                }
            }
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Get, __target, call);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Creates a job. (POST /jobs)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> CreateJobAsync(
            global::System.Net.Http.HttpClient __http,
            CreateJobRequest body,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs");
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Post, __target, call);
            global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.JsonBody(__request, body, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<CreateJobRequest>)AcmeJobsJsonContext.Default.GetTypeInfo(typeof(CreateJobRequest))!);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>All jobs as CSV. (GET /jobs/export)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ExportJobsAsync(
            global::System.Net.Http.HttpClient __http,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/export");
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Get, __target, call);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Gets a job &lt;by id&gt; &amp; more. (GET /jobs/{jobId})</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> GetJobAsync(
            global::System.Net.Http.HttpClient __http,
            string jobId,
            string? tenantId,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/");
            __target.Segment(jobId);
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Get, __target, call);
            if (tenantId is { } __tenantId)
            {
                global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Header(__request, "x-tenant-id", __tenantId);
            }
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Renames a job. (PATCH /jobs/{jobId})</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> UpdateJobAsync(
            global::System.Net.Http.HttpClient __http,
            string jobId,
            CreateJobRequest body,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/");
            __target.Segment(jobId);
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Patch, __target, call);
            global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.JsonBody(__request, body, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<CreateJobRequest>)AcmeJobsJsonContext.Default.GetTypeInfo(typeof(CreateJobRequest))!);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Deletes a job; 204 when it was already gone. (DELETE /jobs/{jobId})</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> DeleteJobAsync(
            global::System.Net.Http.HttpClient __http,
            string jobId,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/");
            __target.Segment(jobId);
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Delete, __target, call);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Replaces the labels. (PUT /jobs/{jobId}/labels)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> ReplaceLabelsAsync(
            global::System.Net.Http.HttpClient __http,
            string jobId,
            System.Collections.Generic.IEnumerable<string>? body,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/");
            __target.Segment(jobId);
            __target.Path("/labels");
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Put, __target, call);
            if (body is not null)
            {
                global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.JsonBody(__request, body, (global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<System.Collections.Generic.IEnumerable<string>>)AcmeJobsJsonContext.Default.GetTypeInfo(typeof(System.Collections.Generic.IEnumerable<string>))!);
            }
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Asks a job to stop; asking twice has no second effect. (POST /jobs/{jobId}/cancel)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> CancelJobAsync(
            global::System.Net.Http.HttpClient __http,
            string jobId,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/");
            __target.Segment(jobId);
            __target.Path("/cancel");
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Post, __target, call);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        /// <summary>Starts the job again (each call starts one more run). (POST /jobs/{jobId}/restart)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> RestartJobAsync(
            global::System.Net.Http.HttpClient __http,
            string jobId,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/jobs/");
            __target.Segment(jobId);
            __target.Path("/restart");
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Post, __target, call);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

        private static string Wire(JobStatus value) => value switch
        {
            JobStatus.Queued => "QUEUED",
            JobStatus.InProgress => "IN_PROGRESS",
            JobStatus.Done => "done",
            _ => value.ToString(),
        };

    }

    /// <summary>Typed operations of the AcmeJobs API: each sends through AcmeJobsRequests and reads the
    /// response once, streaming, through Core's ResponseReader.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal sealed partial class AcmeJobsOperations
    {
        private readonly global::System.Net.Http.HttpClient _http;
        private readonly global::Astro.Triggers.Sdk.ServiceClientOptions _client;

        public AcmeJobsOperations(global::System.Net.Http.HttpClient http, global::Astro.Triggers.Sdk.ServiceClientOptions client) { _http = http; _client = client; }

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
                (_http, perPage, statuses, tags, ids),
                static (__args, call, ct) => AcmeJobsRequests.ListJobsAsync(__args.Item1, __args.Item2, __args.Item3, __args.Item4, __args.Item5, call, ct),
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
                (_http, body),
                static (__args, call, ct) => AcmeJobsRequests.CreateJobAsync(__args.Item1, __args.Item2, call, ct),
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
                _http,
                static (__args, call, ct) => AcmeJobsRequests.ExportJobsAsync(__args, call, ct),
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
                (_http, jobId, tenantId),
                static (__args, call, ct) => AcmeJobsRequests.GetJobAsync(__args.Item1, __args.Item2, __args.Item3, call, ct),
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
                (_http, jobId, body),
                static (__args, call, ct) => AcmeJobsRequests.UpdateJobAsync(__args.Item1, __args.Item2, __args.Item3, call, ct),
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
                (_http, jobId),
                static (__args, call, ct) => AcmeJobsRequests.DeleteJobAsync(__args.Item1, __args.Item2, call, ct),
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
                (_http, jobId, body),
                static (__args, call, ct) => AcmeJobsRequests.ReplaceLabelsAsync(__args.Item1, __args.Item2, __args.Item3, call, ct),
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
                (_http, jobId),
                static (__args, call, ct) => AcmeJobsRequests.CancelJobAsync(__args.Item1, __args.Item2, call, ct),
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
                (_http, jobId),
                static (__args, call, ct) => AcmeJobsRequests.RestartJobAsync(__args.Item1, __args.Item2, call, ct),
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
