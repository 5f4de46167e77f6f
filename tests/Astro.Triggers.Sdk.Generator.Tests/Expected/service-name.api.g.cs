#nullable enable
#pragma warning disable
namespace Astro.Triggers.Sdk.AcmeCloud.Generated
{
    using Astro.Triggers.Sdk.AcmeCloud;

    /// <summary>Builds and sends the requests of the AcmeCloud API, generated from openapi/; each returns the
    /// response with only its headers read.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal static class AcmeCloudRequests
    {
        /// <summary> (GET /ping)</summary>
        public static global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> PingAsync(
            global::System.Net.Http.HttpClient __http,
            global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken)
        {
            var __target = global::Astro.Triggers.Sdk.Core.Requests.RequestTarget.Start(__http);
            __target.Path("/ping");
            var __request = global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.Create(global::System.Net.Http.HttpMethod.Get, __target, call);
            return global::Astro.Triggers.Sdk.Core.Requests.GeneratedRequest.SendAsync(__http, __request, cancellationToken);
        }

    }

    /// <summary>Typed operations of the AcmeCloud API: each sends through AcmeCloudRequests and reads the
    /// response once, streaming, through Core's ResponseReader.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal sealed partial class AcmeCloudOperations
    {
        private readonly global::System.Net.Http.HttpClient _http;
        private readonly global::Astro.Triggers.Sdk.ServiceClientOptions _client;

        public AcmeCloudOperations(global::System.Net.Http.HttpClient http, global::Astro.Triggers.Sdk.ServiceClientOptions client) { _http = http; _client = client; }

        /// <summary>Describes ping for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo PingOperation = new(
            "AcmeCloud", "ping", "GET", isIdempotent: true);

        /// <summary></summary>
        public global::System.Threading.Tasks.ValueTask<bool> PingAsync(
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, PingOperation,
                _http,
                static (__args, call, ct) => AcmeCloudRequests.PingAsync(__args, call, ct),
                static (response, call, ct) => global::Astro.Triggers.Sdk.Core.Http.ResponseReader.ReadEmptyAsync(response, call, ct),
                cancellationToken);

    }

    /// <summary>Source-generated System.Text.Json metadata for the AcmeCloud models.</summary>
    [global::System.Text.Json.Serialization.JsonSourceGenerationOptions(global::System.Text.Json.JsonSerializerDefaults.Web,
        DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = [typeof(global::Astro.Triggers.Sdk.Core.Json.UtcTimestampConverter),
            typeof(global::Astro.Triggers.Sdk.Core.Json.TolerantInt32Converter), typeof(global::Astro.Triggers.Sdk.Core.Json.TolerantInt64Converter)],
        AllowOutOfOrderMetadataProperties = true)]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(string))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(bool))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(int))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(long))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(double))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
    [global::System.Text.Json.Serialization.JsonSerializable(typeof(global::System.Text.Json.JsonElement))]
    internal sealed partial class AcmeCloudJsonContext : global::System.Text.Json.Serialization.JsonSerializerContext
    {
        private static global::System.Text.Json.JsonSerializerOptions? _readOptions;

        /// <summary>What responses are read with: this context, with optional scalar values read leniently.</summary>
        internal static global::System.Text.Json.JsonSerializerOptions ReadOptions =>
            _readOptions ??= global::Astro.Triggers.Sdk.Core.Json.LenientReading.CreateOptions(Default);
    }
}
