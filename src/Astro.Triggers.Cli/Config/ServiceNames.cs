namespace Astro.Triggers.Cli.Config;

/// <summary>The services by their command name, and the display name the SDK uses in messages.</summary>
internal static class ServiceNames
{
    public const string Agentset = "agentset";
    public const string Astropod = "astropod";
    public const string TrueFoundry = "truefoundry";
    public const string Shipyard = "shipyard";
    public const string Mixpeek = "mixpeek";

    public static readonly string[] All = [Agentset, Astropod, TrueFoundry, Shipyard, Mixpeek];

    /// <summary>The section of a --config file and the SDK's service name.</summary>
    public static string Display(string service) => service switch
    {
        Agentset => "Agentset",
        Astropod => "Astropod",
        TrueFoundry => "TrueFoundry",
        Shipyard => "Shipyard",
        Mixpeek => "Mixpeek",
        _ => service,
    };

    /// <summary>The display name, or null when the command is about no one service (fakes, a parse error at the root).</summary>
    public static string? DisplayOrNull(string? service) =>
        service is not null && All.Contains(service, StringComparer.Ordinal) ? Display(service) : null;
}
