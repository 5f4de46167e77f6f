using System.Globalization;
using Astro.Triggers.Sdk;
using Astro.Triggers.Sdk.Samples;

// Each service's flow runs against its embedded offline fake (Astro.Triggers.Sdk.Testing) unless that service's
// environment variables are set (see each *Sample.cs). Usage: dotnet run -- [--help] [all|agentset|astropod|truefoundry|shipyard|mixpeek]

// The output is the same on every machine: numbers and dates in invariant formats, whatever the user's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var samples = new Dictionary<string, Func<Steps, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["agentset"] = AgentsetSample.RunAsync,
    ["astropod"] = AstropodSample.RunAsync,
    ["truefoundry"] = TrueFoundrySample.RunAsync,
    ["shipyard"] = ShipyardSample.RunAsync,
    ["mixpeek"] = MixpeekSample.RunAsync,
};

if (args.Any(arg => arg is "--help" or "-h" or "-?" or "help"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

var chosen = args.Length == 0 || args[0].Equals("all", StringComparison.OrdinalIgnoreCase) ? samples.Keys.ToArray() : args;
if (chosen.FirstOrDefault(name => !samples.ContainsKey(name)) is { } unknown)
{
    Console.Error.WriteLine($"Unknown sample '{unknown}'.");
    Console.Error.WriteLine(Usage.Text);
    return 2;
}

var steps = new Steps();
try
{
    foreach (var name in chosen)
    {
        await samples[name](steps);
    }

    steps.Say("done", $"{chosen.Length} sample(s)");
    return 0;
}
// Every SDK error is typed: said in one line, with the exit code --help documents (Usage.Text), never a stack trace.
// The codes are astro-triggers' own (ExitCodes in the CLI), so a script that runs both branches on one table.
catch (MissingSettingException ex)
{
    steps.Say("error", ex.Message);
    return 2;
}
catch (ArgumentException ex)
{
    // A setting the SDK refuses before sending anything (an options check, or an argument built from one): the message
    // names which and why, as for a missing one.
    steps.Say("error", $"invalid setting: {ex.Message}");
    return 2;
}
catch (Exception ex) when (ex is ServiceRequestException or TokenRefreshException)
{
    steps.Say("error", $"the service refused: {ex.Message}");
    return 4;
}
catch (RunFailedException ex)
{
    steps.Say("error", $"the run did not succeed: {ex.Message}");
    return 1;
}
catch (RunWaitTimeoutException ex)
{
    steps.Say("error", $"the run did not end in time: {ex.Message}");
    return 3;
}
catch (AstroTriggersException ex)
{
    // ServiceTransportException (unreachable, timed out), ResponseDeserializationException (an unreadable answer).
    steps.Say("error", $"no usable answer: {ex.Message}");
    return 5;
}
