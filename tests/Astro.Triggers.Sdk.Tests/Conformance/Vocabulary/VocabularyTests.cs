using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Conformance.Vocabulary;

/// <summary>The C# half of the vocabulary check (issue 26, item 3; tests/conformance/README.md, "Vocabulary"): every
/// C# public type, and every member of a client, sub-client, options, error, run-handle, paging or status-mapping
/// type, has an entry in vocabulary.json (a concept or an accepted difference), and every C# name the map gives still
/// exists. The TypeScript half is src/typescript/test/conformance/vocabulary.test.ts.</summary>
public sealed class VocabularyTests
{
    private static readonly VocabularyMap Map = VocabularyMap.Load();

    private const string HowToAdd =
        "add it to \"concepts\" with its TypeScript, Python and CLI names, or to \"accepted\" with \"drift\" and a reason " +
        "(node tests/conformance/vocabulary/generate.mjs drafts the entry; see tests/conformance/README.md, \"Vocabulary\")";

    [Fact]
    public void Every_csharp_public_type_and_member_has_an_entry()
    {
        var byName = Map.Entries.Where(e => e.CSharp is not null).ToLookup(e => e.CSharp!, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var type in CSharpSurface.Types)
        {
            var entry = byName[type.Name].FirstOrDefault();
            if (entry is null)
            {
                problems.Add($"C# public type '{type.Name}' ({type.FullName}) has no entry in {VocabularyMap.RelativePath}: {HowToAdd}; give it a \"kind\".");
                continue;
            }

            if (entry.Kind is null)
            {
                problems.Add($"{VocabularyMap.RelativePath}: the entry for C# type '{type.Name}' has no \"kind\" (one of {string.Join(", ", Map.MemberKinds)} to have its members checked, or model, enum, delegate, di, factory, diagnostics).");
                continue;
            }

            if (!Map.MemberKinds.Contains(entry.Kind))
            {
                continue;
            }

            foreach (var member in type.Members)
            {
                var name = $"{type.Name}.{member}";
                if (!byName.Contains(name))
                {
                    problems.Add($"C# public member '{name}' (of a {entry.Kind} type) has no entry in {VocabularyMap.RelativePath}: {HowToAdd}.");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_csharp_name_in_the_map_exists()
    {
        var names = CSharpSurface.Types.SelectMany(t => t.Members.Select(m => $"{t.Name}.{m}").Prepend(t.Name)).ToHashSet(StringComparer.Ordinal);
        var problems = Map.Entries
            .Where(e => e.CSharp is not null && !names.Contains(e.CSharp))
            .Select(e => $"{VocabularyMap.RelativePath} ({e.List}[{e.Index}]) names C# '{e.CSharp}', which {string.Join(" + ", CSharpSurface.Files)} no longer has: " +
                "rename the entry's \"csharp\" to the new name, set it to null if only C# lost it (the entry then belongs in \"accepted\" with a reason), or remove the entry if the concept is gone everywhere.")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_map_is_well_formed()
    {
        var problems = new List<string>();
        foreach (var e in Map.Entries)
        {
            var python = e.Json["python"] is JsonValue pythonValue && pythonValue.TryGetValue<string>(out var pythonName) ? pythonName : null;
            var where = $"{VocabularyMap.RelativePath} {e.List}[{e.Index}] ({e.CSharp ?? e.TypeScript ?? python})";
            if (e.CSharp is null && e.TypeScript is null && python is null)
            {
                problems.Add($"{where}: names neither a C#, a TypeScript nor a Python symbol.");
            }

            foreach (var key in new[] { "csharp", "typescript", "python", "cli" })
            {
                if (!e.Json.ContainsKey(key))
                {
                    problems.Add($"{where}: has no \"{key}\" (write null where a language has no name).");
                }
            }

            if (e.List == "concepts" && (e.CSharp is null || e.TypeScript is null || e.Json.ContainsKey("reason")))
            {
                problems.Add($"{where}: a concept names both languages and has no reason; a one-language name or a difference with a reason belongs in \"accepted\".");
            }

            if (e.List == "accepted" && (string.IsNullOrWhiteSpace(e.Reason) || e.Reason.StartsWith("TODO", StringComparison.Ordinal) || e.Drift is null))
            {
                problems.Add($"{where}: an accepted difference needs \"drift\" (true or false) and a reason (not TODO).");
            }
        }

        foreach (var duplicate in Map.Entries.Where(e => e.CSharp is not null).GroupBy(e => e.CSharp, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{VocabularyMap.RelativePath}: C# '{duplicate.Key}' has {duplicate.Count()} entries; keep one.");
        }

        foreach (var duplicate in CSharpSurface.Types.GroupBy(t => t.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Two C# public types are both named '{duplicate.Key}' ({string.Join(", ", duplicate.Select(t => t.FullName))}): the map names types by simple name; qualify them in CSharpSurface.ShortName and generate.mjs.");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
