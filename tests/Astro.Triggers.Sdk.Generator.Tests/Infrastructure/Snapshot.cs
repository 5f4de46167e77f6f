using System.Globalization;
using System.Text;
using Xunit.Sdk;

namespace Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

/// <summary>Compares generated text with a checked-in file under Expected/.</summary>
/// <remarks>
/// To accept new output after an intended generator change, run the tests with the environment variable
/// <c>ASTRO_UPDATE_SNAPSHOTS=1</c>: every compared expected file is rewritten (or created) instead of failing;
/// then review the change with <c>git diff tests/Astro.Triggers.Sdk.Generator.Tests/Expected</c>.
/// A missing expected file fails too (so a new case cannot pass by accident) until it is created that way.
/// </remarks>
internal static class Snapshot
{
    public const string UpdateVariable = "ASTRO_UPDATE_SNAPSHOTS";

    // Enough context to see a change without scrolling past a whole file.
    private const int ShownLines = 12;

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static void Matches(string actual, string expectedFile)
    {
        var path = TestPaths.Expected(expectedFile);
        // Compare line by line, whatever line endings a checkout gives the expected files.
        actual = actual.ReplaceLineEndings("\n");
        var expected = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            return;
        }

        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        throw new XunitException(expected is null
            ? $"Expected/{expectedFile} does not exist. Run the tests with {UpdateVariable}=1 to create it, then review it.\n"
                + $"Actual output starts:\n{Head(actual.Split('\n'), 0)}"
            : Difference(expectedFile, expected.Split('\n'), actual.Split('\n')));
    }

    private static string Difference(string expectedFile, string[] expected, string[] actual)
    {
        var first = 0;
        while (first < expected.Length && first < actual.Length && expected[first] == actual[first])
        {
            first++;
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Generated output differs from Expected/{expectedFile} at line {first + 1} ")
            .Append(CultureInfo.InvariantCulture, $"(expected {expected.Length} lines, got {actual.Length}). ")
            .Append(CultureInfo.InvariantCulture, $"If the change is intended, run the tests with {UpdateVariable}=1 and review the diff.\n")
            .Append("--- expected\n").Append(Head(expected, first))
            .Append("+++ actual\n").Append(Head(actual, first));
        return text.ToString();
    }

    private static string Head(string[] lines, int from)
    {
        var text = new StringBuilder();
        for (var i = from; i < Math.Min(lines.Length, from + ShownLines); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i + 1,5}: {lines[i]}\n");
        }

        return text.ToString();
    }
}
