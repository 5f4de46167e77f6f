namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Where a leniently read value lives: its model type, its wire name, and how to reach the model's
/// extension data (<c>AdditionalProperties</c>), where the raw JSON of a value that did not parse is kept.</summary>
internal sealed record LenientSite(string TypeName, string WireName, string Expected, Func<object, object?>? ExtensionData);
