namespace Astro.Triggers.Cli;

/// <summary>The process exit codes of <c>astro-triggers</c>, documented in the README; CI scripts branch on them.</summary>
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

    /// <summary>The service refused the call (a 4xx answer).</summary>
    public const int Refused = 4;

    /// <summary>No usable answer (transport failure, timeout, 5xx): the call may or may not have been processed.</summary>
    public const int Unavailable = 5;

    /// <summary>Interrupted (Ctrl+C or SIGTERM): waiting stopped, the run itself goes on.</summary>
    public const int Interrupted = 130;
}
