using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Tests.Readme;

/// <summary>Issue 15 #1: every C# snippet of README.md compiles (it is <see cref="ReadmeSnippets"/>) and runs as pasted
/// against the fakes, and README shows exactly that code.</summary>
public sealed partial class ReadmeSnippetTests
{
    public static TheoryData<string> Snippets => new(typeof(ReadmeSnippets).GetMethods()
        .Where(m => m.IsStatic && m.DeclaringType == typeof(ReadmeSnippets)).Select(m => m.Name));

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Astro.Triggers.Sdk.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (Astro.Triggers.Sdk.sln) was not found above the test's folder.");
        }
    }

    private static string SnippetSource => File.ReadAllText(Path.Combine(RepoRoot, "tests", "Astro.Triggers.Sdk.Tests", "Readme", "ReadmeSnippets.cs"));

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task Each_snippet_runs_as_pasted_against_the_fakes(string name)
    {
        var method = typeof(ReadmeSnippets).GetMethod(name)!;

        await ((Task)method.Invoke(null, null)!).WaitAsync(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Every_csharp_block_of_the_readme_is_a_compiled_snippet_verbatim()
    {
        var source = SnippetSource;
        var regions = Region().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
        var usings = source.Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Select(l => l.Trim()).ToHashSet();
        var blocks = CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepoRoot, "README.md"))).Select(m => m.Groups["code"].Value).ToList();

        blocks.Should().NotBeEmpty();
        foreach (var block in blocks)
        {
            var lines = block.Replace("\r", string.Empty, StringComparison.Ordinal).TrimEnd('\n').Split('\n').ToList();
            var blockUsings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';')).ToList();
            if (blockUsings.Count > 0)
            {
                usings.Should().Contain(blockUsings.Select(u => u.Trim()), "the README's using lines are the snippet file's");
            }

            var code = string.Join('\n', lines.Skip(blockUsings.Count).SkipWhile(string.IsNullOrWhiteSpace));
            regions.Values.Should().Contain(code, $"README block starting \"{lines[0]}\" must be a region of ReadmeSnippets.cs, verbatim");
        }

        regions.Values.Should().OnlyContain(region => blocks.Any(b => b.Replace("\r", string.Empty, StringComparison.Ordinal).Contains(region, StringComparison.Ordinal)),
            "every snippet is shown in README");
    }

    private static string Dedent(string body)
    {
        var lines = body.Replace("\r", string.Empty, StringComparison.Ordinal).Trim('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart())).TrimEnd();
    }

    [GeneratedRegex(@"#region snippet:(?<name>\w+)\r?\n(?<body>.*?)\r?\n[ \t]*#endregion", RegexOptions.Singleline)]
    private static partial Regex Region();

    [GeneratedRegex(@"```csharp\r?\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
