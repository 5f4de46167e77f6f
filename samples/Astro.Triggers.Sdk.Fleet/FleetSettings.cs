using System.Globalization;

namespace Astro.Triggers.Sdk.Fleet;

/// <summary>What a worker needs, from the environment (a container's or a pod's usual way).</summary>
internal sealed record FleetSettings(
    string Postgres, string? Redis, Uri AgentsetBaseUrl, string AgentsetApiKey, string AgentsetNamespaceId, string Worker,
    int Threads, int StartConcurrency)
{
    public static FleetSettings FromEnvironment()
    {
        static string Need(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set (see samples/Astro.Triggers.Sdk.Fleet/README.md)");
        static string? Maybe(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
        static int Number(string name, int fallback) => Maybe(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

        return new FleetSettings(
            Need("FLEET_POSTGRES"),
            Maybe("FLEET_REDIS"),
            new Uri(Need("AGENTSET_BASE_URL")),
            Need("AGENTSET_API_KEY"),
            Need("AGENTSET_NAMESPACE_ID"),
            Maybe("FLEET_WORKER") ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            Number("FLEET_THREADS", 4),
            Number("FLEET_START_CONCURRENCY", 4));
    }
}
