#nullable enable
#pragma warning disable
namespace Astro.Triggers.Sdk.AcmeCloud.Generated
{
    using Astro.Triggers.Sdk.AcmeCloud;

    /// <summary>Refit interface for the AcmeCloud API, generated from openapi/. Returns the unread response.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal partial interface IAcmeCloudApi
    {
        /// <summary> (GET /ping)</summary>
        [global::Refit.Get("/ping")]
        global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> PingAsync(
            [global::Refit.Property(global::Astro.Triggers.Sdk.Core.Http.CallContext.PropertyKey)] global::Astro.Triggers.Sdk.Core.Http.CallContext call,
            global::System.Threading.CancellationToken cancellationToken);

    }

    /// <summary>Typed operations of the AcmeCloud API: each sends through IAcmeCloudApi and reads the
    /// response once, streaming, through Core's ResponseReader.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal sealed partial class AcmeCloudOperations
    {
        private readonly IAcmeCloudApi _api;
        private readonly global::Astro.Triggers.Sdk.ServiceClientOptions _client;

        public AcmeCloudOperations(IAcmeCloudApi api, global::Astro.Triggers.Sdk.ServiceClientOptions client) { _api = api; _client = client; }

        /// <summary>Refit settings whose serializer uses AcmeCloudJsonContext (trim- and AOT-safe).</summary>
        public static global::Refit.RefitSettings CreateRefitSettings() =>
            global::Astro.Triggers.Sdk.Core.Http.RefitSettingsFactory.Create(AcmeCloudJsonContext.Default.Options);

        /// <summary>Describes ping for errors, retries and telemetry.</summary>
        public static readonly global::Astro.Triggers.Sdk.Core.Http.OperationInfo PingOperation = new(
            "AcmeCloud", "ping", "GET", isIdempotent: true);

        /// <summary></summary>
        public global::System.Threading.Tasks.ValueTask<bool> PingAsync(
            global::Astro.Triggers.Sdk.RequestOptions? options,
            global::System.Threading.CancellationToken cancellationToken)
            => global::Astro.Triggers.Sdk.Core.Http.CallRunner.RunAsync(_client, options, PingOperation,
                _api,
                static (__args, call, ct) => __args.PingAsync(call, ct),
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
