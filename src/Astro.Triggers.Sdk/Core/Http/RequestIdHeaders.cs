namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>The headers a service's request id may come in, in the order they are tried: one list for the error a
/// failed call throws and the <see cref="ResponseInfo"/> a successful one reports.</summary>
internal static class RequestIdHeaders
{
    public static readonly string[] Names = ["x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid"];
}
