using System.CommandLine;
using Astro.Triggers.Sdk;

namespace Astro.Triggers.Cli.Commands;

/// <summary>The options every command accepts (declared once on the root, recursive).</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout and nothing else there (logs and progress go to stderr)",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log each HTTP attempt to stderr (secrets masked)",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Config = new("--config")
    {
        Description = "A JSON/appsettings file with one section per service (Agentset, Astropod, TrueFoundry, Shipyard, Mixpeek) bound to the SDK's client options; may hold ApiKey",
        Recursive = true,
    };

    public static readonly Option<bool> Offline = new("--offline")
    {
        Description = "Run against an embedded fake of the service instead of the real one (no network, no account)",
        Recursive = true,
    };

    public static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "The service's base URL (overrides <SERVICE>_BASE_URL and the config file)",
        Recursive = true,
    };

    /// <summary>--timeout when not given. (No DefaultValueFactory: help would print it as TimeSpan.ToString, "01:00:00";
    /// the description says it as every message does.)</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    public static readonly Option<TimeSpan> Timeout = new("--timeout")
    {
        Description = $"How long --wait may follow a run before exit code 3 (e.g. 90s, 30m, 2h) [default: {Astro.Triggers.Sdk.Core.HumanDuration.Format(DefaultTimeout)}]",
        Recursive = true,
        CustomParser = Durations.Parse,
    };

    public static readonly Option<TimeSpan> PollInterval = new("--poll-interval")
    {
        Description = "The shortest wait between status reads while waiting (later waits grow with --poll-interval-ratio, up to 60s or this) "
            + $"[default: {Astro.Triggers.Sdk.Core.HumanDuration.Format(new RunWaitOptions().PollInterval)}]",
        Recursive = true,
        CustomParser = Durations.Parse,
    };

    public static readonly Option<double> PollIntervalRatio = new("--poll-interval-ratio")
    {
        Description = "Each wait between status reads as a fraction of the time waited so far: a run is noticed within this share of its length (0 keeps --poll-interval fixed)",
        Recursive = true,
        DefaultValueFactory = _ => new RunWaitOptions().PollIntervalRatio,
        Validators =
        {
            result =>
            {
                var ratio = result.GetValueOrDefault<double>();
                if (double.IsNaN(ratio) || ratio < 0 || ratio > 10)
                {
                    result.AddError("--poll-interval-ratio must be between 0 and 10 (e.g. 0.1).");
                }
            },
        },
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Json);
        root.Options.Add(Verbose);
        root.Options.Add(Config);
        root.Options.Add(Offline);
        root.Options.Add(BaseUrl);
        root.Options.Add(Timeout);
        root.Options.Add(PollInterval);
        root.Options.Add(PollIntervalRatio);
    }

    /// <summary>The --wait flag of trigger commands.</summary>
    public static Option<bool> Wait() => new("--wait", "-w")
    {
        Description = "Follow the run until it ends: exit 0 succeeded, 1 failed/cancelled, 3 timed out (see --timeout)",
    };

    /// <summary>How many items a list prints.</summary>
    public static Option<int> Limit() => new("--limit")
    {
        Description = "The most items to print",
        DefaultValueFactory = _ => 50,
    };
}
