namespace Astro.Triggers.Cli;

/// <summary>The process exit codes of <c>astro-triggers</c>, documented in the README (and in <c>--help</c>); CI scripts
/// branch on them. A code never means two things: 1 is only ever a run that ended failed or cancelled.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; a waited run succeeded.</summary>
    public const int Succeeded = 0;

    /// <summary>A waited run ended failed or cancelled.</summary>
    public const int RunFailed = 1;

    /// <summary>A bad argument or missing setting, found before any request was sent.</summary>
    public const int Usage = 2;

    /// <summary>The wait timed out; the run is still going.</summary>
    public const int WaitTimedOut = 3;

    /// <summary>The service refused the call (a 4xx answer, or a credential that could not be refreshed): trying the same
    /// call again will not help.</summary>
    public const int Refused = 4;

    /// <summary>No usable answer (transport failure, timeout, 5xx): the call may or may not have been processed.</summary>
    public const int Unavailable = 5;

    /// <summary>An unexpected failure inside astro-triggers itself: a bug (sysexits' EX_SOFTWARE).</summary>
    public const int Bug = 70;

    /// <summary>Interrupted by SIGINT (Ctrl+C): waiting stopped, the run itself goes on (128 + 2, the shell's convention).</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated by SIGTERM (a CI runner cancelling the step): waiting stopped, the run goes on (128 + 15).</summary>
    public const int Terminated = 143;
}
