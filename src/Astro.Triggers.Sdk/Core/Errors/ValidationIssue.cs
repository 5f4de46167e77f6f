namespace Astro.Triggers.Sdk;

/// <summary>One entry of a validation error list (FastAPI's 422 <c>{detail:[{loc, msg, type}]}</c>): where the
/// request broke a rule, the service's message and its error type.</summary>
/// <param name="Location">The path to the offending value, e.g. ["body", "schedule_config", "cron_expression"];
/// numeric steps (array indexes) are given as text.</param>
/// <param name="Message">The service's message, e.g. "Field required".</param>
/// <param name="Type">The service's error type, e.g. "missing", when it gave one.</param>
public sealed record ValidationIssue(IReadOnlyList<string> Location, string Message, string? Type)
{
    /// <summary>The location joined with dots, then the message: <c>body.schedule_config.cron_expression: Field required</c>.</summary>
    /// <returns>A one-line description.</returns>
    public override string ToString() => Location.Count == 0 ? Message : $"{string.Join('.', Location)}: {Message}";
}
