namespace Astro.Triggers.Cli.Offline;

/// <summary>Whether this build embeds the fakes: the dotnet tool does; the Native AOT binary does not (WireMock.Net
/// is not AOT-compatible), and says so when asked for <c>--offline</c> or <c>fakes</c>.</summary>
internal static class OfflineSupport
{
    public const string Missing =
        "this build of astro-triggers has no embedded fakes (the Native AOT binary leaves them out): use the dotnet tool (dotnet tool install Astro.Triggers.Cli) for --offline and `fakes`";

    public static IOfflineServices? Create() =>
#if ASTRO_FAKES
        new Fakes.EmbeddedFakes();
#else
        null;
#endif
}
