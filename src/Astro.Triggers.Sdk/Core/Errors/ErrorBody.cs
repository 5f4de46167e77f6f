using System.Text.Json;

namespace Astro.Triggers.Sdk.Core.Errors;

/// <summary>The fields read from an error body, whatever its shape: Agentset/Mixpeek
/// <c>{error:{code|type, message, doc_url}}</c>, <c>{message, code}</c>, <c>{error:"text"}</c>,
/// FastAPI <c>{detail: "text" | [{loc, msg, type}]}</c>, Shipyard <c>{request:{id}}</c>, Astropod <c>{error, code, reason, action}</c>,
/// TrueFoundry <c>{statusCode, message, code}</c>. Every text field also accepts a JSON number or boolean, read as its
/// JSON text (TrueFoundry's numeric <c>code</c> 4001 becomes "4001").</summary>
internal sealed record ErrorBody(
    string? Code, string? Message, string? DocumentationUrl, string? RequestId, string? Reason = null, string? Action = null,
    IReadOnlyList<ValidationIssue>? ValidationIssues = null)
{
    public static readonly ErrorBody Empty = new(null, null, null, null);

    /// <summary>Parses what it can; a body that is not a JSON object (HTML, text, empty, truncated) gives Empty.</summary>
    public static ErrorBody Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.TrimStart()[0] != '{')
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            var root = document.RootElement;
            string? code = String(root, "code");
            string? message = String(root, "message");
            string? doc = String(root, "doc_url") ?? String(root, "docUrl");
            if (root.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    code = String(error, "code") ?? String(error, "type") ?? code;
                    message = String(error, "message") ?? message;
                    doc = String(error, "doc_url") ?? String(error, "docUrl") ?? doc;
                }
                else if (error.ValueKind == JsonValueKind.String)
                {
                    message ??= error.GetString();
                }
            }

            IReadOnlyList<ValidationIssue>? issues = null;
            if (root.TryGetProperty("detail", out var detail))
            {
                if (detail.ValueKind == JsonValueKind.Array)
                {
                    issues = detail.EnumerateArray().Select(ReadValidationEntry).ToArray();
                    message ??= string.Join("; ", issues);
                }
                else if (detail.ValueKind == JsonValueKind.String)
                {
                    message ??= detail.GetString();
                }
            }

            var requestId = String(root, "request_id") ?? String(root, "requestId");
            if (requestId is null && root.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object)
            {
                requestId = String(request, "id");
            }

            // Astropod: {error, code, reason, action (add_card|update_card|contact_support), details}.
            return new ErrorBody(code, message, doc, requestId, String(root, "reason"), String(root, "action"), issues);
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static ValidationIssue ReadValidationEntry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return new ValidationIssue([], entry.ToString(), null);
        }

        var location = entry.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array
            ? loc.EnumerateArray().Select(step => step.ToString()).ToArray()
            : [];
        return new ValidationIssue(location, String(entry, "msg") ?? entry.ToString(), String(entry, "type"));
    }

    // Services are not consistent about JSON types here: TrueFoundry sends `code` as a number or a string
    // (vendors.md), so a number is kept as its text rather than lost; objects and arrays are not text.
    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            }
            : null;
}
