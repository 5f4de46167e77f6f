namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>Thrown inside a fake's handler to answer with an error; the fake renders it in its service's error body.</summary>
#pragma warning disable CA1032 // internal control flow of the fakes, never thrown to users
internal sealed class FakeRejection : Exception
{
    /// <summary>Creates a rejection.</summary>
    /// <param name="status">The HTTP status to answer.</param>
    /// <param name="code">The service's error code or type (e.g. <c>not_found</c>, <c>NotFoundError</c>).</param>
    /// <param name="message">The human-readable message the service would send.</param>
    /// <param name="field">For validation errors, the offending field's path (e.g. <c>body.limit</c>).</param>
    public FakeRejection(int status, string code, string message, string? field = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Field = field;
    }

    /// <summary>The HTTP status to answer.</summary>
    public int Status { get; }

    /// <summary>The service's error code or type.</summary>
    public string Code { get; }

    /// <summary>The offending field's path, for validation errors.</summary>
    public string? Field { get; }
}
