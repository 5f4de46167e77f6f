using System.CommandLine;
using Astro.Triggers.Sdk;

namespace Astro.Triggers.Cli.Commands;

/// <summary>The options shared by many commands, each declared where it means something: --json and --verbose on the
/// root (every command); --config, --offline and --base-url on each service (not on <c>fakes</c>); --timeout and the
/// poll options only on the commands that wait.</summary>
internal static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout and nothing else there, whatever happens (logs and progress go to stderr); its schema is schema/astro-triggers.schema.json in the package",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log each HTTP attempt to stderr (secrets masked)",
        Recursive = true,
    };

    public static readonly Option<FileInfo?> Config = new("--config")
    {
        Description = "A JSON/appsettings file with one section per service (Agentset, Astropod, TrueFoundry, Shipyard, Mixpeek) bound to the SDK's client options; may hold ApiKey; an unknown key is an error",
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
        Description = $"How long to follow a run before exit code 3, e.g. 90s, 30m, 2h [default: {Astro.Triggers.Sdk.Core.HumanDuration.Format(DefaultTimeout)}]",
        CustomParser = Durations.Parse,
    };

    public static readonly Option<TimeSpan> PollInterval = new("--poll-interval")
    {
        Description = "The shortest wait between status reads, e.g. 5s (later waits grow with --poll-interval-ratio, up to 60s or this) "
            + $"[default: {Astro.Triggers.Sdk.Core.HumanDuration.Format(new RunWaitOptions().PollInterval)}]",
        CustomParser = Durations.Parse,
    };

    public static readonly Option<double> PollIntervalRatio = new("--poll-interval-ratio")
    {
        Description = "Each wait between status reads as a fraction of the time waited so far: a run is noticed within this share of its length (0 keeps --poll-interval fixed)",
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

    /// <summary>The options every command has.</summary>
    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Json);
        root.Options.Add(Verbose);
    }

    /// <summary>The options of every command of a service (recursive from its group).</summary>
    public static void AddToService(Command service)
    {
        service.Options.Add(Config);
        service.Options.Add(Offline);
        service.Options.Add(BaseUrl);
    }

    /// <summary>The options of a command that follows runs.</summary>
    public static Symbol[] WaitSettings => [Timeout, PollInterval, PollIntervalRatio];

    /// <summary>The --wait flag of start commands.</summary>
    public static Option<bool> Wait() => new("--wait", "-w")
    {
        Description = "Follow the run until it ends: exit 0 succeeded, 1 failed/cancelled, 3 timed out (see --timeout)",
    };

    /// <summary>How many items a list prints (at least 1).</summary>
    public static Option<int> Limit() => new("--limit")
    {
        Description = "The most items to print (1 or more)",
        DefaultValueFactory = _ => 50,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"--limit: must be 1 or more (was '{string.Join(' ', result.Tokens.Select(t => t.Value))}').");
                }
            },
        },
    };
}
