using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Tests.Conformance.Vocabulary;

/// <summary>The C# public surface as the PublicAPI analyzer records it (src/Astro.Triggers.Sdk/PublicAPI.Shipped.txt +
/// PublicAPI.Unshipped.txt): every public type by its simple name (generic parameters kept: <c>Page&lt;T&gt;</c>) and
/// the members it declares. Constructors, overrides and the members the compiler writes for a record are left out
/// (vocabulary.json's conventions). The same parse as tests/conformance/vocabulary/generate.mjs.</summary>
internal static partial class CSharpSurface
{
    public sealed record PublicType(string FullName, string Name, IReadOnlySet<string> Members);

    private static readonly Lazy<IReadOnlyList<PublicType>> LazyTypes = new(Load);

    public static IReadOnlyList<PublicType> Types => LazyTypes.Value;

    public static string[] Files { get; } = ["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"];

    public static string ShortName(string fullName) => ServicePrefix().Replace(fullName, "");

    public static IReadOnlyList<PublicType> Parse(IEnumerable<string> rawLines)
    {
        var lines = rawLines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("*REMOVED*", StringComparison.Ordinal)).ToList();
        var parsed = new List<(string Decl, bool IsType, bool IsOverride)>();
        foreach (var line in lines)
        {
            var modifiers = Modifiers().Match(line).Value;
            var rest = line[modifiers.Length..];
            var arrow = rest.IndexOf(" -> ", StringComparison.Ordinal);
            var decl = arrow < 0 ? rest : rest[..arrow];
            var isType = arrow < 0 && !decl.Contains('(', StringComparison.Ordinal);
            var paren = decl.IndexOf('(', StringComparison.Ordinal);
            var head = paren < 0 ? decl : decl[..paren];
            var equals = head.IndexOf(" = ", StringComparison.Ordinal);
            parsed.Add((equals < 0 ? head : head[..equals], isType, modifiers.Split(' ').Contains("override")));
        }

        var members = parsed.Where(p => p.IsType).ToDictionary(p => p.Decl, _ => new SortedSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var byLength = members.Keys.OrderByDescending(k => k.Length).ToList();
        foreach (var (decl, _, isOverride) in parsed.Where(p => !p.IsType))
        {
            var owner = byLength.FirstOrDefault(t => decl.StartsWith(t + ".", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"PublicAPI entry '{decl}' belongs to no type listed in the PublicAPI files.");
            var member = Accessor().Replace(decl[(owner.Length + 1)..], "");
            var simple = ShortName(owner).Split('<')[0];
            if (isOverride || member == simple || member.StartsWith('<') || member.StartsWith("operator ", StringComparison.Ordinal) || member is "Deconstruct" or "Equals")
            {
                continue;
            }

            members[owner].Add(member);
        }

        return [.. members.Select(m => new PublicType(m.Key, ShortName(m.Key), m.Value)).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    private static IReadOnlyList<PublicType> Load()
    {
        var project = Path.Combine(Path.GetDirectoryName(ConformanceSuite.Root)!, "..", "src", "Astro.Triggers.Sdk");
        return Parse(Files.SelectMany(f => File.ReadAllLines(Path.Combine(project, f))));
    }

    [GeneratedRegex(@"^((abstract|static|override|virtual|const|readonly|sealed|new)\s+)*")]
    private static partial Regex Modifiers();

    [GeneratedRegex(@"\.(get|set|init)$")]
    private static partial Regex Accessor();

    [GeneratedRegex(@"^(Microsoft\.Extensions\.DependencyInjection\.|Astro\.Triggers\.Sdk\.((Agentset|Astropod|Mixpeek|Shipyard|TrueFoundry)\.)?)")]
    private static partial Regex ServicePrefix();
}
