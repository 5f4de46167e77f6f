using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Astropod;

/// <summary>Settings of an <see cref="AstropodClient"/>. Bind from configuration (e.g. section "Astropod").
/// Astropod tokens are WorkOS session or device-flow tokens: set <see cref="ServiceClientOptions.TokenProvider"/>
/// so a 401 refreshes the token once, as the vendor's CLI does.</summary>
public sealed class AstropodClientOptions : ServiceClientOptions
{
    /// <summary>Astropod's public API address.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://api.astropod.ai");

    /// <summary>Creates options with Astropod's public base address.</summary>
    public AstropodClientOptions()
    {
        BaseAddress = DefaultBaseAddress;
    }
}
