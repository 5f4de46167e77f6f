using System.Reflection;

namespace Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

/// <summary>Where the committed documents and expected files are: the test project's source folder, recorded at
/// build time, so a snapshot update rewrites the files under version control rather than copies in bin/.</summary>
internal static class TestPaths
{
    public static string ProjectDirectory { get; } = typeof(TestPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "TestProjectDirectory").Value!;

    public static string Document(string fileName) => Path.Combine(ProjectDirectory, "Documents", fileName);

    public static string Expected(string fileName) => Path.Combine(ProjectDirectory, "Expected", fileName);
}
