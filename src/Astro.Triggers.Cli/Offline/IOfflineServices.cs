namespace Astro.Triggers.Cli.Offline;

/// <summary>Starts an embedded fake of one service for <c>--offline</c>. The fake is described by the same environment
/// variables a user would set for the real service (base URL, key, ids), so offline and online share one code path.</summary>
internal interface IOfflineServices
{
    /// <summary>Starts the fake of <paramref name="service"/> (a <see cref="Config.ServiceNames"/> value).</summary>
    OfflineService Start(string service);
}

/// <summary>A running embedded fake: its variables and the handle that stops it.</summary>
internal sealed record OfflineService(IReadOnlyDictionary<string, string> Environment, IAsyncDisposable Fake);
