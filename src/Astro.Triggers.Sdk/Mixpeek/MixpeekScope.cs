namespace Astro.Triggers.Sdk.Mixpeek;

/// <summary>The namespace (<c>X-Namespace</c>) of a Mixpeek call: the per-call one, else the client's, checked
/// against the rule before anything is sent.</summary>
internal static class MixpeekScope
{
    public static string Namespace(MixpeekClientOptions client, MixpeekRequestOptions? options)
    {
        if (options?.Namespace is { } perCall)
        {
            return NamespaceRule.Check(perCall, "options.Namespace");
        }

        return client.Namespace is { } clientWide
            ? NamespaceRule.Check(clientWide, nameof(MixpeekClientOptions.Namespace))
            : throw new ArgumentException(
                $"A namespace is required: set {nameof(MixpeekClientOptions)}.{nameof(MixpeekClientOptions.Namespace)} or {nameof(MixpeekRequestOptions)}.{nameof(MixpeekRequestOptions.Namespace)}.",
                nameof(options));
    }
}
