using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

/// <summary>One generated file, split where the generator joins its two halves: NSwag's models, then the part
/// our ApiWriter writes (request methods, typed operations, JSON context).</summary>
internal sealed partial class Generated
{
    private Generated(string code, string models, string api)
    {
        Code = code;
        Models = models;
        Api = api;
    }

    public string Code { get; }

    /// <summary>NSwag's output after ModelPostProcessor: large and NSwag-versioned, so tests pick pieces of it.</summary>
    public string Models { get; }

    /// <summary>Everything ApiWriter writes: small and all ours, so tests compare it whole.</summary>
    public string Api { get; }

    /// <summary>Runs the generator in-process on Documents/<paramref name="document"/>.</summary>
    public static async Task<Generated> FromDocumentAsync(string document)
    {
        var code = await SpecGenerator.GenerateAsync(TestPaths.Document(document));
        var start = code.LastIndexOf("#nullable enable\n#pragma warning disable\nnamespace ", StringComparison.Ordinal);
        start.Should().BePositive("ApiWriter's part starts with '#nullable enable' and the Generated namespace");
        return new Generated(code, code[..start], code[start..]);
    }

    /// <summary>The declaration of one generated type (its attributes, doc comment and body) from the models, so
    /// a test can compare one enum or class without pinning the rest of NSwag's output.</summary>
    /// <remarks>Finds the first type of that name at any indent; the block ends at the closing brace of that indent.</remarks>
    public string ModelType(string name)
    {
        var lines = Models.Split('\n');
        var declaration = Array.FindIndex(lines, l => DeclarationOf(name).IsMatch(l));
        declaration.Should().BeGreaterThanOrEqualTo(0, $"the models should declare a type named {name}");
        var first = declaration;
        while (first > 0 && IsPreamble(lines[first - 1]))
        {
            first--;
        }

        var indent = lines[declaration][..(lines[declaration].Length - lines[declaration].TrimStart().Length)];
        var last = Array.FindIndex(lines, declaration, l => l == indent + "}");
        // NSwag's [GeneratedCode] names its own version: not ours to pin, and it would fail every snapshot on an update.
        return string.Join('\n', lines[first..(last + 1)].Where(l => !l.Contains("GeneratedCode(\"NJsonSchema\"", StringComparison.Ordinal))) + "\n";
    }

    /// <summary>The x-astro-run-status class RunStatusMaps writes after ApiWriter's part (its own namespace block),
    /// or null when the document maps no status.</summary>
    public string? RunStatuses
    {
        get
        {
            // ApiWriter's part is one namespace block; the run statuses are a second one after it.
            var first = Api.IndexOf("\nnamespace ", StringComparison.Ordinal);
            var start = Api.LastIndexOf("\nnamespace ", StringComparison.Ordinal);
            return start == first ? null : Api[(start + 1)..];
        }
    }

    /// <summary>Whether the models declare a type of this name (class, enum, record or interface).</summary>
    public bool DeclaresModelType(string name) => Models.Split('\n').Any(l => DeclarationOf(name).IsMatch(l));

    // Attribute and XML-doc lines directly above a declaration belong to it.
    private static bool IsPreamble(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith('[') || trimmed.StartsWith("///", StringComparison.Ordinal);
    }

    private static Regex DeclarationOf(string name) =>
        new($@"^\s*(public|internal)\s.*\b(class|enum|record|interface)\s+{Regex.Escape(name)}\b");
}
