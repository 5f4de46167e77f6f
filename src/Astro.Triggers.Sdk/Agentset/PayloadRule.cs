using Astro.Triggers.Sdk.Core;

namespace Astro.Triggers.Sdk.Agentset;

/// <summary>What Agentset's document requires of a create body (openapi/agentset.yaml), checked before sending so a
/// payload the service would answer 422 costs no request: a payload of a known kind (a bare
/// <see cref="IngestJobPayload"/> has no <c>type</c>), text that is not empty, absolute http(s) URLs, a managed-file
/// key, at least one YouTube URL or batch item, depths, limits and chunk sizes at their minimum, crawl headers
/// without CR/LF. Messages name the path, e.g. <c>job.Payload.Items[2].Text</c>.</summary>
internal static class PayloadRule
{
    private const string Kinds =
        nameof(TextPayload) + ", " + nameof(FilePayload) + ", " + nameof(ManagedFilePayload) + ", " + nameof(CrawlPayload) + ", "
        + nameof(YoutubePayload) + " or " + nameof(BatchPayload);

    private const string ItemKinds = nameof(BatchTextItem) + ", " + nameof(BatchFileItem) + " or " + nameof(BatchManagedFileItem);

    public static void Check(CreateIngestJobRequest job, string path)
    {
        var payload = Guard.NotNull(job.Payload, $"{path}.{nameof(job.Payload)}");
        CheckPayload(payload, $"{path}.{nameof(job.Payload)}");
        CheckConfig(job.Config, $"{path}.{nameof(job.Config)}");
    }

    private static void CheckPayload(IngestJobPayload payload, string path)
    {
        switch (payload)
        {
            case TextPayload text:
                Guard.HasText(text.Text, $"{path}.{nameof(text.Text)}");
                break;
            case FilePayload file:
                Guard.HttpUrl(file.FileUrl, $"{path}.{nameof(file.FileUrl)}");
                break;
            case ManagedFilePayload managed:
                Guard.NotNullOrWhiteSpace(managed.Key, $"{path}.{nameof(managed.Key)}");
                break;
            case CrawlPayload crawl:
                CheckCrawl(crawl, path);
                break;
            case YoutubePayload youtube:
                NotEmpty(youtube.Urls, $"{path}.{nameof(youtube.Urls)}", "URL");
                for (var i = 0; i < youtube.Urls.Count; i++)
                {
                    Guard.HttpUrl(youtube.Urls[i], $"{path}.{nameof(youtube.Urls)}[{i}]");
                }

                break;
            case BatchPayload batch:
                NotEmpty(batch.Items, $"{path}.{nameof(batch.Items)}", "item");
                for (var i = 0; i < batch.Items.Count; i++)
                {
                    CheckItem(batch.Items[i], $"{path}.{nameof(batch.Items)}[{i}]");
                }

                break;
            default:
                // A kind this SDK has no class for can still be sent as a bare payload naming its own "type".
                if (payload.GetType() != typeof(IngestJobPayload) || !payload.AdditionalProperties.ContainsKey("type"))
                {
                    throw new ArgumentException($"'{path}' must be one of {Kinds} (was an empty {payload.GetType().Name}: it has no kind).", path);
                }

                break;
        }
    }

    private static void CheckCrawl(CrawlPayload crawl, string path)
    {
        Guard.HttpUrl(crawl.Url, $"{path}.{nameof(crawl.Url)}");
        if (crawl.MaxDepth is { } depth)
        {
            Guard.AtLeast(depth, 1L, $"{path}.{nameof(crawl.MaxDepth)}");
        }

        if (crawl.Limit is { } limit)
        {
            Guard.AtLeast(limit, 1L, $"{path}.{nameof(crawl.Limit)}");
        }

        foreach (var (name, list) in new[] { (nameof(crawl.IncludePaths), crawl.IncludePaths), (nameof(crawl.ExcludePaths), crawl.ExcludePaths) })
        {
            for (var i = 0; list is not null && i < list.Count; i++)
            {
                Guard.NotNullOrWhiteSpace(list[i], $"{path}.{name}[{i}]");
            }
        }

        foreach (var (header, value) in crawl.Headers ?? new Dictionary<string, string>())
        {
            Guard.NotNullOrWhiteSpace(header, $"{path}.{nameof(crawl.Headers)}");
            Guard.NoControlCharacters(value ?? string.Empty, $"{path}.{nameof(crawl.Headers)}[\"{header}\"]");
        }
    }

    private static void CheckItem(BatchItem? item, string path)
    {
        switch (item)
        {
            case null:
                throw new ArgumentNullException(path);
            case BatchTextItem text:
                Guard.HasText(text.Text, $"{path}.{nameof(text.Text)}");
                CheckConfig(text.Config, $"{path}.{nameof(text.Config)}");
                break;
            case BatchFileItem file:
                Guard.HttpUrl(file.FileUrl, $"{path}.{nameof(file.FileUrl)}");
                CheckConfig(file.Config, $"{path}.{nameof(file.Config)}");
                break;
            case BatchManagedFileItem managed:
                Guard.NotNullOrWhiteSpace(managed.Key, $"{path}.{nameof(managed.Key)}");
                CheckConfig(managed.Config, $"{path}.{nameof(managed.Config)}");
                break;
            default:
                if (item.GetType() != typeof(BatchItem) || !item.AdditionalProperties.ContainsKey("type"))
                {
                    throw new ArgumentException($"'{path}' must be one of {ItemKinds} (was an empty {item.GetType().Name}: it has no kind).", path);
                }

                break;
        }
    }

    private static void CheckConfig(IngestJobConfig? config, string path)
    {
        if (config is null)
        {
            return;
        }

        if (config.ChunkSize is { } chunkSize)
        {
            Guard.AtLeast(chunkSize, 32L, $"{path}.{nameof(config.ChunkSize)}");
        }

        MetadataRule.Check(config.Metadata, $"{path}.{nameof(config.Metadata)}");
    }

    private static void NotEmpty<T>(IList<T>? list, string path, string what)
    {
        ArgumentNullException.ThrowIfNull(list, path);
        if (list.Count == 0)
        {
            throw new ArgumentException($"'{path}' must hold at least one {what}.", path);
        }
    }
}
