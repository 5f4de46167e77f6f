namespace Astro.Triggers.Cli.Commands;

/// <summary>A usage problem found before any request (a missing variable, a malformed value): exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
