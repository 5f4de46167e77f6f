using Astro.Triggers.Cli;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;

// SIGINT (Ctrl+C) and SIGTERM (a CI runner cancelling the step) stop waiting; they never cancel the run on the service.
using var interrupt = new CancellationTokenSource();
var host = CliHost.FromProcess(interrupt, out var signals);
using (signals)
{
    return await CliApp.RunAsync(args, host, OfflineSupport.Create()).ConfigureAwait(false);
}
