using System.Text.RegularExpressions;

namespace Astro.Triggers.Sdk.Tests.Readme;

/// <summary>Issue 25 #5: until the packages are on a feed, README and both package READMEs say how to use them — pack
/// into a folder, a nuget.config naming it, then <c>dotnet add package</c> — with the commands .ci/package-test runs.
/// (The commands were tried in a fresh console app outside the repository; this keeps them pointing at real projects.)</summary>
public sealed partial class ReadmePackagingTests
{
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

            throw new InvalidOperationException("The repository root (Astro.Triggers.Sdk.sln) was not found.");
        }
    }

    [Theory]
    [InlineData("README.md", "Astro.Triggers.Sdk")]
    [InlineData("README.md", "Astro.Triggers.Sdk.Testing")]
    [InlineData("src/Astro.Triggers.Sdk/README.md", "Astro.Triggers.Sdk")]
    [InlineData("src/Astro.Triggers.Sdk.Testing/README.md", "Astro.Triggers.Sdk.Testing")]
    public void Says_how_to_use_a_package_before_it_is_on_a_feed(string readme, string package)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot, readme));

        var packs = PackCommand().Matches(text).Select(m => m.Groups["project"].Value).ToList();
        packs.Should().Contain($"src/{package}", "the package is packed from its project");
        foreach (var project in packs)
        {
            File.Exists(Path.Combine(RepoRoot, project, Path.GetFileName(project) + ".csproj")).Should().BeTrue($"'dotnet pack {project}' must name a project");
        }

        text.Should().Contain("<add key=\"astro-triggers-local\" value=\"$HOME/astro-triggers-feed\" />", "a nuget.config names the folder as a source")
            .And.NotContain("<clear />\n", "the folder is added to the user's sources, not instead of them")
            .And.Contain($"dotnet add package {package}");
        text.IndexOf("dotnet pack", StringComparison.Ordinal).Should().BeLessThan(text.LastIndexOf($"dotnet add package {package}", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pack_command_is_the_one_the_package_test_runs()
    {
        File.ReadAllText(Path.Combine(RepoRoot, ".ci", "package-test"))
            .Should().Contain("dotnet pack \"$project\" -c Release -o \"$feed\"", "README's 'dotnet pack <project> -c Release -o <folder>' is what CI proves works");
    }

    [GeneratedRegex(@"dotnet pack (?<project>src/[A-Za-z.]+) -c Release -o ""\$HOME/astro-triggers-feed""")]
    private static partial Regex PackCommand();
}
