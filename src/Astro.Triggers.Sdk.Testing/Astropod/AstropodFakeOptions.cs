using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Testing.Astropod;

/// <summary>Settings of an <see cref="AstropodFake"/>.</summary>
public sealed class AstropodFakeOptions : FakeServiceOptions
{
    /// <summary>The account that owns the deployment the fake starts with. Default <c>acme</c>.</summary>
    public string Account { get; set; } = "acme";

    /// <summary>That deployment's id. Default <c>dep-fake</c>.</summary>
    public string DeploymentId { get; set; } = "dep-fake";

    /// <summary>That deployment's Kubernetes namespace, the first segment of a trigger path. Default <c>docs-agent</c>.</summary>
    public string Namespace { get; set; } = "docs-agent";

    /// <summary>Its manually triggerable ingestion sources (components <c>ingestion-&lt;name&gt;</c>). Default <c>docs_sync</c>.</summary>
    public IList<string> ManualIngestions { get; init; } = ["docs_sync"];

    /// <summary>Its scheduled ingestion sources, name → cron; a trigger of one is refused (400). Default <c>nightly_crawl</c> at 02:00.</summary>
    public IDictionary<string, string> ScheduledIngestions { get; init; } = new Dictionary<string, string> { ["nightly_crawl"] = "0 2 * * *" };
}
