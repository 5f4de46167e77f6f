using Astro.Triggers.Sdk.Core.Http;

namespace Astro.Triggers.Sdk.Core;

/// <summary>The id a success answer names for the run it started. It comes from the wire, not from the caller, so a
/// value the SDK cannot use (missing, null, empty, whitespace, a control character, "." or "..", the wrong prefix) is
/// the answer's fault: it is thrown as a <see cref="ResponseDeserializationException"/> naming the field, with
/// <c>MayHaveBeenProcessed</c> (the service acted), never as the <see cref="ArgumentException"/> a caller's argument
/// would get. Every start that builds a run handle, and every answer that hands back an id to follow, checks here.</summary>
internal static class WireRunId
{
    /// <summary>The id, checked.</summary>
    /// <param name="value">The id as read from the answer.</param>
    /// <param name="operation">The operation that answered.</param>
    /// <param name="status">The success status it answered with.</param>
    /// <param name="field">The field's path in the answer, e.g. "data.fleet_run_id".</param>
    /// <param name="prefix">The prefix the service's ids carry (Agentset's "job_"), or null.</param>
    /// <returns>The id, usable as a path segment to read the run.</returns>
    /// <exception cref="ResponseDeserializationException">The answer named no usable id.</exception>
    public static string Required(string? value, OperationInfo operation, int status, string field, string? prefix = null)
    {
        var problem = Problem(value, prefix);
        return problem is null
            ? value!
            : throw new ResponseDeserializationException(operation, status, $"the answer's '{field}' {problem}, so the run cannot be followed", innerException: null);
    }

    /// <summary>An optional name from the answer: null when it is missing or unusable (blank, control characters).</summary>
    /// <param name="value">The value as read.</param>
    /// <returns>The value, or null.</returns>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl) ? null : value;

    private static string? Problem(string? value, string? prefix)
    {
        if (value is null)
        {
            return "is missing or null";
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return "is empty or whitespace";
        }

        if (value.Any(char.IsControl))
        {
            return "holds a control character";
        }

        if (value is "." or "..")
        {
            return $"is '{value}' (a path segment that would change the route)";
        }

        return prefix is not null && (!value.StartsWith(prefix, StringComparison.Ordinal) || value.Length == prefix.Length)
            ? $"is '{Shorten(value)}', not an id starting with '{prefix}'"
            : null;
    }

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
