namespace Astro.Triggers.Sdk.Generator;

/// <summary>A problem in an OpenAPI document that the generator reports against the spec file.</summary>
internal sealed class SpecException(string message) : Exception(message);
