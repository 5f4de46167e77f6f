using System.Text.Json;
using Refit;

namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The Refit settings every generated client uses.</summary>
internal static class RefitSettingsFactory
{
    public static RefitSettings Create(JsonSerializerOptions jsonOptions) =>
        new(new SystemTextJsonContentSerializer(jsonOptions))
        {
            // Request bodies are small; buffering them lets the retry layer send the same request again.
            Buffered = true,
            // Hand transport failures up unchanged (Refit would wrap them, the caller's cancellation
            // included); CallRunner turns them into the SDK's own exceptions.
            TransportExceptionFactory = static (_, exception, _) => exception,
        };
}
