using System.Runtime.InteropServices;
using Astro.Triggers.Cli;
using Astro.Triggers.Cli.Offline;
using Astro.Triggers.Cli.Output;

// Ctrl+C and SIGTERM (a CI runner cancelling the step) stop waiting; they never cancel the run on the service.
using var interrupt = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    interrupt.Cancel();
});
return await CliApp.RunAsync(args, CliHost.FromProcess(interrupt), OfflineSupport.Create()).ConfigureAwait(false);
